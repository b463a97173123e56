// How asset references resolve, shared by the asset rules so they agree on what a path means.
#include <algorithm>

#include "core/text.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace fs = std::filesystem;

std::vector<fs::path> reference_candidates(const std::string& decoded, const NoteFacts& note, const Config& config) {
  fs::path note_dir = fs::path(note.rel_path).parent_path();
  fs::path path(decoded);
  std::vector<fs::path> candidates;
  if (path.is_absolute()) {
    // "/assets/x.png" means the vault root (and, in Dendron, the note's own vault folder).
    fs::path inside = path.relative_path();
    candidates = {inside, note_dir / inside, path};
  } else {
    candidates = {note_dir / path, path};
  }
  for (const auto& root : config.assets.roots) candidates.push_back(fs::path(root) / path.relative_path());
  return candidates;
}

std::vector<std::string> resolve_in_vault(const std::string& decoded, bool by_name, const NoteFacts& note,
                                          const Config& config, const VaultIndex& index) {
  std::vector<std::string> found;
  if (decoded.empty()) return found;
  if (by_name) {
    // An embed names a file anywhere in the vault; every file of that name counts as used, as
    // the tool may pick any of them.
    std::size_t slash = decoded.rfind('/');
    auto it = index.files_by_lower_name.find(ascii_lower(slash == std::string::npos ? decoded : decoded.substr(slash + 1)));
    if (it != index.files_by_lower_name.end()) found = it->second;
    if (index.files.count(decoded)) found.push_back(decoded);
    return found;
  }
  for (const auto& candidate : reference_candidates(decoded, note, config)) {
    if (candidate.is_absolute()) continue;
    std::string rel = candidate.lexically_normal().generic_string();
    if (rel.rfind("..", 0) == 0) continue;
    if (index.files.count(rel)) found.push_back(rel);
  }
  return found;
}

}  // namespace notelint::rules
