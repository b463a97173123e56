// TX002 invisible-character: zero-width spaces and joiners, soft hyphens and stray BOMs.
#include <algorithm>
#include <cstring>

#include "core/text.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {

const char* invisible_name(char32_t cp) {
  switch (cp) {
    case 0x200B: return "ZERO WIDTH SPACE";
    case 0x200D: return "ZERO WIDTH JOINER";
    case 0x2060: return "WORD JOINER";
    case 0x00AD: return "SOFT HYPHEN";
    case 0xFEFF: return "BYTE ORDER MARK";
    default: return nullptr;
  }
}

// Extended_Pictographic, near enough: the blocks emoji are drawn from.
bool is_pictographic(char32_t cp) {
  return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2300 && cp <= 0x23FF) ||
         (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0x2190 && cp <= 0x21FF) || cp == 0x00A9 || cp == 0x00AE ||
         cp == 0x203C || cp == 0x2049 || cp == 0x2122 || cp == 0x2139 || cp == 0x3030 || cp == 0x303D ||
         cp == 0x3297 || cp == 0x3299;
}

// Scripts that use the joiner to choose glyph forms (Arabic, Indic, Sinhala).
bool joins_glyphs(char32_t cp) { return cp >= 0x0600 && cp <= 0x0DFF; }

// The code point before offset, skipping variation selectors (an emoji's U+FE0F).
char32_t previous_code_point(std::string_view text, std::size_t at) {
  while (at > 0) {
    std::size_t start = at - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t i = start;
    char32_t cp = decode_utf8(text, i);
    if (cp != 0xFE0F && cp != 0xFE0E) return cp;
    at = start;
  }
  return 0;
}

// A joiner between two emoji (👩‍💻) or inside an Indic or Arabic word is meant.
bool legitimate_joiner(std::string_view text, std::size_t at, std::size_t after) {
  char32_t before = previous_code_point(text, at);
  std::size_t i = after;
  char32_t next = i < text.size() ? decode_utf8(text, i) : 0;
  return (is_pictographic(before) && is_pictographic(next)) || joins_glyphs(before) || joins_glyphs(next);
}

// The next byte at or after `from` that may begin an invisible character (C2 AD, E2 80 8B/8D,
// E2 81 A0, EF BB BF). The text is valid UTF-8, so searching bytes is exact; EF begins most CJK
// punctuation, so the BOM is searched as its three bytes.
class CandidateScan {
 public:
  explicit CandidateScan(std::string_view text) : text_(text) {}
  std::size_t next(std::size_t from) {
    if (from > e2_ || e2_ == kUnset) e2_ = find_byte('\xE2', from);
    if (from > c2_ || c2_ == kUnset) c2_ = find_byte('\xC2', from);
    if (from > bom_ || bom_ == kUnset) {
      // memmem, not string_view::find: find stops at every EF (most CJK punctuation) to compare.
      const void* hit = from < text_.size() ? ::memmem(text_.data() + from, text_.size() - from, "\xEF\xBB\xBF", 3)
                                            : nullptr;
      bom_ = hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data()) : text_.size();
    }
    return std::min({e2_, c2_, bom_});
  }

 private:
  static constexpr std::size_t kUnset = static_cast<std::size_t>(-1);
  std::size_t find_byte(char c, std::size_t from) const {
    if (from >= text_.size()) return text_.size();
    const void* hit = std::memchr(text_.data() + from, c, text_.size() - from);
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data()) : text_.size();
  }
  std::string_view text_;
  std::size_t e2_ = kUnset, c2_ = kUnset, bom_ = kUnset;
};

void check(const Note& note, const Config&, const VaultIndex&, DiagnosticSink& sink) {
  std::string_view text(note.text);
  std::size_t i = note.has_bom ? 3 : 0;  // the file's own BOM is the encoding's business
  // The core's one pass over the bytes saw where the first candidate is, if any.
  if (note.invisible_from == std::string::npos) return;
  i = std::max(i, note.invisible_from);
  CandidateScan scan(text);
  while (i < text.size()) {
    i = scan.next(i);
    if (i >= text.size()) break;
    std::size_t at = i;
    char32_t cp = decode_utf8(text, i);
    const char* name = invisible_name(cp);
    if (!name || note.in_code(at) || (cp == 0x200D && legitimate_joiner(text, at, i))) continue;
    // A run of invisible characters is one finding with one fix.
    std::size_t end = i;
    std::size_t count = 1;
    while (end < text.size()) {
      std::size_t j = end;
      char32_t next = decode_utf8(text, j);
      if (!invisible_name(next) || (next == 0x200D && legitimate_joiner(text, end, j))) break;
      end = j;
      ++count;
    }
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    std::string message = std::string("invisible character ") + code + " " + name;
    if (count > 1) message += " (and " + std::to_string(count - 1) + " more)";
    Fix fix;
    fix.applicability = Applicability::safe;
    fix.title = count > 1 ? "Remove the invisible characters" : std::string("Remove the ") + name;
    fix.edits.push_back(Edit{Span{at, end}, "", {}, {}});
    sink.report(Span{at, end}, message, std::move(fix));
    i = end;
  }
}

}  // namespace

const RuleInfo kTX002{"TX002", "invisible-character", "Invisible characters hide in the text.", Family::TX,
                      Severity::warning, FixAvailability::always, check, nullptr};

}  // namespace notelint::rules
