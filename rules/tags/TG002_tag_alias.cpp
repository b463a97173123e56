// TG002 tag-alias: a tag written as a variant that tags.aliases maps to its canonical spelling.
#include "core/front_matter_values.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
const std::string* canonical_of(const Config& config, const std::string& tag) {
  for (const auto& [variant, canonical] : config.tags.aliases)
    if (variant == tag) return &canonical;
  return nullptr;
}

Fix rename(Span span, const std::string& canonical) {
  Fix fix;
  fix.applicability = Applicability::safe;
  fix.title = "Use `" + canonical + "`";
  fix.edits.push_back(Edit{span, canonical, {}, {}});
  return fix;
}

void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  if (config.tags.aliases.empty()) return;
  for (const auto& tag : front_matter_tags(note)) {
    const std::string* canonical = canonical_of(config, tag.tag);
    if (!canonical) continue;
    std::string message = "tag `" + tag.tag + "` is an alias of `" + *canonical + "`";
    if (tag.exact)
      sink.report(tag.span, message, rename(tag.span, *canonical));
    else
      sink.report(tag.span, message);
  }
  for (const auto& tag : note.outline.hashtags) {
    const std::string* canonical = canonical_of(config, tag.tag);
    if (!canonical) continue;
    Span name{tag.span.begin + 1, tag.span.end};
    sink.report(tag.span, "tag #" + tag.tag + " is an alias of #" + *canonical, rename(name, *canonical));
  }
}
}  // namespace

const RuleInfo kTG002{"TG002", "tag-alias", "A tag is written as an alias of its canonical spelling.", Family::TG,
                      Severity::warning, FixAvailability::sometimes, check, nullptr};

}  // namespace notelint::rules
