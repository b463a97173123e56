// MK002 chat-citation-debris: 【3†source】 and :contentReference[oaicite:0]{index=0} left by chat tools.
#include <re2/re2.h>

#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
const RE2& debris() {
  static const RE2 re(
      "(【[0-9]+(?::[0-9]+)?†[^】\\n]{0,40}】|:contentReference\\[oaicite:[0-9]+\\]\\{index=[0-9]+\\})");
  return re;
}

void check(const Note& note, const Config&, const VaultIndex&, DiagnosticSink& sink) {
  for (const Span& run : note.outline.prose) {
    // Both kinds of debris hold '†' or ":contentReference": most runs are skipped at memchr speed.
    std::string_view text(note.text.data() + run.begin, run.end - run.begin);
    if (text.find("\xE2\x80\xA0") == std::string_view::npos && text.find(":contentReference[") == std::string_view::npos)
      continue;
    re2::StringPiece input(note.text.data() + run.begin, run.end - run.begin);
    re2::StringPiece match;
    while (RE2::FindAndConsume(&input, debris(), &match)) {
      std::size_t begin = static_cast<std::size_t>(match.data() - note.text.data());
      Span span{begin, begin + match.size()};
      std::string shown(match.data(), match.size());
      sink.report(span, "chat citation debris `" + shown + "`", removal_fix(note, span, "Remove `" + shown + "`"));
    }
  }
}
}  // namespace

const RuleInfo kMK002{"MK002", "chat-citation-debris", "Citation debris from a chat tool was pasted with the text.",
                      Family::MK, Severity::error, FixAvailability::always, check, nullptr};

}  // namespace notelint::rules
