#include "core/note.hpp"

#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_set>

#include "core/text.hpp"

namespace notelint {

LineIndex::LineIndex(std::string_view text, std::size_t first_line_start, std::optional<bool> has_cr)
    : text_(text) {
  starts_.push_back(first_line_start);
  const char* data = text.data();
  const std::size_t size = text.size();
  if (first_line_start >= size) return;
  if (!has_cr) has_cr = std::memchr(data + first_line_start, '\r', size - first_line_start) != nullptr;
  if (!*has_cr) {
    // LF only (nearly every note): memchr finds the line ends.
    for (const char* p = data + first_line_start;
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(data + size - p)))) != nullptr;) {
      ++p;
      starts_.push_back(static_cast<std::size_t>(p - data));
    }
    return;
  }
  for (std::size_t i = first_line_start; i < size; ++i) {
    char c = text[i];
    if (c == '\n') {
      starts_.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < size && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

// Checkpoints are taken for one long line at a time, when a position on it is first asked for:
// most notes never ask, and a note with many findings asks about the same line again and again.
void LineIndex::checkpoint_line(std::size_t line) const {
  constexpr std::size_t kStride = 256;
  checkpoint_line_ = line;
  checkpoints_.clear();
  std::size_t begin = starts_[line];
  std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] : text_.size();
  if (end - begin <= kStride) return;
  std::string_view rest = text_.substr(begin, end - begin);
  std::size_t count = 0, last = 0;
  for (std::size_t i = 0; i < rest.size();) {
    if (i - last >= kStride) {
      checkpoints_.emplace_back(begin + i, count);
      last = i;
    }
    decode_utf8(rest, i);
    ++count;
  }
}

std::size_t LineIndex::line_of(std::size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return it == starts_.begin() ? 0 : static_cast<std::size_t>(it - starts_.begin()) - 1;
}

std::size_t LineIndex::line_end(std::size_t line) const {
  std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] : text_.size();
  while (end > starts_[line] && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return end;
}

Position LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  std::size_t line = line_of(offset);
  std::size_t start = starts_[line];
  std::size_t counted = 0;
  if (checkpoint_line_ != line) checkpoint_line(line);
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), std::make_pair(offset, SIZE_MAX));
  if (it != checkpoints_.begin() && std::prev(it)->first > start) {
    start = std::prev(it)->first;
    counted = std::prev(it)->second;
  }
  std::size_t column = counted + (offset > start ? count_code_points(text_.substr(start, offset - start)) : 0);
  return Position{static_cast<std::uint32_t>(line + 1), static_cast<std::uint32_t>(column + 1)};
}

LineIndex::Excerpt LineIndex::excerpt(std::size_t offset) const {
  constexpr std::size_t kBefore = 48, kMax = 192;
  offset = std::min(offset, text_.size());
  std::size_t line = line_of(offset);
  std::size_t begin = starts_[line], end = line_end(line);
  if (end - begin <= kMax) return Excerpt{text_.substr(begin, end - begin), 1};
  auto continuation = [&](std::size_t i) { return i < text_.size() && (text_[i] & 0xC0) == 0x80; };
  std::size_t from = offset > begin + kBefore ? offset - kBefore : begin;
  while (from < end && from > begin && continuation(from)) ++from;
  std::size_t to = std::min(end, from + kMax);
  while (to > from && to < end && continuation(to)) --to;
  return Excerpt{text_.substr(from, to - from), position(from).column};
}

std::string_view LineIndex::line_text(std::size_t line) const {
  return text_.substr(starts_[line], line_end(line) - starts_[line]);
}

const FrontMatterKey* FrontMatter::find(std::string_view key) const {
  for (const auto& k : keys)
    if (k.key == key) return &k;
  return nullptr;
}

bool Note::in_code(std::size_t offset) const {
  auto it = std::upper_bound(outline.code.begin(), outline.code.end(), offset,
                             [](std::size_t o, const Span& s) { return o < s.begin; });
  return it != outline.code.begin() && offset < std::prev(it)->end;
}

