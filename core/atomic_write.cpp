#include "core/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace notelint {

namespace fs = std::filesystem;

namespace {

FileStamp stamp_of(const struct stat& st) {
  FileStamp s;
  s.size = st.st_size;
  s.mtime = st.st_mtim;
  s.inode = st.st_ino;
  s.device = st.st_dev;
  s.mode = st.st_mode;
  s.links = st.st_nlink;
  s.regular = S_ISREG(st.st_mode);
  return s;
}

bool same_file_state(const FileStamp& a, const FileStamp& b) {
  return a.size == b.size && a.mtime.tv_sec == b.mtime.tv_sec && a.mtime.tv_nsec == b.mtime.tv_nsec &&
         a.inode == b.inode && a.device == b.device;
}

std::string errno_text() { return std::strerror(errno); }

// Owns a file descriptor and, until released, the temporary file's name: unlinked on failure.
class TempFile {
 public:
  explicit TempFile(const fs::path& beside) {
    // Hidden and not ending in .md, so no linter run ever picks it up.
    std::string name = ".";
    name += beside.filename().string();
    name += ".notelint-XXXXXX";
    name_ = (beside.parent_path() / name).string();
    fd_ = mkstemp(name_.data());
    if (fd_ < 0) name_.clear();
  }
  ~TempFile() {
    if (fd_ >= 0) close(fd_);
    if (!name_.empty()) unlink(name_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  int fd() const { return fd_; }
  const std::string& name() const { return name_; }
  bool close_file() {
    int fd = fd_;
    fd_ = -1;
    return close(fd) == 0;
  }
  void release() { name_.clear(); }  // renamed into place: nothing to clean up

 private:
  std::string name_;
  int fd_ = -1;
};

bool write_all(int fd, const std::string& bytes, std::size_t limit) {
  std::size_t done = 0, end = std::min(bytes.size(), limit);
  while (done < end) {
    ssize_t n = write(fd, bytes.data() + done, end - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  if (end < bytes.size()) {
    errno = EIO;  // the injected fault
    return false;
  }
  return true;
}

// The rename is only durable once the folder's entry is on disk.
void sync_folder(const fs::path& dir) {
  int fd = open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  fsync(fd);
  close(fd);
}

}  // namespace

std::optional<StampedText> read_stamped(const fs::path& file) {
  struct stat link_st {};
  if (lstat(file.c_str(), &link_st) != 0) return std::nullopt;
  int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  StampedText out;
  if (fstat(fd, &st) != 0) {
    close(fd);
    return std::nullopt;
  }
  out.stamp = stamp_of(st);
  out.stamp.symlink = S_ISLNK(link_st.st_mode);
  out.stamp.regular = S_ISREG(link_st.st_mode) && S_ISREG(st.st_mode);
  char buffer[65536];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    out.text.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
  return out;
}

WriteResult replace_file(const fs::path& file, const std::string& bytes, const FileStamp& expected,
                         const WriteFault& fault) {
  if (expected.symlink)
    return {WriteStatus::not_regular, "is a symbolic link; fixes are never written through a link: not written"};
  if (!expected.regular) return {WriteStatus::not_regular, "not a regular file: not written"};
  if (expected.links > 1)
    return {WriteStatus::not_regular, "has " + std::to_string(expected.links) +
                                          " hard links; replacing it would split them: not written"};
  TempFile temp(file);
  if (temp.fd() < 0) return {WriteStatus::failed, "cannot create a temporary file: " + errno_text()};
  // Same permission bits as the file it replaces: a private note stays private.
  if (fchmod(temp.fd(), expected.mode & 07777) != 0)
    return {WriteStatus::failed, "cannot set permissions: " + errno_text()};
  if (!write_all(temp.fd(), bytes, fault.fail_after_bytes))
    return {WriteStatus::failed, "cannot write: " + errno_text()};
  if (fsync(temp.fd()) != 0) return {WriteStatus::failed, "cannot sync: " + errno_text()};
  if (!temp.close_file()) return {WriteStatus::failed, "cannot close: " + errno_text()};
  // An editor may have saved the file while we were fixing it: its bytes win.
  struct stat now {};
  if (lstat(file.c_str(), &now) != 0 || !S_ISREG(now.st_mode) || !same_file_state(stamp_of(now), expected))
    return {WriteStatus::changed, "changed on disk while it was being fixed: not written"};
  if (rename(temp.name().c_str(), file.c_str()) != 0)
    return {WriteStatus::failed, "cannot replace the file: " + errno_text()};
  temp.release();
  sync_folder(file.parent_path());
  return {WriteStatus::written, ""};
}

}  // namespace notelint
