// FM006 invalid-timestamps: created/updated are not epoch milliseconds, or updated < created.
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
bool as_integer(const YAML::Node& node, long long& out) {
  if (!node.IsScalar()) return false;
  const std::string& s = node.Scalar();
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  out = std::stoll(s);
  return true;
}

void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  const auto& fm = note.front_matter;
  if (!fm.parsed || !config.front_matter.epoch_ms_timestamps) return;
  long long values[2] = {0, 0};
  bool ok[2] = {false, false};
  const char* keys[2] = {"created", "updated"};
  for (int i = 0; i < 2; ++i) {
    const auto* key = fm.find(keys[i]);
    if (!key) continue;
    ok[i] = as_integer(key->value, values[i]);
    if (!ok[i]) {
      std::string shown = key->value.IsScalar() ? key->value.Scalar() : std::string("a list or mapping");
      sink.report(key->line, std::string("`") + keys[i] + "` must be an integer in epoch milliseconds, not `" +
                                 shown + "`");
    }
  }
  if (ok[0] && ok[1] && values[1] < values[0])
    sink.report(fm.find("updated")->line, "`updated` (" + std::to_string(values[1]) + ") is earlier than `created` (" +
                                              std::to_string(values[0]) + ")");
}
}  // namespace

const RuleInfo kFM006{"FM006", "invalid-timestamps", "created/updated are not epoch milliseconds or out of order.",
                      Family::FM, Severity::error, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
