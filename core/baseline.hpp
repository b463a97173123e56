// The baseline: fingerprints of the findings a vault already had, so that an old vault adopts
// notelint today and `check` fails only on new problems.
#pragma once
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace notelint {

struct Session;

inline constexpr const char* kBaselineFileName = ".notelint-baseline.json";

// Fingerprint -> how many findings carry it, per vault-relative file (a multiset, so twin
// findings on identical lines are counted, not merged).
struct Baseline {
  std::map<std::string, std::map<std::string, std::size_t>> files;
  std::size_t size() const;
};

// Rule, vault-relative path and the line's text with white space folded, hashed: moving lines
// or re-indenting keeps it, editing the line or renaming the file does not.
std::string baseline_fingerprint(const FileReport& report, const Finding& finding);

Baseline make_baseline(const std::vector<FileReport>& reports);

// Where the baseline lives: beside the config file, else in the working directory.
std::filesystem::path baseline_path(const Session& session);

// Reads a baseline; nullopt when there is none. A file that is not a baseline is a ConfigError.
std::optional<Baseline> load_baseline(const std::filesystem::path& file);
void save_baseline(const Baseline& baseline, const std::filesystem::path& file);

struct BaselineOutcome {
  std::size_t hidden = 0;  // findings removed from the reports
  std::size_t stale = 0;   // entries of files that were linted (or no longer exist) that matched nothing
};
// Removes the findings the baseline holds from reports. vault_root locates deleted files.
BaselineOutcome apply_baseline(const Baseline& baseline, std::vector<FileReport>& reports,
                               const std::filesystem::path& vault_root);

}  // namespace notelint
