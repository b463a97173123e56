// Declarations of every rule and the small helpers several rules share.
#pragma once
#include <string>
#include <string_view>

#include "core/config.hpp"
#include "core/note.hpp"
#include "core/rule.hpp"
#include "core/vault.hpp"

namespace notelint::rules {

extern const RuleInfo kFM001;
extern const RuleInfo kFM002;
extern const RuleInfo kFM003;
extern const RuleInfo kFM004;
extern const RuleInfo kFM005;
extern const RuleInfo kFM006;
extern const RuleInfo kHD001;
extern const RuleInfo kHD002;
extern const RuleInfo kTG001;
extern const RuleInfo kAS001;
extern const RuleInfo kLK001;
extern const RuleInfo kMK001;
extern const RuleInfo kMK002;
extern const RuleInfo kTX001;
extern const RuleInfo kIO001;
extern const RuleInfo kIO002;

// A fix that deletes span and, where the deletion would leave two spaces or a space before
// punctuation or the line end, the space before it too. CJK text has no spaces to mend.
Fix removal_fix(const Note& note, Span span, std::string title);

// "`a`, `b` and `c`"
std::string quoted_list(const std::vector<std::string>& items);

}  // namespace notelint::rules
