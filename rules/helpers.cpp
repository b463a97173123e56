#include "core/text.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
bool closes_phrase(char c) { return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')'; }

Fix single_edit(Span span, std::string title) {
  Fix fix;
  fix.applicability = Applicability::safe;
  fix.title = std::move(title);
  fix.edits.push_back(Edit{span, "", {}, {}});
  return fix;
}
}  // namespace

Fix removal_fix(const Note& note, Span span, std::string title) {
  const std::string& t = note.text;
  auto is_space = [&](std::size_t i) { return i < t.size() && (t[i] == ' ' || t[i] == '\t'); };
  auto is_line_end = [&](std::size_t i) { return i >= t.size() || t[i] == '\n' || t[i] == '\r'; };
  std::size_t begin = span.begin, end = span.end;
  const std::size_t line = note.lines.line_of(begin);
  const std::size_t line_start = note.lines.line_start(line);
  // Only indentation before it: the words after the marker move up to the indentation.
  const bool starts_line = is_blank(std::string_view(t).substr(line_start, begin - line_start));
  if (starts_line) {
    while (is_space(end)) ++end;
    if (is_line_end(end)) {
      // The marker was the whole line: a blank line left behind would split the paragraph.
      std::size_t next = line + 1 < note.lines.line_count() ? note.lines.line_start(line + 1) : t.size();
      if (next > note.lines.line_end(line)) return single_edit(Span{line_start, next}, std::move(title));
      // The last line, with no newline after it: the line ending before it goes instead.
      std::size_t previous_end = line > 0 ? note.lines.line_end(line - 1) : line_start;
      return single_edit(Span{previous_end, t.size()}, std::move(title));
    }
  } else if (is_space(begin - 1) && (is_space(end) || is_line_end(end) || closes_phrase(t[end]))) {
    --begin;
  }
  return single_edit(Span{begin, end}, std::move(title));
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += "`" + items[i] + "`";
  }
  return out;
}

}  // namespace notelint::rules
