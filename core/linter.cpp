#include "core/linter.hpp"

#include <algorithm>

#include "core/file_reader.hpp"
#include "core/glob.hpp"
#include "core/text.hpp"

namespace notelint {

namespace fs = std::filesystem;

namespace {

bool is_note_file(const fs::path& p) {
  auto ext = ascii_lower(p.extension().string());
  return ext == ".md" || ext == ".markdown";
}

bool is_within(const fs::path& child, const fs::path& parent) {
  auto rel = child.lexically_relative(parent);
  return !rel.empty() && rel.native().rfind("..", 0) != 0;
}

std::string display_path(const fs::path& abs, const fs::path& cwd) {
  auto rel = abs.lexically_relative(cwd);
  if (rel.empty()) return abs.generic_string();
  return rel.generic_string();
}

bool excluded(const Config& config, const std::string& rel) {
  for (const auto& g : config.exclude)
    if (glob_match(g, rel)) return true;
  return false;
}

}  // namespace

Session prepare_session(const LintOptions& options) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  std::vector<fs::path> inputs;
  for (const auto& p : options.paths) {
    fs::path abs = fs::absolute(p, ec).lexically_normal();
    // A dangling link or a link loop exists as an entry: it is reported (IO001), not refused.
    if (!fs::exists(fs::symlink_status(abs, ec))) throw UsageError("path does not exist: " + p);
    inputs.push_back(abs);
  }
  fs::path first_dir = fs::is_directory(inputs.front(), ec) ? inputs.front() : inputs.front().parent_path();
  if (first_dir.filename().empty()) first_dir = first_dir.parent_path();

  Session session;
  std::optional<fs::path> config_file = options.config_file;
  if (!config_file) config_file = find_config(first_dir);
  if (!config_file) config_file = find_config(cwd);
  if (config_file) {
    if (!fs::is_regular_file(*config_file, ec))
      throw ConfigError(config_file->string() + ": configuration file not found");
    session.config = load_config(*config_file);
  } else {
    session.config = profile_config("plain");
  }
  if (!options.select.empty()) session.config.rules.select = options.select;
  for (const auto& i : options.ignore) session.config.rules.ignore.push_back(i);

  // The vault root is the config's folder when it holds what is linted, else the linted folder.
  fs::path root = first_dir;
  if (config_file) {
    fs::path config_dir = fs::absolute(session.config.root, ec).lexically_normal();
    bool holds_all = std::all_of(inputs.begin(), inputs.end(),
                                 [&](const fs::path& p) { return p == config_dir || is_within(p, config_dir); });
    if (holds_all) root = config_dir;
  }
  session.config.root = root;
  session.index = VaultIndex::build(root);

  std::vector<Target> targets;
  auto add = [&](const fs::path& file) {
    fs::path abs = file.lexically_normal();
    std::string rel = is_within(abs, session.index.root) ? abs.lexically_relative(session.index.root).generic_string()
                                                         : abs.filename().string();
    if (excluded(session.config, rel)) return;
    targets.push_back(Target{abs, display_path(abs, cwd), rel});
  };
  for (const auto& input : inputs) {
    if (!fs::is_directory(input, ec)) {
      add(input);
      continue;
    }
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
    while (!ec && it != end) {
      const auto& entry = *it;
      std::string name = entry.path().filename().string();
      std::error_code type_ec;
      bool is_dir = entry.is_directory(type_ec) && !entry.is_symlink(type_ec);
      if (is_dir && (name[0] == '.' || name == "node_modules")) {
        it.disable_recursion_pending();
      } else if (!is_dir && is_note_file(entry.path())) {
        add(entry.path());
      }
      it.increment(ec);
    }
  }
  std::sort(targets.begin(), targets.end(), [](const Target& a, const Target& b) { return a.display < b.display; });
  targets.erase(std::unique(targets.begin(), targets.end(),
                            [](const Target& a, const Target& b) { return a.file == b.file; }),
                targets.end());
  session.targets = std::move(targets);
  return session;
}

Finding locate(const Note& note, const Diagnostic& d) {
  Finding f;
  f.rule = d.rule;
  f.severity = d.severity;
  f.message = d.message;
  f.start = note.lines.position(d.span.begin);
  f.end = note.lines.position(std::max(d.span.end, d.span.begin));
  auto excerpt = note.lines.excerpt(d.span.begin);
  f.source_line = std::string(excerpt.text);
  f.source_column = excerpt.column;
  f.fix = d.fix;
  if (f.fix) {
    for (auto& e : f.fix->edits) {
      e.start = note.lines.position(e.span.begin);
      e.end = note.lines.position(e.span.end);
    }
  }
  return f;
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.start.line != b.start.line) return a.start.line < b.start.line;
    if (a.start.column != b.start.column) return a.start.column < b.start.column;
    return a.rule->code < b.rule->code;
  });
}

