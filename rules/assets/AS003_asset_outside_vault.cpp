// AS003 asset-outside-vault: a local image whose path leads out of the vault root.
#include "core/paths.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {

void check(const std::vector<NoteFacts>& facts, const Config&, const VaultIndex&, VaultSink& sink) {
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (!facts[i].linted) continue;
    for (const auto& image : facts[i].images) {
      // Embeds are looked up by name inside the vault; a leading '/' means the vault root.
      if (image.wiki || image.decoded.empty() || image.decoded[0] == '/') continue;
      if (image.decoded.rfind("file:", 0) == 0) {
        sink.report(i, image.where, "image lies outside the vault: " + image.src);
        continue;
      }
      if (leaves_base(join_normal(parent_of(facts[i].rel_path), image.decoded)))
        sink.report(i, image.where, "image lies outside the vault: " + image.src);
    }
  }
}
}  // namespace

const RuleInfo kAS003{"AS003", "asset-outside-vault", "A local image resolves to a file outside the vault.",
                      Family::AS, Severity::warning, FixAvailability::none, nullptr, check, OtherNotes::none, true};

}  // namespace notelint::rules
