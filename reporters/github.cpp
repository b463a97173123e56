// GitHub Actions workflow commands: `::error file=…,line=…::message`, one per finding, which the
// runner shows as annotations on the pull request's diff.
#include "core/rule.hpp"
#include "reporters/reporter.hpp"

namespace notelint {

namespace {

const char* command_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "error";
}

// The runner reads a command up to the line end and splits properties at ',' and ':', so those
// characters are escaped the way the Actions toolkit does it.
std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (char c : escape_data(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace

void report_github(std::ostream& out, const std::vector<FileReport>& reports) {
  for (const auto& report : reports) {
    for (const auto& f : report.findings) {
      std::string title = std::string(f.rule->code) + " " + std::string(f.rule->name);
      out << "::" << command_name(f.severity) << " file=" << escape_property(report.path)
          << ",line=" << f.start.line << ",col=" << f.start.column << ",endLine=" << f.end.line
          << ",endColumn=" << f.end.column << ",title=" << escape_property(title)
          << "::" << escape_data(f.message) << "\n";
    }
  }
}

}  // namespace notelint
