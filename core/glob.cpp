#include "core/glob.hpp"

#include <string>

namespace notelint {

namespace {

bool match_class(std::string_view pattern, std::size_t& p, char c) {
  // pattern[p] == '['
  std::size_t i = p + 1;
  bool negate = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negate) ++i;
  bool matched = false;
  std::size_t start = i;
  for (; i < pattern.size() && (pattern[i] != ']' || i == start); ++i) {
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      if (c >= pattern[i] && c <= pattern[i + 2]) matched = true;
      i += 2;
    } else if (pattern[i] == c) {
      matched = true;
    }
  }
  p = i;  // at ']'
  return matched != negate;
}

bool match_here(std::string_view pattern, std::string_view path) {
  std::size_t p = 0, s = 0;
  std::size_t star_p = std::string_view::npos, star_s = 0;
  bool star_crosses = false;
  while (s < path.size()) {
    if (p < pattern.size()) {
      char pc = pattern[p];
      if (pc == '*') {
        bool doublestar = p + 1 < pattern.size() && pattern[p + 1] == '*';
        p += doublestar ? 2 : 1;
        // "**/" also matches no folder at all.
        if (doublestar && p < pattern.size() && pattern[p] == '/') {
          if (match_here(pattern.substr(p + 1), path.substr(s))) return true;
        }
        star_p = p;
        star_s = s;
        star_crosses = doublestar;
        continue;
      }
      if (pc == '?' && path[s] != '/') {
        ++p;
        ++s;
        continue;
      }
      if (pc == '[' && pattern.find(']', p + 1) != std::string_view::npos) {
        std::size_t q = p;
        if (path[s] != '/' && match_class(pattern, q, path[s])) {
          p = q + 1;
          ++s;
          continue;
        }
      } else if (pc == path[s]) {
        ++p;
        ++s;
        continue;
      }
    }
    if (star_p != std::string_view::npos && (star_crosses || path[star_s] != '/')) {
      ++star_s;
      s = star_s;
      p = star_p;
      continue;
    }
    return false;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  if (!pattern.empty() && pattern.back() == '/') {
    // "dir/" matches everything below dir.
    std::string_view dir = pattern.substr(0, pattern.size() - 1);
    return glob_match(std::string(dir) + "/**", path) || glob_match(dir, path);
  }
  if (match_here(pattern, path)) return true;
  if (pattern.find('/') == std::string_view::npos) {
    std::size_t slash = path.rfind('/');
    if (slash != std::string_view::npos) return match_here(pattern, path.substr(slash + 1));
  }
  return false;
}

}  // namespace notelint
