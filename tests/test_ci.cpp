// notelint in CI and at commit time: GitHub workflow commands, vault rules on some files of a
// vault (as pre-commit calls us), and the pre-commit hooks themselves.
#include <catch2/catch.hpp>

#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace notelint;
using test::binary;
using test::quoted;
using test::run;

namespace {


std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  for (char c : text) {
    if (c == '\n') {
      lines.push_back(line);
      line.clear();
    } else {
      line += c;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("github format: one workflow command per finding", "[github]") {
  test::TempDir dir;
  dir.write(".notelint.yaml", "tags: {known: [Video]}\nrules:\n  severity: {MK002: info}\n");
  dir.write("a,b:c.md", "Text ¹[1] here.\n#Vidoe and debris 【3†source】\n");
  auto result = run("cd " + quoted(dir.path()) + " && " + binary() + " --format github");
  CHECK(result.exit_code == 1);
  // ',' and ':' would end a property early, so the file name carries them escaped.
  CHECK(lines_of(result.output) ==
        std::vector<std::string>{
            "::error file=a%2Cb%3Ac.md,line=1,col=6,endLine=1,endColumn=10,title=MK001 stray-citation-marker::"
            "stray citation marker `¹[1]` pasted from a chat assistant",
            "::warning file=a%2Cb%3Ac.md,line=2,col=1,endLine=2,endColumn=7,title=TG001 unknown-tag::"
            "unknown tag #Vidoe; did you mean #Video?",
            "::notice file=a%2Cb%3Ac.md,line=2,col=19,endLine=2,endColumn=29,title=MK002 chat-citation-debris::"
            "chat citation debris `【3†source】`"});
}

TEST_CASE("github format agrees with JSON on the example vault", "[github]") {
  auto json_lines = test::lint_lines({"examples"});
  auto github = lines_of(run(binary() + " examples --format github").output);
  REQUIRE(github.size() == json_lines.size());
  for (const auto& line : github)
    CHECK((line.rfind("::error file=examples/", 0) == 0 || line.rfind("::warning file=examples/", 0) == 0));
}

TEST_CASE("vault rules see the whole vault and report only on the files given", "[vault]") {
  test::TempDir dir;
  const std::string front = "---\nid: abc123\ntitle: T\n---\n\nText.\n";
  dir.write("a.md", front);
  dir.write("b.md", front);
  std::string cd = "cd " + quoted(dir.path()) + " && " + binary() + " --select FM005 --quiet ";

  auto second = run(cd + "b.md");
  CHECK(second.exit_code == 1);
  CHECK(lines_of(second.output) ==
        std::vector<std::string>{"b.md:2:1: FM005 id `abc123` is already used by a.md (line 2)"});
  // The first holder of an id is not at fault, whichever notes the run is given.
  auto first = run(cd + "a.md");
  CHECK(first.exit_code == 0);
  CHECK(first.output.empty());
  // Split across two calls, as pre-commit does, the findings are those of one call on both.
  auto both = run(cd + "a.md b.md");
  CHECK(both.output == second.output);
}

TEST_CASE("pre-commit runs the system notelint hooks from this repository", "[precommit]") {
  if (run("pre-commit --version").exit_code != 0)
    FAIL("pre-commit is not installed (Debian: apt-get install pre-commit); the hook test cannot run");
  test::TempDir dir;
  fs::path repo = dir.path() / "vault";
  fs::path note = repo / "note.md";
  // A private home keeps pre-commit's cache and git's identity out of the user's.
  std::string env = "HOME=" + quoted(dir.path()) + " PRE_COMMIT_HOME=" + quoted(dir.path() / "cache") +
                    " GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t"
                    " GIT_COMMITTER_EMAIL=t@example.org PATH=" +
                    quoted(fs::path(NOTELINT_BINARY).parent_path()) + ":\"$PATH\" ";
  std::string in_repo = "cd " + quoted(repo) + " && " + env;
  dir.write("vault/note.md", "# Reading\n\nThe model is trained on LAION-5B ²[2] and fine-tuned.\n");
  auto init = run(in_repo + "git init -q . && git add note.md", true);
  REQUIRE(init.exit_code == 0);

  auto try_hook = [&](const std::string& hook) {
    return run(in_repo + "pre-commit try-repo " + quoted(test::source_dir()) + " " + hook + " --all-files --color never",
               true);
  };
  auto check = try_hook("notelint-system");
  INFO(check.output);
  CHECK(check.exit_code == 1);
  CHECK(check.output.find("note.md:3:") != std::string::npos);
  CHECK(check.output.find("MK001 stray citation marker `²[2]`") != std::string::npos);

  auto fix = try_hook("notelint-fix-system");
  INFO(fix.output);
  CHECK(test::read_text(note) == "# Reading\n\nThe model is trained on LAION-5B and fine-tuned.\n");
  auto again = try_hook("notelint-system");
  INFO(again.output);
  CHECK(again.exit_code == 0);
}
