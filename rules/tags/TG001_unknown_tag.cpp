// TG001 unknown-tag: a hashtag outside the vault's tag vocabulary, with a did-you-mean.
#include <algorithm>
#include <unordered_set>

#include "core/text.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {

// The closest known tag: a case-only difference first, then the smallest edit distance within
// a budget that grows with the tag's length.
std::string suggestion(const std::string& tag, const std::vector<std::string>& vocabulary) {
  std::string lower = ascii_lower(tag);
  for (const auto& known : vocabulary)
    if (ascii_lower(known) == lower) return known;
  std::size_t length = count_code_points(tag);
  std::size_t budget = length <= 5 ? 1 : length <= 9 ? 2 : 3;
  std::string best;
  std::size_t best_distance = budget + 1;
  for (const auto& known : vocabulary) {
    std::size_t d = edit_distance(lower, ascii_lower(known));
    if (d < best_distance) {
      best_distance = d;
      best = known;
    }
  }
  return best;
}

// Every tag the vault knows, sorted: built only when a note holds an unknown tag.
std::vector<std::string> vocabulary_of(const Config& config, const VaultIndex& index) {
  std::vector<std::string> vocabulary = config.tags.known;
  if (config.tags.tag_notes) vocabulary.insert(vocabulary.end(), index.tag_notes.begin(), index.tag_notes.end());
  for (const auto& [variant, canonical] : config.tags.aliases) vocabulary.push_back(canonical);
  std::sort(vocabulary.begin(), vocabulary.end());
  vocabulary.erase(std::unique(vocabulary.begin(), vocabulary.end()), vocabulary.end());
  return vocabulary;
}

// Known, or an alias variant (the variant itself is TG002's to fix). The rule runs note by note,
// so this looks the tag up instead of building a set per note.
bool is_known(const std::string& tag, const Config& config, const VaultIndex& index) {
  if (std::find(config.tags.known.begin(), config.tags.known.end(), tag) != config.tags.known.end()) return true;
  if (config.tags.tag_notes && std::binary_search(index.tag_notes.begin(), index.tag_notes.end(), tag)) return true;
  return std::any_of(config.tags.aliases.begin(), config.tags.aliases.end(),
                     [&](const auto& alias) { return alias.first == tag || alias.second == tag; });
}

void check(const std::vector<NoteFacts>& facts, const Config& config, const VaultIndex& index, VaultSink& sink) {
  if (config.tags.known.empty() && config.tags.aliases.empty() && !(config.tags.tag_notes && !index.tag_notes.empty()))
    return;
  std::vector<std::string> vocabulary;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (!sink.wants(i)) continue;
    for (const auto& tag : facts[i].tags) {
      if (is_known(tag.tag, config, index)) continue;
      if (vocabulary.empty()) vocabulary = vocabulary_of(config, index);
      auto shown = [&](const std::string& t) { return tag.in_front_matter ? "`" + t + "`" : "#" + t; };
      std::string message = std::string("unknown ") + (tag.in_front_matter ? "front-matter " : "") + "tag " + shown(tag.tag);
      std::string guess = suggestion(tag.tag, vocabulary);
      if (guess.empty()) {
        message += config.tags.tag_notes ? " (not in tags.known and no tags." + tag.tag + " note)"
                                         : " (not in tags.known)";
        sink.report(i, tag.where, message);
        continue;
      }
      message += "; did you mean " + shown(guess) + "?";
      if (!tag.exact) {  // a tag inside a string we cannot edit precisely
        sink.report(i, tag.where, message);
        continue;
      }
      // Unsafe: the closest tag is a guess, and #Vidoe may be a new tag on purpose.
      Fix fix;
      fix.applicability = Applicability::unsafe;
      fix.title = "Replace " + shown(tag.tag) + " with " + shown(guess);
      fix.edits.push_back(tag.where.replace_with((tag.in_front_matter ? "" : "#") + guess));
      sink.report(i, tag.where, message, std::move(fix));
    }
  }
}
}  // namespace

const RuleInfo kTG001{"TG001", "unknown-tag", "A tag is not in the vault's tag vocabulary.", Family::TG,
                      Severity::warning, FixAvailability::sometimes, nullptr, check, OtherNotes::none, true};

}  // namespace notelint::rules
