#include "core/config.hpp"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "core/glob.hpp"
#include "core/rule.hpp"

namespace notelint {

std::string regex_error(const std::string& pattern) {
  RE2 re(pattern, RE2::Quiet);
  return re.ok() ? std::string() : re.error();
}

namespace {

// The dendron default accepts the ids Dendron wrote over the years: 23-char lower-case ids,
// 21- and 16-char nanoids, UUIDs, and "root" (the id of every vault's root note).
}  // namespace

const char* const kDendronIdPattern =
    "^(root|[a-z0-9]{23}|[A-Za-z0-9_-]{21}|[A-Za-z0-9_-]{16}|"
    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$";

namespace {

class Reader {
 public:
  explicit Reader(std::string origin) : origin_(std::move(origin)) {}

  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
    std::ostringstream out;
    out << origin_;
    if (node.IsDefined() && !node.Mark().is_null()) out << ":" << node.Mark().line + 1 << ":" << node.Mark().column + 1;
    out << ": " << message;
    throw ConfigError(out.str());
  }

  void expect_map(const YAML::Node& node, const std::string& key) const {
    if (!node.IsMap()) fail(node, "'" + key + "' must be a mapping");
  }

  // Checks that a mapping holds only the allowed keys.
  void only_keys(const YAML::Node& node, const std::string& prefix, std::initializer_list<const char*> allowed) const {
    for (auto it = node.begin(); it != node.end(); ++it) {
      std::string key = it->first.as<std::string>("");
      bool ok = false;
      for (const char* a : allowed) ok = ok || key == a;
      if (!ok) fail(it->first, "unknown key '" + prefix + key + "'");
    }
  }

  std::string string(const YAML::Node& node, const std::string& key) const {
    if (!node.IsScalar()) fail(node, "'" + key + "' must be a string");
    return node.Scalar();
  }

  int integer(const YAML::Node& node, const std::string& key) const {
    try {
      if (node.IsScalar()) return node.as<int>();
    } catch (const YAML::Exception&) {
    }
    fail(node, "'" + key + "' must be an integer");
  }

  // A list of strings; a single string is a list of one.
  std::vector<std::string> strings(const YAML::Node& node, const std::string& key) const {
    std::vector<std::string> out;
    if (node.IsNull()) return out;
    if (node.IsScalar()) return {node.Scalar()};
    if (!node.IsSequence()) fail(node, "'" + key + "' must be a list of strings");
    for (const auto& item : node) {
      if (!item.IsScalar()) fail(item, "'" + key + "' must be a list of strings");
      out.push_back(item.Scalar());
    }
    return out;
  }

  std::vector<std::string> selectors(const YAML::Node& node, const std::string& key) const {
    auto list = strings(node, key);
    for (auto& s : list) {
      for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (!valid_selector(s)) fail(node, "'" + key + "': no rule code or family starts with '" + s + "'");
    }
    return list;
  }

