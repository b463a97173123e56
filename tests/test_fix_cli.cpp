// `notelint --fix`, `--diff` and friends end to end, on copies in temporary folders.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace notelint;
using test::binary;
using test::quoted;
using test::run;

namespace {


struct Snapshot {
  std::string bytes;
  timespec mtime{};
};

// Every file under root with its bytes and modification time.
std::map<std::string, Snapshot> snapshot(const fs::path& root) {
  std::map<std::string, Snapshot> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    struct stat st {};
    stat(e.path().c_str(), &st);
    out[e.path().lexically_relative(root).generic_string()] = Snapshot{test::read_text(e.path()), st.st_mtim};
  }
  return out;
}

bool same_mtime(const timespec& a, const timespec& b) { return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec; }

// A vault copied three times: fixed with --fix, patched with --diff | patch -p1, and with git apply.
// Checks the three agree, that fixing again changes nothing, that files with nothing to fix keep
// their bytes and mtime, and that no fixable finding remains.
void check_fix_round_trip(const fs::path& source, const std::string& config_text, bool unsafe = false) {
  test::TempDir work;
  const std::vector<std::string> copies{"fixed", "patched", "applied"};
  for (const auto& c : copies) test::copy_tree(source, work.path() / c);
  fs::path config = work.write("notelint.yaml", config_text);
  std::string flags = " --config " + quoted(config) + (unsafe ? " --unsafe-fixes" : "");
  auto before = snapshot(work.path() / "fixed");
  auto fixable = test::fixable_lines({(work.path() / "fixed").string()}, config, {}, unsafe);

  auto diff = run("cd " + quoted(work.path() / "fixed") + " && " + binary() + " . --diff" + flags + " 2>/dev/null");
  CHECK(diff.exit_code == (fixable.empty() ? 0 : 1));
  CHECK(snapshot(work.path() / "fixed").size() == before.size());
  fs::path patch = work.write("fix.patch", diff.output);

  auto fixed = run("cd " + quoted(work.path() / "fixed") + " && " + binary() + " . --fix --quiet" + flags);
  CHECK(fixed.exit_code != 2);
  auto after = snapshot(work.path() / "fixed");
  CHECK(after.size() == before.size());  // no temporary file left behind
  for (const auto& [rel, old] : before) {
    INFO(rel);
    bool had_fix = std::any_of(fixable.begin(), fixable.end(), [&](const std::string& line) {
      return line.find("/fixed/" + rel + ":") != std::string::npos;
    });
    if (!had_fix) {
      CHECK(after[rel].bytes == old.bytes);
      CHECK(same_mtime(after[rel].mtime, old.mtime));
    }
  }
  CHECK(test::fixable_lines({(work.path() / "fixed").string()}, config, {}, unsafe).empty());

  if (!diff.output.empty()) {
    CHECK(run("cd " + quoted(work.path() / "patched") + " && patch -s -p1 < " + quoted(patch)).exit_code == 0);
    CHECK(run("cd " + quoted(work.path() / "applied") + " && git apply " + quoted(patch)).exit_code == 0);
  }
  for (const auto& c : {"patched", "applied"}) {
    auto other = snapshot(work.path() / c);
    for (const auto& [rel, snap] : after) {
      INFO(c << " " << rel);
      CHECK(other[rel].bytes == snap.bytes);
    }
  }

  run("cd " + quoted(work.path() / "fixed") + " && " + binary() + " . --fix --quiet" + flags);
  auto again = snapshot(work.path() / "fixed");
  for (const auto& [rel, snap] : after) {
    INFO("fixed twice: " << rel);
    CHECK(again[rel].bytes == snap.bytes);
    CHECK(same_mtime(again[rel].mtime, snap.mtime));
  }
}

}  // namespace

