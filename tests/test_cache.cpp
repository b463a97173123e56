// The result cache answers exactly what did not change, and never trusts a file it cannot verify;
// threads never change the output.
#include <catch2/catch.hpp>

#include <fstream>
#include <thread>

#include "core/cache.hpp"
#include "support.hpp"

using namespace notelint;
using namespace notelint::test;
namespace fs = std::filesystem;

namespace {

const char* kConfig =
    "profile: dendron\n"
    "tags:\n  known: [diffusion, video]\n";

std::string note(const std::string& id, const std::string& body) {
  return "---\nid: " + id + "\ntitle: T\ndesc: ''\nupdated: 1700000000000\ncreated: 1700000000000\n---\n\n" + body;
}

// A small vault: notes with a known tag, an unknown tag, a stray marker, a missing image.
void write_vault(const TempDir& dir, int notes) {
  dir.write(".notelint.yaml", kConfig);
  for (int i = 0; i < notes; ++i) {
    std::string id = "n" + std::string(22, 'a' + static_cast<char>(i % 26)) + std::to_string(i);
    std::string body = "## Paper " + std::to_string(i) + "\n\n#diffusion #vidoe\n\nText¹[1] here.\n\n![图 1](assets/x" +
                       std::to_string(i) + ".png)\n";
    dir.write("notes/n" + std::to_string(i) + ".md", note(id, body));
  }
  dir.write("notes/assets/x0.png", "png");
}

struct Run {
  LintResult result;
  std::vector<std::string> lines;
};

Run lint_with_cache(const TempDir& dir, const std::string& version = NOTELINT_VERSION, unsigned jobs = 0) {
  LintOptions options;
  options.paths = {dir.path().string()};
  options.cache = true;
  options.cache_version = version;
  options.jobs = jobs;
  Run run;
  run.result = lint(prepare_session(options));
  for (const auto& report : run.result.reports)
    for (const auto& f : report.findings)
      run.lines.push_back(report.path + ":" + std::to_string(f.start.line) + ":" + std::to_string(f.start.column) +
                          " " + std::string(f.rule->code) + " " + f.message + " | " + f.source_line +
                          (f.fix ? " [fix: " + f.fix->title + "]" : ""));
  return run;
}

// Findings of a rule in a run, on one file when file is given ("n3.md").
long count_findings(const Run& run, const std::string& code, const std::string& file = "") {
  return std::count_if(run.lines.begin(), run.lines.end(), [&](const std::string& l) {
    return l.find(" " + code + " ") != std::string::npos && (file.empty() || l.find("/" + file + ":") != std::string::npos);
  });
}

// Moves a file's modification time back, as if it had been written minutes ago: times within
// two seconds of a run are not trusted by the cache.
void age(const fs::path& file) {
  fs::last_write_time(file, fs::last_write_time(file) - std::chrono::minutes(10));
}

void age_all(const TempDir& dir) {
  for (const auto& entry : fs::recursive_directory_iterator(dir.path()))
    if (entry.is_regular_file()) age(entry.path());
}

}  // namespace

TEST_CASE("a second run answers every unchanged note from the cache, with the same findings") {
  TempDir dir;
  write_vault(dir, 12);
  age_all(dir);
  Run first = lint_with_cache(dir);
  CHECK(first.result.notes_parsed == 12);
  CHECK(first.result.cache_hits == 0);
  REQUIRE(fs::exists(dir.path() / ".notelint_cache" / "notes.bin"));
  Run second = lint_with_cache(dir);
  CHECK(second.result.notes_parsed == 0);
  CHECK(second.result.cache_hits == 12);
  CHECK(second.lines == first.lines);
  CHECK_FALSE(first.lines.empty());
}

TEST_CASE("the cache folder holds a .gitignore that ignores everything in it") {
  TempDir dir;
  write_vault(dir, 2);
  lint_with_cache(dir);
  CHECK(read_text(dir.path() / ".notelint_cache" / ".gitignore").find("\n*\n") != std::string::npos);
  // git agrees: nothing of the cache shows up as untracked.
  auto status = run("cd " + quoted(dir.path()) + " && git init -q . && git status --porcelain --untracked-files=all");
  REQUIRE(status.exit_code == 0);
  CHECK(status.output.find(".notelint_cache") == std::string::npos);
  CHECK(status.output.find("notes/n0.md") != std::string::npos);
}

