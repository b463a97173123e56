// UTF-8 helpers: validation, decoding, code-point columns and display widths.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace notelint {

// Offset of the first byte that is not valid UTF-8, or npos when the text is valid.
std::size_t find_invalid_utf8(std::string_view text);

// One pass over a note's bytes: what find_invalid_utf8 finds, whether the text holds NUL or CR
// bytes, and the first byte that may begin an invisible character (C2, E2, or a BOM).
struct TextScan {
  std::size_t invalid = std::string_view::npos;
  bool nul = false;
  bool cr = false;
  std::size_t invisible = std::string_view::npos;
};
TextScan scan_text(std::string_view text);

// Decodes the code point starting at text[i] and advances i past it.
// Invalid bytes decode to U+FFFD and advance by one byte.
char32_t decode_utf8(std::string_view text, std::size_t& i);

// Appends the UTF-8 encoding of cp.
void append_utf8(std::string& out, char32_t cp);

// Number of code points in text (invalid bytes count one each).
std::size_t count_code_points(std::string_view text);

// Terminal columns a code point takes: 0 for combining marks, 2 for East Asian wide ones.
int display_width(char32_t cp);

// True for characters a CJK sentence is written with (no spaces between words).
bool is_cjk(char32_t cp);

// Decodes %XX escapes; malformed escapes are kept as written.
std::string percent_decode(std::string_view text);

// Edit distance in code points, counting a swap of neighbours as one edit.
std::size_t edit_distance(std::string_view a, std::string_view b);

// ASCII lower-casing; other code points are kept.
std::string ascii_lower(std::string_view text);

bool is_blank(std::string_view text);

}  // namespace notelint
