// MK003 chat-opener: a paragraph that begins with a chat assistant's opener or closer.
#include "core/text.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {

// Phrases chat assistants open and close answers with; they begin a paragraph of pasted text.
// Each is specific enough that notes written by hand rarely begin with it; `以下是` ("below
// is") is the exception that pasted answers open with far more often than authors do.
const std::vector<std::string>& default_phrases() {
  static const std::vector<std::string> phrases = {
      "当然可以", "当然！", "好的，以下是", "好的，下面是", "以下是", "希望这些信息对你有帮助",
      "希望这对你有帮助", "希望对你有帮助", "希望这能帮助", "如果你还有其他问题", "如果您还有其他问题",
      "如果你有任何其他问题", "如果您有任何其他问题", "作为一个AI", "作为一个人工智能", "作为AI语言模型",
      "Sure, here's", "Sure! Here's", "Sure, here is", "Sure! Here is",
      "Certainly!", "Certainly, here's", "Certainly! Here's", "Of course! Here's", "Of course, here's",
      "Absolutely! Here's", "Great question", "As an AI language model", "As an AI developed by",
      "As a large language model", "I hope this helps", "Hope this helps", "I hope this information helps",
      "Let me know if you have any other questions", "Let me know if you need", "Feel free to ask",
      "Is there anything else I can help"};
  return phrases;
}

// Typographic apostrophes count as straight ones, and ASCII case is ignored.
std::string folded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    }
  }
  return out;
}

// Length in the note's bytes of the phrase at the start of text, or 0.
std::size_t match_length(std::string_view text, const std::string& phrase) {
  std::string want = folded(phrase);
  std::size_t i = 0, matched = 0;
  while (matched < want.size() && i < text.size()) {
    std::size_t step = text.compare(i, 3, "\xE2\x80\x99") == 0 ? 3 : 1;
    char c = step == 3 ? '\'' : static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    if (c != want[matched]) return 0;
    ++matched;
    i += step;
  }
  return matched == want.size() ? i : 0;
}

void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  for (const auto& lead : note.outline.lead_ins) {
    if (lead.strong) continue;
    std::size_t end = note.lines.line_end(note.lines.line_of(lead.span.begin));
    std::string_view text = std::string_view(note.text).substr(lead.span.begin, end - lead.span.begin);
    std::size_t best = 0;
    for (const auto* list : {&default_phrases(), &config.markers.phrases})
      for (const auto& phrase : *list) best = std::max(best, match_length(text, phrase));
    if (best == 0) continue;
    std::string shown(text.substr(0, best));
    sink.report(Span{lead.span.begin, lead.span.begin + best},
                "paragraph begins with `" + shown + "`, pasted from a chat assistant");
  }
}

}  // namespace

const RuleInfo kMK003{"MK003", "chat-opener", "A paragraph begins with a chat assistant's opener or closer.",
                      Family::MK, Severity::warning, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
