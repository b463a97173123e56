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

bool apostrophe_at(std::string_view text, std::size_t i) {
  return i + 2 < text.size() && text[i] == '\xE2' && text[i + 1] == '\x80' && text[i + 2] == '\x99';
}

char fold_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Typographic apostrophes count as straight ones, and ASCII case is ignored.
std::string folded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (apostrophe_at(text, i)) {
      out += '\'';
      i += 2;
    } else {
      out += fold_ascii(text[i]);
    }
  }
  return out;
}

std::vector<std::string> folded_all(const std::vector<std::string>& phrases) {
  std::vector<std::string> out;
  for (const auto& phrase : phrases) out.push_back(folded(phrase));
  return out;
}

// Length in the note's bytes of the folded phrase at the start of text, or 0.
std::size_t match_length(std::string_view text, std::string_view want) {
  std::size_t i = 0, matched = 0;
  while (matched < want.size() && i < text.size()) {
    bool apostrophe = apostrophe_at(text, i);
    char c = apostrophe ? '\'' : fold_ascii(text[i]);
    if (c != want[matched]) return 0;
    ++matched;
    i += apostrophe ? 3 : 1;
  }
  return matched == want.size() ? i : 0;
}

void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  static const std::vector<std::string> defaults = folded_all(default_phrases());
  const std::vector<std::string> custom = folded_all(config.markers.phrases);
  for (const auto& lead : note.outline.lead_ins) {
    if (lead.strong) continue;
    std::size_t end = note.lines.line_end(note.lines.line_of(lead.span.begin));
    std::string_view text = std::string_view(note.text).substr(lead.span.begin, end - lead.span.begin);
    if (text.empty()) continue;
    const char first = apostrophe_at(text, 0) ? '\'' : fold_ascii(text[0]);
    std::size_t best = 0;
    for (const auto* list : {&defaults, &custom})
      for (const auto& phrase : *list)
        if (!phrase.empty() && phrase[0] == first) best = std::max(best, match_length(text, phrase));
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
