// The lint run: discover notes, check each once, run vault rules on facts, locate findings.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/note.hpp"
#include "core/vault.hpp"

namespace notelint {

// A bad command line (a path that does not exist, ...): exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LintOptions {
  std::vector<std::string> paths{"."};
  std::optional<std::filesystem::path> config_file;
  std::vector<std::string> select;  // replaces the configured selection when not empty
  std::vector<std::string> ignore;  // added to the configured ignores
};

struct Target {
  std::filesystem::path file;  // absolute
  std::string display;         // relative to the working directory, '/'-separated
  std::string rel;             // relative to the vault root
};

// Everything a run needs, resolved once: config, vault index, the files to lint.
struct Session {
  Config config;
  VaultIndex index;
  std::vector<Target> targets;
};

Session prepare_session(const LintOptions& options);

struct LintResult {
  std::vector<FileReport> reports;  // one per linted file, sorted by path
  std::size_t files_checked = 0;
  std::vector<const RuleInfo*> rules_run;  // enabled for some file, in registry order
};

LintResult lint(const Session& session);

// The per-note phase on text already in memory: findings of per-note rules, unsuppressed
// diagnostics with byte spans (for the fix engine), and the note's facts.
struct NoteResult {
  std::vector<Diagnostic> diagnostics;
  NoteFacts facts;
};
NoteResult check_note(const Note& note, const Config& config, const VaultIndex& index);

// Runs the vault rules over facts; adds located findings to reports (indexed like facts), and
// findings on other files of the vault (assets) to file_findings by vault-relative path.
void check_vault(const std::vector<NoteFacts>& facts, const Config& config, const VaultIndex& index,
                 std::vector<std::vector<Finding>>& findings,
                 std::map<std::string, std::vector<Finding>>* file_findings = nullptr);

// "https://…", "data:…", "mailto:…": not a local path.
bool has_scheme(std::string_view src);

NoteFacts extract_facts(const Note& note, const Config& config);

Finding locate(const Note& note, const Diagnostic& d);
FactSpan fact_span(const Note& note, Span span);
void sort_findings(std::vector<Finding>& findings);

}  // namespace notelint
