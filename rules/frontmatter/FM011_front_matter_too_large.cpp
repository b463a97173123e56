// FM011 front-matter-too-large: front matter over front_matter.max_size is not parsed.
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
void check(const Note& note, const Config&, const VaultIndex&, DiagnosticSink& sink) {
  if (note.front_matter.too_large) sink.report(note.front_matter.error_span, note.front_matter.error);
}
}  // namespace

const RuleInfo kFM011{"FM011", "front-matter-too-large", "Front matter is too large to parse.", Family::FM,
                      Severity::error, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
