// The fix engine: applies the fixes of a text's findings, re-lints, and repeats until stable.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace notelint {

struct FixOptions {
  bool unsafe = false;  // also apply unsafe fixes (--unsafe-fixes)
  int max_passes = 10;
};

// One finding whose fix was applied.
struct AppliedFix {
  const RuleInfo* rule = nullptr;
  std::string title;
};

struct FixedText {
  std::string text;  // the fixed text; the original when the fixes did not converge
  std::vector<AppliedFix> applied;
  bool converged = true;
  std::vector<std::string> rules_involved;  // codes still fixing when the engine gave up
};

// Lints a text and returns its findings with byte spans (per-note and vault rules alike).
using Relint = std::function<std::vector<Diagnostic>(const std::string& text)>;

// Would --fix (with these options) apply this finding's fix?
bool is_applicable(const Diagnostic& d, const FixOptions& options);

// Applies the fixes of diagnostics (the findings of text) pass by pass. In each pass the fixes
// that touch no other fix are applied; where two touch, the rule earlier in the registry wins and
// the other waits for the re-lint. Gives up after max_passes and leaves the text as it was.
FixedText apply_fixes(const std::string& text, std::vector<Diagnostic> diagnostics, const Relint& relint,
                      const FixOptions& options);

// Gives fixed the original's byte order mark, line-ending style (CRLF stays CRLF) and presence or
// absence of a final newline, whatever the edits did.
std::string keep_layout(const std::string& original, std::string fixed);

}  // namespace notelint