NoteResult check_note(const Note& note, const Config& config, const VaultIndex& index) {
  NoteResult result;
  DiagnosticSink sink(result.diagnostics);
  for (const auto& rule : all_rules()) {
    if (!rule.check_note) continue;
    // TX001 and IO rules speak for files that cannot be read as text; other rules need text.
    if (!note.checkable() && rule.code != "TX001" && rule.family != Family::IO) continue;
    auto severity = config.rule_severity(rule, note.rel_path);
    if (!severity) continue;
    sink.set_rule(&rule, *severity);
    rule.check_note(note, config, index, sink);
  }
  result.facts = extract_facts(note, config);
  std::erase_if(result.diagnostics, [&](const Diagnostic& d) {
    return result.facts.suppressed(d.rule->code, note.lines.position(d.span.begin).line);
  });
  return result;
}

void check_vault(const std::vector<NoteFacts>& facts, const Config& config, const VaultIndex& index,
                 std::vector<std::vector<Finding>>& findings) {
  for (const auto& rule : all_rules()) {
    if (!rule.check_vault || !config.rule_enabled_anywhere(rule)) continue;
    VaultSink sink;
    sink.set_rule(&rule);
    rule.check_vault(facts, config, index, sink);
    for (auto& entry : sink.entries) {
      const NoteFacts& note = facts[entry.note];
      if (!note.linted || note.suppressed(rule.code, entry.where.start.line)) continue;
      auto severity = config.rule_severity(rule, note.rel_path);
      if (!severity) continue;
      Finding f;
      f.rule = &rule;
      f.severity = *severity;
      f.message = std::move(entry.message);
      f.start = entry.where.start;
      f.end = entry.where.end;
      f.source_line = std::move(entry.where.line);
      f.source_column = entry.where.line_column;
      findings[entry.note].push_back(std::move(f));
    }
  }
}

namespace {

bool wants_vault_ids(const Config& config) {
  const RuleInfo* fm005 = find_rule("FM005");
  return fm005 && config.rule_enabled_anywhere(*fm005);
}

}  // namespace

LintResult lint(const Session& session) {
  LintResult result;
  const Config& config = session.config;
  std::vector<NoteFacts> facts;
  std::vector<std::vector<Finding>> findings;
  std::unordered_set<std::string> linted;
  for (const auto& target : session.targets) {
    linted.insert(target.rel);
    FileRead read = read_note_file(target.file, config.max_file_size);
    auto note = parse_note(target.display, target.rel, std::move(read.text));
    note->read_status = read.status;
    note->read_reason = std::move(read.reason);
    note->file_size = read.size;
    NoteResult checked = check_note(*note, config, session.index);
    std::vector<Finding> located;
    for (const auto& d : checked.diagnostics) located.push_back(locate(*note, d));
    checked.facts.linted = true;
    facts.push_back(std::move(checked.facts));
    findings.push_back(std::move(located));
  }
  // Notes that are not linted still count for vault-wide facts such as duplicate ids.
  if (wants_vault_ids(config)) {
    for (const auto& [stem, paths] : session.index.notes_by_stem) {
      for (const auto& rel : paths) {
        if (linted.count(rel) || excluded(config, rel)) continue;
        FileRead read = read_note_file(session.index.root / rel, config.max_file_size);
        if (read.status != ReadStatus::ok) continue;
        auto note = std::make_unique<Note>();
        note->path = display_path(session.index.root / rel, fs::current_path());
        note->rel_path = rel;
        note->text = std::move(read.text);
        note->has_bom = note->text.rfind("\xEF\xBB\xBF", 0) == 0;
        note->lines = LineIndex(note->text, note->has_bom ? 3 : 0);
        if (find_invalid_utf8(note->text) != std::string::npos) continue;
        parse_front_matter(*note);
        NoteFacts f;
        f.path = note->path;
        f.rel_path = rel;
        if (const auto* id = note->front_matter.find("id"); id && id->value.IsScalar() && !id->value.Scalar().empty()) {
          f.has_id = true;
          f.id = id->value.Scalar();
          f.id_where = fact_span(*note, id->line);
        }
        facts.push_back(std::move(f));
        findings.emplace_back();
      }
    }
  }
  check_vault(facts, config, session.index, findings);
  for (std::size_t i = 0; i < session.targets.size(); ++i) {
    sort_findings(findings[i]);
    result.reports.push_back(FileReport{session.targets[i].display, std::move(findings[i])});
  }
  result.files_checked = session.targets.size();
  return result;
}

}  // namespace notelint
