// Configuration: built-in profiles overlaid with .notelint.yaml and command-line flags.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace notelint {

struct RuleInfo;

// A configuration problem: always reported with the file, line and key, and exit code 2.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class LinkStyle { dendron, obsidian };

// Which rules run and how loud they are; entries are codes, family prefixes or ALL.
struct RuleSelection {
  std::vector<std::string> select{"ALL"};
  std::vector<std::string> ignore;
  std::map<std::string, Severity> severity;
};

// A JSON Schema for front matter, loaded once when the config is read.
struct FrontMatterSchema {
  std::filesystem::path file;
  std::shared_ptr<const nlohmann::json> document;
};

struct Override {
  std::vector<std::string> files;  // globs, relative to the vault root
  std::vector<std::string> select, ignore;
  std::map<std::string, Severity> severity;
  bool has_select = false;
  std::optional<FrontMatterSchema> schema;
};

// Value types a front-matter key can be checked against (front_matter.types).
enum class ValueType { string, integer, number, boolean, list, map, date, epoch_ms };
const char* value_type_name(ValueType t);

struct Config {
  std::string profile = "plain";
  std::vector<std::string> exclude;
  // Larger files are not read (IO002): a pasted dump must not stall a pre-commit hook.
  std::uintmax_t max_file_size = 10 * 1024 * 1024;
  RuleSelection rules;
  struct {
    bool require = false;  // a note without front matter is a finding
    std::vector<std::string> required;
    std::string id_pattern;
    std::vector<std::pair<std::string, ValueType>> types;  // in config order
    std::vector<std::string> allow_empty;  // required keys that may hold an empty string
    std::optional<FrontMatterSchema> schema;
    std::size_t max_size = 64 * 1024;  // larger front matter is reported, not parsed
  } front_matter;
  struct {
    std::vector<std::string> known;
    std::vector<std::pair<std::string, std::string>> aliases;  // variant -> canonical
    bool tag_notes = false;  // Dendron: every tags.<name>.md adds <name> to the vocabulary
  } tags;
  struct {
    int level = 2;
    std::vector<std::string> labels;
    std::vector<std::string> exclude;
  } sections;
  struct {
    std::vector<std::string> required;
  } headings;
  struct {
    std::vector<std::string> roots;
    std::vector<std::string> dirs;  // asset folders (vault-relative); empty: every assets/ and attachments/
    bool verify_hash = false;       // AS004: check files named by their SHA-256
    std::string figure_pattern = "^(图|Figure|Fig\\.)\\s*(\\d+)";  // AS005: the last group is the number
  } assets;
  struct {
    std::vector<std::string> phrases;  // MK003: chat openers and closers added to the defaults
  } markers;
  std::vector<Override> overrides;
  LinkStyle link_style = LinkStyle::dendron;

  std::filesystem::path root;       // the vault root
  std::filesystem::path file;       // the config file, if any

  // Is the rule on for a file (vault-relative path), and at which severity?
  std::optional<Severity> rule_severity(const RuleInfo& rule, const std::string& rel_path) const;
  bool rule_enabled_anywhere(const RuleInfo& rule) const;
  // The schema for a file: the last matching override's, else the top-level one.
  const FrontMatterSchema* schema_for(const std::string& rel_path) const;
  std::optional<ValueType> type_of(std::string_view key) const;
  // Does a vault-relative file lie in an asset folder (assets.dirs)?
  bool in_asset_dir(std::string_view rel_path) const;
};

// The profile defaults (dendron | obsidian | plain); throws ConfigError for other names.
Config profile_config(const std::string& name);

// Loads a config file over its profile's defaults; throws ConfigError.
Config load_config(const std::filesystem::path& file);

// Parses config text (for tests); origin names it in messages.
// Schema paths are relative to base (the config file's folder).
Config parse_config(const std::string& text, const std::string& origin, const std::filesystem::path& base = {});

// The nearest .notelint.yaml in dir or its parents.
std::optional<std::filesystem::path> find_config(std::filesystem::path dir);

// The id pattern of the dendron profile.
extern const char* const kDendronIdPattern;

// "10 MiB", "512 KiB", "4096": a byte count; nullopt when it is not one.
std::optional<std::uintmax_t> parse_byte_size(std::string_view text);

// The RE2 error for a pattern, or "" when it compiles.
std::string regex_error(const std::string& pattern);

// Does a code-or-prefix selector match the rule code ("ALL", "MK", "MK001")?
bool selector_matches(const std::string& selector, std::string_view code);

}  // namespace notelint
