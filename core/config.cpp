#include "core/config.hpp"

#include <re2/re2.h>
#if NOTELINT_HAVE_VALIJSON
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#endif
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

  bool boolean(const YAML::Node& node, const std::string& key) const {
    try {
      if (node.IsScalar()) return node.as<bool>();
    } catch (const YAML::Exception&) {
    }
    fail(node, "'" + key + "' must be true or false");
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

std::optional<ValueType> parse_value_type(const std::string& name) {
  static const std::pair<const char*, ValueType> kTypes[] = {
      {"string", ValueType::string}, {"integer", ValueType::integer}, {"number", ValueType::number},
      {"bool", ValueType::boolean},  {"list", ValueType::list},       {"map", ValueType::map},
      {"date", ValueType::date},     {"epoch_ms", ValueType::epoch_ms}};
  for (const auto& [n, t] : kTypes)
    if (name == n) return t;
  return std::nullopt;
}

FrontMatterSchema read_schema(const Reader& r, const YAML::Node& node, const std::string& key,
                              const std::filesystem::path& base) {
  FrontMatterSchema schema;
  schema.file = base / r.string(node, key);
  std::ifstream in(schema.file, std::ios::binary);
  if (!in) r.fail(node, "'" + key + "': cannot read " + schema.file.string());
  try {
    schema.document = std::make_shared<const nlohmann::json>(nlohmann::json::parse(in));
  } catch (const nlohmann::json::exception& e) {
    r.fail(node, "'" + key + "': " + schema.file.string() + " is not valid JSON: " + e.what());
  }
#if NOTELINT_HAVE_VALIJSON
  // Compile it once here so that a broken schema is a config error, not a finding per note.
  try {
    valijson::Schema compiled;
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(*schema.document);
    parser.populateSchema(adapter, compiled);
  } catch (const std::exception& e) {
    r.fail(node, "'" + key + "': " + schema.file.string() + " is not a usable JSON Schema: " + e.what());
  }
#endif
  return schema;
}

void apply(const Reader& r, const YAML::Node& doc, Config& cfg, const std::filesystem::path& base) {
  r.only_keys(doc, "",
              {"profile", "exclude", "max_file_size", "rules", "front_matter", "tags", "sections", "headings",
               "assets", "markers", "overrides"});
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
    r.only_keys(n, "front_matter.", {"required", "id_pattern", "types", "allow_empty", "schema", "max_size"});
    if (n["required"]) cfg.front_matter.required = r.strings(n["required"], "front_matter.required");
    if (n["allow_empty"]) cfg.front_matter.allow_empty = r.strings(n["allow_empty"], "front_matter.allow_empty");
    if (auto types = n["types"]) {
      r.expect_map(types, "front_matter.types");
      for (auto it = types.begin(); it != types.end(); ++it) {
        std::string key = it->first.as<std::string>("");
        auto type = parse_value_type(it->second.IsScalar() ? it->second.Scalar() : "");
        if (!type)
          r.fail(it->second, "'front_matter.types." + key +
                                 "' must be one of string, integer, number, bool, list, map, date, epoch_ms");
        std::erase_if(cfg.front_matter.types, [&](const auto& p) { return p.first == key; });
        cfg.front_matter.types.emplace_back(key, *type);
      }
    }
    if (n["schema"]) cfg.front_matter.schema = read_schema(r, n["schema"], "front_matter.schema", base);
    if (n["max_size"]) {
      int size = r.integer(n["max_size"], "front_matter.max_size");
      if (size < 1) r.fail(n["max_size"], "'front_matter.max_size' must be a positive number of bytes");
      cfg.front_matter.max_size = static_cast<std::size_t>(size);
    }
    if (n["id_pattern"]) {
      cfg.front_matter.id_pattern = r.string(n["id_pattern"], "front_matter.id_pattern");
      std::string error = regex_error(cfg.front_matter.id_pattern);
      if (!error.empty()) r.fail(n["id_pattern"], "'front_matter.id_pattern' is not a valid RE2 pattern: " + error);
    }
  }
  if (auto n = doc["tags"]) {
    r.expect_map(n, "tags");
    r.only_keys(n, "tags.", {"known", "aliases"});
    if (n["known"]) cfg.tags.known = r.strings(n["known"], "tags.known");
    if (auto aliases = n["aliases"]) {
      r.expect_map(aliases, "tags.aliases");
      for (auto it = aliases.begin(); it != aliases.end(); ++it) {
        std::string variant = it->first.as<std::string>("");
        if (!it->second.IsScalar() || it->second.Scalar().empty())
          r.fail(it->second, "'tags.aliases." + variant + "' must name the canonical tag");
        cfg.tags.aliases.emplace_back(variant, it->second.Scalar());
      }
    }
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
    r.only_keys(n, "assets.", {"roots", "dirs", "verify_hash", "figure_pattern"});
    if (n["roots"]) cfg.assets.roots = r.strings(n["roots"], "assets.roots");
    if (n["dirs"]) {
      cfg.assets.dirs = r.strings(n["dirs"], "assets.dirs");
      for (auto& dir : cfg.assets.dirs) {
        while (!dir.empty() && dir.back() == '/') dir.pop_back();
        while (!dir.empty() && dir.front() == '/') dir.erase(0, 1);
        if (dir.empty() || dir.rfind("..", 0) == 0) r.fail(n["dirs"], "'assets.dirs' must name folders inside the vault");
      }
    }
    if (n["verify_hash"]) cfg.assets.verify_hash = r.boolean(n["verify_hash"], "assets.verify_hash");
    if (n["figure_pattern"]) {
      cfg.assets.figure_pattern = r.string(n["figure_pattern"], "assets.figure_pattern");
      std::string error = regex_error(cfg.assets.figure_pattern);
      if (!error.empty())
        r.fail(n["figure_pattern"], "'assets.figure_pattern' is not a valid RE2 pattern: " + error);
      if (RE2(cfg.assets.figure_pattern).NumberOfCapturingGroups() < 1)
        r.fail(n["figure_pattern"], "'assets.figure_pattern' needs a capturing group for the figure number");
    }
  }
  if (auto n = doc["markers"]) {
    r.expect_map(n, "markers");
    r.only_keys(n, "markers.", {"phrases"});
    if (n["phrases"]) {
      cfg.markers.phrases = r.strings(n["phrases"], "markers.phrases");
      for (const auto& phrase : cfg.markers.phrases)
        if (phrase.find_first_not_of(" \t") == std::string::npos) r.fail(n["phrases"], "'markers.phrases' holds an empty phrase");
    }
  }
  if (auto n = doc["overrides"]) {
    if (!n.IsSequence()) r.fail(n, "'overrides' must be a list");
    for (const auto& item : n) {
      r.expect_map(item, "overrides[]");
      r.only_keys(item, "overrides[].", {"files", "rules", "front_matter"});
      Override o;
      if (!item["files"]) r.fail(item, "'overrides[]' needs 'files'");
      o.files = r.strings(item["files"], "overrides[].files");
      if (auto rules = item["rules"])
        read_rules(r, rules, "overrides[].rules", &o.select, o.ignore, o.severity, &o.has_select);
      if (auto fm = item["front_matter"]) {
        r.expect_map(fm, "overrides[].front_matter");
        r.only_keys(fm, "overrides[].front_matter.", {"schema"});
        if (fm["schema"]) o.schema = read_schema(r, fm["schema"], "overrides[].front_matter.schema", base);
      }
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
    cfg.front_matter.allow_empty = {"desc"};  // Dendron writes desc: '' for every new note
    cfg.front_matter.types = {{"id", ValueType::string},
                              {"title", ValueType::string},
                              {"desc", ValueType::string},
                              {"created", ValueType::epoch_ms},
                              {"updated", ValueType::epoch_ms}};
    cfg.tags.tag_notes = true;
    cfg.link_style = LinkStyle::dendron;
  } else if (name == "obsidian") {
    cfg.link_style = LinkStyle::obsidian;
    cfg.front_matter.types = {{"tags", ValueType::list},    {"aliases", ValueType::list},
                              {"cssclasses", ValueType::list}, {"created", ValueType::date},
                              {"updated", ValueType::date}};
  } else if (name == "plain") {
    cfg.link_style = LinkStyle::obsidian;
  } else {
    throw ConfigError("unknown profile '" + name + "' (expected dendron, obsidian or plain)");
  }
  return cfg;
}

Config parse_config(const std::string& text, const std::string& origin, const std::filesystem::path& base) {
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
  apply(r, doc, cfg, base);
  return cfg;
}

Config load_config(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file.string() + ": cannot read the configuration file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  Config cfg = parse_config(buffer.str(), file.string(), file.parent_path());
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

const FrontMatterSchema* Config::schema_for(const std::string& rel_path) const {
  const FrontMatterSchema* found = front_matter.schema ? &*front_matter.schema : nullptr;
  for (const auto& o : overrides) {
    if (!o.schema) continue;
    for (const auto& g : o.files)
      if (glob_match(g, rel_path)) found = &*o.schema;
  }
  return found;
}

std::optional<ValueType> Config::type_of(std::string_view key) const {
  for (const auto& [k, t] : front_matter.types)
    if (k == key) return t;
  return std::nullopt;
}

const char* value_type_name(ValueType t) {
  switch (t) {
    case ValueType::string: return "string";
    case ValueType::integer: return "integer";
    case ValueType::number: return "number";
    case ValueType::boolean: return "bool";
    case ValueType::list: return "list";
    case ValueType::map: return "map";
    case ValueType::date: return "date";
    case ValueType::epoch_ms: return "epoch_ms";
  }
  return "?";
}

bool Config::in_asset_dir(std::string_view rel) const {
  if (assets.dirs.empty()) {
    // Any folder on the way named assets or attachments, at any depth.
    for (std::size_t at = 0; at < rel.size();) {
      std::size_t slash = rel.find('/', at);
      if (slash == std::string_view::npos) return false;
      std::string_view folder = rel.substr(at, slash - at);
      if (folder == "assets" || folder == "attachments") return true;
      at = slash + 1;
    }
    return false;
  }
  for (const auto& dir : assets.dirs)
    if (rel.size() > dir.size() && rel.compare(0, dir.size(), dir) == 0 && rel[dir.size()] == '/') return true;
  return false;
}

bool Config::rule_enabled_anywhere(const RuleInfo& rule) const {
  if (any_matches(rules.select, rule.code) && !any_matches(rules.ignore, rule.code)) return true;
  for (const auto& o : overrides)
    if (o.has_select && any_matches(o.select, rule.code)) return true;
  return false;
}

}  // namespace notelint
