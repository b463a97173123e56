// Human output: path:line:col: CODE message, the source line, and a caret underline that lines
// up under wide characters.
#include <algorithm>

#include "core/rule.hpp"
#include "core/text.hpp"
#include "reporters/reporter.hpp"

namespace notelint {

namespace {

constexpr std::size_t kMaxShownColumns = 160;

struct Style {
  bool on;
  const char* operator()(const char* code) const { return on ? code : ""; }
};

// Writes the line (tabs kept, so the underline can reuse them) and the underline itself.
void write_frame(std::ostream& out, const Finding& f, const Style& style) {
  const std::string& line = f.source_line;
  std::vector<std::pair<std::size_t, char32_t>> cps;  // byte offset, code point
  for (std::size_t i = 0; i < line.size();) {
    std::size_t at = i;
    cps.push_back({at, decode_utf8(line, i)});
  }
  // source_line may be a window of a long line that starts at column source_column.
  const std::size_t shift = f.source_column;
  std::size_t first = f.start.column >= shift ? f.start.column - shift : 0;
  std::size_t last = f.end.line == f.start.line && f.end.column >= shift
                         ? std::max<std::size_t>(f.end.column - shift, first + 1)
                         : cps.size();
  if (first > cps.size()) first = cps.size();
  last = std::min(std::max(last, first + 1), std::max(cps.size(), first + 1));
  // Long lines (pasted paragraphs) are shown as a window around the finding.
  std::size_t from = 0, to = cps.size();
  std::size_t width = 0;
  for (std::size_t k = 0; k < cps.size(); ++k) width += display_width(cps[k].second);
  if (width > kMaxShownColumns) {
    from = first > 30 ? first - 30 : 0;
    std::size_t w = 0;
    to = from;
    while (to < cps.size() && (w < kMaxShownColumns || to < last)) w += display_width(cps[to++].second);
  }
  std::string shown, underline;
  if (from > 0 || shift > 1) {
    shown += "…";
    underline += " ";
  }
  for (std::size_t k = from; k < to; ++k) {
    char32_t cp = cps[k].second;
    std::size_t next = k + 1 < cps.size() ? cps[k + 1].first : line.size();
    if (cp == '\t') {
      shown += '\t';
      underline += '\t';
      continue;
    }
    if (cp < 0x20 || cp == 0x7F) cp = 0xFFFD;
    if (cp == 0xFFFD)
      append_utf8(shown, cp);
    else
      shown.append(line, cps[k].first, next - cps[k].first);
    int w = display_width(cp);
    char mark = (k >= first && k < last) ? '^' : ' ';
    underline.append(static_cast<std::size_t>(w), mark);
  }
  if (to < cps.size()) shown += "…";
  if (first >= cps.size()) underline += '^';  // a finding at the end of the line
  while (!underline.empty() && underline.back() == ' ') underline.pop_back();
  out << "  " << shown << "\n  " << style("\x1b[31m") << underline << style("\x1b[0m") << "\n";
}

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::error: return "\x1b[1;31m";
    case Severity::warning: return "\x1b[1;33m";
    case Severity::info: return "\x1b[1;36m";
  }
  return "";
}

}  // namespace

void report_human(std::ostream& out, const std::vector<FileReport>& reports, const Summary& summary,
                  const HumanOptions& options) {
  Style style{options.color};
  for (const auto& report : reports) {
    for (const auto& f : report.findings) {
      out << style("\x1b[1m") << report.path << ":" << f.start.line << ":" << f.start.column << ":"
          << style("\x1b[0m") << " " << style(severity_color(f.severity)) << f.rule->code << style("\x1b[0m") << " "
          << f.message;
      if (f.fix) out << " [" << (f.fix->applicability == Applicability::safe ? "*" : "unsafe fix") << "]";
      out << "\n";
      if (!options.quiet && report.text) write_frame(out, f, style);
    }
  }
  if (options.quiet) return;
  if (summary.findings == 0) {
    out << "All checks passed: " << summary.files << (summary.files == 1 ? " file" : " files") << ", no findings\n";
    return;
  }
  out << "\n"
      << summary.findings << (summary.findings == 1 ? " finding" : " findings") << " (" << summary.errors
      << (summary.errors == 1 ? " error, " : " errors, ") << summary.warnings
      << (summary.warnings == 1 ? " warning" : " warnings");
  if (summary.infos) out << ", " << summary.infos << " info";
  out << ") in " << summary.files_with_findings << (summary.files_with_findings == 1 ? " file" : " files")
      << "; " << summary.fixable << " fixable";
  if (summary.fixable) out << " with `notelint --fix`";
  if (summary.unsafe_fixable) out << " (" << summary.unsafe_fixable << " more with `--unsafe-fixes`)";
  out << "\n";
}

}  // namespace notelint
