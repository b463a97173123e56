// AS001 image-not-found: a local image the note shows does not exist in the vault.
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
  // Configured roots are trusted (they may lie beside the vault); other candidates must stay inside.
  auto candidates = reference_candidates(image.decoded, note, config);
  const std::size_t from_roots = config.assets.roots.size();
  std::vector<fs::path> inside(candidates.begin(), candidates.end() - static_cast<std::ptrdiff_t>(from_roots));
  std::erase_if(inside, [](const fs::path& c) { return c.is_absolute() || leaves_vault(c); });
  bool outside = inside.empty();
  inside.insert(inside.end(), candidates.end() - static_cast<std::ptrdiff_t>(from_roots), candidates.end());
  candidates = std::move(inside);
  for (const auto& c : candidates)
    if (index.exists(c)) return Lookup::found;
  return outside ? Lookup::outside : Lookup::missing;
}

void check(const std::vector<NoteFacts>& facts, const Config& config, const VaultIndex& index, VaultSink& sink) {
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (!facts[i].linted) continue;
    for (const auto& image : facts[i].images) {
      Lookup lookup = find_image(image, facts[i], config, index);
      // An image outside the vault is AS003's finding; it is never looked up here.
      if (lookup == Lookup::missing) sink.report(i, image.where, "image not found: " + image.src);
    }
  }
}
}  // namespace

const RuleInfo kAS001{"AS001", "image-not-found", "A local image does not exist.",
                      Family::AS, Severity::error, FixAvailability::none, nullptr, check};

}  // namespace notelint::rules
