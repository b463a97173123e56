// The result cache: each note's findings and facts, keyed by notelint's version, the effective
// config and the note's content, so an unchanged vault is checked without parsing a note.
#pragma once
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/digest.hpp"
#include "core/vault.hpp"

namespace notelint {

struct Config;

// Everything the per-note results depend on besides the note itself, as one key.
std::uint64_t cache_key(const Config& config, std::string_view version);

// What the cache keeps of a note: findings of the per-note rules (located) and the facts that
// vault rules read, before note-local vault rules ran (they depend on the rest of the vault).
struct CachedNote {
  std::vector<Finding> findings;
  NoteFacts facts;
};

std::string encode_note(const CachedNote& note);
// Throws std::runtime_error on bytes that are not a whole, well-formed record.
CachedNote decode_note(std::string_view bytes);

// One cache file per folder: `notes.bin`, written whole and renamed into place. A file written by
// another version or config, or damaged in any way, is ignored and replaced, never trusted.
// Thread-safe: workers look up and store notes concurrently.
class ResultCache {
 public:
  ResultCache(std::filesystem::path dir, std::uint64_t key);
  ~ResultCache();
  ResultCache(const ResultCache&) = delete;
  ResultCache& operator=(const ResultCache&) = delete;

  // A note whose size and modification time match what was stored: no need to read it.
  std::optional<CachedNote> by_stamp(const std::string& rel, std::uintmax_t size, std::int64_t mtime_ns);
  // A note whose content hash matches (it was touched but not changed).
  std::optional<CachedNote> by_content(const std::string& rel, std::uint64_t content_hash, std::uintmax_t size,
                                       std::int64_t mtime_ns);
  void store(const std::string& rel, std::uintmax_t size, std::int64_t mtime_ns, std::uint64_t content_hash,
             const CachedNote& note);

  // Writes the cache when anything changed; drops entries of files the vault no longer holds.
  // Failures (a read-only vault) leave the old cache in place and are not errors of the run.
  void save(const VaultIndex& index);

  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return misses_; }
  const std::filesystem::path& file() const { return file_; }

 private:
  struct Entry {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t content_hash = 0;
    std::uint64_t offset = 0;  // in the old file, or in the spill file when fresh
    std::uint32_t length = 0;
    std::uint64_t checksum = 0;
    bool fresh = false;
  };
  void load();
  std::optional<CachedNote> read_entry(const Entry& entry);

  std::filesystem::path dir_, file_;
  std::uint64_t key_;
  int old_fd_ = -1;
  std::FILE* spill_ = nullptr;
  std::uint64_t spill_size_ = 0;
  std::unordered_map<std::string, Entry> entries_;
  std::mutex mutex_;
  std::size_t hits_ = 0, misses_ = 0;
  bool dirty_ = false;
  std::int64_t started_ns_ = 0;
};

}  // namespace notelint
