#include "core/vault.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>

#include "core/config.hpp"
#include "core/digest.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"

namespace notelint {

namespace fs = std::filesystem;

bool Suppression::covers(std::string_view code, std::uint32_t line) const {
  if (line < first_line || line > last_line) return false;
  if (codes.empty()) return true;
  return std::any_of(codes.begin(), codes.end(),
                     [&](const std::string& c) { return code.substr(0, c.size()) == c; });
}

std::string VaultSink::path_of(const std::vector<NoteFacts>& facts, std::size_t note) const {
  if (!facts[note].path.empty() || !path_of_) return facts[note].path;
  return path_of_(note);
}

bool NoteFacts::suppressed(std::string_view code, std::uint32_t line) const {
  return std::any_of(suppressions.begin(), suppressions.end(),
                     [&](const Suppression& s) { return s.covers(code, line); });
}

std::string_view StringArena::store(std::string_view text) {
  constexpr std::size_t kBlock = 64 * 1024;
  if (text.size() > capacity_ - used_) {
    std::size_t size = std::max(kBlock, text.size());
    blocks_.push_back(std::make_unique<char[]>(size));
    used_ = 0;
    capacity_ = size;
  }
  char* at = blocks_.back().get() + used_;
  std::copy(text.begin(), text.end(), at);
  used_ += text.size();
  return std::string_view(at, text.size());
}

namespace {

// A lower-case copy only when the text has upper-case letters; otherwise the text itself.
std::string_view lower_view(std::string_view text, StringArena& arena) {
  if (std::none_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return text;
  return arena.store(ascii_lower(text));
}

bool ends_with_md(std::string_view name) { return name.size() > 3 && name.substr(name.size() - 3) == ".md"; }

}  // namespace

void VaultIndex::add_unsorted(std::string_view rel_path) {
  std::string_view rel = arena_.store(rel_path);
  files.push_back(rel);
  std::string_view name = file_name(rel);
  by_lower_name_.emplace_back(lower_view(name, arena_), rel);
  if (ends_with_md(name)) {
    std::string_view stem = name.substr(0, name.size() - 3);
    by_stem_.emplace_back(stem, rel);
    by_lower_stem_.emplace_back(lower_view(stem, arena_), rel);
    if (stem.substr(0, 5) == "tags." && stem.size() > 5) tag_notes.emplace_back(stem.substr(5));
  }
}

void VaultIndex::sort_lookups() {
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  for (auto* entries : {&by_lower_name_, &by_stem_, &by_lower_stem_}) {
    std::sort(entries->begin(), entries->end());
    entries->erase(std::unique(entries->begin(), entries->end()), entries->end());
  }
  std::sort(tag_notes.begin(), tag_notes.end());
  tag_notes.erase(std::unique(tag_notes.begin(), tag_notes.end()), tag_notes.end());
  by_hash_.clear();
  by_hash_.reserve(files.size());
  for (std::size_t id = 0; id < files.size(); ++id) by_hash_.emplace_back(hash64(files[id]), static_cast<std::uint32_t>(id));
  std::sort(by_hash_.begin(), by_hash_.end());
}

void VaultIndex::add_file(std::string_view rel_path) {
  add_unsorted(rel_path);
  sort_lookups();
}

namespace {

// Walks a folder with readdir: one system call per entry batch, and no path objects per file.
void walk(const std::string& abs, const std::string& rel, std::vector<std::string>& found) {
  DIR* dir = opendir(abs.c_str());
  if (!dir) return;  // unreadable folders are skipped, as a permission-denied walk would
  std::vector<std::string> subdirs;
  while (const dirent* entry = readdir(dir)) {
    std::string_view name(entry->d_name);
    if (name == "." || name == "..") continue;
    std::string child_rel = rel.empty() ? std::string(name) : rel + "/" + std::string(name);
    unsigned char type = entry->d_type;
    if (type == DT_UNKNOWN) {
      struct stat st;
      if (lstat((abs + "/" + std::string(name)).c_str(), &st) != 0) continue;
      type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK : DT_REG;
    }
    if (type == DT_DIR) {
      // Hidden folders (.git, .obsidian, the cache) and node_modules hold no notes.
      if (name[0] == '.' || name == "node_modules") continue;
      subdirs.push_back(std::string(name));
    } else {
      // A symbolic link, even to a folder, is indexed as a file and never followed.
      found.push_back(std::move(child_rel));
    }
  }
  closedir(dir);
  for (const auto& name : subdirs) walk(abs + "/" + name, rel.empty() ? name : rel + "/" + name, found);
}

}  // namespace

VaultIndex VaultIndex::build(const fs::path& root) {
  VaultIndex index;
  std::error_code ec;
  index.root = fs::absolute(root, ec).lexically_normal();
  std::string abs = index.root.string();
  while (abs.size() > 1 && abs.back() == '/') abs.pop_back();
  std::vector<std::string> found;
  walk(abs, "", found);
  index.files.reserve(found.size());
  index.by_lower_name_.reserve(found.size());
  for (const auto& rel : found) index.add_unsorted(rel);
  index.sort_lookups();
  return index;
}

bool VaultIndex::has_file(std::string_view rel_path) const { return file_id(rel_path) != npos; }

std::size_t VaultIndex::file_id(std::string_view rel_path) const {
  const std::uint64_t h = hash64(rel_path);
  auto it = std::lower_bound(by_hash_.begin(), by_hash_.end(), std::make_pair(h, std::uint32_t{0}));
  for (; it != by_hash_.end() && it->first == h; ++it)
    if (files[it->second] == rel_path) return it->second;
  return npos;
}

std::vector<std::string_view> VaultIndex::matching(const std::vector<Entry>& entries, std::string_view key) {
  std::vector<std::string_view> out;
  auto it = std::lower_bound(entries.begin(), entries.end(), Entry{key, std::string_view()});
  for (; it != entries.end() && it->first == key; ++it) out.push_back(it->second);
  return out;
}

bool VaultIndex::contains(const std::vector<Entry>& entries, std::string_view key) {
  auto it = std::lower_bound(entries.begin(), entries.end(), Entry{key, std::string_view()});
  return it != entries.end() && it->first == key;
}

std::vector<std::string_view> VaultIndex::files_named(std::string_view lower_name) const {
  return matching(by_lower_name_, lower_name);
}
std::vector<std::string_view> VaultIndex::notes_with_stem(std::string_view stem) const { return matching(by_stem_, stem); }
std::vector<std::string_view> VaultIndex::notes_with_lower_stem(std::string_view lower_stem) const {
  return matching(by_lower_stem_, lower_stem);
}
bool VaultIndex::has_file_named(std::string_view lower_name) const { return contains(by_lower_name_, lower_name); }
bool VaultIndex::has_note_stem(std::string_view stem) const { return contains(by_stem_, stem); }
bool VaultIndex::has_note_lower_stem(std::string_view lower_stem) const { return contains(by_lower_stem_, lower_stem); }

bool VaultIndex::exists(std::string_view path) const {
  // Candidates are usually normal already: look them up without a copy.
  if (is_lexically_normal(path) && path.front() != '/' && !leaves_base(path) && has_file(path)) return true;
  std::string normal = lexical_normal(path);
  if (normal.front() != '/') {
    if (!leaves_base(normal) && has_file(normal)) return true;
    normal = (root / normal).string();
  }
  // Outside the index (hidden folders, outside the vault): ask the file system.
  std::error_code ec;
  return fs::exists(fs::path(normal), ec);
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
    if (auto digest = sha256_file(root / rel)) content_hashes[std::string(rel)] = *digest;
  }
}

}  // namespace notelint
