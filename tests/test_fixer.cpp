// The fix engine on texts in memory, and the write protocol on real files.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "core/atomic_write.hpp"
#include "core/fixer.hpp"
#include "core/rule.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace notelint;

namespace {

Diagnostic removal(std::string_view code, Span span, std::string replacement = "") {
  Diagnostic d;
  d.rule = find_rule(code);
  d.span = span;
  d.message = "test";
  Fix fix;
  fix.title = "test fix";
  fix.edits.push_back(Edit{span, std::move(replacement), {}, {}});
  d.fix = fix;
  return d;
}

// Re-lints with the per-note rules of the plain profile, as a run without a vault would.
std::vector<Diagnostic> relint_plain(const std::string& text) { return test::check_text(text, profile_config("plain")); }

std::string fix_plain(const std::string& text, bool unsafe = false) {
  FixOptions options;
  options.unsafe = unsafe;
  return apply_fixes(text, relint_plain(text), relint_plain, options).text;
}

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("fixes that touch: the earlier rule in the registry wins, the other waits a pass", "[fixer]") {
  const std::string text = "0123456789";
  // FM001 comes before MK001 in the registry; the MK001 fix is listed first on purpose.
  std::vector<Diagnostic> first{removal("MK001", Span{2, 5}), removal("FM001", Span{4, 6}, "X")};
  int relints = 0;
  auto relint = [&](const std::string& now) {
    ++relints;
    // After the FM001 edit, MK001 finds its text again, now at 2..4.
    if (now == "0123X6789") return std::vector<Diagnostic>{removal("MK001", Span{2, 4})};
    return std::vector<Diagnostic>{};
  };
  FixedText fixed = apply_fixes(text, first, relint, FixOptions{});
  CHECK(fixed.converged);
  CHECK(fixed.text == "01X6789");
  REQUIRE(fixed.applied.size() == 2);
  CHECK(fixed.applied[0].rule->code == "FM001");
  CHECK(fixed.applied[1].rule->code == "MK001");
  CHECK(relints == 2);
}

TEST_CASE("fixes that never settle leave the text as it was and name the rules", "[fixer]") {
  auto forever = [](const std::string&) { return std::vector<Diagnostic>{removal("MK002", Span{0, 0}, "x")}; };
  FixedText fixed = apply_fixes("text", forever("text"), forever, FixOptions{});
  CHECK_FALSE(fixed.converged);
  CHECK(fixed.text == "text");
  CHECK(fixed.applied.empty());
  CHECK(fixed.rules_involved == std::vector<std::string>{"MK002"});

  // A fix that changes nothing would be offered forever too.
  auto same = [](const std::string&) { return std::vector<Diagnostic>{removal("MK001", Span{0, 1}, "t")}; };
  fixed = apply_fixes("text", same("text"), same, FixOptions{});
  CHECK_FALSE(fixed.converged);
  CHECK(fixed.text == "text");
}

TEST_CASE("unsafe fixes only with the option, malformed fixes never", "[fixer]") {
  Diagnostic unsafe = removal("TG001", Span{0, 1});
  unsafe.fix->applicability = Applicability::unsafe;
  auto nothing = [](const std::string&) { return std::vector<Diagnostic>{}; };
  CHECK(apply_fixes("ab", {unsafe}, nothing, FixOptions{}).text == "ab");
  FixOptions with_unsafe;
  with_unsafe.unsafe = true;
  CHECK(apply_fixes("ab", {unsafe}, nothing, with_unsafe).text == "b");
  CHECK(apply_fixes("ab", {removal("MK001", Span{1, 9})}, nothing, FixOptions{}).text == "ab");
}

TEST_CASE("the layout survives: BOM, CRLF, final newline or none", "[fixer]") {
  const std::string bom = "\xEF\xBB\xBF";
  CHECK(keep_layout(bom + "a\r\nb\r\n", "a\nb\nc") == bom + "a\r\nb\r\nc\r\n");
  CHECK(keep_layout("a\nb", "a\nb\n") == "a\nb");
  CHECK(keep_layout("a\nb\n", "a\nb") == "a\nb\n");
  CHECK(keep_layout("a\r\nb\n", "a\nb") == "a\nb\n");  // mixed endings are left as they are
  CHECK(keep_layout(bom + "x", "") == bom);
}

TEST_CASE("markers next to each other and on their own leave clean text", "[fixer]") {
  CHECK(fix_plain("word ¹[1]【3†source】 text\n") == "word text\n");
  CHECK(fix_plain("word ¹[1] 【3†source】.\n") == "word.\n");
  CHECK(fix_plain("para\n¹[1]\nmore\n") == "para\nmore\n");
  CHECK(fix_plain("para\n¹[1]") == "para");
  CHECK(fix_plain("中文。¹[1]【3†source】文本\n") == "中文。文本\n");
  CHECK(fix_plain("\xEF\xBB\xBF¹[1] start\r\n") == "\xEF\xBB\xBFstart\r\n");
}

TEST_CASE("a write that fails halfway leaves the original and no temporary file", "[atomic]") {
  test::TempDir dir;
  fs::path file = dir.write("note.md", "original text\n");
  auto read = read_stamped(file);
  REQUIRE(read);
  WriteFault fault;
  fault.fail_after_bytes = 5;
  WriteResult result = replace_file(file, "new text that is longer\n", read->stamp, fault);
  CHECK(result.status == WriteStatus::failed);
  CHECK(test::read_text(file) == "original text\n");
  CHECK(files_in(dir.path()) == std::vector<std::string>{"note.md"});
}

TEST_CASE("a file changed since it was read is left alone", "[atomic]") {
  test::TempDir dir;
  fs::path file = dir.write("note.md", "original\n");
  auto read = read_stamped(file);
  REQUIRE(read);
  dir.write("note.md", "saved by an editor meanwhile\n");
  CHECK(replace_file(file, "fixed\n", read->stamp).status == WriteStatus::changed);
  CHECK(test::read_text(file) == "saved by an editor meanwhile\n");
  CHECK(files_in(dir.path()) == std::vector<std::string>{"note.md"});
}

TEST_CASE("a write keeps the permission bits and never goes through a link", "[atomic]") {
  test::TempDir dir;
  fs::path file = dir.write("note.md", "original\n");
  REQUIRE(chmod(file.c_str(), 0640) == 0);
  auto read = read_stamped(file);
  REQUIRE(read);
  CHECK(replace_file(file, "fixed\n", read->stamp).status == WriteStatus::written);
  CHECK(test::read_text(file) == "fixed\n");
  struct stat st {};
  REQUIRE(stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);

  fs::path target = dir.write("outside/target.md", "target\n");
  fs::create_symlink(target, dir.path() / "link.md");
  read = read_stamped(dir.path() / "link.md");
  REQUIRE(read);
  CHECK(read->text == "target\n");
  CHECK(replace_file(dir.path() / "link.md", "fixed\n", read->stamp).status == WriteStatus::not_regular);
  CHECK(fs::is_symlink(dir.path() / "link.md"));
  CHECK(test::read_text(target) == "target\n");

  fs::create_hard_link(target, dir.path() / "hard.md");
  read = read_stamped(dir.path() / "hard.md");
  REQUIRE(read);
  CHECK(replace_file(dir.path() / "hard.md", "fixed\n", read->stamp).status == WriteStatus::not_regular);
  CHECK(test::read_text(target) == "target\n");
}

TEST_CASE("a fix run whose write fails reports it and leaves the note as it was", "[atomic]") {
  test::TempDir dir;
  fs::path file = dir.write("note.md", "Text ¹[1] here.\n");
  WriteFault fault;
  fault.fail_after_bytes = 3;
  FixRunResult run = test::fix_paths({dir.path().string()}, {}, {}, false, fault);
  REQUIRE(run.files.size() == 1);
  REQUIRE(run.files[0].problem);
  CHECK(run.files[0].problem->rule->code == "IO102");
  CHECK_FALSE(run.files[0].written);
  CHECK(run.fixes_applied() == 0);
  CHECK(test::read_text(file) == "Text ¹[1] here.\n");
  CHECK(files_in(dir.path()) == std::vector<std::string>{"note.md"});
}
