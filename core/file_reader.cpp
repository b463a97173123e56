#include "core/file_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace notelint {

namespace {

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory, not a file";
  if (S_ISFIFO(mode)) return "a named pipe (FIFO), not a regular file";
  if (S_ISSOCK(mode)) return "a socket, not a regular file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device, not a regular file";
  return "not a regular file";
}

std::string errno_reason(int error, bool via_link) {
  if (via_link && error == ENOENT) return "dangling symbolic link";
  if (error == ELOOP) return "symbolic link loop";
  if (error == EACCES || error == EPERM) return "permission denied";
  return std::strerror(error);
}

FileRead failed(std::string reason) {
  FileRead r;
  r.status = ReadStatus::unreadable;
  r.reason = std::move(reason);
  return r;
}

FileRead too_large(std::uintmax_t size) {
  FileRead r;
  r.status = ReadStatus::too_large;
  r.size = size;
  return r;
}

}  // namespace

namespace {
std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}
}  // namespace

std::optional<SizeAndTime> stat_note_file(const std::filesystem::path& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  return SizeAndTime{static_cast<std::uintmax_t>(info.st_size), mtime_ns(info)};
}

FileRead read_note_file(const std::filesystem::path& file, std::uintmax_t max_size, std::string buffer) {
  struct stat info {};
  // stat resolves the link chain; the kernel gives up on loops with ELOOP.
  // A failure names the link when the path is one ("a link to nowhere" rather than "missing").
  auto failed_errno = [&file](int error) {
    struct stat link_info {};
    const bool via_link = ::lstat(file.c_str(), &link_info) == 0 && S_ISLNK(link_info.st_mode);
    return failed(errno_reason(error, via_link));
  };
  if (::stat(file.c_str(), &info) != 0) return failed_errno(errno);
  if (!S_ISREG(info.st_mode)) return failed(kind_of(info.st_mode));
  if (static_cast<std::uintmax_t>(info.st_size) > max_size) return too_large(static_cast<std::uintmax_t>(info.st_size));

  // O_NONBLOCK: should the file be swapped for a FIFO after the stat, open must not wait.
  int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return failed_errno(errno);
  struct stat opened {};
  if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
    ::close(fd);
    return failed(kind_of(opened.st_mode));
  }
  FileRead result;
  result.text = std::move(buffer);  // reused capacity: no allocation per note
  result.mtime_ns = mtime_ns(opened);
  // Read straight into the text; a file that grows while it is read is read on in chunks.
  std::size_t got = 0;
  result.text.resize(static_cast<std::size_t>(opened.st_size) + 1);
  for (;;) {
    if (got == result.text.size()) result.text.resize(result.text.size() + 65536);
    ssize_t n = ::read(fd, result.text.data() + got, result.text.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      int error = errno;
      ::close(fd);
      return failed(errno_reason(error, false));
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    // A file that grows while it is read is judged by what was read.
    if (got > max_size) {
      ::close(fd);
      return too_large(got);
    }
  }
  ::close(fd);
  result.text.resize(got);
  result.size = got;
  return result;
}

}  // namespace notelint
