#include "core/cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/config.hpp"
#include "core/rule.hpp"

namespace notelint {

namespace fs = std::filesystem;

namespace {

// Bumped whenever the record layout below changes.
constexpr std::uint32_t kFormat = 1;
constexpr char kMagic[8] = {'N', 'L', 'C', 'A', 'C', 'H', 'E', '1'};
constexpr char kEndMagic[8] = {'N', 'L', 'C', 'E', 'N', 'D', '0', '1'};
constexpr std::size_t kHeaderSize = 16, kFooterSize = 32;

nlohmann::json severities(const std::map<std::string, Severity>& m) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [code, severity] : m) out[code] = static_cast<int>(severity);
  return out;
}

nlohmann::json schema_json(const std::optional<FrontMatterSchema>& schema) {
  if (!schema || !schema->document) return nullptr;
  return *schema->document;
}

}  // namespace

std::uint64_t cache_key(const Config& c, std::string_view version) {
  // Every field of Config that can change a per-note result. A field added to Config must be
  // added here too, or a changed setting would be answered from the cache.
  nlohmann::json j;
  j["format"] = kFormat;
  j["version"] = std::string(version);
  j["profile"] = c.profile;
  j["exclude"] = c.exclude;
  j["max_file_size"] = c.max_file_size;
  j["rules"] = {{"select", c.rules.select}, {"ignore", c.rules.ignore}, {"severity", severities(c.rules.severity)}};
  nlohmann::json types = nlohmann::json::array();
  for (const auto& [key, type] : c.front_matter.types) types.push_back({key, static_cast<int>(type)});
  j["front_matter"] = {{"require", c.front_matter.require},   {"required", c.front_matter.required},
                       {"id_pattern", c.front_matter.id_pattern}, {"types", types},
                       {"allow_empty", c.front_matter.allow_empty}, {"schema", schema_json(c.front_matter.schema)},
                       {"max_size", c.front_matter.max_size}};
  j["tags"] = {{"known", c.tags.known}, {"aliases", c.tags.aliases}, {"tag_notes", c.tags.tag_notes}};
  j["sections"] = {{"level", c.sections.level}, {"labels", c.sections.labels}, {"exclude", c.sections.exclude}};
  j["headings"] = c.headings.required;
  j["assets"] = {{"roots", c.assets.roots},
                 {"dirs", c.assets.dirs},
                 {"verify_hash", c.assets.verify_hash},
                 {"figure_pattern", c.assets.figure_pattern}};
  j["markers"] = c.markers.phrases;
  nlohmann::json overrides = nlohmann::json::array();
  for (const auto& o : c.overrides)
    overrides.push_back({{"files", o.files},
                         {"select", o.select},
                         {"ignore", o.ignore},
                         {"severity", severities(o.severity)},
                         {"has_select", o.has_select},
                         {"schema", schema_json(o.schema)}});
  j["overrides"] = overrides;
  j["link_style"] = static_cast<int>(c.link_style);
  j["root"] = c.root.generic_string();
  return hash64(j.dump());
}

namespace {

class Writer {
 public:
  std::string out;
  void u8(std::uint8_t v) { out.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); }
  void u64(std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), 8); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out.append(s);
  }
  void pos(const Position& p) {
    u32(p.line);
    u32(p.column);
  }
  void span(const Span& s) {
    u64(s.begin);
    u64(s.end);
  }
  void where(const FactSpan& f) {
    span(f.span);
    pos(f.start);
    pos(f.end);
    str(f.line);
    u32(f.line_column);
  }
  void fix(const std::optional<Fix>& fix) {
    u8(fix ? 1 : 0);
    if (!fix) return;
    u8(static_cast<std::uint8_t>(fix->applicability));
    str(fix->title);
    u32(static_cast<std::uint32_t>(fix->edits.size()));
    for (const auto& e : fix->edits) {
      span(e.span);
      str(e.replacement);
      pos(e.start);
      pos(e.end);
    }
  }
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)[0]); }
  std::uint32_t u32() {
    std::uint32_t v;
    std::memcpy(&v, take(4).data(), 4);
    return v;
  }
  std::uint64_t u64() {
    std::uint64_t v;
    std::memcpy(&v, take(8).data(), 8);
    return v;
  }
  std::string str() { return std::string(take(u32())); }
  // A count of records that each take at least min_bytes: a damaged count cannot allocate much.
  std::uint32_t count(std::size_t min_bytes) {
    std::uint32_t n = u32();
    if (n > (in_.size() - at_) / std::max<std::size_t>(min_bytes, 1)) throw std::runtime_error("bad count");
    return n;
  }
  Position pos() {
    Position p;
    p.line = u32();
    p.column = u32();
    return p;
  }
  Span span() {
    Span s;
    s.begin = u64();
    s.end = u64();
    return s;
  }
  FactSpan where() {
    FactSpan f;
    f.span = span();
    f.start = pos();
    f.end = pos();
    f.line = str();
    f.line_column = u32();
    return f;
  }
  std::optional<Fix> fix() {
    if (u8() == 0) return std::nullopt;
    Fix fix;
    fix.applicability = u8() ? Applicability::safe : Applicability::unsafe;
    fix.title = str();
    for (std::uint32_t n = count(36); n > 0; --n) {
      Edit e;
      e.span = span();
      e.replacement = str();
      e.start = pos();
      e.end = pos();
      fix.edits.push_back(std::move(e));
    }
    return fix;
  }
  bool done() const { return at_ == in_.size(); }

 private:
  std::string_view take(std::size_t n) {
    if (n > in_.size() - at_) throw std::runtime_error("truncated record");
    std::string_view out = in_.substr(at_, n);
    at_ += n;
    return out;
  }
  std::string_view in_;
  std::size_t at_ = 0;
};

}  // namespace

