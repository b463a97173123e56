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

void check(const std::vector<NoteFacts>& facts, const Config& config, const VaultIndex& index, VaultSink& sink) {
  std::vector<std::string> vocabulary = config.tags.known;
  if (config.tags.tag_notes) vocabulary.insert(vocabulary.end(), index.tag_notes.begin(), index.tag_notes.end());
  // An alias names its canonical tag; the variant itself is TG002's to fix.
  std::unordered_set<std::string> variants;
  for (const auto& [variant, canonical] : config.tags.aliases) {
    vocabulary.push_back(canonical);
    variants.insert(variant);
  }
  if (vocabulary.empty()) return;
  std::sort(vocabulary.begin(), vocabulary.end());
  vocabulary.erase(std::unique(vocabulary.begin(), vocabulary.end()), vocabulary.end());
  std::unordered_set<std::string> known(vocabulary.begin(), vocabulary.end());
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (!sink.wants(i)) continue;
    for (const auto& tag : facts[i].tags) {
      if (known.count(tag.tag) || variants.count(tag.tag)) continue;
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
                      Severity::warning, FixAvailability::sometimes, nullptr, check};

}  // namespace notelint::rules
