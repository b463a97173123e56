// AS002 orphaned-asset: a file in an asset folder that no note of the vault references.
#include <unordered_set>

#include "core/text.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {

bool is_note_or_hidden(const std::string& rel) {
  std::size_t slash = rel.rfind('/');
  std::string name = ascii_lower(slash == std::string::npos ? rel : rel.substr(slash + 1));
  auto ends_with = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
  };
  return name.empty() || name[0] == '.' || ends_with(".md") || ends_with(".markdown");
}

void check(const std::vector<NoteFacts>& facts, const Config& config, const VaultIndex& index, VaultSink& sink) {
  // Orphans are a question about folders: a run on single files (pre-commit) never asks it.
  if (index.linted_folders.empty()) return;
  std::unordered_set<std::string> used;
  auto mark = [&](const std::vector<std::string>& files) { used.insert(files.begin(), files.end()); };
  for (const auto& note : facts) {
    for (const auto& image : note.images) mark(resolve_in_vault(image.decoded, image.wiki, note, config, index));
    for (const auto& link : note.local_links) mark(resolve_in_vault(link, false, note, config, index));
    // [[paper.pdf]] names a file anywhere in the vault, like an embed.
    for (const auto& link : note.links) mark(resolve_in_vault(link.target, true, note, config, index));
  }
  for (const auto& rel : index.files) {
    if (used.count(rel) || !config.in_asset_dir(rel) || !index.in_linted_folder(rel) || is_note_or_hidden(rel))
      continue;
    sink.report_file(rel, "asset is not referenced by any note");
  }
}

}  // namespace

const RuleInfo kAS002{"AS002", "orphaned-asset", "A file in an asset folder is not referenced by any note.",
                      Family::AS, Severity::warning, FixAvailability::none, nullptr, check, OtherNotes::references};

}  // namespace notelint::rules