std::string encode_note(const CachedNote& note) {
  Writer w;
  w.u32(static_cast<std::uint32_t>(note.findings.size()));
  for (const auto& f : note.findings) {
    w.str(f.rule->code);
    w.u8(static_cast<std::uint8_t>(f.severity));
    w.str(f.message);
    w.pos(f.start);
    w.pos(f.end);
    w.str(f.source_line);
    w.u32(f.source_column);
    w.fix(f.fix);
  }
  const NoteFacts& n = note.facts;
  w.u8(n.has_id ? 1 : 0);
  w.str(n.id);
  w.where(n.id_where);
  w.u32(static_cast<std::uint32_t>(n.links.size()));
  for (const auto& l : n.links) {
    w.str(l.target);
    w.u8(l.embed ? 1 : 0);
    w.where(l.where);
  }
  w.u32(static_cast<std::uint32_t>(n.images.size()));
  for (const auto& i : n.images) {
    w.str(i.src);
    w.str(i.decoded);
    w.u8(static_cast<std::uint8_t>((i.wiki ? 1 : 0) | (i.html ? 2 : 0)));
    w.where(i.where);
  }
  w.u32(static_cast<std::uint32_t>(n.local_links.size()));
  for (const auto& l : n.local_links) w.str(l);
  w.u32(static_cast<std::uint32_t>(n.tags.size()));
  for (const auto& t : n.tags) {
    w.str(t.tag);
    w.where(t.where);
    w.u8(static_cast<std::uint8_t>((t.in_front_matter ? 1 : 0) | (t.exact ? 2 : 0)));
  }
  w.u32(static_cast<std::uint32_t>(n.suppressions.size()));
  for (const auto& s : n.suppressions) {
    w.u32(s.first_line);
    w.u32(s.last_line);
    w.u32(static_cast<std::uint32_t>(s.codes.size()));
    for (const auto& c : s.codes) w.str(c);
  }
  return std::move(w.out);
}

CachedNote decode_note(std::string_view bytes) {
  Reader r(bytes);
  CachedNote note;
  for (std::uint32_t n = r.count(34); n > 0; --n) {
    Finding f;
    std::string code = r.str();
    f.rule = find_rule(code);
    if (!f.rule) throw std::runtime_error("unknown rule " + code);
    std::uint8_t severity = r.u8();
    if (severity > 2) throw std::runtime_error("bad severity");
    f.severity = static_cast<Severity>(severity);
    f.message = r.str();
    f.start = r.pos();
    f.end = r.pos();
    f.source_line = r.str();
    f.source_column = r.u32();
    f.fix = r.fix();
    note.findings.push_back(std::move(f));
  }
  NoteFacts& facts = note.facts;
  facts.has_id = r.u8() != 0;
  facts.id = r.str();
  facts.id_where = r.where();
  for (std::uint32_t n = r.count(45); n > 0; --n) {
    LinkFact l;
    l.target = r.str();
    l.embed = r.u8() != 0;
    l.where = r.where();
    facts.links.push_back(std::move(l));
  }
  for (std::uint32_t n = r.count(49); n > 0; --n) {
    ImageFact i;
    i.src = r.str();
    i.decoded = r.str();
    std::uint8_t flags = r.u8();
    i.wiki = flags & 1;
    i.html = flags & 2;
    i.where = r.where();
    facts.images.push_back(std::move(i));
  }
  for (std::uint32_t n = r.count(4); n > 0; --n) facts.local_links.push_back(r.str());
  for (std::uint32_t n = r.count(45); n > 0; --n) {
    TagFact t;
    t.tag = r.str();
    t.where = r.where();
    std::uint8_t flags = r.u8();
    t.in_front_matter = flags & 1;
    t.exact = flags & 2;
    facts.tags.push_back(std::move(t));
  }
  for (std::uint32_t n = r.count(12); n > 0; --n) {
    Suppression s;
    s.first_line = r.u32();
    s.last_line = r.u32();
    for (std::uint32_t k = r.count(4); k > 0; --k) s.codes.push_back(r.str());
    facts.suppressions.push_back(std::move(s));
  }
  if (!r.done()) throw std::runtime_error("trailing bytes");
  return note;
}

