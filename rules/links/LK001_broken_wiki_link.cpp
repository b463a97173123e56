// LK001 broken-wiki-link: a [[wiki link]] names a note the vault does not hold.
#include "core/linter.hpp"
#include "core/text.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
bool resolves(const std::string& target, const Config& config, const VaultIndex& index) {
  std::string name = target;
  if (name.size() > 3 && ascii_lower(name.substr(name.size() - 3)) == ".md") name.resize(name.size() - 3);
  if (config.link_style == LinkStyle::dendron) {
    // Dendron: [[a.b.c]] is the note a.b.c.md in a vault folder; names compare case-insensitively.
    return index.has_note_stem(name) || index.has_note_lower_stem(ascii_lower(name)) ||
           index.has_file_named(ascii_lower(target));
  }
  // Obsidian and Foam: a file with that base name anywhere, or a path from the vault root.
  std::string lower = ascii_lower(name);
  std::size_t slash = lower.rfind('/');
  std::string base = slash == std::string::npos ? lower : lower.substr(slash + 1);
  if (index.has_note_lower_stem(base)) {
    if (slash == std::string::npos) return true;
    for (const auto& path : index.notes_with_lower_stem(base)) {
      std::string p = ascii_lower(path);
      if (p.size() >= lower.size() + 3 && p.compare(p.size() - lower.size() - 3, lower.size(), lower) == 0) return true;
    }
  }
  return index.has_file_named(ascii_lower(target.substr(target.rfind('/') == std::string::npos ? 0 : target.rfind('/') + 1)));
}

void check(const std::vector<NoteFacts>& facts, const Config& config, const VaultIndex& index, VaultSink& sink) {
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (!facts[i].linted) continue;
    for (const auto& link : facts[i].links)
      if (has_scheme(link.target))
        sink.report(i, link.where, "wiki link to a URL (`" + link.target + "`) names no note; use a Markdown link [text](url)");
      else if (!resolves(link.target, config, index))
        sink.report(i, link.where, std::string(link.embed ? "embed" : "wiki link") + " to missing note `" +
                                       link.target + "`");
  }
}
}  // namespace

const RuleInfo kLK001{"LK001", "broken-wiki-link", "A wiki link names a note that does not exist.", Family::LK,
                      Severity::error, FixAvailability::none, nullptr, check, OtherNotes::none, true};

}  // namespace notelint::rules
