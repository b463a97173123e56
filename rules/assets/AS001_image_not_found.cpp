// AS001 image-not-found: a local image the note shows does not exist.
#include <filesystem>

#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
namespace fs = std::filesystem;

bool found(const ImageFact& image, const NoteFacts& note, const Config& config, const VaultIndex& index) {
  if (image.decoded.empty()) return true;
  if (image.wiki) {
    // Obsidian embeds name a file anywhere in the vault, or a path from the vault root.
    std::string name = image.decoded;
    std::size_t slash = name.rfind('/');
    std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
    std::string lower;
    for (char c : base) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return index.files_by_lower_name.count(lower) || index.exists(fs::path(name));
  }
  auto candidates = reference_candidates(image.decoded, note, config);
  for (const auto& c : candidates)
    if (index.exists(c)) return true;
  return false;
}

void check(const std::vector<NoteFacts>& facts, const Config& config, const VaultIndex& index, VaultSink& sink) {
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (!facts[i].linted) continue;
    for (const auto& image : facts[i].images)
      if (!found(image, facts[i], config, index)) sink.report(i, image.where, "image not found: " + image.src);
  }
}
}  // namespace

const RuleInfo kAS001{"AS001", "image-not-found", "A local image does not exist.", Family::AS, Severity::error,
                      FixAvailability::none, nullptr, check};

}  // namespace notelint::rules