namespace {

bool read_exact(int fd, char* out, std::size_t size, std::uint64_t offset) {
  while (size > 0) {
    ssize_t n = ::pread(fd, out, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    out += n;
    size -= static_cast<std::size_t>(n);
    offset += static_cast<std::uint64_t>(n);
  }
  return true;
}

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

ResultCache::ResultCache(fs::path dir, std::uint64_t key)
    : dir_(std::move(dir)), file_(dir_ / "notes.bin"), key_(key), started_ns_(now_ns()) {
  load();
}

ResultCache::~ResultCache() {
  if (old_fd_ >= 0) ::close(old_fd_);
  if (spill_) std::fclose(spill_);
}

void ResultCache::load() {
  // Anything unexpected means the file is not ours to trust: start empty and rewrite it.
  auto reject = [&] {
    entries_.clear();
    if (old_fd_ >= 0) ::close(old_fd_);
    old_fd_ = -1;
    dirty_ = true;
  };
  old_fd_ = ::open(file_.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (old_fd_ < 0) return reject();
  struct stat st {};
  if (::fstat(old_fd_, &st) != 0 || !S_ISREG(st.st_mode)) return reject();
  const std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
  if (size < kHeaderSize + kFooterSize) return reject();
  char header[kHeaderSize], footer[kFooterSize];
  if (!read_exact(old_fd_, header, kHeaderSize, 0) || !read_exact(old_fd_, footer, kFooterSize, size - kFooterSize))
    return reject();
  std::uint64_t key, dir_offset, dir_length, dir_checksum;
  std::memcpy(&key, header + 8, 8);
  std::memcpy(&dir_offset, footer, 8);
  std::memcpy(&dir_length, footer + 8, 8);
  std::memcpy(&dir_checksum, footer + 16, 8);
  if (std::memcmp(header, kMagic, 8) != 0 || std::memcmp(footer + 24, kEndMagic, 8) != 0 || key != key_)
    return reject();
  if (dir_offset < kHeaderSize || dir_offset > size || dir_length != size - kFooterSize - dir_offset)
    return reject();
  std::string directory(dir_length, '\0');
  if (!read_exact(old_fd_, directory.data(), dir_length, dir_offset) || hash64(directory) != dir_checksum)
    return reject();
  try {
    Reader r(directory);
    for (std::uint32_t n = r.count(48); n > 0; --n) {
      std::string rel = r.str();
      Entry e;
      e.size = r.u64();
      e.mtime_ns = static_cast<std::int64_t>(r.u64());
      e.content_hash = r.u64();
      e.offset = r.u64();
      e.length = r.u32();
      e.checksum = r.u64();
      if (e.offset < kHeaderSize || e.offset + e.length > dir_offset) throw std::runtime_error("bad entry");
      entries_[std::move(rel)] = e;
    }
    if (!r.done()) throw std::runtime_error("trailing bytes");
  } catch (const std::exception&) {
    return reject();
  }
}

std::optional<CachedNote> ResultCache::read_entry(const Entry& entry) {
  if (entry.fresh || old_fd_ < 0) return std::nullopt;
  std::string blob(entry.length, '\0');
  if (!read_exact(old_fd_, blob.data(), blob.size(), entry.offset) || hash64(blob) != entry.checksum)
    return std::nullopt;
  try {
    return decode_note(blob);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<CachedNote> ResultCache::by_stamp(const std::string& rel, std::uintmax_t size, std::int64_t mtime_ns) {
  Entry entry;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(rel);
    // A zero time means "written too soon after the file changed to trust the time".
    if (it == entries_.end() || it->second.mtime_ns == 0 || it->second.size != size ||
        it->second.mtime_ns != mtime_ns)
      return std::nullopt;
    entry = it->second;
  }
  auto note = read_entry(entry);
  if (note) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++hits_;
  }
  return note;
}

std::optional<CachedNote> ResultCache::by_content(const std::string& rel, std::uint64_t content_hash,
                                                  std::uintmax_t size, std::int64_t mtime_ns) {
  Entry entry;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(rel);
    if (it == entries_.end() || it->second.content_hash != content_hash || it->second.size != size)
      return std::nullopt;
    entry = it->second;
  }
  auto note = read_entry(entry);
  if (!note) return note;
  std::lock_guard<std::mutex> lock(mutex_);
  ++hits_;
  // Same bytes, new time: remember the time so the next run need not read the file.
  auto& stored = entries_[rel];
  if (stored.mtime_ns != mtime_ns && mtime_ns < started_ns_ - 2'000'000'000) {
    stored.mtime_ns = mtime_ns;
    dirty_ = true;
  }
  return note;
}

void ResultCache::store(const std::string& rel, std::uintmax_t size, std::int64_t mtime_ns, std::uint64_t content_hash,
                        const CachedNote& note) {
  std::string blob = encode_note(note);
  std::lock_guard<std::mutex> lock(mutex_);
  ++misses_;
  // A note with hundreds of thousands of findings or tags (a pasted dump) is checked afresh
  // each time rather than filling the cache with tens of megabytes.
  constexpr std::size_t kMaxRecord = 1 << 20;
  if (blob.size() > kMaxRecord) {
    entries_.erase(rel);
    dirty_ = true;
    return;
  }
  if (!spill_) spill_ = std::tmpfile();
  if (!spill_) return;
  if (std::fwrite(blob.data(), 1, blob.size(), spill_) != blob.size()) return;
  Entry e;
  e.size = size;
  // A file changed within two seconds of the run may change again within the same tick of its
  // clock: its time is not trusted, and the next run compares its content instead.
  e.mtime_ns = mtime_ns < started_ns_ - 2'000'000'000 ? mtime_ns : 0;
  e.content_hash = content_hash;
  e.offset = spill_size_;
  e.length = static_cast<std::uint32_t>(blob.size());
  e.checksum = hash64(blob);
  e.fresh = true;
  spill_size_ += blob.size();
  entries_[rel] = e;
  dirty_ = true;
}

void ResultCache::save(const VaultIndex& index) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (!index.has_file(it->first)) {
      it = entries_.erase(it);
      dirty_ = true;
    } else {
      ++it;
    }
  }
  if (!dirty_) return;
  if (spill_ && std::fflush(spill_) != 0) return;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) return;
  // The folder is never committed, and backup tools may skip it.
  if (!fs::exists(dir_ / ".gitignore", ec)) std::ofstream(dir_ / ".gitignore") << "# Created by notelint.\n*\n";
  if (!fs::exists(dir_ / "CACHEDIR.TAG", ec))
    std::ofstream(dir_ / "CACHEDIR.TAG") << "Signature: 8a477f597d28d172789f06886806bc55\n"
                                            "# This file is a cache directory tag created by notelint.\n";
  fs::path temp = dir_ / ("notes.bin.tmp." + std::to_string(::getpid()));
  int out = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out < 0) return;
  bool ok = true;
  std::uint64_t offset = 0;
  auto write_all = [&](const char* data, std::size_t size) {
    while (ok && size > 0) {
      ssize_t n = ::write(out, data, size);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ok = false;
        return;
      }
      data += n;
      size -= static_cast<std::size_t>(n);
      offset += static_cast<std::uint64_t>(n);
    }
  };
  Writer header;
  header.out.append(kMagic, 8);
  header.u64(key_);
  write_all(header.out.data(), header.out.size());
  std::vector<std::pair<std::string, Entry>> sorted(entries_.begin(), entries_.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string blob;
  Writer directory;
  directory.u32(0);
  std::uint32_t count = 0;
  for (auto& [rel, e] : sorted) {
    blob.resize(e.length);
    int from = e.fresh ? (spill_ ? ::fileno(spill_) : -1) : old_fd_;
    if (from < 0 || !read_exact(from, blob.data(), blob.size(), e.offset)) continue;
    std::uint64_t at = offset;
    write_all(blob.data(), blob.size());
    directory.str(rel);
    directory.u64(e.size);
    directory.u64(static_cast<std::uint64_t>(e.mtime_ns));
    directory.u64(e.content_hash);
    directory.u64(at);
    directory.u32(e.length);
    directory.u64(e.checksum);
    ++count;
  }
  std::memcpy(directory.out.data(), &count, 4);
  const std::uint64_t dir_offset = offset;
  write_all(directory.out.data(), directory.out.size());
  Writer footer;
  footer.u64(dir_offset);
  footer.u64(directory.out.size());
  footer.u64(hash64(directory.out));
  footer.out.append(kEndMagic, 8);
  write_all(footer.out.data(), footer.out.size());
  if (::close(out) != 0) ok = false;
  // rename replaces the old file in one step: a reader sees the old cache or the new one.
  if (!ok || ::rename(temp.c_str(), file_.c_str()) != 0) fs::remove(temp, ec);
}

}  // namespace notelint
