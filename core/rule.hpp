// The rule model: metadata, the per-note and vault interfaces, and the registry.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace notelint {

struct Note;
struct Config;
struct VaultIndex;
struct NoteFacts;

enum class Family { FM, HD, TG, AS, LK, MK, TX, IO };
const char* family_name(Family f);
const char* family_title(Family f);

enum class FixAvailability { none, sometimes, always };

// What a vault rule reads of notes that are not linted. pre-commit passes only some files, yet
// duplicate ids or orphans are questions about the whole vault; the linter gathers only this much.
// `references` adds every image, embed and local link, which orphaned-asset checks need.
enum class OtherNotes { none, ids, ids_and_links, references };

class DiagnosticSink;
class VaultSink;

// What every rule tells about itself; the doc is the Markdown file beside the rule.
struct RuleInfo {
  std::string_view code;     // "MK001"
  std::string_view name;     // "stray-citation-marker"
  std::string_view summary;  // one sentence
  Family family;
  Severity default_severity;
  FixAvailability fix;
  // Exactly one of these is set.
  void (*check_note)(const Note&, const Config&, const VaultIndex&, DiagnosticSink&) = nullptr;
  void (*check_vault)(const std::vector<NoteFacts>&, const Config&, const VaultIndex&, VaultSink&) = nullptr;
  OtherNotes other_notes = OtherNotes::none;
  // A vault rule that reads each note's own facts and nothing of other notes (only the vault
  // index): the linter runs it note by note, right after the note is checked.
  bool note_local = false;
};

struct RuleDoc {
  std::string_view code;
  std::string_view markdown;
};
const std::vector<RuleDoc>& rule_docs();  // generated from rules/**/*.md
std::string_view rule_doc(std::string_view code);

// Every rule, in registry order (which also decides fix precedence).
const std::vector<RuleInfo>& all_rules();
const RuleInfo* find_rule(std::string_view code);

// Collects diagnostics of one note for the rule that is running.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::vector<Diagnostic>& out) : out_(out) {}
  void set_rule(const RuleInfo* rule, Severity severity) {
    rule_ = rule;
    severity_ = severity;
  }
  void report(Span span, std::string message) { report(span, std::move(message), std::nullopt); }
  void report(Span span, std::string message, std::optional<Fix> fix) {
    out_.push_back(Diagnostic{rule_, severity_, span, std::move(message), std::move(fix)});
  }

 private:
  std::vector<Diagnostic>& out_;
  const RuleInfo* rule_ = nullptr;
  Severity severity_ = Severity::error;
};

// A located span inside a note, kept in facts so vault rules can report without the text.
struct FactSpan {
  Span span;  // bytes in the note's text, for fixes
  Position start, end;
  std::string line;               // the start line, or a window of it when long
  std::uint32_t line_column = 1;  // the column of line's first code point
  // An edit replacing this span, already located (vault rules never see the text).
  Edit replace_with(std::string replacement) const { return Edit{span, std::move(replacement), start, end}; }
};

// Vault rules report on a note by its index in the facts list, or on another file of the vault
// (an asset) by its vault-relative path.
class VaultSink {
 public:
  static constexpr std::size_t kNoNote = static_cast<std::size_t>(-1);
  struct Entry {
    std::size_t note;
    const RuleInfo* rule;
    FactSpan where;
    std::string message;
    std::optional<Fix> fix;  // edits made with FactSpan::replace_with
    std::string file;        // set when note is kNoNote
  };
  void set_rule(const RuleInfo* rule) { rule_ = rule; }
  void report(std::size_t note, const FactSpan& where, std::string message, std::optional<Fix> fix = std::nullopt) {
    if (wants(note)) entries.push_back(Entry{note, rule_, where, std::move(message), std::move(fix), {}});
  }
  void report_file(std::string rel_path, std::string message) {
    entries.push_back(Entry{kNoNote, rule_, FactSpan{}, std::move(message), std::nullopt, std::move(rel_path)});
  }
  // The path shown for a note (facts[note].path, which compacted facts of linted notes leave to
  // the core to supply).
  void set_path_of(std::function<std::string(std::size_t)> path_of) { path_of_ = std::move(path_of); }
  std::string path_of(const std::vector<NoteFacts>& facts, std::size_t note) const;
  // The fix engine re-lints one note at a time: rules may skip costly work for the others.
  void only(std::size_t note) { only_ = note; }
  bool wants(std::size_t note) const { return !only_ || *only_ == note; }
  std::vector<Entry> entries;

 private:
  const RuleInfo* rule_ = nullptr;
  std::optional<std::size_t> only_;
  std::function<std::string(std::size_t)> path_of_;
};

}  // namespace notelint
