// HD001 section-missing-labels: a section lacks one of sections.labels.
#include <algorithm>

#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
bool starts_with(std::string_view text, std::string_view prefix) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text.substr(0, prefix.size()) == prefix;
}

void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  const auto& labels = config.sections.labels;
  if (labels.empty()) return;
  const auto& headings = note.outline.headings;
  for (std::size_t h = 0; h < headings.size(); ++h) {
    const Heading& section = headings[h];
    if (section.level != config.sections.level) continue;
    const auto& ex = config.sections.exclude;
    if (std::find(ex.begin(), ex.end(), section.text) != ex.end()) continue;
    std::size_t end = note.text.size();
    std::size_t sub_end = h + 1;
    while (sub_end < headings.size() && headings[sub_end].level > section.level) ++sub_end;
    if (sub_end < headings.size()) end = headings[sub_end].span.begin;
    std::vector<std::string> missing;
    for (const auto& label : labels) {
      bool has = false;
      for (std::size_t k = h + 1; k < sub_end && !has; ++k) has = starts_with(headings[k].text, label);
      for (const auto& lead : note.outline.lead_ins) {
        if (has) break;
        if (lead.span.begin < section.span.end || lead.span.begin >= end) continue;
        has = (lead.list_item || lead.strong) && starts_with(lead.text, label);
      }
      if (!has) missing.push_back(label);
    }
    if (!missing.empty())
      sink.report(section.span, "section `" + section.text + "` lacks " +
                                    (missing.size() == 1 ? "the label " : "the labels ") + quoted_list(missing));
  }
}
}  // namespace

const RuleInfo kHD001{"HD001", "section-missing-labels", "A section lacks a required label.", Family::HD,
                      Severity::warning, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
