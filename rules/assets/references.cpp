// How asset references resolve, shared by the asset rules so they agree on what a path means.
#include <algorithm>

#include "core/paths.hpp"
#include "core/text.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

std::vector<std::string> reference_candidates(const std::string& decoded, const NoteFacts& note,
                                              const Config& config) {
  std::string_view note_dir = parent_of(note.rel_path);
  std::vector<std::string> candidates;
  std::string_view relative = decoded;
  while (!relative.empty() && relative.front() == '/') relative.remove_prefix(1);
  if (relative.size() != decoded.size()) {
    // "/assets/x.png" means the vault root (and, in Dendron, the note's own vault folder).
    candidates = {lexical_normal(relative), join_normal(note_dir, relative), lexical_normal(decoded)};
  } else {
    candidates = {join_normal(note_dir, decoded), lexical_normal(decoded)};
  }
  for (const auto& root : config.assets.roots) candidates.push_back(join_normal(root, relative));
  return candidates;
}

std::vector<std::string> resolve_in_vault(const std::string& decoded, bool by_name, const NoteFacts& note,
                                          const Config& config, const VaultIndex& index) {
  std::vector<std::string> found;
  if (decoded.empty()) return found;
  if (by_name) {
    // An embed names a file anywhere in the vault; every file of that name counts as used, as
    // the tool may pick any of them.
    for (auto path : index.files_named(ascii_lower(file_name(decoded)))) found.emplace_back(path);
    if (index.has_file(decoded)) found.push_back(decoded);
    return found;
  }
  for (auto& candidate : reference_candidates(decoded, note, config)) {
    if (candidate.front() == '/' || leaves_base(candidate)) continue;
    if (index.has_file(candidate)) found.push_back(std::move(candidate));
  }
  return found;
}

}  // namespace notelint::rules

namespace notelint {

std::vector<std::uint32_t> referenced_file_ids(const NoteFacts& note, const Config& config, const VaultIndex& index) {
  std::vector<std::uint32_t> ids = note.used_files;
  auto mark = [&](const std::vector<std::string>& files) {
    for (const auto& rel : files)
      if (std::size_t id = index.file_id(rel); id != VaultIndex::npos) ids.push_back(static_cast<std::uint32_t>(id));
  };
  for (const auto& image : note.images) mark(rules::resolve_in_vault(image.decoded, image.wiki, note, config, index));
  for (const auto& link : note.local_links) mark(rules::resolve_in_vault(link, false, note, config, index));
  // [[paper.pdf]] names a file anywhere in the vault, like an embed.
  for (const auto& link : note.links) mark(rules::resolve_in_vault(link.target, true, note, config, index));
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace notelint