TEST_CASE("fix mode fixes, reports what remains, and says what it did", "[e2e][fix]") {
  test::TempDir dir;
  dir.write("a.md", "Text ¹[1] here【3†source】.\n");
  dir.write("b.md", "#Vidoe is a tag.\n");
  dir.write("clean.md", "Nothing to fix.\n");
  dir.write(".notelint.yaml", "tags: {known: [Video]}\n");
  auto result = run("cd " + quoted(dir.path()) + " && CI=1 " + binary() + " --fix --show-fixes", true);
  CHECK(result.exit_code == 0);  // the warning that remains does not fail the run
  CHECK(test::read_text(dir.path() / "a.md") == "Text here.\n");
  CHECK(test::read_text(dir.path() / "b.md") == "#Vidoe is a tag.\n");
  CHECK(result.output.find("Fixed 2 findings:\n  a.md:\n    MK001 Remove `¹[1]`\n    MK002 Remove `【3†source】`\n") !=
        std::string::npos);
  CHECK(result.output.find("b.md:1:1: TG001 unknown tag #Vidoe; did you mean #Video? [unsafe fix]") !=
        std::string::npos);
  CHECK(result.output.find("fixed 2 findings in 1 file; 1 remain\n") != std::string::npos);
  CHECK(result.output.find('\r') == std::string::npos);  // no progress bar in pipes or CI
  CHECK(run("cd " + quoted(dir.path()) + " && " + binary()).output.find(
            "1 warning) in 1 file; 0 fixable (1 more with `--unsafe-fixes`)\n") != std::string::npos);

  result = run("cd " + quoted(dir.path()) + " && " + binary() + " check --fix --unsafe-fixes --format json", true);
  CHECK(result.exit_code == 0);
  CHECK(test::read_text(dir.path() / "b.md") == "#Video is a tag.\n");
  CHECK(result.output.find("fixed 1 finding in 1 file; 0 remain\n") != std::string::npos);
}

TEST_CASE("diff mode writes nothing and exits 1 only when it would change something", "[e2e][fix]") {
  test::TempDir dir;
  dir.write("a.md", "Text ¹[1] here.\n");
  auto result = run("cd " + quoted(dir.path()) + " && " + binary() + " --diff");
  CHECK(result.exit_code == 1);
  CHECK(result.output == "--- a/a.md\n+++ b/a.md\n@@ -1 +1 @@\n-Text ¹[1] here.\n+Text here.\n");
  CHECK(test::read_text(dir.path() / "a.md") == "Text ¹[1] here.\n");
  dir.write("a.md", "Text here.\n");
  result = run("cd " + quoted(dir.path()) + " && " + binary() + " --diff");
  CHECK(result.exit_code == 0);
  CHECK(result.output.empty());
}

TEST_CASE("fix mode never writes through a symbolic link", "[e2e][fix]") {
  test::TempDir dir;
  fs::path outside = dir.write("outside/target.md", "Text ¹[1] here.\n");
  fs::create_directories(dir.path() / "vault");
  fs::create_symlink(outside, dir.path() / "vault" / "link.md");
  auto result = run(binary() + " --fix " + quoted(dir.path() / "vault"), true);
  CHECK(result.exit_code == 1);
  CHECK(test::read_text(outside) == "Text ¹[1] here.\n");
  CHECK(fs::is_symlink(dir.path() / "vault" / "link.md"));
  CHECK(result.output.find("IO102 is a symbolic link; fixes are never written through a link: not written") != std::string::npos);
}

TEST_CASE("fixture vaults: --fix, --diff | patch -p1 and git apply agree", "[e2e][fix]") {
  fs::path fixtures = test::source_dir() / "tests" / "fixtures";
  check_fix_round_trip(fixtures / "MK001", "profile: plain\n");
  check_fix_round_trip(fixtures / "MK002", "profile: plain\n");
  check_fix_round_trip(fixtures / "FM001", test::read_text(fixtures / "FM001" / ".notelint.yaml"));
  check_fix_round_trip(fixtures / "TG001", test::read_text(fixtures / "TG001" / ".notelint.yaml"), true);
}

TEST_CASE("the seed note and the dendron-site corpus fix once and stay fixed", "[e2e][fix][corpus]") {
  fs::path shared = test::shared_or_skip();
  if (shared.empty()) return;
  test::TempDir seed;
  test::copy_seed_note(seed, shared);
  check_fix_round_trip(seed.path(), "profile: dendron\n");
  check_fix_round_trip(shared / "corpora" / "dendron-site" / "vault", "profile: dendron\n");
  // The corpus has no safe fix to make, but its did-you-mean tags exercise the writes.
  check_fix_round_trip(shared / "corpora" / "dendron-site" / "vault", "profile: dendron\n", true);

  // The seed's four pasted markers go; its fourteen missing images remain.
  test::TempDir alone;
  test::copy_seed_note(alone, shared);
  auto result = run("cd " + quoted(alone.path()) + " && " + binary() + " --fix", true);
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("\nfixed 4 findings in 1 file; 14 remain\n") != std::string::npos);
  CHECK(test::fixable_lines({alone.path().string()}).empty());
}
