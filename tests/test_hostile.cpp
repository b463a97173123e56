// Hostile input, end to end: every file nobody meant to write gets a defined finding, in bounded
// time and memory, and the run goes on. docs/robustness.md lists the same cases.
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>

#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace notelint;

namespace {

// Sanitizer builds run several times slower: the bounds guard against hangs, not for speed.
#ifdef NOTELINT_SANITIZED
constexpr double kSlowdown = 10;
#else
constexpr double kSlowdown = 1;
#endif
constexpr double kFileSeconds = 2 * kSlowdown;
constexpr double kVaultSeconds = 30 * kSlowdown;
constexpr long kPeakKiB = static_cast<long>(1024 * 1024 * (kSlowdown > 1 ? 3 : 1));

struct HostileFile {
  std::string name;                 // relative to the vault
  std::vector<std::string> expect;  // "CODE" or "CODE message-part": each must be reported
};

std::string repeat(const std::string& s, std::size_t times) {
  std::string out;
  out.reserve(s.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += s;
  return out;
}

// Nine levels of ten aliases each: 10^9 scalars if anything expanded it.
std::string alias_bomb() {
  std::string yaml = "---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level < 9; ++level) {
    std::string prev = "*a" + std::to_string(level - 1);
    yaml += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [" +
            repeat(prev + ", ", 9) + prev + "]\n";
  }
  return yaml + "id: bomb\n---\n# Bomb\n";
}

std::string many_lines() {
  std::string text;
  for (int i = 0; i < 200000; ++i)
    text += i % 1000 == 0 ? "## Section " + std::to_string(i) + "\n" : "Line " + std::to_string(i) + " with #tag\n";
  return text;
}

std::string nested_list() {
  std::string text;
  for (int depth = 0; depth < 1000; ++depth) text += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "- x\n";
  return text + repeat("- ", 50000) + "y\n";
}

// Builds the hostile vault in dir/vault and returns what each file must yield.
std::vector<HostileFile> make_hostile_vault(const test::TempDir& dir) {
  const fs::path vault = dir.path() / "vault";
  auto put = [&](const std::string& rel, const std::string& text) { dir.write("vault/" + rel, text); };
  std::vector<HostileFile> files;
  auto add = [&](const std::string& rel, const std::string& text, std::vector<std::string> expect) {
    put(rel, text);
    files.push_back(HostileFile{rel, std::move(expect)});
  };
  put(".notelint.yaml", "profile: plain\n");

  add("empty.md", "", {});
  add("bom_only.md", "\xEF\xBB\xBF", {});
  add("never_closed.md", "---\ntitle: half\n\n# Body\n", {"FM002 never closed"});
  add("invalid_utf8.md", "caf\xE9 au lait\n", {"TX001 invalid UTF-8"});
  add("nul_bytes.md", std::string("text\0more\n", 10), {"TX001 NUL"});
  add("binary.md", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\xFF\xD8", 18) + repeat("\x01\xFE\0", 1000),
      {"TX001"});
  add("line_endings.md", "---\rid: a\r---\r\n# A\rText \xC2\xB9[1] here\n\r- b\r\n", {"MK001"});
  add("long_line.md", repeat("Lorem ipsum [link](https://e.org/#x) **bold** `#code` #tag dolor sit amet. ", 110000),
      {});
  add("many_lines.md", many_lines(), {});
  add("deep_quote.md", repeat(">", 100000) + " deep\n", {});
  add("deep_list.md", nested_list(), {});
  add("brackets.md", repeat("[", 1000000) + "\n", {});
  add("image_brackets.md", repeat("![", 500000) + "\n", {});
  add("wiki_brackets.md", repeat("[[", 500000) + "]]\n", {});
  add("stars.md", repeat("*", 1000000) + "\n" + repeat("*a", 500000) + "\n", {});
  add("hash_runs.md", repeat("'#'", 500000) + "\n" + repeat("(#x", 250000) + "\n", {});
  add("yaml_alias_bomb.md", alias_bomb(), {"FM002 through aliases"});
  add("yaml_self_alias.md", "---\na: &a [*a]\nb: &b {k: *b}\nid: self\n---\n", {"FM002 through aliases"});
  add("yaml_deep_flow.md", "---\na: " + repeat("[", 20000) + repeat("]", 20000) + "\n---\n", {"FM002"});
  add("yaml_duplicate_keys.md", "---\nid: one\nid: two\n---\n", {"FM007 duplicate key `id`"});
  dir.write("outside.png", "not in the vault");
  add("climbing_images.md",
      "![a](../outside.png)\n![b](../../../../../etc/hosts)\n![c](/etc/hosts)\n![d](file:///etc/hosts)\n"
      "![e](%2e%2e/%2e%2e/etc/hosts)\n![[../outside.png]]\n",
      {"AS003 outside the vault: ../outside.png", "AS003 outside the vault: ../../../../../etc/hosts",
       "AS001 not found: /etc/hosts", "AS003 outside the vault: file:///etc/hosts",
       "AS003 outside the vault: %2e%2e/%2e%2e/etc/hosts"});
  add("x.md/inside.md", "Pasted \xC2\xB9[1] marker.\n", {"MK001"});
  add("too_large.md", repeat("0123456789abcdef", 11 * 65536), {"IO002 more than max_file_size"});

  fs::create_symlink("loop.md", vault / "loop.md");
  files.push_back({"loop.md", {"IO001 symbolic link loop"}});
  fs::create_symlink("nowhere.md", vault / "dangling.md");
  files.push_back({"dangling.md", {"IO001 dangling symbolic link"}});
  fs::create_directories(vault / "sub");
  fs::create_directory_symlink("..", vault / "sub" / "up");
  REQUIRE(::mkfifo((vault / "fifo.md").c_str(), 0644) == 0);
  files.push_back({"fifo.md", {"IO001 named pipe"}});
  fs::create_symlink("/dev/zero", vault / "device.md");
  files.push_back({"device.md", {"IO001 a device"}});
  // Reading /proc/self/mem at offset 0 fails with EIO even for root: a file that cannot be read.
  fs::create_symlink("/proc/self/mem", vault / "io_error.md");
  files.push_back({"io_error.md", {"IO001 could not be read"}});
  if (::geteuid() != 0) {
    put("no_permission.md", "secret\n");
    fs::permissions(vault / "no_permission.md", fs::perms::none);
    files.push_back({"no_permission.md", {"IO001 permission denied"}});
  }
  return files;
}

struct LintRun {
  int exit_code = -1;
  double seconds = 0;       // CPU time of notelint: the bound, independent of the machine's load
  double wall_seconds = 0;  // a blocked read uses no CPU: wall time guards against hangs
  nlohmann::json diagnostics = nlohmann::json::array();
};

double children_cpu_seconds() {
  rusage usage{};
  ::getrusage(RUSAGE_CHILDREN, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

LintRun lint(const fs::path& target, const fs::path& config) {
  auto start = std::chrono::steady_clock::now();
  double cpu_start = children_cpu_seconds();
  auto result = test::run("timeout 120 " + test::binary() + " --format json --config '" + config.string() + "' '" +
                          target.string() + "'");
  LintRun out;
  out.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out.seconds = children_cpu_seconds() - cpu_start;
  out.exit_code = result.exit_code;
  auto doc = nlohmann::json::parse(result.output, nullptr, false);
  if (!doc.is_discarded()) out.diagnostics = doc["diagnostics"];
  return out;
}

bool reported(const nlohmann::json& diagnostics, const std::string& name, const std::string& expect) {
  std::string code = expect.substr(0, 5);
  std::string part = expect.size() > 6 ? expect.substr(6) : std::string();
  for (const auto& d : diagnostics) {
    std::string path = d["path"];
    if (path.size() < name.size() || path.compare(path.size() - name.size(), name.size(), name) != 0) continue;
    if (d["rule"] == code && d["message"].get<std::string>().find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("each hostile file is linted alone within its bound and gets its defined findings", "[hostile]") {
  test::TempDir dir;
  const auto files = make_hostile_vault(dir);
  const fs::path vault = dir.path() / "vault";
  for (const auto& file : files) {
    INFO("file " << file.name);
    LintRun run = lint(vault / file.name, vault / ".notelint.yaml");
    // 2 is for usage and configuration errors only; anything else (a crash) is a failure.
    CHECK((run.exit_code == 0 || run.exit_code == 1));
    CHECK(run.seconds < kFileSeconds);
    CHECK(run.wall_seconds < 10 * kFileSeconds);
    CHECK(run.exit_code == (file.expect.empty() ? 0 : 1));
    for (const auto& expect : file.expect) {
      INFO("expect " << expect);
      CHECK(reported(run.diagnostics, file.name, expect));
    }
    if (file.expect.empty()) CHECK(run.diagnostics.empty());
  }
}

TEST_CASE("the whole hostile vault is linted in one run within time and memory bounds", "[hostile]") {
  test::TempDir dir;
  const auto files = make_hostile_vault(dir);
  const fs::path vault = dir.path() / "vault";
  LintRun run = lint(vault, vault / ".notelint.yaml");
  CHECK(run.exit_code == 1);
  CHECK(run.seconds < kVaultSeconds);
  CHECK(run.wall_seconds < 4 * kVaultSeconds);
  for (const auto& file : files)
    for (const auto& expect : file.expect) {
      INFO(file.name << ": " << expect);
      CHECK(reported(run.diagnostics, file.name, expect));
    }
  // The largest resident set of any finished child of this test process: notelint's peak.
  rusage usage{};
  REQUIRE(::getrusage(RUSAGE_CHILDREN, &usage) == 0);
  CHECK(usage.ru_maxrss < kPeakKiB);
}

TEST_CASE("max_file_size is read from the configuration", "[hostile][config]") {
  test::TempDir dir;
  dir.write(".notelint.yaml", "max_file_size: 1 KiB\n");
  dir.write("big.md", std::string(2048, 'a') + "\n");
  dir.write("small.md", "# Small\n");
  LintRun run = lint(dir.path(), dir.path() / ".notelint.yaml");
  CHECK(run.exit_code == 1);
  CHECK(run.diagnostics.size() == 1);
  CHECK(reported(run.diagnostics, "big.md", "IO002 2049 bytes, more than max_file_size (1024 bytes)"));
  for (const char* bad : {"max_file_size: 0\n", "max_file_size: ten\n", "max_file_size: 10 MB\n",
                          "max_file_size: [1]\n", "max_file_size: 99999999999 GiB\n"}) {
    INFO(bad);
    dir.write(".notelint.yaml", bad);
    CHECK(test::run(test::binary() + " --config '" + (dir.path() / ".notelint.yaml").string() + "' '" +
                    dir.path().string() + "'")
              .exit_code == 2);
  }
}
