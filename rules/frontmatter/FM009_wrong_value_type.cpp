// FM009 wrong-value-type: a front-matter value does not have the type front_matter.types names.
#include "core/front_matter_values.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
const char* article(ValueType t) {
  switch (t) {
    case ValueType::string: return "a string";
    case ValueType::integer: return "an integer";
    case ValueType::number: return "a number";
    case ValueType::boolean: return "true or false";
    case ValueType::list: return "a list";
    case ValueType::map: return "a mapping";
    case ValueType::date: return "a date (YYYY-MM-DD or ISO 8601)";
    case ValueType::epoch_ms: return "epoch milliseconds";
  }
  return "?";
}

void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  const auto& fm = note.front_matter;
  if (!fm.parsed) return;
  for (const auto& key : fm.keys) {
    auto type = config.type_of(key.key);
    // Empty values are FM008's concern; epoch milliseconds are FM006's.
    if (!type || *type == ValueType::epoch_ms || is_empty_value(key.value)) continue;
    if (!has_type(key.value, *type))
      sink.report(key.line, "`" + key.key + "` must be " + article(*type) + ", not " + describe_value(key.value));
  }
}
}  // namespace

const RuleInfo kFM009{"FM009", "wrong-value-type", "A front-matter value has the wrong type.", Family::FM,
                      Severity::error, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