TEST_CASE("a changed note is checked again, and only that note") {
  TempDir dir;
  write_vault(dir, 12);
  age_all(dir);
  Run first = lint_with_cache(dir);
  // Remove the stray marker from n3 (same size would not matter: the content hash decides).
  fs::path changed = dir.path() / "notes" / "n3.md";
  std::string text = read_text(changed);
  text.replace(text.find("¹[1]"), std::string("¹[1]").size(), "");
  std::ofstream(changed, std::ios::binary | std::ios::trunc) << text;
  age(changed);
  Run second = lint_with_cache(dir);
  CHECK(second.result.notes_parsed == 1);
  CHECK(second.result.cache_hits == 11);
  CHECK(count_findings(first, "MK001", "n3.md") == 1);
  CHECK(count_findings(second, "MK001", "n3.md") == 0);
  CHECK(count_findings(second, "MK001", "n4.md") == 1);
  // And the result equals a run without any cache.
  TempDir fresh;
  copy_tree(dir.path(), fresh.path());
  fs::remove_all(fresh.path() / ".notelint_cache");
  Run uncached = lint_with_cache(fresh);
  CHECK(uncached.result.cache_hits == 0);
  CHECK(uncached.lines.size() == second.lines.size());
}

TEST_CASE("a note touched without a change is answered by its content hash") {
  TempDir dir;
  write_vault(dir, 5);
  age_all(dir);
  lint_with_cache(dir);
  fs::path touched = dir.path() / "notes" / "n2.md";
  fs::last_write_time(touched, fs::last_write_time(touched) + std::chrono::minutes(3));
  Run second = lint_with_cache(dir);
  CHECK(second.result.notes_parsed == 0);
  CHECK(second.result.cache_hits == 5);
}

TEST_CASE("vault rules run on every run: a new image resolves a cached note's finding") {
  TempDir dir;
  write_vault(dir, 3);
  age_all(dir);
  Run first = lint_with_cache(dir);
  CHECK(count_findings(first, "AS001") == 2);  // x1.png and x2.png are missing
  dir.write("notes/assets/x1.png", "png");
  Run second = lint_with_cache(dir);
  CHECK(second.result.notes_parsed == 0);
  CHECK(count_findings(second, "AS001") == 1);
}

TEST_CASE("a changed config or another notelint version invalidates every note") {
  TempDir dir;
  write_vault(dir, 6);
  age_all(dir);
  lint_with_cache(dir);
  SECTION("config") {
    dir.write(".notelint.yaml", std::string(kConfig) + "rules:\n  ignore: [MK001]\n");
    Run second = lint_with_cache(dir);
    CHECK(second.result.cache_hits == 0);
    CHECK(second.result.notes_parsed == 6);
    CHECK(count_findings(second, "MK001") == 0);
    // Back to the first config: the cache now holds the second one's results, so all again.
    dir.write(".notelint.yaml", kConfig);
    CHECK(lint_with_cache(dir).result.notes_parsed == 6);
  }
  SECTION("version") {
    Run other = lint_with_cache(dir, "0.0.0-other");
    CHECK(other.result.cache_hits == 0);
    CHECK(other.result.notes_parsed == 6);
  }
}

TEST_CASE("a damaged or foreign cache file is ignored and rebuilt") {
  TempDir dir;
  write_vault(dir, 6);
  age_all(dir);
  Run first = lint_with_cache(dir);
  fs::path file = dir.path() / ".notelint_cache" / "notes.bin";
  std::string bytes = read_text(file);
  REQUIRE(bytes.size() > 200);
  SECTION("a flipped byte inside a record") {
    bytes[bytes.size() / 3] ^= 0x5A;
  }
  SECTION("truncated") {
    bytes.resize(bytes.size() / 2);
  }
  SECTION("someone else's file") {
    bytes = "not a cache at all\n";
  }
  SECTION("empty") {
    bytes.clear();
  }
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  Run second = lint_with_cache(dir);
  CHECK(second.lines == first.lines);
  CHECK(second.result.notes_parsed >= 1);
  // Rebuilt: the run after answers everything from the cache again.
  Run third = lint_with_cache(dir);
  CHECK(third.result.notes_parsed == 0);
  CHECK(third.lines == first.lines);
}

