// Reading a note's bytes without ever blocking or following a loop: only regular files are opened.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace notelint {

enum class ReadStatus { ok, unreadable, too_large };

struct FileRead {
  ReadStatus status = ReadStatus::ok;
  std::string text;    // the file's bytes when status is ok
  std::string reason;  // why it could not be read: "a directory", "permission denied", ...
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;  // modification time when it was read
};

// Size and modification time of a regular file (following links), for the result cache.
struct SizeAndTime {
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
};
std::optional<SizeAndTime> stat_note_file(const std::filesystem::path& file);

// Reads a file of at most max_size bytes. Directories, FIFOs, sockets and devices are never
// opened (a FIFO would block forever); symbolic links are followed only to a regular file.
// buffer: storage to read into (a thread reading many notes passes its last note's text back).
FileRead read_note_file(const std::filesystem::path& file, std::uintmax_t max_size, std::string buffer = {});

}  // namespace notelint
