// FM008 empty-required-key: a required key is present but holds nothing.
#include <algorithm>

#include "core/front_matter_values.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  const auto& fm = note.front_matter;
  if (!fm.parsed) return;
  const auto& allowed = config.front_matter.allow_empty;
  for (const auto& required : config.front_matter.required) {
    const auto* key = fm.find(required);
    if (!key || !is_empty_value(key->value)) continue;
    bool empty_string = key->value.IsScalar() && key->value.Scalar().empty() && !key->value.IsNull();
    if (empty_string && std::find(allowed.begin(), allowed.end(), required) != allowed.end()) continue;
    sink.report(key->line, "required key `" + required + "` is empty");
  }
}
}  // namespace

const RuleInfo kFM008{"FM008", "empty-required-key", "A required front-matter key is empty.", Family::FM,
                      Severity::error, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
