// FM004 invalid-id: the id does not match front_matter.id_pattern.
#include "core/regex_cache.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  const auto& fm = note.front_matter;
  if (!fm.parsed || config.front_matter.id_pattern.empty()) return;
  const auto* id = fm.find("id");
  if (!id) return;
  if (!id->value.IsScalar()) {
    sink.report(id->line, "id is not a single value");
    return;
  }
  const std::string& value = id->value.Scalar();
  if (value.empty()) return;  // an empty id is a missing value, not a malformed one
  if (RE2::FullMatch(value, cached_regex(config.front_matter.id_pattern))) return;
  if (config.front_matter.id_pattern == kDendronIdPattern)
    sink.report(id->line, "id `" + value +
                              "` is not a Dendron id (23 lower-case letters and digits, a 21- or 16-character "
                              "nanoid, or a UUID)");
  else
    sink.report(id->line, "id `" + value + "` does not match front_matter.id_pattern `" +
                              config.front_matter.id_pattern + "`");
}
}  // namespace

const RuleInfo kFM004{"FM004", "invalid-id", "The note id does not match the id pattern.", Family::FM,
                      Severity::error, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