namespace {

bool is_delimiter_line(std::string_view line, std::string_view marker) {
  if (line.substr(0, marker.size()) != marker) return false;
  return is_blank(line.substr(marker.size()));
}

// Counts visits and depth: a self-referencing alias makes an endless graph, and real front matter
// never nests deeper than yaml-cpp's own parser limit, which kMaxFrontMatterDepth exceeds.
constexpr std::size_t kMaxFrontMatterDepth = 600;

bool within_node_limit(const YAML::Node& node, std::size_t& visits, std::size_t depth = 0) {
  if (++visits > kMaxFrontMatterNodes || depth > kMaxFrontMatterDepth) return false;
  if (node.IsSequence() || node.IsMap()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (node.IsMap()) {
        if (!within_node_limit(it->first, visits, depth + 1) || !within_node_limit(it->second, visits, depth + 1))
          return false;
      } else if (!within_node_limit(*it, visits, depth + 1)) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

// Converts a yaml-cpp mark (0-based line and byte column inside the block) into a file offset.
std::size_t offset_of_mark(const Note& note, const YAML::Mark& mark) {
  const auto& fm = note.front_matter;
  if (mark.is_null() || mark.line < 0) return fm.content.begin;
  std::size_t first = note.lines.line_of(fm.content.begin);
  std::size_t line = std::min(first + static_cast<std::size_t>(mark.line), note.lines.line_count() - 1);
  std::size_t offset = note.lines.line_start(line) + static_cast<std::size_t>(std::max(mark.column, 0));
  return std::min({offset, note.lines.line_end(line), std::max(fm.content.end, fm.content.begin)});
}

namespace {

std::string normalized_yaml(std::string_view block) {
  std::string out;
  out.reserve(block.size());
  for (std::size_t i = 0; i < block.size(); ++i) {
    if (block[i] == '\r') {
      out += '\n';
      if (i + 1 < block.size() && block[i + 1] == '\n') ++i;
    } else {
      out += block[i];
    }
  }
  return out;
}

}  // namespace

void parse_front_matter(Note& note, std::size_t max_front_matter) {
  auto& fm = note.front_matter;
  const std::size_t start = note.has_bom ? 3 : 0;
  std::size_t line = note.lines.line_of(start);
  while (line < note.lines.line_count() && is_blank(note.lines.line_text(line)) &&
         note.lines.line_start(line) < note.text.size())
    ++line;
  note.body_begin = start;
  if (line >= note.lines.line_count() || !is_delimiter_line(note.lines.line_text(line), "---")) return;
  // A thematic break after blank lines is not front matter unless it is closed like one.
  std::size_t open_line = line;
  std::size_t close_line = open_line + 1;
  while (close_line < note.lines.line_count()) {
    auto text = note.lines.line_text(close_line);
    if (is_delimiter_line(text, "---") || is_delimiter_line(text, "...")) break;
    ++close_line;
  }
  bool closed = close_line < note.lines.line_count();
  if (open_line != note.lines.line_of(start) && !closed) return;
  fm.present = true;
  fm.closed = closed;
  fm.leading_blank_end = note.lines.line_start(open_line);
  std::size_t content_begin = open_line + 1 < note.lines.line_count() ? note.lines.line_start(open_line + 1)
                                                                      : note.text.size();
  if (!closed) {
    fm.block = Span{fm.leading_blank_end, note.text.size()};
    fm.content = Span{content_begin, note.text.size()};
    fm.error = "front matter opened with '---' is never closed";
    fm.error_span = Span{fm.leading_blank_end, note.lines.line_end(open_line)};
    return;
  }
  std::size_t close_end =
      close_line + 1 < note.lines.line_count() ? note.lines.line_start(close_line + 1) : note.text.size();
  fm.block = Span{fm.leading_blank_end, close_end};
  fm.content = Span{content_begin, note.lines.line_start(close_line)};
  note.body_begin = close_end;

  if (fm.content.end - fm.content.begin > max_front_matter) {
    fm.too_large = true;
    fm.error = "front matter is " + std::to_string(fm.content.end - fm.content.begin) +
               " bytes, over front_matter.max_size (" + std::to_string(max_front_matter) + "): not parsed";
    fm.error_span = Span{fm.leading_blank_end, note.lines.line_end(open_line)};
    return;
  }
  try {
    fm.root = YAML::Load(normalized_yaml(note.slice(fm.content)));
  } catch (const YAML::DeepRecursion& e) {
    fm.error = "front matter nests deeper than " + std::to_string(e.depth()) + " levels: not parsed";
    std::size_t at = offset_of_mark(note, e.mark);
    fm.error_span = Span{at, at};
    return;
  } catch (const YAML::Exception& e) {
    fm.error = e.msg;
    std::size_t at = offset_of_mark(note, e.mark);
    fm.error_span = Span{at, at};
    return;
  } catch (const std::exception& e) {
    fm.error = e.what();
    fm.error_span = Span{fm.content.begin, fm.content.begin};
    return;
  }
  if (fm.root.IsNull()) {
    fm.parsed = true;
    return;
  }
  std::size_t visits = 0;
  if (!within_node_limit(fm.root, visits)) {
    fm.error = "front matter expands to more than " + std::to_string(kMaxFrontMatterNodes) +
               " values through aliases (an alias bomb or a self-referencing alias): not parsed";
    fm.error_span = Span{fm.content.begin, note.lines.line_end(note.lines.line_of(fm.content.begin))};
    fm.root.reset();
    return;
  }
  if (!fm.root.IsMap()) {
    fm.error = "front matter is not a mapping of keys to values";
    fm.error_span = Span{fm.content.begin, note.lines.line_end(note.lines.line_of(fm.content.begin))};
    return;
  }
  fm.parsed = true;
  for (auto it = fm.root.begin(); it != fm.root.end(); ++it) {
    FrontMatterKey key;
    key.key = it->first.IsScalar() ? it->first.Scalar() : std::string("?");
    std::size_t at = offset_of_mark(note, it->first.Mark());
    std::size_t line_no = note.lines.line_of(at);
    key.span = Span{at, std::min(at + key.key.size(), note.lines.line_end(line_no))};
    key.line = Span{note.lines.line_start(line_no), note.lines.line_end(line_no)};
    key.value = it->second;
    fm.keys.push_back(std::move(key));
  }
}

std::unique_ptr<Note> parse_note(std::string path, std::string rel_path, std::string text,
                                 std::size_t max_front_matter) {
  auto owned = std::make_unique<Note>();
  Note& note = *owned;
  note.path = std::move(path);
  note.rel_path = std::move(rel_path);
  note.text = std::move(text);
  note.has_bom = note.text.size() >= 3 && note.text.compare(0, 3, "\xEF\xBB\xBF") == 0;
  const TextScan scan = scan_text(note.text);
  note.lines = LineIndex(note.text, note.has_bom ? 3 : 0, scan.cr);
  note.binary = scan.nul;
  note.invalid_utf8 = scan.invalid;
  note.invisible_from = scan.invisible;
  note.body_begin = note.has_bom ? 3 : 0;
  if (!note.checkable()) return owned;
  parse_front_matter(note, max_front_matter);
  parse_outline(note);
  return owned;
}

}  // namespace notelint
