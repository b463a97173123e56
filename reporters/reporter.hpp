// Reporters turn located findings into output; they know rule metadata, never rule logic.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace notelint {

struct Summary {
  std::size_t files = 0;
  std::size_t findings = 0;
  std::size_t errors = 0, warnings = 0, infos = 0;
  std::size_t fixable = 0;         // by --fix
  std::size_t unsafe_fixable = 0;  // only with --unsafe-fixes
  std::size_t files_with_findings = 0;
};
Summary summarize(const std::vector<FileReport>& reports, std::size_t files_checked);

struct HumanOptions {
  bool color = false;
  bool quiet = false;  // findings only, no source lines and no summary
};
void report_human(std::ostream& out, const std::vector<FileReport>& reports, const Summary& summary,
                  const HumanOptions& options);
void report_json(std::ostream& out, const std::vector<FileReport>& reports, const Summary& summary);

// A unified diff of one file (nothing when before == after), for `patch -p1` and `git apply`.
void write_unified_diff(std::ostream& out, const std::string& path, const std::string& before,
                        const std::string& after);

}  // namespace notelint
