#include "core/init.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "core/config.hpp"
#include "core/file_reader.hpp"
#include "core/front_matter_values.hpp"
#include "core/note.hpp"
#include "core/text.hpp"
#include "core/vault.hpp"

namespace notelint {

namespace fs = std::filesystem;

namespace {

constexpr double kRequiredShare = 0.95;  // a key in this share of notes is required
constexpr double kLabelShare = 0.80;     // a label in this share of sections is required
constexpr std::size_t kMinSections = 5;  // fewer sections say nothing about a template

// YAML needs quotes for values that would read as another type or hold syntax.
std::string yaml_scalar(const std::string& s) {
  static const std::set<std::string> kSpecial = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"};
  static const RE2 plain(R"([\p{L}_][\p{L}\p{N}\p{M}_\-/. ]*)");
  if (!s.empty() && s.back() != ' ' && RE2::FullMatch(s, plain) && !kSpecial.count(ascii_lower(s))) return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// A label is the bold or leading text of a lead-in, without its trailing colon.
std::string label_of(std::string text) {
  for (const char* colon : {"：", ":"}) {
    std::size_t at = text.find(colon);
    if (at != std::string::npos) text.resize(at);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '*')) text.pop_back();
  return text;
}

struct SectionStats {
  std::size_t sections = 0;
  std::map<std::string, std::size_t> labels;  // label -> sections holding it
};

void collect_sections(const Note& note, std::map<int, SectionStats>& stats) {
  const auto& headings = note.outline.headings;
  for (std::size_t h = 0; h < headings.size(); ++h) {
    int level = headings[h].level;
    std::size_t end = note.text.size();
    std::size_t next = h + 1;
    while (next < headings.size() && headings[next].level > level) ++next;
    if (next < headings.size()) end = headings[next].span.begin;
    std::set<std::string> labels;
    for (std::size_t k = h + 1; k < next; ++k) labels.insert(label_of(headings[k].text));
    for (const auto& lead : note.outline.lead_ins) {
      if (lead.span.begin < headings[h].span.end || lead.span.begin >= end || !lead.strong) continue;
      labels.insert(label_of(lead.text));
    }
    labels.erase("");
    auto& s = stats[level];
    ++s.sections;
    for (const auto& l : labels) ++s.labels[l];
  }
}

std::string detect_profile(const fs::path& dir, std::string& why) {
  std::error_code ec;
  if (fs::exists(dir / "dendron.yml", ec)) {
    why = "dendron.yml found";
    return "dendron";
  }
  if (fs::is_directory(dir / ".obsidian", ec)) {
    why = ".obsidian/ found";
    return "obsidian";
  }
  why = "no dendron.yml or .obsidian/ found";
  return "plain";
}

}  // namespace

ProposedConfig propose_config(const fs::path& dir) {
  ProposedConfig out;
  std::string profile_why;
  const std::string profile = detect_profile(dir, profile_why);
  const Config defaults = profile_config(profile);
  VaultIndex index = VaultIndex::build(dir);

  std::size_t notes = 0;
  std::map<std::string, std::set<std::string>> tag_notes;  // tag -> notes using it
  std::map<std::string, std::size_t> key_counts;
  std::map<int, SectionStats> sections;
  std::vector<std::string> paths;
  for (const auto& rel : index.files)
    if (rel.size() > 3 && rel.substr(rel.size() - 3) == ".md") paths.emplace_back(rel);
  std::sort(paths.begin(), paths.end());
  for (const auto& rel : paths) {
    // The core's reader: FIFOs and devices are never opened, oversized files are skipped.
    FileRead read = read_note_file(index.root / rel, defaults.max_file_size);
    if (read.status != ReadStatus::ok) continue;
    auto note = parse_note(rel, rel, std::move(read.text), defaults.front_matter.max_size);
    if (!note->checkable()) continue;
    ++notes;
    for (const auto& key : note->front_matter.keys) ++key_counts[key.key];
    for (const auto& tag : note->outline.hashtags) tag_notes[tag.tag].insert(rel);
    for (const auto& tag : front_matter_tags(*note)) tag_notes[tag.tag].insert(rel);
    collect_sections(*note, sections);
  }

  std::ostringstream y;
  y << "# Proposed by `notelint init` from " << plural(notes, "note") << "; each value says where it came from.\n";
  y << "profile: " << profile << "  # " << profile_why << "\n";
  out.found.push_back("profile " + profile + " (" + profile_why + ")");

  // Vocabulary: tags of at least two notes, and Dendron's tags.* notes.
  std::map<std::string, std::string> known;  // tag -> origin
  for (const auto& [tag, users] : tag_notes)
    if (users.size() >= 2) known[tag] = "used in " + plural(users.size(), "note");
  if (defaults.tags.tag_notes)
    for (const auto& tag : index.tag_notes)
      if (!known.count(tag)) known[tag] = "tags." + tag + ".md";
  y << "tags:\n";
  if (known.empty()) {
    y << "  known: []  # no tag is used in two notes or more\n";
  } else {
    y << "  known:  # tags used in at least 2 notes" << (defaults.tags.tag_notes ? ", and tags.* notes" : "") << "\n";
    for (const auto& [tag, origin] : known) y << "    - " << yaml_scalar(tag) << "  # " << origin << "\n";
  }
  out.found.push_back(plural(tag_notes.size(), "tag") + " in use, " + std::to_string(known.size()) +
                      " proposed as the vocabulary");

  // Near-duplicates: the rarer spelling is suggested as an alias of the more common one.
  std::vector<std::pair<std::string, std::string>> aliases;
  std::vector<std::string> all_tags;
  for (const auto& [tag, users] : tag_notes) all_tags.push_back(tag);
  for (std::size_t i = 0; i < all_tags.size(); ++i) {
    for (std::size_t j = i + 1; j < all_tags.size(); ++j) {
      const auto& a = all_tags[i];
      const auto& b = all_tags[j];
      // Same letters in another case, or one edit apart (a typo, a plural, a swap) in tags long
      // enough for one edit to be a slip rather than another word.
      std::size_t length = std::min(count_code_points(a), count_code_points(b));
      std::string la = ascii_lower(a), lb = ascii_lower(b);
      if (la != lb && (length < 4 || edit_distance(la, lb) > 1)) continue;
      bool a_common = tag_notes[a].size() >= tag_notes[b].size();
      aliases.emplace_back(a_common ? b : a, a_common ? a : b);
    }
  }
  if (!aliases.empty()) {
    y << "  # Near-duplicate tags: uncomment the pairs that mean the same tag.\n";
    y << "  # aliases:\n";
    for (const auto& [variant, canonical] : aliases)
      y << "  #   " << yaml_scalar(variant) << ": " << yaml_scalar(canonical) << "  # "
        << plural(tag_notes[variant].size(), "note") << " vs " << plural(tag_notes[canonical].size(), "note") << "\n";
  }
  out.found.push_back(plural(aliases.size(), "near-duplicate tag pair") + " suggested as aliases (commented out)");

  // Required keys: present in at least 95% of notes.
  std::vector<std::pair<std::string, std::size_t>> required;
  for (const auto& [key, count] : key_counts)
    if (notes > 0 && static_cast<double>(count) >= kRequiredShare * static_cast<double>(notes))
      required.emplace_back(key, count);
  y << "front_matter:\n";
  if (required.empty()) {
    y << "  required: []  # no key is in 95% of notes\n";
  } else {
    y << "  required:  # keys present in at least 95% of notes\n";
    for (const auto& [key, count] : required)
      y << "    - " << yaml_scalar(key) << "  # in " << count << " of " << plural(notes, "note") << "\n";
  }
  out.found.push_back(plural(required.size(), "required key") + " (in at least 95% of notes)");

  // Section labels: the level whose sections most often share labels.
  int best_level = 0;
  std::vector<std::pair<std::string, std::size_t>> labels;
  for (const auto& [level, stats] : sections) {
    if (stats.sections < kMinSections) continue;
    std::vector<std::pair<std::string, std::size_t>> shared;
    for (const auto& [label, count] : stats.labels)
      if (static_cast<double>(count) >= kLabelShare * static_cast<double>(stats.sections)) shared.emplace_back(label, count);
    if (shared.size() > labels.size()) {
      labels = shared;
      best_level = level;
    }
  }
  if (!labels.empty()) {
    const auto& stats = sections[best_level];
    y << "sections:\n  level: " << best_level << "  # the heading level whose sections share labels\n";
    y << "  labels:  # in at least 80% of the " << stats.sections << " level-" << best_level << " sections\n";
    for (const auto& [label, count] : labels)
      y << "    - " << yaml_scalar(label) << "  # in " << count << " sections\n";
    out.found.push_back(plural(labels.size(), "section label") + " at heading level " + std::to_string(best_level));
  } else {
    y << "# sections: no labels are shared by 80% of the sections of any heading level\n";
    out.found.push_back("no section labels (none shared by 80% of sections)");
  }
  out.yaml = y.str();
  return out;
}

}  // namespace notelint
