// FM007 duplicate-key: a key appears twice in one mapping of the front matter.
#include <map>
#include <set>

#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
struct Walker {
  const Note& note;
  DiagnosticSink& sink;
  std::set<std::size_t> reported;  // aliases can lead to the same mapping twice

  void walk(const YAML::Node& node, const std::string& path) {
    if (node.IsSequence()) {
      for (const auto& item : node) walk(item, path);
      return;
    }
    if (!node.IsMap()) return;
    std::map<std::string, std::size_t> first_line;
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      const std::string key = it->first.Scalar();
      std::size_t at = offset_of_mark(note, it->first.Mark());
      std::size_t line = note.lines.line_of(at) + 1;
      auto [pos, fresh] = first_line.emplace(key, line);
      if (!fresh && reported.insert(at).second) {
        Span span{at, std::min(at + key.size(), note.lines.line_end(line - 1))};
        sink.report(span, "duplicate key `" + path + key + "` (first on line " + std::to_string(pos->second) +
                              "); YAML tools keep only one of the two values");
      }
      walk(it->second, path + key + ".");
    }
  }
};

void check(const Note& note, const Config&, const VaultIndex&, DiagnosticSink& sink) {
  if (!note.front_matter.parsed) return;
  Walker{note, sink, {}}.walk(note.front_matter.root, "");
}
}  // namespace

const RuleInfo kFM007{"FM007", "duplicate-key", "A front-matter key appears twice.", Family::FM, Severity::error,
                      FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
