// Reporters turn located findings into output; they know rule metadata, never rule logic.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/rule.hpp"

namespace notelint {

struct Summary {
  std::size_t files = 0;
  std::size_t findings = 0;
  std::size_t errors = 0, warnings = 0, infos = 0;
  std::size_t fixable = 0;         // by --fix
  std::size_t unsafe_fixable = 0;  // only with --unsafe-fixes
  std::size_t files_with_findings = 0;
  std::size_t baselined = 0;  // findings hidden by the baseline
};
Summary summarize(const std::vector<FileReport>& reports, std::size_t files_checked);

struct HumanOptions {
  bool color = false;
  bool quiet = false;  // findings only, no source lines and no summary
};
void report_human(std::ostream& out, const std::vector<FileReport>& reports, const Summary& summary,
                  const HumanOptions& options);
void report_json(std::ostream& out, const std::vector<FileReport>& reports, const Summary& summary);

// Where the project and each rule's documentation live; SARIF links rules there.
inline constexpr const char* kProjectUri = "https://github.com/notelint/notelint";
inline constexpr const char* kDocsUri = "https://github.com/notelint/notelint/blob/main/docs";
std::string rule_help_uri(const RuleInfo& rule);  // kDocsUri/rules.md#<code in lower case>

struct SarifOptions {
  std::string source_root;  // absolute path of the working directory: %SRCROOT%
  std::size_t max_results = 25000;  // GitHub code scanning rejects runs with more
};
// Writes one SARIF 2.1.0 run with the rules that ran; returns how many results were left out
// to stay within max_results.
std::size_t report_sarif(std::ostream& out, const std::vector<FileReport>& reports,
                         const std::vector<const RuleInfo*>& rules_run, const SarifOptions& options);

// Counts per rule, sorted by count then code: "count  code  name  [*]" rows and a total line.
void report_statistics(std::ostream& out, const std::vector<FileReport>& reports);

// GitHub Actions workflow commands, one per finding, which the runner turns into annotations.
void report_github(std::ostream& out, const std::vector<FileReport>& reports);

// A unified diff of one file (nothing when before == after), for `patch -p1` and `git apply`.
void write_unified_diff(std::ostream& out, const std::string& path, const std::string& before,
                        const std::string& after);

}  // namespace notelint
