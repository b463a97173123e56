#include "reporters/reporter.hpp"

namespace notelint {

Summary summarize(const std::vector<FileReport>& reports, std::size_t files_checked) {
  Summary s;
  s.files = files_checked;
  for (const auto& r : reports) {
    if (!r.findings.empty()) ++s.files_with_findings;
    for (const auto& f : r.findings) {
      ++s.findings;
      if (f.severity == Severity::error) ++s.errors;
      if (f.severity == Severity::warning) ++s.warnings;
      if (f.severity == Severity::info) ++s.infos;
      if (f.fix && f.fix->applicability == Applicability::safe) ++s.fixable;
      if (f.fix && f.fix->applicability == Applicability::unsafe) ++s.unsafe_fixable;
    }
  }
  return s;
}

}  // namespace notelint
