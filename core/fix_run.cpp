#include "core/fix_run.hpp"

#include <algorithm>

#include "core/rule.hpp"

namespace notelint {

const RuleInfo kFixDidNotConverge{"IO101", "fix-did-not-converge",
                                  "Fixes kept changing the note; it was not written.",
                                  Family::IO, Severity::error, FixAvailability::none, nullptr, nullptr};
const RuleInfo kFixNotWritten{"IO102", "fix-not-written", "A fixed note could not be written safely.", Family::IO,
                              Severity::error, FixAvailability::none, nullptr, nullptr};

namespace {

Finding problem(const RuleInfo& rule, std::string message, const std::string& text) {
  Finding f;
  f.rule = &rule;
  f.severity = rule.default_severity;
  f.message = std::move(message);
  f.source_line = text.substr(0, text.find_first_of("\r\n"));
  return f;
}

std::string joined_codes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + c;
  return out;
}

struct Loaded {
  std::optional<StampedText> file;
  std::vector<Diagnostic> diagnostics;  // per-note rules, then vault rules
};

}  // namespace

std::size_t FixRunResult::fixes_applied() const {
  std::size_t n = 0;
  for (const auto& f : files)
    if (!f.problem) n += f.applied.size();
  return n;
}

std::size_t FixRunResult::files_changed() const {
  return static_cast<std::size_t>(std::count_if(
      files.begin(), files.end(), [](const FileFix& f) { return !f.problem && f.after != f.before; }));
}

FixRunResult fix_session(const Session& session, const FixRunOptions& options) {
  const Config& config = session.config;
  const auto& targets = session.targets;
  // Vault rules need every note's facts before any note can be fixed.
  std::vector<Loaded> loaded(targets.size());
  std::vector<NoteFacts> facts;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    loaded[i].file = read_stamped(session.file(targets[i]));
    auto note = parse_note(session.display(targets[i]), targets[i].rel, loaded[i].file ? loaded[i].file->text : std::string());
    NoteResult checked = check_note(*note, config, session.index);
    checked.facts.linted = true;
    loaded[i].diagnostics = std::move(checked.diagnostics);
    facts.push_back(std::move(checked.facts));
    if (options.progress) options.progress("checked", i + 1, targets.size(), 0);
  }
  add_unlinted_facts(session, facts);
  auto vault = vault_diagnostics(facts, config, session.index);
  for (std::size_t i = 0; i < targets.size(); ++i)
    for (auto& d : vault[i]) loaded[i].diagnostics.push_back(std::move(d));

  FixRunResult result;
  std::size_t fixes = 0;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    Loaded& item = loaded[i];
    bool fixable = item.file && std::any_of(item.diagnostics.begin(), item.diagnostics.end(),
                                            [&](const Diagnostic& d) { return is_applicable(d, options.fix); });
    if (fixable) {
      const Target& target = targets[i];
      // The note's own facts change as it is fixed; the rest of the vault stays as read.
      auto relint = [&](const std::string& text) {
        auto note = parse_note(session.display(target), target.rel, text);
        NoteResult checked = check_note(*note, config, session.index);
        checked.facts.linted = true;
        std::swap(facts[i], checked.facts);
        auto vault_now = vault_diagnostics(facts, config, session.index, i);
        std::swap(facts[i], checked.facts);
        for (auto& d : vault_now[i]) checked.diagnostics.push_back(std::move(d));
        return std::move(checked.diagnostics);
      };
      FixedText fixed = apply_fixes(item.file->text, std::move(item.diagnostics), relint, options.fix);
      FileFix file{session.display(target), item.file->text, std::move(fixed.text), std::move(fixed.applied), false, {}};
      if (!fixed.converged) {
        file.problem = problem(kFixDidNotConverge,
                               "fixes did not settle after " + std::to_string(options.fix.max_passes) +
                                   " passes (rules " + joined_codes(fixed.rules_involved) +
                                   "); the file was not written",
                               file.before);
      } else if (options.write && file.after != file.before) {
        WriteResult written = replace_file(session.file(target), file.after, item.file->stamp, options.fault);
        file.written = written.status == WriteStatus::written;
        if (!file.written) file.problem = problem(kFixNotWritten, written.reason, file.before);
      }
      if (!file.problem) fixes += file.applied.size();
      result.files.push_back(std::move(file));
    }
    item = Loaded{};  // the text is no longer needed
    if (options.progress) options.progress("fixed", i + 1, targets.size(), fixes);
  }
  return result;
}

void add_fix_problems(std::vector<FileReport>& reports, const FixRunResult& fixed) {
  for (const auto& file : fixed.files) {
    if (!file.problem) continue;
    auto it = std::find_if(reports.begin(), reports.end(), [&](const FileReport& r) { return r.path == file.path; });
    if (it == reports.end()) continue;
    it->findings.push_back(*file.problem);
    sort_findings(it->findings);
  }
}

}  // namespace notelint
