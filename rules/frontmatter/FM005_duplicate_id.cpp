// FM005 duplicate-id: two notes share an id (usually a renamed copy).
#include <algorithm>

#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
void check(const std::vector<NoteFacts>& facts, const Config&, const VaultIndex&, VaultSink& sink) {
  // Notes ordered by id, then by path: a sorted list of indexes costs 8 bytes a note, where a
  // map from id to notes would cost a hundred.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < facts.size(); ++i)
    if (facts[i].has_id) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (facts[a].id != facts[b].id) return facts[a].id < facts[b].id;
    return facts[a].rel_path < facts[b].rel_path;
  });
  for (std::size_t k = 0; k < order.size();) {
    std::size_t end = k + 1;
    while (end < order.size() && facts[order[end]].id == facts[order[k]].id) ++end;
    const NoteFacts& first = facts[order[k]];
    for (std::size_t j = k + 1; j < end; ++j)
      sink.report(order[j], facts[order[j]].id_where,
                  "id `" + first.id + "` is already used by " + sink.path_of(facts, order[k]) + " (line " +
                      std::to_string(first.id_where.start.line) + ")");
    k = end;
  }
}
}  // namespace

const RuleInfo kFM005{"FM005", "duplicate-id", "Two notes share the same id.", Family::FM, Severity::error,
                      FixAvailability::none, nullptr, check, OtherNotes::ids};

}  // namespace notelint::rules
