// Configuration: built-in profiles overlaid with .notelint.yaml and command-line flags.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
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

struct Override {
  std::vector<std::string> files;  // globs, relative to the vault root
  std::vector<std::string> select, ignore;
  std::map<std::string, Severity> severity;
  bool has_select = false;
};

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
    bool epoch_ms_timestamps = false;  // created/updated are epoch milliseconds (dendron)
  } front_matter;
  struct {
    std::vector<std::string> known;
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
  } assets;
  std::vector<Override> overrides;
  LinkStyle link_style = LinkStyle::dendron;

  std::filesystem::path root;       // the vault root
  std::filesystem::path file;       // the config file, if any

  // Is the rule on for a file (vault-relative path), and at which severity?
  std::optional<Severity> rule_severity(const RuleInfo& rule, const std::string& rel_path) const;
  bool rule_enabled_anywhere(const RuleInfo& rule) const;
};

// The profile defaults (dendron | obsidian | plain); throws ConfigError for other names.
Config profile_config(const std::string& name);

// Loads a config file over its profile's defaults; throws ConfigError.
Config load_config(const std::filesystem::path& file);

// Parses config text (for tests); origin names it in messages.
Config parse_config(const std::string& text, const std::string& origin);

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