TEST_CASE("records decode to what was encoded, and damaged records are refused") {
  CachedNote note;
  Finding f;
  f.rule = find_rule("MK001");
  f.message = "stray citation marker";
  f.start = {3, 5};
  f.end = {3, 9};
  f.source_line = "Text¹[1] here.";
  f.fix = Fix{Applicability::safe, "Remove", {Edit{Span{10, 16}, "", {3, 5}, {3, 9}}}};
  note.findings.push_back(f);
  note.facts.has_id = true;
  note.facts.id = "abc";
  note.facts.tags.push_back(TagFact{"vidoe", FactSpan{Span{1, 7}, {2, 1}, {2, 7}, "#vidoe", 1}, false, true});
  note.facts.images.push_back(ImageFact{"a%20b.png", "a b.png", false, true, FactSpan{}});
  note.facts.suppressions.push_back(Suppression{4, 4, {"MK001"}});
  std::string bytes = encode_note(note);
  CachedNote back = decode_note(bytes);
  REQUIRE(back.findings.size() == 1);
  CHECK(back.findings[0].rule == f.rule);
  CHECK(back.findings[0].source_line == f.source_line);
  REQUIRE(back.findings[0].fix);
  CHECK(back.findings[0].fix->edits[0].span.end == 16);
  CHECK(back.facts.id == "abc");
  CHECK(back.facts.tags[0].where.line == "#vidoe");
  CHECK(back.facts.images[0].html);
  CHECK(back.facts.suppressions[0].codes == std::vector<std::string>{"MK001"});
  for (std::size_t cut = 0; cut < bytes.size(); cut += 7) CHECK_THROWS(decode_note(bytes.substr(0, cut)));
  CHECK_THROWS(decode_note(bytes + "x"));
}

TEST_CASE("command line: --no-cache writes nothing, --cache-dir and NOTELINT_CACHE_DIR put the cache elsewhere") {
  TempDir dir, elsewhere;
  write_vault(dir, 3);
  // The test runner sets NOTELINT_CACHE_DIR for every command; these ask for the defaults.
  const std::string binary = "env -u NOTELINT_CACHE_DIR " + test::binary();
  auto a = run(binary + " " + quoted(dir.path()) + " --no-cache --exit-zero");
  CHECK(a.exit_code == 0);
  CHECK_FALSE(fs::exists(dir.path() / ".notelint_cache"));
  auto b = run(binary + " " + quoted(dir.path()) + " --cache-dir " + quoted(elsewhere.path() / "c") + " --exit-zero");
  CHECK(b.exit_code == 0);
  CHECK_FALSE(fs::exists(dir.path() / ".notelint_cache"));
  CHECK(fs::exists(elsewhere.path() / "c" / "notes.bin"));
  auto e = run("env NOTELINT_CACHE_DIR=" + quoted(elsewhere.path() / "e") + " " + test::binary() + " " +
               quoted(dir.path()) + " --exit-zero");
  CHECK_FALSE(fs::exists(dir.path() / ".notelint_cache"));
  CHECK(fs::exists(elsewhere.path() / "e" / "notes.bin"));
  auto c = run(binary + " " + quoted(dir.path()) + " --exit-zero");
  CHECK(fs::exists(dir.path() / ".notelint_cache" / "notes.bin"));
  CHECK(c.output == a.output);
  CHECK(b.output == a.output);
  CHECK(e.output == a.output);
}

TEST_CASE("a cache that cannot be written does not fail the run") {
  TempDir dir;
  write_vault(dir, 3);
  // A file where the cache folder would go: creating the folder fails (even for root).
  dir.write("blocker", "x");
  auto r = run(binary() + " " + quoted(dir.path()) + " --cache-dir " + quoted(dir.path() / "blocker" / "cache") +
                   " --exit-zero",
               true);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("MK001") != std::string::npos);
  CHECK(read_text(dir.path() / "blocker") == "x");
}

TEST_CASE("threads: --jobs 1 and --jobs 2 give byte-identical output, with and without the cache") {
  TempDir dir;
  fs::path generator = shared_dir() / "tools" / "gen_corpus.py";
  if (shared_dir().empty() || !fs::exists(generator)) {
    WARN("../shared/tools/gen_corpus.py is absent: using the small synthetic vault");
    write_vault(dir, 60);
  } else {
    REQUIRE(run("python3 " + quoted(generator) + " " + quoted(dir.path() / "v") + " 300 7 >/dev/null").exit_code == 0);
    dir.write("v/.notelint.yaml", "profile: dendron\ntags:\n  known: [MLLM, Video, diffusion]\n");
  }
  for (const std::string format : {"human", "json", "sarif"}) {
    for (const std::string cache : {" --no-cache", ""}) {
      std::string base = binary() + " " + quoted(dir.path()) + " --exit-zero --format " + format + cache;
      auto one = run(base + " --jobs 1");
      auto two = run(base + " --jobs 2");
      auto again = run(base + " --jobs 2");
      CHECK(one.exit_code == 0);
      CHECK(one.output.size() > 1000);
      CHECK(one.output == two.output);
      CHECK(two.output == again.output);
    }
  }
}
