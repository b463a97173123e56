// `notelint --fix` over a session: fix every target's text in memory, then write the changed ones.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/atomic_write.hpp"
#include "core/fixer.hpp"
#include "core/linter.hpp"

namespace notelint {

// Findings of the fix engine itself; they are not rules a user can select or ignore.
extern const RuleInfo kFixDidNotConverge;  // IO101
extern const RuleInfo kFixNotWritten;      // IO102

struct FixRunOptions {
  FixOptions fix;
  bool write = true;  // false for --diff: compute the fixed texts, write nothing
  // Called after each target in each stage ("checked", then "fixed"): files done, total, fixes
  // applied so far.
  std::function<void(const char* stage, std::size_t done, std::size_t total, std::size_t fixes)> progress;
  WriteFault fault;  // tests only
};

// A target that had something to fix.
struct FileFix {
  std::string path;  // as shown to the user
  std::string before, after;
  std::vector<AppliedFix> applied;
  bool written = false;
  std::optional<Finding> problem;  // did not converge, or could not be written
};

struct FixRunResult {
  std::vector<FileFix> files;  // sorted by path
  std::size_t fixes_applied() const;  // in files whose new text was written (or would be, for --diff)
  std::size_t files_changed() const;
};

FixRunResult fix_session(const Session& session, const FixRunOptions& options);

// Adds the engine's findings (files not written and why) to the reports of a lint run.
void add_fix_problems(std::vector<FileReport>& reports, const FixRunResult& fixed);

}  // namespace notelint
