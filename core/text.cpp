#include "core/text.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace notelint {

namespace {
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}
bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Returns the length of a valid sequence at text[i], or 0 when it is not valid.
std::size_t valid_sequence(std::string_view text, std::size_t i) {
  auto lead = static_cast<unsigned char>(text[i]);
  std::size_t n = sequence_length(lead);
  if (n == 0 || i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if (!is_continuation(static_cast<unsigned char>(text[i + k]))) return 0;
  auto b1 = static_cast<unsigned char>(text[i + (n > 1 ? 1 : 0)]);
  if (lead == 0xE0 && b1 < 0xA0) return 0;  // overlong
  if (lead == 0xED && b1 > 0x9F) return 0;  // surrogates
  if (lead == 0xF0 && b1 < 0x90) return 0;  // overlong
  if (lead == 0xF4 && b1 > 0x8F) return 0;  // above U+10FFFF
  return n;
}
}  // namespace

TextScan scan_text(std::string_view text) {
  TextScan scan;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  auto has_zero_byte = [](std::uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
  std::size_t i = 0;
  while (i < n) {
    // Most notes are mostly ASCII: eight bytes at a time while no high bit is set.
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (word & kHighs) break;
      scan.nul = scan.nul || has_zero_byte(word);
      scan.cr = scan.cr || has_zero_byte(word ^ (kOnes * '\r'));
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      scan.nul = scan.nul || c == 0;
      scan.cr = scan.cr || c == '\r';
      ++i;
    } else if (c >= 0xE1 && c <= 0xEF && c != 0xED) {
      // Three bytes with no extra range rule: CJK text is mostly these.
      if (i + 2 >= n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) break;
      if (scan.invisible == std::string_view::npos && (c == 0xE2 || (c == 0xEF && p[i + 1] == 0xBB && p[i + 2] == 0xBF)))
        scan.invisible = i;
      i += 3;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) break;
      if (c == 0xC2 && scan.invisible == std::string_view::npos) scan.invisible = i;
      i += 2;
    } else {
      std::size_t len = valid_sequence(text, i);
      if (len == 0) break;
      i += len;
    }
  }
  if (i < n) {
    // Not valid UTF-8: the rest is searched plainly.
    scan.invalid = i;
    scan.invisible = std::min(scan.invisible, i);
    scan.nul = scan.nul || std::memchr(p + i, 0, n - i) != nullptr;
    scan.cr = scan.cr || std::memchr(p + i, '\r', n - i) != nullptr;
  }
  return scan;
}

std::size_t find_invalid_utf8(std::string_view text) { return scan_text(text).invalid; }

char32_t decode_utf8(std::string_view text, std::size_t& i) {
  auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  std::size_t n = valid_sequence(text, i);
  if (n == 0) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = n == 2 ? (lead & 0x1F) : n == 3 ? (lead & 0x0F) : (lead & 0x07);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  i += n;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    decode_utf8(text, i);
    ++count;
  }
  return count;
}

int display_width(char32_t cp) {
  if (cp == 0) return 0;
  // Combining marks, zero-width characters and variation selectors take no column.
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 ||
      cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x20D0 && cp <= 0x20FF))
    return 0;
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
      (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

std::string percent_decode(std::string_view text) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<char32_t> x, y;
  for (std::size_t i = 0; i < a.size();) x.push_back(decode_utf8(a, i));
  for (std::size_t i = 0; i < b.size();) y.push_back(decode_utf8(b, i));
  // Optimal string alignment: a swap of two neighbours ("Vidoe" / "Video") costs one edit.
  const std::size_t w = y.size() + 1;
  std::vector<std::size_t> d((x.size() + 1) * w);
  for (std::size_t i = 0; i <= x.size(); ++i) d[i * w] = i;
  for (std::size_t j = 0; j <= y.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    for (std::size_t j = 1; j <= y.size(); ++j) {
      std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      std::size_t best = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) best = std::min(best, d[(i - 2) * w + j - 2] + 1);
      d[i * w + j] = best;
    }
  }
  return d[x.size() * w + y.size()];
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

}  // namespace notelint
