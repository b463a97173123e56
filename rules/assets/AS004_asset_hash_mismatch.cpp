// AS004 asset-hash-mismatch: a file named by a SHA-256 whose bytes hash to something else.
#include "core/text.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {

void check(const std::vector<NoteFacts>&, const Config& config, const VaultIndex& index, VaultSink& sink) {
  if (!config.assets.verify_hash) return;
  // The core hashed only the files this rule can speak about (see VaultIndex::hash_named_assets).
  for (const auto& [rel, digest] : index.content_hashes) {
    std::size_t slash = rel.rfind('/');
    std::string name = slash == std::string::npos ? rel : rel.substr(slash + 1);
    std::string claimed = ascii_lower(name.substr(0, name.find('.')));
    if (claimed != digest)
      sink.report_file(rel, "content does not match the SHA-256 in the file name (it hashes to " +
                                digest.substr(0, 12) + "…)");
  }
}

}  // namespace

const RuleInfo kAS004{"AS004", "asset-hash-mismatch", "A file named by its SHA-256 holds other bytes.", Family::AS,
                      Severity::error, FixAvailability::none, nullptr, check};

}  // namespace notelint::rules
