// SARIF 2.1.0 output for code scanning (GitHub, GitLab, Azure DevOps): one run, the rules that
// ran with their docs, and one result per finding.
#include <map>
#include <nlohmann/json.hpp>

#include "core/rule.hpp"
#include "reporters/reporter.hpp"

namespace notelint {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kSrcRoot = "%SRCROOT%";
constexpr const char* kFingerprintKey = "notelint/v1";

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "error";
}

// A path as a URI reference: every byte outside the unreserved set (and '/') is percent-encoded,
// so spaces and non-ASCII names stay valid URIs.
std::string encode_path(std::string_view path) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// Relative paths hang off %SRCROOT% (the working directory); a file outside it gets a file: URI.
Json artifact_location(const FileReport& report) {
  const std::string& path = report.real_path.empty() ? report.path : report.real_path;
  if (!path.empty() && path.front() == '/') return Json{{"uri", "file://" + encode_path(path)}};
  return Json{{"uri", encode_path(path)}, {"uriBaseId", kSrcRoot}};
}

Json region(const Position& start, const Position& end) {
  return Json{{"startLine", start.line}, {"startColumn", start.column}, {"endLine", end.line},
              {"endColumn", end.column}};
}

// The "What it does" section of a rule's doc as one paragraph; the summary when there is none.
std::string full_description(const RuleInfo& rule, std::string_view doc) {
  constexpr std::string_view kHeading = "## What it does";
  std::size_t at = doc.find(kHeading);
  if (at == std::string_view::npos) return std::string(rule.summary);
  std::string_view section = doc.substr(at + kHeading.size());
  section = section.substr(0, section.find("\n## "));
  std::string text;
  for (char c : section) {
    if (c == '\r') continue;
    if (c == '\n') c = ' ';
    if (c == ' ' && (text.empty() || text.back() == ' ')) continue;
    text += c;
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text.empty() ? std::string(rule.summary) : text;
}

Json rule_descriptor(const RuleInfo& rule) {
  std::string_view doc = rule_doc(rule.code);
  std::string help(doc.empty() ? rule.summary : doc);
  return Json{{"id", rule.code},
              {"name", rule.name},
              {"shortDescription", {{"text", rule.summary}}},
              {"fullDescription", {{"text", full_description(rule, doc)}}},
              {"helpUri", rule_help_uri(rule)},
              {"help", {{"text", help}, {"markdown", help}}},
              {"defaultConfiguration", {{"level", sarif_level(rule.default_severity)}}},
              {"properties", {{"tags", Json::array({family_name(rule.family), family_title(rule.family)})}}}};
}

// 64-bit FNV-1a: small, stable across platforms and releases, which is all a fingerprint needs.
std::uint64_t fnv1a(std::string_view data, std::uint64_t hash = 14695981039346656037ull) {
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

// The line's text with runs of white space folded, so re-indenting keeps the fingerprint.
std::string normalized_line(std::string_view line) {
  std::string out;
  for (char c : line) {
    bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Identifies a finding by rule, file, line content and how many times that same content already
// gave that rule a finding in the file: moving lines above it leaves it unchanged.
std::string fingerprint(const std::string& path, const Finding& f, std::size_t occurrence) {
  std::string key;
  key.append(f.rule->code).append(1, '\0').append(path).append(1, '\0');
  key.append(normalized_line(f.source_line)).append(1, '\0').append(std::to_string(occurrence));
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a(key)));
  return hex;
}

Json sarif_fix(const Fix& fix, const Json& location) {
  Json replacements = Json::array();
  for (const auto& e : fix.edits)
    replacements.push_back({{"deletedRegion", region(e.start, e.end)}, {"insertedContent", {{"text", e.replacement}}}});
  std::string description = fix.title.empty() ? std::string("Apply the fix") : fix.title;
  if (fix.applicability == Applicability::unsafe) description += " (unsafe: review before applying)";
  return Json{{"description", {{"text", description}}},
              {"artifactChanges", Json::array({{{"artifactLocation", location}, {"replacements", replacements}}})}};
}

}  // namespace

std::string rule_help_uri(const RuleInfo& rule) {
  std::string anchor;
  for (char c : rule.code) anchor += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::string(kDocsUri) + "/rules.md#" + anchor;
}

std::size_t report_sarif(std::ostream& out, const std::vector<FileReport>& reports,
                         const std::vector<const RuleInfo*>& rules_run, const SarifOptions& options) {
  std::vector<const RuleInfo*> rules = rules_run;
  std::map<std::string_view, std::size_t> rule_index;
  for (std::size_t i = 0; i < rules.size(); ++i) rule_index[rules[i]->code] = i;
  // A finding always comes from a rule that ran; this only guards the index against a caller's slip.
  for (const auto& report : reports)
    for (const auto& f : report.findings)
      if (rule_index.emplace(f.rule->code, rules.size()).second) rules.push_back(f.rule);

  Json results = Json::array();
  std::size_t total = 0;
  for (const auto& report : reports) {
    Json location = artifact_location(report);
    std::map<std::string, std::size_t> seen;  // (rule, line content) -> occurrences so far
    for (const auto& f : report.findings) {
      std::string content_key = std::string(f.rule->code) + '\0' + normalized_line(f.source_line);
      std::size_t occurrence = seen[content_key]++;
      if (++total > options.max_results) continue;
      Json result = {
          {"ruleId", f.rule->code},
          {"ruleIndex", rule_index.at(f.rule->code)},
          {"level", sarif_level(f.severity)},
          {"message", {{"text", f.message}}},
          {"locations", Json::array({{{"physicalLocation", {{"artifactLocation", location}, {"region", region(f.start, f.end)}}}}})},
          {"partialFingerprints", {{kFingerprintKey, fingerprint(report.path, f, occurrence)}}}};
      if (f.fix) result["fixes"] = Json::array({sarif_fix(*f.fix, location)});
      results.push_back(std::move(result));
    }
  }

  // SARIF wants a base URI that ends with '/'.
  std::string root_uri = "file://" + encode_path(options.source_root);
  if (root_uri.back() != '/') root_uri += '/';
  Json driver_rules = Json::array();
  for (const RuleInfo* rule : rules) driver_rules.push_back(rule_descriptor(*rule));
  Json run = {
      {"tool",
       {{"driver",
         {{"name", "notelint"},
          {"version", NOTELINT_VERSION},
          {"semanticVersion", NOTELINT_VERSION},
          {"informationUri", kProjectUri},
          {"rules", driver_rules}}}}},
      {"invocations", Json::array({{{"executionSuccessful", true}}})},
      {"originalUriBaseIds", {{kSrcRoot, {{"uri", root_uri}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", results}};
  Json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", Json::array({run})}};
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
  return total > options.max_results ? total - options.max_results : 0;
}

}  // namespace notelint
