// AS002 orphaned-asset: a file in an asset folder that no note of the vault references.

#include "core/paths.hpp"
#include "core/text.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {

bool is_note_or_hidden(std::string_view rel) {
  std::string name = ascii_lower(file_name(rel));
  auto ends_with = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
  };
  return name.empty() || name[0] == '.' || ends_with(".md") || ends_with(".markdown");
}

void check(const std::vector<NoteFacts>& facts, const Config& config, const VaultIndex& index, VaultSink& sink) {
  // Orphans are a question about folders: a run on single files (pre-commit) never asks it.
  if (index.linted_folders.empty()) return;
  std::vector<bool> used(index.files.size());
  for (const auto& note : facts)
    for (std::uint32_t id : referenced_file_ids(note, config, index)) used[id] = true;
  for (std::size_t id = 0; id < index.files.size(); ++id) {
    std::string_view rel = index.files[id];
    if (used[id] || !config.in_asset_dir(rel) || !index.in_linted_folder(rel) || is_note_or_hidden(rel))
      continue;
    sink.report_file(std::string(rel), "asset is not referenced by any note");
  }
}

}  // namespace

const RuleInfo kAS002{"AS002", "orphaned-asset", "A file in an asset folder is not referenced by any note.",
                      Family::AS, Severity::warning, FixAvailability::none, nullptr, check, OtherNotes::references};

}  // namespace notelint::rules
