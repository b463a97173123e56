// HD002 missing-required-heading: a heading every note must have is absent.
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  for (const auto& required : config.headings.required) {
    bool found = false;
    for (const auto& h : note.outline.headings) found = found || h.text == required;
    if (!found) {
      std::size_t at = std::min(note.body_begin, note.text.size());
      sink.report(Span{at, at}, "note lacks the required heading `" + required + "`");
    }
  }
}
}  // namespace

const RuleInfo kHD002{"HD002", "missing-required-heading", "A required heading is missing.", Family::HD,
                      Severity::warning, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
