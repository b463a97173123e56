// MK001 stray-citation-marker: superscript citation markers such as ¹[1] pasted from chat tools.
#include <re2/re2.h>

#include <cstring>

#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
const RE2& marker() {
  static const RE2 re("((?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+\\[[0-9]+\\])+)");
  return re;
}

void check(const Note& note, const Config&, const VaultIndex&, DiagnosticSink& sink) {
  static const std::string_view kSuperscriptMinus = "⁻";
  for (const Span& run : note.outline.prose) {
    // Every marker holds "]["-free "[digits]": runs without '[' need no regex.
    if (std::memchr(note.text.data() + run.begin, '[', run.end - run.begin) == nullptr) continue;
    re2::StringPiece input(note.text.data() + run.begin, run.end - run.begin);
    re2::StringPiece match;
    while (RE2::FindAndConsume(&input, marker(), &match)) {
      std::size_t begin = static_cast<std::size_t>(match.data() - note.text.data());
      Span span{begin, begin + match.size()};
      // H⁻¹[1] is an inverse followed by a reference, not a pasted marker.
      if (begin >= kSuperscriptMinus.size() &&
          std::string_view(note.text).substr(begin - kSuperscriptMinus.size(), kSuperscriptMinus.size()) ==
              kSuperscriptMinus)
        continue;
      std::string shown(match.data(), match.size());
      sink.report(span, "stray citation marker `" + shown + "` pasted from a chat assistant",
                  removal_fix(note, span, "Remove `" + shown + "`"));
    }
  }
}
}  // namespace

const RuleInfo kMK001{"MK001", "stray-citation-marker", "A citation marker such as ¹[1] was pasted with the text.",
                      Family::MK, Severity::error, FixAvailability::always, check, nullptr};

}  // namespace notelint::rules