  std::map<std::string, Severity> severities(const YAML::Node& node, const std::string& key) const {
    std::map<std::string, Severity> out;
    expect_map(node, key);
    for (auto it = node.begin(); it != node.end(); ++it) {
      std::string code = it->first.as<std::string>("");
      for (auto& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (!valid_selector(code)) fail(it->first, "'" + key + "': no rule code or family starts with '" + code + "'");
      auto sev = parse_severity(it->second.IsScalar() ? it->second.Scalar() : "");
      if (!sev) fail(it->second, "'" + key + "." + code + "' must be error, warning or info");
      out[code] = *sev;
    }
    return out;
  }

  static bool valid_selector(const std::string& s) {
    if (s == "ALL") return true;
    for (const auto& rule : all_rules())
      if (selector_matches(s, rule.code)) return true;
    return false;
  }

 private:
  std::string origin_;
};

void read_rules(const Reader& r, const YAML::Node& node, const std::string& prefix, std::vector<std::string>* select,
                std::vector<std::string>& ignore, std::map<std::string, Severity>& severity, bool* has_select) {
  r.expect_map(node, prefix);
  r.only_keys(node, prefix + ".", {"select", "ignore", "severity"});
  if (node["select"]) {
    *select = r.selectors(node["select"], prefix + ".select");
    if (has_select) *has_select = true;
  }
  if (node["ignore"]) ignore = r.selectors(node["ignore"], prefix + ".ignore");
  if (node["severity"]) severity = r.severities(node["severity"], prefix + ".severity");
}

void apply(const Reader& r, const YAML::Node& doc, Config& cfg) {
  r.only_keys(doc, "",
              {"profile", "exclude", "max_file_size", "rules", "front_matter", "tags", "sections", "headings", "assets",
               "overrides"});
  if (doc["exclude"]) cfg.exclude = r.strings(doc["exclude"], "exclude");
  if (auto n = doc["max_file_size"]) {
    auto size = n.IsScalar() ? parse_byte_size(n.Scalar()) : std::nullopt;
    if (!size || *size == 0)
      r.fail(n, "'max_file_size' must be a positive byte count such as 1048576, '512 KiB' or '10 MiB'");
    cfg.max_file_size = *size;
  }
  if (auto n = doc["rules"]) read_rules(r, n, "rules", &cfg.rules.select, cfg.rules.ignore, cfg.rules.severity, nullptr);
  if (auto n = doc["front_matter"]) {
    r.expect_map(n, "front_matter");
    r.only_keys(n, "front_matter.", {"required", "id_pattern"});
    if (n["required"]) cfg.front_matter.required = r.strings(n["required"], "front_matter.required");
    if (n["id_pattern"]) {
      cfg.front_matter.id_pattern = r.string(n["id_pattern"], "front_matter.id_pattern");
      std::string error = regex_error(cfg.front_matter.id_pattern);
      if (!error.empty()) r.fail(n["id_pattern"], "'front_matter.id_pattern' is not a valid RE2 pattern: " + error);
    }
  }
  if (auto n = doc["tags"]) {
    r.expect_map(n, "tags");
    r.only_keys(n, "tags.", {"known"});
    if (n["known"]) cfg.tags.known = r.strings(n["known"], "tags.known");
  }
  if (auto n = doc["sections"]) {
    r.expect_map(n, "sections");
    r.only_keys(n, "sections.", {"level", "labels", "exclude"});
    if (n["level"]) {
      cfg.sections.level = r.integer(n["level"], "sections.level");
      if (cfg.sections.level < 1 || cfg.sections.level > 6) r.fail(n["level"], "'sections.level' must be 1 to 6");
    }
    if (n["labels"]) cfg.sections.labels = r.strings(n["labels"], "sections.labels");
    if (n["exclude"]) cfg.sections.exclude = r.strings(n["exclude"], "sections.exclude");
  }
  if (auto n = doc["headings"]) {
    r.expect_map(n, "headings");
    r.only_keys(n, "headings.", {"required"});
    if (n["required"]) cfg.headings.required = r.strings(n["required"], "headings.required");
  }
  if (auto n = doc["assets"]) {
    r.expect_map(n, "assets");
    r.only_keys(n, "assets.", {"roots"});
    if (n["roots"]) cfg.assets.roots = r.strings(n["roots"], "assets.roots");
  }
  if (auto n = doc["overrides"]) {
    if (!n.IsSequence()) r.fail(n, "'overrides' must be a list");
    for (const auto& item : n) {
      r.expect_map(item, "overrides[]");
      r.only_keys(item, "overrides[].", {"files", "rules"});
      Override o;
      if (!item["files"]) r.fail(item, "'overrides[]' needs 'files'");
      o.files = r.strings(item["files"], "overrides[].files");
      if (auto rules = item["rules"])
        read_rules(r, rules, "overrides[].rules", &o.select, o.ignore, o.severity, &o.has_select);
      cfg.overrides.push_back(std::move(o));
    }
  }
}

}  // namespace

std::optional<std::uintmax_t> parse_byte_size(std::string_view text) {
  std::size_t i = 0;
  std::uintmax_t value = 0;
  constexpr std::uintmax_t kLimit = std::uintmax_t(1) << 50;  // far beyond any note, far from overflow
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    value = value * 10 + static_cast<std::uintmax_t>(text[i++] - '0');
    if (value > kLimit) return std::nullopt;
  }
  if (i == 0) return std::nullopt;
  while (i < text.size() && text[i] == ' ') ++i;
  std::string_view unit = text.substr(i);
  std::uintmax_t scale = 0;
  if (unit.empty() || unit == "B") scale = 1;
  else if (unit == "KiB") scale = 1024;
  else if (unit == "MiB") scale = 1024 * 1024;
  else if (unit == "GiB") scale = 1024 * 1024 * 1024;
  if (scale == 0 || value > kLimit / scale) return std::nullopt;
  return value * scale;
}

