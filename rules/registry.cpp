// The one list of rules. Registry order is fix precedence; codes are never reused.
#include <algorithm>

#include "rules/rules.hpp"

namespace notelint {

const std::vector<RuleInfo>& all_rules() {
  static const std::vector<RuleInfo> rules = {
      rules::kIO001, rules::kIO002,  // first: a file that cannot be read has no text to check
      rules::kTX001,  // then: a file that is not text is checked no further
      rules::kFM001, rules::kFM002, rules::kFM003, rules::kFM004, rules::kFM005, rules::kFM006,
      rules::kFM007, rules::kFM008, rules::kFM009, rules::kFM010, rules::kFM011,
      rules::kHD001, rules::kHD002,
      rules::kTG002,  // before TG001: an alias is fixed, not reported as unknown
      rules::kTG001,
      rules::kAS001, rules::kAS002, rules::kAS003, rules::kAS004, rules::kAS005,
      rules::kLK001,
      rules::kMK001, rules::kMK002, rules::kMK003,
      rules::kTX002,
  };
  return rules;
}

const RuleInfo* find_rule(std::string_view code) {
  for (const auto& rule : all_rules())
    if (rule.code == code) return &rule;
  return nullptr;
}

std::string_view rule_doc(std::string_view code) {
  for (const auto& doc : rule_docs())
    if (doc.code == code) return doc.markdown;
  return {};
}

const char* family_name(Family f) {
  switch (f) {
    case Family::FM: return "FM";
    case Family::HD: return "HD";
    case Family::TG: return "TG";
    case Family::AS: return "AS";
    case Family::LK: return "LK";
    case Family::MK: return "MK";
    case Family::TX: return "TX";
    case Family::IO: return "IO";
  }
  return "?";
}

const char* family_title(Family f) {
  switch (f) {
    case Family::FM: return "front matter";
    case Family::HD: return "headings and sections";
    case Family::TG: return "tags";
    case Family::AS: return "assets";
    case Family::LK: return "links";
    case Family::MK: return "markers and pasted debris";
    case Family::TX: return "text hygiene";
    case Family::IO: return "file access";
  }
  return "?";
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "error") return Severity::error;
  if (name == "warning") return Severity::warning;
  if (name == "info") return Severity::info;
  return std::nullopt;
}

const char* applicability_name(Applicability a) { return a == Applicability::safe ? "safe" : "unsafe"; }

}  // namespace notelint
