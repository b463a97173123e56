// The vault: every file under the root, and the small per-note facts vault rules work on.
#pragma once
#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/rule.hpp"

namespace notelint {

struct Config;

// Every file of the vault by relative path, so rules resolve links and assets without I/O.
struct VaultIndex {
  std::filesystem::path root;                      // absolute
  std::unordered_set<std::string> files;           // relative paths, '/'-separated
  std::unordered_map<std::string, std::vector<std::string>> notes_by_stem;        // "a.b.c" -> paths
  std::unordered_map<std::string, std::vector<std::string>> notes_by_lower_stem;  // obsidian lookup
  std::unordered_map<std::string, std::vector<std::string>> files_by_lower_name;  // "x.png" -> paths
  std::vector<std::string> tag_notes;  // "foo.bar" for tags.foo.bar.md
  // The folders named on the command line, relative to the root ("" for the root itself): rules
  // about files that are not notes (orphans) report only there, so a run on single files stays quiet.
  std::vector<std::string> linted_folders;
  // SHA-256 (lower-case hex) of asset files named by a 64-hex SHA-256, when AS004 asks for it.
  std::unordered_map<std::string, std::string> content_hashes;

  // Builds the index by walking root; hidden folders and node_modules are skipped.
  static VaultIndex build(const std::filesystem::path& root);
  void add_file(const std::string& rel_path);
  // Does a file exist at this path (relative to the root, or absolute)?
  bool exists(const std::filesystem::path& path) const;
  bool in_linted_folder(std::string_view rel_path) const;
  // Hashes the files of asset folders, under the linted folders, whose stem is 64 hex digits.
  void hash_named_assets(const Config& config);
};

struct LinkFact {
  std::string target;  // the note the link names, as the profile reads it
  bool embed = false;
  FactSpan where;
};

struct ImageFact {
  std::string src;      // as written
  std::string decoded;  // percent-decoded, query and fragment removed
  bool wiki = false;    // an ![[embed]] found by file name
  bool html = false;    // <img src> in raw HTML
  FactSpan where;
};

struct TagFact {
  std::string tag;
  FactSpan where;
  bool in_front_matter = false;  // from `tags:` rather than a #hashtag
  bool exact = true;             // where.span is the tag itself, so an edit may replace it
};

// Suppression comments of a note, resolved to line ranges.
struct Suppression {
  std::uint32_t first_line, last_line;  // inclusive, 1-based
  std::vector<std::string> codes;       // empty: every rule
  bool covers(std::string_view code, std::uint32_t line) const;
};

struct NoteFacts {
  std::string path;      // as shown to the user
  std::string rel_path;  // relative to the vault root
  bool linted = false;   // findings are reported only on linted notes
  bool has_id = false;
  std::string id;
  FactSpan id_where;
  std::vector<LinkFact> links;
  std::vector<ImageFact> images;
  // Markdown links to local files ([paper](assets/x.pdf)), decoded, without query and fragment.
  std::vector<std::string> local_links;
  std::vector<TagFact> tags;
  std::vector<Suppression> suppressions;

  bool suppressed(std::string_view code, std::uint32_t line) const;
};

}  // namespace notelint
