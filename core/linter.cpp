#include "core/linter.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/cache.hpp"
#include "core/file_reader.hpp"
#include "core/glob.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"

namespace notelint {

namespace fs = std::filesystem;

namespace {

bool is_note_file(std::string_view path) {
  std::string_view name = file_name(path);
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string ext = ascii_lower(name.substr(dot));
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

std::string real_path(const fs::path& abs, const fs::path& real_cwd) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(abs, ec);
  if (ec) real = abs;
  if (!is_within(real, real_cwd)) return real.generic_string();
  return real.lexically_relative(real_cwd).generic_string();
}

// The bytes of a note that is not linted; unreadable or oversized files simply give no facts.
std::optional<std::string> read_file(const fs::path& file, std::uintmax_t max_size) {
  FileRead read = read_note_file(file, max_size);
  if (read.status != ReadStatus::ok) return std::nullopt;
  return std::move(read.text);
}

// Obsidian keeps its attachment folder in .obsidian/app.json; images resolve against it too.
void add_obsidian_attachments(Config& config) {
  if (config.profile != "obsidian") return;
  std::ifstream in(config.root / ".obsidian" / "app.json", std::ios::binary);
  if (!in) return;
  nlohmann::json app = nlohmann::json::parse(in, nullptr, false);
  if (!app.is_object() || !app.contains("attachmentFolderPath") || !app["attachmentFolderPath"].is_string()) return;
  std::string folder = app["attachmentFolderPath"].get<std::string>();
  // "./x" is relative to each note's folder, which AS001 already tries; "/" is the vault root.
  if (folder.empty() || folder == "/" || folder.rfind("./", 0) == 0 || folder == ".") return;
  config.assets.roots.push_back(folder);
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
  add_obsidian_attachments(session.config);
  session.index = VaultIndex::build(root);
  for (fs::path input : inputs) {
    if (!fs::is_directory(input, ec)) continue;
    if (input.filename().empty()) input = input.parent_path();  // "vault/" and "."
    if (input == session.index.root) session.index.linted_folders.emplace_back();
    else if (is_within(input, session.index.root))
      session.index.linted_folders.push_back(input.lexically_relative(session.index.root).generic_string());
  }
  if (const RuleInfo* as004 = find_rule("AS004");
      as004 && session.config.assets.verify_hash && session.config.rule_enabled_anywhere(*as004))
    session.index.hash_named_assets(session.config);

  std::vector<Target> targets;
  // Paths relative to the working directory are the root's display prefix plus the vault path.
  const std::string root_display = display_path(session.index.root, cwd);
  const std::string prefix = root_display == "." ? std::string() : root_display + "/";
  // When the working directory lies inside the vault, "../x/y.md" must become "y.md": only
  // the lexical relative path of each file says that.
  const bool prefix_works = root_display.substr(0, 2) != "..";
  auto add_rel = [&](std::string_view rel) {
    std::string r(rel);
    if (excluded(session.config, r)) return;
    Target target{std::move(r), nullptr};
    if (!prefix_works)
      target.elsewhere = std::make_shared<const Target::Elsewhere>(
          Target::Elsewhere{display_path(session.index.root / target.rel, cwd), std::string()});
    targets.push_back(std::move(target));
  };
  auto add = [&](const fs::path& file) {
    fs::path abs = file.lexically_normal();
    if (is_within(abs, session.index.root)) return add_rel(abs.lexically_relative(session.index.root).generic_string());
    std::string rel = abs.filename().string();
    if (excluded(session.config, rel)) return;
    targets.push_back(
        Target{rel, std::make_shared<const Target::Elsewhere>(Target::Elsewhere{display_path(abs, cwd), abs.string()})});
  };
  for (fs::path input : inputs) {
    if (!fs::is_directory(input, ec)) {
      add(input);
      continue;
    }
    if (input.filename().empty()) input = input.parent_path();
    if (input == session.index.root || is_within(input, session.index.root)) {
      // The index already walked this folder (same rules: hidden folders and node_modules skipped).
      std::string folder = input == session.index.root ? std::string()
                                                        : input.lexically_relative(session.index.root).generic_string();
      for (std::string_view rel : session.index.files) {
        if (!folder.empty() && !(rel.size() > folder.size() && rel.substr(0, folder.size()) == folder &&
                                 rel[folder.size()] == '/'))
          continue;
        if (is_note_file(rel)) add_rel(rel);
      }
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
      } else if (!is_dir && is_note_file(entry.path().string())) {
        add(entry.path());
      }
      it.increment(ec);
    }
  }
  session.display_prefix = prefix;
  // Sorted by the path shown; when every target is shown as prefix + rel, rel orders them alike.
  const bool all_prefixed = std::none_of(targets.begin(), targets.end(), [](const Target& t) { return t.elsewhere != nullptr; });
  if (all_prefixed) {
    std::sort(targets.begin(), targets.end(), [](const Target& a, const Target& b) { return a.rel < b.rel; });
  } else {
    std::sort(targets.begin(), targets.end(),
              [&](const Target& a, const Target& b) { return session.display(a) < session.display(b); });
  }
  targets.erase(std::unique(targets.begin(), targets.end(),
                            [&](const Target& a, const Target& b) { return session.display(a) == session.display(b); }),
                targets.end());
  targets.shrink_to_fit();
  session.targets = std::move(targets);
  session.jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  session.real_paths = options.real_paths;
  if (options.cache) {
    session.cache_dir = options.cache_dir ? fs::absolute(*options.cache_dir, ec).lexically_normal()
                                          : session.index.root / ".notelint_cache";
    session.cache_version = options.cache_version;
  }
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

namespace {

// Every vault-rule report that counts: on a linted note, not suppressed, rule on for that file.
// Reports on files that are not notes (assets) go to take_file.
template <class Take, class TakeFile>
void each_vault_report(const std::vector<NoteFacts>& facts, const Config& config, const VaultIndex& index,
                       VaultRules which, bool only_fixing_rules, std::optional<std::size_t> only_note, Take&& take,
                       TakeFile&& take_file, const std::function<std::string(std::size_t)>& path_of = {}) {
  for (const auto& rule : all_rules()) {
    if (!rule.check_vault || !config.rule_enabled_anywhere(rule)) continue;
    if ((which == VaultRules::note_local && !rule.note_local) || (which == VaultRules::cross && rule.note_local))
      continue;
    if (only_fixing_rules && rule.fix == FixAvailability::none) continue;
    VaultSink sink;
    sink.set_rule(&rule);
    sink.set_path_of(path_of);
    if (only_note) sink.only(*only_note);
    rule.check_vault(facts, config, index, sink);
    for (auto& entry : sink.entries) {
      if (entry.note == VaultSink::kNoNote) {
        if (auto severity = config.rule_severity(rule, entry.file)) take_file(entry, *severity);
        continue;
      }
      const NoteFacts& note = facts[entry.note];
      if (!note.linted || note.suppressed(rule.code, entry.where.start.line)) continue;
      auto severity = config.rule_severity(rule, note.rel_path);
      if (!severity) continue;
      take(entry, *severity);
    }
  }
}

}  // namespace

void check_vault(const std::vector<NoteFacts>& facts, const Config& config, const VaultIndex& index,
                 std::vector<std::vector<Finding>>& findings, std::map<std::string, std::vector<Finding>>* file_findings,
                 VaultRules which, const std::function<std::string(std::size_t)>& path_of) {
  each_vault_report(
      facts, config, index, which, false, std::nullopt,
      [&](VaultSink::Entry& entry, Severity severity) {
        Finding f;
        f.rule = entry.rule;
        f.severity = severity;
        f.message = std::move(entry.message);
        f.start = entry.where.start;
        f.end = entry.where.end;
        f.source_line = std::move(entry.where.line);
        f.source_column = entry.where.line_column;
        f.fix = std::move(entry.fix);
        findings[entry.note].push_back(std::move(f));
      },
      [&](VaultSink::Entry& entry, Severity severity) {
        if (file_findings)
          (*file_findings)[entry.file].push_back(Finding{entry.rule, severity, std::move(entry.message), {}, {}, {}, {}});
      },
      path_of);
}

std::vector<std::vector<Diagnostic>> vault_diagnostics(const std::vector<NoteFacts>& facts, const Config& config,
                                                       const VaultIndex& index, std::optional<std::size_t> only_note) {
  std::vector<std::vector<Diagnostic>> out(facts.size());
  // Rules that never fix cannot change what the engine does, and a re-lint runs them per note.
  each_vault_report(
      facts, config, index, VaultRules::all, true, only_note,
      [&](VaultSink::Entry& entry, Severity severity) {
        out[entry.note].push_back(
            Diagnostic{entry.rule, severity, entry.where.span, std::move(entry.message), std::move(entry.fix)});
      },
      [](VaultSink::Entry&, Severity) {});
  return out;
}

namespace {

// The most any enabled vault rule reads of notes outside the linted set.
// References of other notes only matter for orphans, which runs on single files never report:
// without linted folders, rules that need references do not count.
OtherNotes other_notes_needed(const Config& config, bool folders_linted) {
  OtherNotes need = OtherNotes::none;
  for (const auto& rule : all_rules()) {
    if (!rule.check_vault || !config.rule_enabled_anywhere(rule)) continue;
    if (rule.other_notes == OtherNotes::references && !folders_linted) continue;
    need = std::max(need, rule.other_notes);
  }
  return need;
}

// Facts of a note that is not linted: its id, and its wiki links when a rule reads them. Only the
// front matter is parsed for ids, and no text is kept, so a large vault stays cheap.
std::optional<NoteFacts> other_note_facts(const VaultIndex* index, const std::string& rel, const Config& config,
                                          OtherNotes need) {
  const fs::path& root = index->root;
  auto text = read_file(root / rel, config.max_file_size);
  if (!text) return std::nullopt;
  std::string path = display_path(root / rel, fs::current_path());
  if (need >= OtherNotes::ids_and_links) {
    auto note = parse_note(path, rel, std::move(*text), config.front_matter.max_size);
    if (!note->checkable()) return std::nullopt;
    NoteFacts facts = extract_facts(*note, config);
    if (need == OtherNotes::references) {
      facts.suppressions.clear();
      compact_facts(facts, config, *index, true);
      return facts;
    }
    facts.images.clear();
    facts.local_links.clear();
    facts.tags.clear();
    facts.suppressions.clear();
    return facts;
  }
  Note note;
  note.path = path;
  note.rel_path = rel;
  note.text = std::move(*text);
  note.has_bom = note.text.rfind("\xEF\xBB\xBF", 0) == 0;
  const TextScan scan = scan_text(note.text);
  if (scan.invalid != std::string::npos) return std::nullopt;
  note.lines = LineIndex(note.text, note.has_bom ? 3 : 0, scan.cr);
  parse_front_matter(note, config.front_matter.max_size);
  NoteFacts facts;
  facts.path = note.path;
  facts.rel_path = rel;
  add_id_fact(note, facts);
  return facts;
}

}  // namespace

std::size_t add_unlinted_facts(const Session& session, std::vector<NoteFacts>& facts) {
  // The linted notes, as sorted views (a set of 50,000 strings would cost megabytes).
  std::vector<std::string_view> linted;
  linted.reserve(session.targets.size());
  for (const auto& target : session.targets)
    if (!target.outside()) linted.push_back(target.rel);
  std::sort(linted.begin(), linted.end());
  // Vault rules see every note of the vault, so that a run on some files (pre-commit splits the
  // list across parallel calls) finds what a run on the whole vault finds, on those files.
  const Config& config = session.config;
  OtherNotes need = other_notes_needed(config, !session.index.linted_folders.empty());
  if (need != OtherNotes::none) {
    std::vector<std::string> others;
    for (std::string_view path : session.index.files) {
      std::string rel(path);
      if (rel.size() > 3 && rel.compare(rel.size() - 3, 3, ".md") == 0 &&
          !std::binary_search(linted.begin(), linted.end(), std::string_view(rel)) && !excluded(config, rel))
        others.push_back(std::move(rel));
    }
    std::vector<std::optional<NoteFacts>> found(others.size());
    for_each_index(others.size(), session.jobs,
                   [&](std::size_t i) { found[i] = other_note_facts(&session.index, others[i], config, need); });
    for (auto& f : found)
      if (f) facts.push_back(std::move(*f));
  }
  return facts.size();
}

void for_each_index(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work) {
  if (jobs <= 1 || count < 2) {
    for (std::size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = count;
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::min<std::size_t>(jobs, count); ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

void compact_facts(NoteFacts& facts, const Config& config, const VaultIndex& index, bool keep_references) {
  if (keep_references) facts.used_files = referenced_file_ids(facts, config, index);
  // Move-assigning empty vectors frees their buffers (clear() or `= {}` would keep them).
  facts.links = std::vector<LinkFact>();
  facts.images = std::vector<ImageFact>();
  facts.local_links = std::vector<std::string>();
  facts.tags = std::vector<TagFact>();
  facts.suppressions.shrink_to_fit();
  facts.compacted = true;
}

LintResult lint(const Session& session) {
  LintResult result;
  const Config& config = session.config;
  const std::size_t count = session.targets.size();
  const bool keep_references = other_notes_needed(config, !session.index.linted_folders.empty()) == OtherNotes::references;
  // Each note lands in its own slot, so the output does not depend on the number of threads.
  std::vector<NoteFacts> facts(count);
  std::vector<std::vector<Finding>> findings(count);
  std::unique_ptr<ResultCache> cache;
  if (session.cache_dir)
    cache = std::make_unique<ResultCache>(*session.cache_dir, cache_key(config, session.cache_version));
  std::atomic<std::size_t> parsed{0};
  for_each_index(count, session.jobs, [&](std::size_t i) {
    const Target& target = session.targets[i];
    const fs::path file = session.file(target);
    // Files outside the vault root are keyed by name only: they are never cached.
    const bool cacheable = cache && !target.outside();
    std::optional<CachedNote> cached;
    if (cacheable)
      if (auto stamp = stat_note_file(file)) cached = cache->by_stamp(target.rel, stamp->size, stamp->mtime_ns);
    if (!cached) {
      // Each thread reads into the buffer of its previous note: a large block allocated and
      // freed per note fragments the heap as long-lived facts accumulate between them.
      thread_local std::string buffer;
      FileRead read = read_note_file(file, config.max_file_size, std::move(buffer));
      const bool readable = read.status == ReadStatus::ok;
      std::uint64_t content_hash = 0;
      if (cacheable && readable) {
        content_hash = hash64(read.text);
        cached = cache->by_content(target.rel, content_hash, read.size, read.mtime_ns);
        if (cached) buffer = std::move(read.text);
      }
      if (!cached) {
        const auto size = read.size;
        const auto mtime_ns = read.mtime_ns;
        auto note = parse_note(session.display(target), target.rel, std::move(read.text), config.front_matter.max_size);
        note->read_status = read.status;
        note->read_reason = std::move(read.reason);
        note->file_size = read.size;
        NoteResult checked = check_note(*note, config, session.index);
        CachedNote fresh;
        fresh.findings.reserve(checked.diagnostics.size());
        for (const auto& d : checked.diagnostics) fresh.findings.push_back(locate(*note, d));
        fresh.facts = std::move(checked.facts);
        buffer = std::move(note->text);
        buffer.clear();
        if (buffer.capacity() > (1u << 20)) buffer = std::string();  // keep no 10 MB dump around
        note.reset();  // the text is not needed past this point
        ++parsed;
        if (cacheable && readable) cache->store(target.rel, size, mtime_ns, content_hash, fresh);
        cached = std::move(fresh);
      }
    }
    findings[i] = std::move(cached->findings);
    NoteResult checked;
    checked.facts = std::move(cached->facts);
    checked.facts.rel_path = target.rel;
    // Vault rules that read only this note's facts run now, while they are at hand.
    std::vector<NoteFacts> one(1);
    one[0] = std::move(checked.facts);
    one[0].linted = true;
    std::vector<std::vector<Finding>> local(1);
    check_vault(one, config, session.index, local, nullptr, VaultRules::note_local);
    for (auto& f : local[0]) findings[i].push_back(std::move(f));
    compact_facts(one[0], config, session.index, keep_references);
    one[0].path = {};  // restored from the target for the cross-note rules
    facts[i] = std::move(one[0]);
  });
  if (cache) {
    cache->save(session.index);
    result.cache_hits = cache->hits();
    cache.reset();
  }
  result.notes_parsed = parsed;
  // Notes that are not linted still count for vault-wide facts such as duplicate ids.
  findings.resize(add_unlinted_facts(session, facts));
  std::map<std::string, std::vector<Finding>> asset_findings;
  // Compacted facts of linted notes hold no display path: rules naming a note ask for it.
  check_vault(facts, config, session.index, findings, &asset_findings, VaultRules::cross, [&](std::size_t i) {
    return i < count ? session.display(session.targets[i]) : facts[i].path;
  });
  facts = {};
  std::error_code ec;
  fs::path real_cwd = session.real_paths ? fs::weakly_canonical(fs::current_path(ec), ec) : fs::path();
  // Only files with findings get a report: the summary counts the files checked.
  for (std::size_t i = 0; i < count; ++i) {
    if (findings[i].empty()) continue;
    sort_findings(findings[i]);
    const Target& target = session.targets[i];
    std::string real = session.real_paths ? real_path(session.file(target), real_cwd) : std::string();
    result.reports.push_back(FileReport{session.display(target), std::move(real), std::move(findings[i]), target.rel, true});
  }
  // Findings on files that are not notes (orphaned assets) get reports of their own, in path order.
  for (auto& [rel, located] : asset_findings) {
    fs::path abs = session.index.root / rel;
    sort_findings(located);
    std::string real = session.real_paths ? real_path(abs, real_cwd) : std::string();
    result.reports.push_back(
        FileReport{display_path(abs, fs::current_path(ec)), std::move(real), std::move(located), rel, false});
  }
  if (!asset_findings.empty())
    std::sort(result.reports.begin(), result.reports.end(),
              [](const FileReport& a, const FileReport& b) { return a.path < b.path; });
  result.files_checked = count;
  for (const auto& rule : all_rules())
    if (config.rule_enabled_anywhere(rule)) result.rules_run.push_back(&rule);
  return result;
}

}  // namespace notelint