bool selector_matches(const std::string& selector, std::string_view code) {
  return selector == "ALL" || code.substr(0, selector.size()) == selector;
}

Config profile_config(const std::string& name) {
  Config cfg;
  cfg.profile = name;
  if (name == "dendron") {
    cfg.front_matter.require = true;
    cfg.front_matter.required = {"id", "title", "desc", "updated", "created"};
    cfg.front_matter.id_pattern = kDendronIdPattern;
    cfg.front_matter.epoch_ms_timestamps = true;
    cfg.tags.tag_notes = true;
    cfg.link_style = LinkStyle::dendron;
  } else if (name == "obsidian" || name == "plain") {
    cfg.link_style = LinkStyle::obsidian;
  } else {
    throw ConfigError("unknown profile '" + name + "' (expected dendron, obsidian or plain)");
  }
  return cfg;
}

Config parse_config(const std::string& text, const std::string& origin) {
  Reader r(origin);
  YAML::Node doc;
  try {
    doc = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw ConfigError(origin + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                      ": " + e.msg);
  }
  if (doc.IsNull()) return profile_config("plain");
  if (!doc.IsMap()) r.fail(doc, "the configuration must be a mapping of keys to values");
  std::string profile = "plain";
  if (doc["profile"]) profile = r.string(doc["profile"], "profile");
  Config cfg;
  try {
    cfg = profile_config(profile);
  } catch (const ConfigError& e) {
    r.fail(doc["profile"], e.what());
  }
  apply(r, doc, cfg);
  return cfg;
}

Config load_config(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file.string() + ": cannot read the configuration file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  Config cfg = parse_config(buffer.str(), file.string());
  cfg.file = file;
  cfg.root = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  return cfg;
}

std::optional<std::filesystem::path> find_config(std::filesystem::path dir) {
  std::error_code ec;
  dir = std::filesystem::absolute(dir, ec);
  while (!dir.empty()) {
    auto candidate = dir / ".notelint.yaml";
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    if (dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

namespace {
std::optional<Severity> most_specific(const std::map<std::string, Severity>& map, std::string_view code) {
  std::optional<Severity> found;
  std::size_t best = 0;
  for (const auto& [sel, sev] : map) {
    if (selector_matches(sel, code) && (!found || sel.size() > best)) {
      found = sev;
      best = sel.size();
    }
  }
  return found;
}
bool any_matches(const std::vector<std::string>& selectors, std::string_view code) {
  for (const auto& s : selectors)
    if (selector_matches(s, code)) return true;
  return false;
}
}  // namespace

std::optional<Severity> Config::rule_severity(const RuleInfo& rule, const std::string& rel_path) const {
  bool enabled = any_matches(rules.select, rule.code) && !any_matches(rules.ignore, rule.code);
  Severity severity = most_specific(rules.severity, rule.code).value_or(rule.default_severity);
  for (const auto& o : overrides) {
    bool applies = false;
    for (const auto& g : o.files) applies = applies || glob_match(g, rel_path);
    if (!applies) continue;
    if (o.has_select) enabled = any_matches(o.select, rule.code);
    if (any_matches(o.ignore, rule.code)) enabled = false;
    if (auto s = most_specific(o.severity, rule.code)) severity = *s;
  }
  if (!enabled) return std::nullopt;
  return severity;
}

bool Config::rule_enabled_anywhere(const RuleInfo& rule) const {
  if (any_matches(rules.select, rule.code) && !any_matches(rules.ignore, rule.code)) return true;
  for (const auto& o : overrides)
    if (o.has_select && any_matches(o.select, rule.code)) return true;
  return false;
}

}  // namespace notelint
