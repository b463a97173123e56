#include "core/baseline.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/config.hpp"
#include "core/digest.hpp"
#include "core/linter.hpp"

namespace notelint {

namespace fs = std::filesystem;

namespace {

std::string folded_line(std::string_view line) {
  std::string out;
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

const std::string& file_key(const FileReport& report) {
  return report.vault_path.empty() ? report.path : report.vault_path;
}

}  // namespace

std::size_t Baseline::size() const {
  std::size_t n = 0;
  for (const auto& [file, prints] : files)
    for (const auto& [fp, count] : prints) n += count;
  return n;
}

std::string baseline_fingerprint(const FileReport& report, const Finding& finding) {
  std::string key(finding.rule->code);
  key.append(1, '\0').append(file_key(report)).append(1, '\0').append(folded_line(finding.source_line));
  return sha256_hex(key).substr(0, 20);
}

Baseline make_baseline(const std::vector<FileReport>& reports) {
  Baseline baseline;
  for (const auto& report : reports)
    for (const auto& f : report.findings) ++baseline.files[file_key(report)][baseline_fingerprint(report, f)];
  return baseline;
}

fs::path baseline_path(const Session& session) {
  std::error_code ec;
  if (!session.config.file.empty()) return session.config.file.parent_path() / kBaselineFileName;
  return fs::current_path(ec) / kBaselineFileName;
}

std::optional<Baseline> load_baseline(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  auto bad = [&](const std::string& why) { return ConfigError(file.string() + ": not a notelint baseline: " + why); };
  if (!doc.is_object() || doc.value("version", 0) != 1) throw bad("expected {\"version\": 1, \"files\": {...}}");
  if (!doc.contains("files") || !doc["files"].is_object()) throw bad("'files' must be an object");
  Baseline baseline;
  for (const auto& [path, prints] : doc["files"].items()) {
    if (!prints.is_object()) throw bad("'files." + path + "' must map fingerprints to counts");
    for (const auto& [fp, count] : prints.items()) {
      if (!count.is_number_unsigned()) throw bad("'files." + path + "." + fp + "' must be a count");
      baseline.files[path][fp] = count.get<std::size_t>();
    }
  }
  return baseline;
}

void save_baseline(const Baseline& baseline, const fs::path& file) {
  nlohmann::ordered_json files = nlohmann::ordered_json::object();
  for (const auto& [path, prints] : baseline.files) {
    nlohmann::ordered_json entry = nlohmann::ordered_json::object();
    for (const auto& [fp, count] : prints) entry[fp] = count;
    files[path] = entry;
  }
  nlohmann::ordered_json doc = {{"version", 1}, {"tool", "notelint"}, {"files", files}};
  fs::path tmp = file;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out || !(out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n"))
      throw UsageError("cannot write " + file.string());
  }
  std::error_code ec;
  fs::rename(tmp, file, ec);
  if (ec) throw UsageError("cannot write " + file.string() + ": " + ec.message());
}

BaselineOutcome apply_baseline(const Baseline& baseline, std::vector<FileReport>& reports, const fs::path& vault_root) {
  BaselineOutcome outcome;
  std::set<std::string> seen;
  for (auto& report : reports) {
    auto it = baseline.files.find(file_key(report));
    if (it == baseline.files.end()) continue;
    seen.insert(it->first);
    std::map<std::string, std::size_t> left = it->second;
    std::erase_if(report.findings, [&](const Finding& f) {
      auto entry = left.find(baseline_fingerprint(report, f));
      if (entry == left.end() || entry->second == 0) return false;
      --entry->second;
      ++outcome.hidden;
      return true;
    });
    for (const auto& [fp, count] : left) outcome.stale += count;
  }
  // A file of the baseline that is gone took its findings with it. Files that exist but were
  // not linted this time (pre-commit passes a few) say nothing about their entries.
  std::error_code ec;
  for (const auto& [path, prints] : baseline.files) {
    if (seen.count(path) || fs::exists(vault_root / path, ec)) continue;
    for (const auto& [fp, count] : prints) outcome.stale += count;
  }
  return outcome;
}

}  // namespace notelint
