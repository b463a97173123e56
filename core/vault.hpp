// The vault: every file under the root, and the small per-note facts vault rules work on.
#pragma once
#include <filesystem>
#include <memory>
#include <string_view>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/rule.hpp"

namespace notelint {

struct Config;

// Stable storage for many small strings: views into it live as long as the arena.
class StringArena {
 public:
  std::string_view store(std::string_view text);

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = 0, capacity_ = 0;
};

// Every file of the vault by relative path, so rules resolve links and assets without I/O.
// Each path is stored once; the lookups are sorted vectors of views (a 50,000-note vault costs
// a few MiB, not the tens a map of strings would).
struct VaultIndex {
  VaultIndex() = default;
  VaultIndex(VaultIndex&&) = default;
  VaultIndex& operator=(VaultIndex&&) = default;
  VaultIndex(const VaultIndex&) = delete;  // the views point into this index's arena
  VaultIndex& operator=(const VaultIndex&) = delete;

  std::filesystem::path root;  // absolute
  // Relative paths, '/'-separated, sorted; a file's id is its position here.
  std::vector<std::string_view> files;
  std::vector<std::string> tag_notes;  // "foo.bar" for tags.foo.bar.md
  // The folders named on the command line, relative to the root ("" for the root itself): rules
  // about files that are not notes (orphans) report only there, so a run on single files stays quiet.
  std::vector<std::string> linted_folders;
  // SHA-256 (lower-case hex) of asset files named by a 64-hex SHA-256, when AS004 asks for it.
  std::unordered_map<std::string, std::string> content_hashes;

  // Builds the index by walking root; hidden folders and node_modules are skipped.
  static VaultIndex build(const std::filesystem::path& root);
  // Adds one file (tests build small indexes this way).
  void add_file(std::string_view rel_path);

  bool has_file(std::string_view rel_path) const;
  // The id of an indexed file, or npos.
  std::size_t file_id(std::string_view rel_path) const;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  // Files by lower-case name ("x.png"), notes by stem ("a.b.c") and by lower-case stem.
  std::vector<std::string_view> files_named(std::string_view lower_name) const;
  std::vector<std::string_view> notes_with_stem(std::string_view stem) const;
  std::vector<std::string_view> notes_with_lower_stem(std::string_view lower_stem) const;
  bool has_file_named(std::string_view lower_name) const;
  bool has_note_stem(std::string_view stem) const;
  bool has_note_lower_stem(std::string_view lower_stem) const;

  // Does a file exist at this path (relative to the root, or absolute)?
  bool exists(std::string_view path) const;
  bool in_linted_folder(std::string_view rel_path) const;
  // Hashes the files of asset folders, under the linted folders, whose stem is 64 hex digits.
  void hash_named_assets(const Config& config);

 private:
  using Entry = std::pair<std::string_view, std::string_view>;  // (key, path)
  void add_unsorted(std::string_view rel_path);
  void sort_lookups();
  static std::vector<std::string_view> matching(const std::vector<Entry>& entries, std::string_view key);
  static bool contains(const std::vector<Entry>& entries, std::string_view key);

  StringArena arena_;
  std::vector<Entry> by_lower_name_, by_stem_, by_lower_stem_;
  // (hash of the path, file id), sorted: a lookup compares integers in a compact array instead
  // of long paths that share most of their prefix.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> by_hash_;
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

// The ids (VaultIndex::files positions) of the indexed files a note's images, embeds and local
// links resolve to; defined beside the asset rules, which decide what a reference means.
struct NoteFacts;
std::vector<std::uint32_t> referenced_file_ids(const NoteFacts& note, const Config& config, const VaultIndex& index);

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
  // Set once the note-local vault rules have run and the facts were compacted: links, images,
  // local links and tags are dropped, and the indexed files they reference are kept by id (what
  // orphan checks need), so facts of a 50,000-note vault stay small.
  bool compacted = false;
  std::vector<std::uint32_t> used_files;

  bool suppressed(std::string_view code, std::uint32_t line) const;
};

}  // namespace notelint
