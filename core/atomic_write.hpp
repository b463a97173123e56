// Replacing a file's bytes so that a crash, a full disk or a concurrent editor never loses data.
#pragma once
#include <sys/types.h>

#include <cstddef>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

namespace notelint {

// What a file looked like when it was read; a write goes ahead only if it still looks the same.
struct FileStamp {
  off_t size = 0;
  timespec mtime{};
  ino_t inode = 0;
  dev_t device = 0;
  mode_t mode = 0;
  nlink_t links = 0;
  bool regular = false;  // a regular file, not a symbolic link or anything else
  bool symlink = false;  // read through a symbolic link
};

struct StampedText {
  std::string text;
  FileStamp stamp;
};

// Reads a file and stamps it from the same open file; a symbolic link is read through but its
// stamp says it is not regular, so it is never written.
std::optional<StampedText> read_stamped(const std::filesystem::path& file);

enum class WriteStatus {
  written,
  changed,      // the file changed since it was read: left alone
  not_regular,  // a symbolic link, or hard-linked: replacing it would split it
  failed,       // an I/O error; the original is intact
};

struct WriteResult {
  WriteStatus status = WriteStatus::failed;
  std::string reason;  // for the user, when not written
};

// For tests only: stop writing the temporary file after this many bytes, as a crash would.
struct WriteFault {
  std::size_t fail_after_bytes = static_cast<std::size_t>(-1);
};

// Writes bytes to a temporary file in the same folder with the original's permission bits,
// fsyncs it, checks the original still matches expected, renames over it, fsyncs the folder.
// On any failure the temporary file is removed and the original is untouched.
WriteResult replace_file(const std::filesystem::path& file, const std::string& bytes, const FileStamp& expected,
                         const WriteFault& fault = {});

}  // namespace notelint
