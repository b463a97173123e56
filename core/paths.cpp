#include "core/paths.hpp"

#include <vector>

namespace notelint {

bool is_lexically_normal(std::string_view path) {
  if (path.empty()) return false;
  std::size_t at = path.front() == '/' ? 1 : 0;
  if (at == path.size()) return true;  // "/"
  while (true) {
    std::size_t slash = path.find('/', at);
    std::string_view part = path.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string_view::npos) return true;
    at = slash + 1;
  }
}

std::string lexical_normal(std::string_view path) {
  // Most paths in notes are already normal ("assets/images/x.png"): one copy, no splitting.
  if (is_lexically_normal(path)) return std::string(path);
  const bool absolute = !path.empty() && path.front() == '/';
  std::vector<std::string_view> parts;
  parts.reserve(16);
  std::size_t at = 0;
  while (at <= path.size()) {
    std::size_t slash = path.find('/', at);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(at, slash - at);
    at = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
        continue;
      }
      if (absolute) continue;  // "/.." is "/"
    }
    parts.push_back(part);
  }
  std::string out;
  out.reserve(path.size());
  if (absolute) out = "/";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += '/';
    out += parts[i];
  }
  if (out.empty()) out = ".";
  return out;
}

std::string join_normal(std::string_view dir, std::string_view path) {
  if (dir.empty() || (!path.empty() && path.front() == '/')) return lexical_normal(path);
  std::string joined;
  joined.reserve(dir.size() + 1 + path.size());
  joined.append(dir).append("/").append(path);
  if (is_lexically_normal(joined)) return joined;
  return lexical_normal(joined);
}

std::string_view parent_of(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

std::string_view file_name(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool leaves_base(std::string_view normal) { return normal == ".." || normal.substr(0, 3) == "../"; }

}  // namespace notelint
