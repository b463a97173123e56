// AS001 image-not-found: a local image the note shows does not exist in the vault.

#include "core/paths.hpp"
#include "core/text.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {

enum class Lookup { found, missing, outside };

// Paths from a note are only ever looked up inside the vault: a note must not make the linter
// probe the rest of the machine, and a result must not depend on whose machine it runs on.
Lookup find_image(const ImageFact& image, const NoteFacts& note, const Config& config, const VaultIndex& index) {
  if (image.decoded.empty()) return Lookup::found;
  if (image.decoded.rfind("file:", 0) == 0) return Lookup::outside;
  if (image.wiki) {
    // Obsidian embeds name a file anywhere in the vault, or a path from the vault root.
    std::string normal = lexical_normal(image.decoded);
    if (normal.front() == '/' || leaves_base(normal)) return Lookup::outside;
    return index.has_file_named(ascii_lower(file_name(normal))) || index.exists(normal) ? Lookup::found
                                                                                         : Lookup::missing;
  }
  // Configured roots are trusted (they may lie beside the vault); other candidates must stay inside.
  auto candidates = reference_candidates(image.decoded, note, config);
  const std::size_t from_roots = config.assets.roots.size();
  bool outside = true;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const std::string& c = candidates[k];
    bool from_root = k >= candidates.size() - from_roots;
    if (!from_root && (c.front() == '/' || leaves_base(c))) continue;
    if (!from_root) outside = false;
    if (index.exists(c)) return Lookup::found;
  }
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
                      Family::AS, Severity::error, FixAvailability::none, nullptr, check, OtherNotes::none, true};

}  // namespace notelint::rules
