// FM002 invalid-front-matter: the front matter block is not valid YAML.
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
void check(const Note& note, const Config&, const VaultIndex&, DiagnosticSink& sink) {
  const auto& fm = note.front_matter;
  for (std::size_t i : fm.duplicates)
    sink.report(fm.keys[i].span, "duplicate key '" + fm.keys[i].key + "': YAML keys must be unique");
  if (!fm.present || fm.error.empty()) return;
  if (!fm.closed) {
    sink.report(fm.error_span, "front matter opened on this line is never closed with `---`");
    return;
  }
  if (!fm.root.IsDefined() || fm.root.IsNull() || fm.root.IsMap())
    sink.report(fm.error_span, "front matter is not valid YAML: " + fm.error);
  else
    sink.report(fm.error_span, fm.error);
}
}  // namespace

const RuleInfo kFM002{"FM002", "invalid-front-matter", "Front matter is not valid YAML.", Family::FM,
                      Severity::error, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
