// The lint run: discover notes, check each once, run vault rules on facts, locate findings.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_set>
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
  unsigned jobs = 0;                // threads for the per-note phase; 0: one per hardware thread
  bool real_paths = false;          // resolve symlinks in report paths (for SARIF)
  // The result cache: off for library callers unless asked for; the command line turns it on.
  bool cache = false;
  std::optional<std::filesystem::path> cache_dir;  // default: .notelint_cache under the vault root
  std::string cache_version = NOTELINT_VERSION;    // part of the cache key (tests pass others)
};

// A file to lint. Most lie in the vault and are shown as the session's display prefix plus their
// vault path, so only that path is stored (50,000 targets cost a few MiB).
struct Target {
  std::string rel;  // relative to the vault root (the file name when outside it)
  struct Elsewhere {
    std::string display;  // relative to the working directory, '/'-separated
    std::string outside;  // the absolute path of a file outside the vault root, else empty
  };
  std::shared_ptr<const Elsewhere> elsewhere;  // set when display is not prefix + rel
  bool outside() const { return elsewhere && !elsewhere->outside.empty(); }
};

// Everything a run needs, resolved once: config, vault index, the files to lint.
struct Session {
  Config config;
  VaultIndex index;
  std::vector<Target> targets;
  unsigned jobs = 1;
  bool real_paths = false;  // fill FileReport::real_path (SARIF asks for it)
  std::optional<std::filesystem::path> cache_dir;  // set when the result cache is on
  std::string cache_version;

  std::string display_prefix;  // the vault root relative to the working directory, with '/'

  std::filesystem::path file(const Target& target) const {
    return target.outside() ? std::filesystem::path(target.elsewhere->outside) : index.root / target.rel;
  }
  // The path shown to the user: relative to the working directory, '/'-separated.
  std::string display(const Target& target) const {
    return target.elsewhere ? target.elsewhere->display : display_prefix + target.rel;
  }
};

// Runs work(0..count-1) on up to jobs threads; the first exception is rethrown.
void for_each_index(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work);

Session prepare_session(const LintOptions& options);

struct LintResult {
  std::vector<FileReport> reports;  // one per linted file, sorted by path
  std::size_t files_checked = 0;
  std::size_t cache_hits = 0;  // notes answered from the result cache
  std::size_t notes_parsed = 0;  // notes read and checked afresh
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

// Which vault rules run: all, those that read each note's facts alone (RuleInfo::note_local),
// or those that compare notes (duplicate ids, orphans).
enum class VaultRules { all, note_local, cross };

// Runs the vault rules over facts; adds located findings to reports (indexed like facts), and
// findings on other files of the vault (assets) to file_findings by vault-relative path.
void check_vault(const std::vector<NoteFacts>& facts, const Config& config, const VaultIndex& index,
                 std::vector<std::vector<Finding>>& findings,
                 std::map<std::string, std::vector<Finding>>* file_findings = nullptr,
                 VaultRules which = VaultRules::all, const std::function<std::string(std::size_t)>& path_of = {});

// Drops what only note-local vault rules read (links, images, tags, the display path); with
// keep_references, the indexed files the note references are kept by id first.
void compact_facts(NoteFacts& facts, const Config& config, const VaultIndex& index, bool keep_references);

// For the fix engine: the findings of the vault rules that can fix, per facts entry (only for
// only_note when given), with byte spans and fixes.
std::vector<std::vector<Diagnostic>> vault_diagnostics(const std::vector<NoteFacts>& facts, const Config& config,
                                                       const VaultIndex& index,
                                                       std::optional<std::size_t> only_note = std::nullopt);

// Adds the id facts of vault notes that are not linted (vault-wide rules such as duplicate ids
// still need them); returns the new size of facts.
std::size_t add_unlinted_facts(const Session& session, std::vector<NoteFacts>& facts);

// "https://…", "data:…", "mailto:…": not a local path.
bool has_scheme(std::string_view src);

NoteFacts extract_facts(const Note& note, const Config& config);
// The note's `id` and where it stands, when it has a non-empty scalar id.
void add_id_fact(const Note& note, NoteFacts& facts);

Finding locate(const Note& note, const Diagnostic& d);
FactSpan fact_span(const Note& note, Span span);
void sort_findings(std::vector<Finding>& findings);

}  // namespace notelint
