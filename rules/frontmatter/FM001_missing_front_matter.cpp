// FM001 missing-front-matter: no front matter where the profile needs one, or not on line 1.
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  const auto& fm = note.front_matter;
  const std::size_t start = note.has_bom ? 3 : 0;
  if (!fm.present) {
    if (config.front_matter.require)
      sink.report(Span{start, start}, "note has no front matter; the " + config.profile +
                                          " profile expects a `---` block with " +
                                          quoted_list(config.front_matter.required) + " on line 1");
    return;
  }
  if (fm.leading_blank_end > start) {
    std::size_t blank_lines = note.lines.line_of(fm.leading_blank_end) - note.lines.line_of(start);
    Fix fix;
    fix.title = "Remove the blank lines before the front matter";
    fix.edits.push_back(Edit{Span{start, fm.leading_blank_end}, "", {}, {}});
    sink.report(Span{fm.leading_blank_end, fm.leading_blank_end + 3},
                "front matter starts on line " + std::to_string(blank_lines + 1) +
                    ", not line 1; tools only read it on the first line",
                std::move(fix));
  }
}
}  // namespace

const RuleInfo kFM001{"FM001", "missing-front-matter", "Front matter is missing or does not start on line 1.",
                      Family::FM, Severity::error, FixAvailability::sometimes, check, nullptr};

}  // namespace notelint::rules
