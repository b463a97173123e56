// Test helpers: running the built binary, temporary vaults, and linting text in memory.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/fix_run.hpp"
#include "core/linter.hpp"

namespace notelint::test {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // standard output (standard error too when merged)
};

// Runs a shell command from the source tree; stderr is merged into output when merge_stderr.
CommandResult run(const std::string& command, bool merge_stderr = false);

// A path in single quotes, for the shell.
std::string quoted(const std::filesystem::path& path);

// "notelint" as built, quoted for the shell.
std::string binary();
std::filesystem::path source_dir();
std::filesystem::path shared_dir();  // ../shared beside the repository; empty when absent

// A fresh folder under the system temp dir, removed at scope exit.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& rel, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

std::string read_text(const std::filesystem::path& file);

// ../shared, or empty (with a Catch warning that the test is skipped) when it is absent.
std::filesystem::path shared_or_skip();
// Copies ../shared/corpora/dendron-site to dir/site and returns that folder.
std::filesystem::path copy_dendron_site(const TempDir& dir, const std::filesystem::path& shared);
// Copies the seed note to dir/arxiv.20231207.md and returns its path.
std::filesystem::path copy_seed_note(const TempDir& dir, const std::filesystem::path& shared);

// Lints paths with an optional config, as `notelint check` would, and returns
// "path:line:col CODE message" lines.
std::vector<std::string> lint_lines(const std::vector<std::string>& paths,
                                    const std::filesystem::path& config = {},
                                    const std::vector<std::string>& select = {});

// Lints one file with only the rule `code`, its folder as the vault; "LINE:COL CODE message" lines.
std::vector<std::string> lint_file(const std::filesystem::path& file, const std::filesystem::path& config,
                                   std::string_view code);

// Fixes paths as `notelint --fix` would (`--unsafe-fixes` too when unsafe).
FixRunResult fix_paths(const std::vector<std::string>& paths, const std::filesystem::path& config = {},
                       const std::vector<std::string>& select = {}, bool unsafe = false, const WriteFault& fault = {});

// The findings that --fix (with --unsafe-fixes when unsafe) would still fix: "path:line:col CODE".
std::vector<std::string> fixable_lines(const std::vector<std::string>& paths, const std::filesystem::path& config = {},
                                       const std::vector<std::string>& select = {}, bool unsafe = false);

// Whether this build can check rule `code` against its fixtures: FM010 needs valijson, which is
// optional at build time (tests/test_build.cpp covers the build without it).
bool rule_testable(std::string_view code);

// Copies a folder tree (a fixture vault, a corpus) into dest.
void copy_tree(const std::filesystem::path& from, const std::filesystem::path& dest);

// Parses and checks one text with per-note rules only (no vault).
std::vector<Diagnostic> check_text(const std::string& text, const Config& config);

}  // namespace notelint::test
