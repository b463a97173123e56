// FM002 invalid-front-matter: the front matter block is not valid YAML.
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
void check(const Note& note, const Config&, const VaultIndex&, DiagnosticSink& sink) {
  const auto& fm = note.front_matter;
  // Duplicate keys are FM007's.
  if (!fm.present || fm.error.empty() || fm.too_large) return;
  if (!fm.closed) {
    sink.report(fm.error_span, "front matter opened on this line is never closed with `---`");
    return;
  }
  // notelint's own messages say what is wrong; yaml-cpp's need the context.
  if (fm.error.rfind("front matter", 0) == 0)
    sink.report(fm.error_span, fm.error);
  else
    sink.report(fm.error_span, "front matter is not valid YAML: " + fm.error);
}
}  // namespace

const RuleInfo kFM002{"FM002", "invalid-front-matter", "Front matter is not valid YAML.", Family::FM,
                      Severity::error, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
