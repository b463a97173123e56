#include "core/vault.hpp"

#include <algorithm>

#include "core/config.hpp"
#include "core/digest.hpp"
#include "core/text.hpp"

namespace notelint {

namespace fs = std::filesystem;

bool Suppression::covers(std::string_view code, std::uint32_t line) const {
  if (line < first_line || line > last_line) return false;
  if (codes.empty()) return true;
  return std::any_of(codes.begin(), codes.end(),
                     [&](const std::string& c) { return code.substr(0, c.size()) == c; });
}

bool NoteFacts::suppressed(std::string_view code, std::uint32_t line) const {
  return std::any_of(suppressions.begin(), suppressions.end(),
                     [&](const Suppression& s) { return s.covers(code, line); });
}

void VaultIndex::add_file(const std::string& rel) {
  files.insert(rel);
  std::size_t slash = rel.rfind('/');
  std::string name = slash == std::string::npos ? rel : rel.substr(slash + 1);
  files_by_lower_name[ascii_lower(name)].push_back(rel);
  if (name.size() > 3 && name.compare(name.size() - 3, 3, ".md") == 0) {
    std::string stem = name.substr(0, name.size() - 3);
    notes_by_stem[stem].push_back(rel);
    notes_by_lower_stem[ascii_lower(stem)].push_back(rel);
    if (stem.rfind("tags.", 0) == 0 && stem.size() > 5) tag_notes.push_back(stem.substr(5));
  }
}

VaultIndex VaultIndex::build(const fs::path& root) {
  VaultIndex index;
  std::error_code ec;
  index.root = fs::absolute(root, ec).lexically_normal();
  fs::recursive_directory_iterator it(index.root, fs::directory_options::skip_permission_denied, ec), end;
  std::vector<std::string> found;
  while (!ec && it != end) {
    const auto& entry = *it;
    std::string name = entry.path().filename().string();
    std::error_code type_ec;
    bool is_dir = entry.is_directory(type_ec) && !entry.is_symlink(type_ec);
    if (is_dir && (name.empty() || name[0] == '.' || name == "node_modules")) {
      it.disable_recursion_pending();
    } else if (!is_dir) {
      found.push_back(entry.path().lexically_relative(index.root).generic_string());
    }
    it.increment(ec);
  }
  std::sort(found.begin(), found.end());
  for (const auto& rel : found) index.add_file(rel);
  std::sort(index.tag_notes.begin(), index.tag_notes.end());
  return index;
}

bool VaultIndex::exists(const fs::path& path) const {
  fs::path normal = path.lexically_normal();
  if (normal.is_relative()) {
    std::string rel = normal.generic_string();
    if (rel.rfind("..", 0) != 0) {
      if (rel.size() > 1 && rel.back() == '/') rel.pop_back();
      if (files.count(rel)) return true;
    }
    normal = root / normal;
  }
  // Outside the index (hidden folders, outside the vault): ask the file system.
  std::error_code ec;
  return fs::exists(normal, ec);
}

bool VaultIndex::in_linted_folder(std::string_view rel) const {
  return std::any_of(linted_folders.begin(), linted_folders.end(), [&](const std::string& folder) {
    return folder.empty() ||
           (rel.size() > folder.size() && rel.compare(0, folder.size(), folder) == 0 && rel[folder.size()] == '/');
  });
}

namespace {
// "<64 hex>.png": a name that claims to be the file's SHA-256.
bool named_by_sha256(std::string_view rel) {
  std::size_t slash = rel.rfind('/');
  std::string_view name = slash == std::string_view::npos ? rel : rel.substr(slash + 1);
  std::string_view stem = name.substr(0, name.find('.'));
  return stem.size() == 64 && std::all_of(stem.begin(), stem.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}
}  // namespace

void VaultIndex::hash_named_assets(const Config& config) {
  for (const auto& rel : files) {
    if (!named_by_sha256(rel) || !config.in_asset_dir(rel) || !in_linted_folder(rel)) continue;
    if (auto digest = sha256_file(root / rel)) content_hashes[rel] = *digest;
  }
}

}  // namespace notelint
