// FM005 duplicate-id: two notes share an id (usually a renamed copy).
#include <algorithm>
#include <unordered_map>

#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
void check(const std::vector<NoteFacts>& facts, const Config&, const VaultIndex&, VaultSink& sink) {
  std::unordered_map<std::string, std::vector<std::size_t>> by_id;
  for (std::size_t i = 0; i < facts.size(); ++i)
    if (facts[i].has_id) by_id[facts[i].id].push_back(i);
  for (auto& [id, notes] : by_id) {
    if (notes.size() < 2) continue;
    std::sort(notes.begin(), notes.end(),
              [&](std::size_t a, std::size_t b) { return facts[a].rel_path < facts[b].rel_path; });
    const NoteFacts& first = facts[notes.front()];
    for (std::size_t k = 1; k < notes.size(); ++k)
      sink.report(notes[k], facts[notes[k]].id_where,
                  "id `" + id + "` is already used by " + first.path + " (line " +
                      std::to_string(first.id_where.start.line) + ")");
  }
}
}  // namespace

const RuleInfo kFM005{"FM005", "duplicate-id", "Two notes share the same id.", Family::FM, Severity::error,
                      FixAvailability::none, nullptr, check, OtherNotes::ids};

}  // namespace notelint::rules
