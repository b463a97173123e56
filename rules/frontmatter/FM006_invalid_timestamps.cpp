// FM006 invalid-timestamps: epoch-millisecond keys that are not integers, look like seconds,
// lie before 2000 or more than a day ahead, and updated earlier than created.
#include <chrono>
#include <ctime>

#include "core/front_matter_values.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
constexpr long long kSecondsLookalike = 100'000'000'000LL;  // 1973 in ms, 5138 in seconds
constexpr long long kYear2000 = 946'684'800'000LL;
constexpr long long kDay = 86'400'000LL;

std::string utc(long long ms) {
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  if (!gmtime_r(&seconds, &tm)) return "?";
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &tm);
  char millis[8];
  std::snprintf(millis, sizeof millis, ".%03lld", ms % 1000);
  return std::string(buffer) + millis + " UTC";
}

std::string duration(long long ms) {
  if (ms < 1000) return std::to_string(ms) + " ms";
  if (ms < 60'000) return std::to_string(ms / 1000) + " s";
  if (ms < 3'600'000) return std::to_string(ms / 60'000) + " min";
  if (ms < kDay) return std::to_string(ms / 3'600'000) + " h";
  return std::to_string(ms / kDay) + (ms / kDay == 1 ? " day" : " days");
}

void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  const auto& fm = note.front_matter;
  if (!fm.parsed) return;
  const long long now = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  std::optional<long long> created, updated;
  for (const auto& key : fm.keys) {
    if (config.type_of(key.key) != ValueType::epoch_ms || is_empty_value(key.value)) continue;
    auto value = has_type(key.value, ValueType::epoch_ms) ? integer_value(key.value) : std::nullopt;
    const std::string name = "`" + key.key + "`";
    if (!value) {
      sink.report(key.line, name + " must be an integer in epoch milliseconds, not " + describe_value(key.value));
      continue;
    }
    const std::string shown = name + " (" + std::to_string(*value) + ")";
    if (*value < kSecondsLookalike)
      sink.report(key.line, shown + " looks like seconds, not milliseconds");
    else if (*value < kYear2000)
      sink.report(key.line, shown + " is before the year 2000: " + utc(*value));
    else if (*value > now + kDay)
      sink.report(key.line, shown + " is more than a day in the future: " + utc(*value));
    if (key.key == "created") created = value;
    if (key.key == "updated") updated = value;
  }
  if (created && updated && *updated < *created)
    sink.report(fm.find("updated")->line, "`updated` is " + duration(*created - *updated) +
                                              " earlier than `created` (" + utc(*updated) + " < " + utc(*created) + ")");
}
}  // namespace

const RuleInfo kFM006{"FM006", "invalid-timestamps", "Epoch-millisecond timestamps are malformed or implausible.",
                      Family::FM, Severity::error, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
