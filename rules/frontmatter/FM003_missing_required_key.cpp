// FM003 missing-required-key: a key from front_matter.required is absent.
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  const auto& fm = note.front_matter;
  if (!fm.present || !fm.parsed) return;
  Span opening{fm.leading_blank_end, note.lines.line_end(note.lines.line_of(fm.leading_blank_end))};
  for (const auto& key : config.front_matter.required)
    if (!fm.find(key)) sink.report(opening, "front matter lacks the required key `" + key + "`");
}
}  // namespace

const RuleInfo kFM003{"FM003", "missing-required-key", "A required front-matter key is missing.", Family::FM,
                      Severity::error, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
