// Declarations of every rule and the small helpers several rules share.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

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
extern const RuleInfo kFM007;
extern const RuleInfo kFM008;
extern const RuleInfo kFM009;
extern const RuleInfo kFM010;
extern const RuleInfo kFM011;
extern const RuleInfo kHD001;
extern const RuleInfo kHD002;
extern const RuleInfo kTG001;
extern const RuleInfo kTG002;
extern const RuleInfo kAS001;
extern const RuleInfo kAS002;
extern const RuleInfo kAS003;
extern const RuleInfo kAS004;
extern const RuleInfo kAS005;
extern const RuleInfo kLK001;
extern const RuleInfo kMK001;
extern const RuleInfo kMK002;
extern const RuleInfo kMK003;
extern const RuleInfo kTX001;
extern const RuleInfo kTX002;
extern const RuleInfo kIO001;
extern const RuleInfo kIO002;

// A fix that deletes span and, where the deletion would leave two spaces or a space before
// punctuation or the line end, the space before it too. At the start of a line (after any
// indentation) it takes the spaces after it instead, and a span that is the whole line takes the
// line. CJK text has no spaces to mend.
Fix removal_fix(const Note& note, Span span, std::string title);

// Where a local image or link path may point, in lookup order: the note's folder, the vault
// root (a leading '/' also means the root), then each of assets.roots. Relative to the root.
// Normalised, '/'-separated; a candidate starting with '/' or "../" lies outside the vault.
std::vector<std::string> reference_candidates(const std::string& decoded, const NoteFacts& note,
                                              const Config& config);

// The indexed vault files a reference resolves to (relative paths); by_name for embeds, which
// name a file anywhere in the vault.
std::vector<std::string> resolve_in_vault(const std::string& decoded, bool by_name, const NoteFacts& note,
                                          const Config& config, const VaultIndex& index);

// "`a`, `b` and `c`"
std::string quoted_list(const std::vector<std::string>& items);

}  // namespace notelint::rules
