// AS001 image-not-found: a local image the note shows does not exist, or lies outside the vault.
#include <filesystem>

#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
namespace fs = std::filesystem;

enum class Lookup { found, missing, outside };

// "../x.png" from the vault root, after ".." and "." are resolved without the file system.
bool leaves_vault(const fs::path& rel) {
  std::string s = rel.lexically_normal().generic_string();
  return s == ".." || s.rfind("../", 0) == 0;
}

// Paths from a note are only ever looked up inside the vault: a note must not make the linter
// probe the rest of the machine, and a result must not depend on whose machine it runs on.
Lookup find_image(const ImageFact& image, const NoteFacts& note, const Config& config, const VaultIndex& index) {
  if (image.decoded.empty()) return Lookup::found;
  if (image.decoded.rfind("file:", 0) == 0) return Lookup::outside;
  fs::path path(image.decoded);
  if (image.wiki) {
    // Obsidian embeds name a file anywhere in the vault, or a path from the vault root.
    if (path.is_absolute() || leaves_vault(path)) return Lookup::outside;
    std::string name = path.filename().string();
    std::string lower;
    for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return index.files_by_lower_name.count(lower) || index.exists(path) ? Lookup::found : Lookup::missing;
  }
  fs::path note_dir = fs::path(note.rel_path).parent_path();
  std::vector<fs::path> candidates;
  if (path.is_absolute()) {
    // "/assets/x.png" means the vault root (and, in Dendron, the note's own vault folder).
    fs::path inside = path.relative_path();
    candidates = {inside, note_dir / inside};
  } else {
    candidates = {note_dir / path, path};
  }
  std::erase_if(candidates, leaves_vault);
  bool outside = candidates.empty();
  // The configured roots are trusted: they may lie beside the vault.
  for (const auto& root : config.assets.roots) candidates.push_back(fs::path(root) / path.relative_path());
  for (const auto& c : candidates)
    if (index.exists(c)) return Lookup::found;
  return outside ? Lookup::outside : Lookup::missing;
}

void check(const std::vector<NoteFacts>& facts, const Config& config, const VaultIndex& index, VaultSink& sink) {
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (!facts[i].linted) continue;
    for (const auto& image : facts[i].images) {
      Lookup lookup = find_image(image, facts[i], config, index);
      if (lookup == Lookup::missing) sink.report(i, image.where, "image not found: " + image.src);
      if (lookup == Lookup::outside) sink.report(i, image.where, "image outside the vault: " + image.src);
    }
  }
}
}  // namespace

const RuleInfo kAS001{"AS001", "image-not-found", "A local image does not exist or lies outside the vault.",
                      Family::AS, Severity::error, FixAvailability::none, nullptr, check};

}  // namespace notelint::rules
