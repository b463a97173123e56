#include "core/text.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
bool closes_phrase(char c) { return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')'; }
}  // namespace

Fix removal_fix(const Note& note, Span span, std::string title) {
  const std::string& t = note.text;
  std::size_t begin = span.begin, end = span.end;
  bool space_before = begin > 0 && (t[begin - 1] == ' ' || t[begin - 1] == '\t');
  bool at_line_end = end >= t.size() || t[end] == '\n' || t[end] == '\r';
  bool space_after = end < t.size() && (t[end] == ' ' || t[end] == '\t');
  if (space_before && (space_after || at_line_end || closes_phrase(t[end]))) {
    // Keep a line's indentation: only a space that follows text is removed.
    std::size_t line_start = note.lines.line_start(note.lines.line_of(begin));
    if (!is_blank(std::string_view(t).substr(line_start, begin - line_start))) --begin;
  }
  Fix fix;
  fix.applicability = Applicability::safe;
  fix.title = std::move(title);
  fix.edits.push_back(Edit{Span{begin, end}, "", {}, {}});
  return fix;
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
