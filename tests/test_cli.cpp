// The binary end to end: exit codes, output formats, the example vault, real corpora.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace notelint;
using test::binary;
using test::run;

TEST_CASE("the example vault gives its snapshot in human output", "[e2e]") {
  auto result = run(binary() + " examples --color never");
  CHECK(result.exit_code == 1);
  CHECK(result.output == test::read_text(test::source_dir() / "tests" / "snapshots" / "examples.txt"));
}

TEST_CASE("JSON output follows the documented shape and agrees with the summary", "[e2e]") {
  auto result = run(binary() + " examples --format json");
  CHECK(result.exit_code == 1);
  auto doc = nlohmann::ordered_json::parse(result.output);
  CHECK(doc["version"] == 1);
  CHECK(doc["tool"]["name"] == "notelint");
  CHECK(doc["tool"]["version"] == NOTELINT_VERSION);
  auto& diagnostics = doc["diagnostics"];
  REQUIRE(diagnostics.is_array());
  REQUIRE(!diagnostics.empty());
  CHECK(doc["summary"]["findings"] == diagnostics.size());
  const std::vector<std::string> keys = {"path", "rule", "name", "severity", "message", "line",
                                         "column", "end_line", "end_column", "fix"};
  std::vector<std::string> first_keys;
  for (auto it = diagnostics[0].begin(); it != diagnostics[0].end(); ++it) first_keys.push_back(it.key());
  CHECK(first_keys == keys);
  // Sorted by path, line, column, rule; paths relative with '/'.
  for (std::size_t i = 1; i < diagnostics.size(); ++i) {
    auto key = [&](const nlohmann::ordered_json& d) {
      return std::make_tuple(d["path"].get<std::string>(), d["line"].get<int>(), d["column"].get<int>(),
                             d["rule"].get<std::string>());
    };
    CHECK(key(diagnostics[i - 1]) <= key(diagnostics[i]));
  }
  for (const auto& d : diagnostics) {
    CHECK(d["path"].get<std::string>().rfind("examples/", 0) == 0);
    if (!d["fix"].is_null()) CHECK(d["fix"]["applicability"] == "safe");
  }
}

TEST_CASE("exit codes: 0 clean, 1 findings, 2 usage and config errors", "[e2e]") {
  test::TempDir dir;
  dir.write("clean.md", "# Clean\n\nNothing wrong here.\n");
  CHECK(run(binary() + " '" + dir.path().string() + "'").exit_code == 0);
  dir.write("marker.md", "Text ¹[1] here.\n");
  CHECK(run(binary() + " '" + dir.path().string() + "'").exit_code == 1);
  CHECK(run(binary() + " --exit-zero '" + dir.path().string() + "'").exit_code == 0);
  CHECK(run(binary() + " '" + (dir.path() / "missing-path").string() + "'").exit_code == 2);
  CHECK(run(binary() + " --format nonsense examples").exit_code == 2);
  CHECK(run(binary() + " --select ZZ999 examples").exit_code == 2);
  // --ignore takes the finding away, so the run is clean.
  CHECK(run(binary() + " --ignore MK '" + dir.path().string() + "'").exit_code == 0);
}

TEST_CASE("a warning alone does not fail the run", "[e2e]") {
  test::TempDir dir;
  dir.write(".notelint.yaml", "tags: {known: [Video]}\n");
  dir.write("a.md", "#Vidoe\n");
  auto result = run(binary() + " '" + dir.path().string() + "' --quiet");
  CHECK(result.exit_code == 0);
  CHECK(result.output.find("TG001 unknown tag #Vidoe; did you mean #Video?") != std::string::npos);
}

TEST_CASE("a config error names the file, line and key and exits 2", "[e2e][config]") {
  test::TempDir dir;
  dir.write(".notelint.yaml", "profile: dendron\nfront_matter:\n  requird: [id]\n");
  dir.write("a.md", "text\n");
  auto result = run("cd '" + dir.path().string() + "' && " + binary(), true);
  CHECK(result.exit_code == 2);
  CHECK(result.output.find(".notelint.yaml:3:3: unknown key 'front_matter.requird'") != std::string::npos);

  dir.write(".notelint.yaml", "sections:\n  level: two\n");
  result = run("cd '" + dir.path().string() + "' && " + binary(), true);
  CHECK(result.exit_code == 2);
  CHECK(result.output.find(".notelint.yaml:2:10: 'sections.level' must be an integer") != std::string::npos);

  dir.write(".notelint.yaml", "profile: logseq\n");
  result = run("cd '" + dir.path().string() + "' && " + binary(), true);
  CHECK(result.exit_code == 2);
  CHECK(result.output.find("unknown profile 'logseq'") != std::string::npos);
}

TEST_CASE("a report written with --output goes to the file", "[e2e]") {
  test::TempDir dir;
  fs::path out = dir.path() / "report.json";
  auto result = run(binary() + " examples --format json --output '" + out.string() + "'");
  CHECK(result.exit_code == 1);
  CHECK(result.output.empty());
  CHECK(nlohmann::json::parse(test::read_text(out))["diagnostics"].size() > 0);
}

TEST_CASE("colour only when asked or on a terminal", "[e2e]") {
  CHECK(run(binary() + " examples").output.find("\x1b[") == std::string::npos);
  CHECK(run(binary() + " examples --color always").output.find("\x1b[") != std::string::npos);
  CHECK(run("NO_COLOR=1 " + binary() + " examples --color auto").output.find("\x1b[") == std::string::npos);
}

TEST_CASE("notelint rules lists every rule and notelint rule prints its doc", "[e2e]") {
  auto rules = run(binary() + " rules");
  CHECK(rules.exit_code == 0);
  for (const auto& rule : all_rules()) {
    INFO(rule.code);
    CHECK(rules.output.find(std::string(rule.code) + "  " + std::string(rule.name)) != std::string::npos);
    auto doc = run(binary() + " rule " + std::string(rule.code));
    CHECK(doc.exit_code == 0);
    CHECK(doc.output.rfind("# " + std::string(rule.code) + " " + std::string(rule.name), 0) == 0);
    for (const char* heading : {"## What it does", "## Why is this bad?", "## Example", "## Fix safety"})
      CHECK(doc.output.find(heading) != std::string::npos);
  }
  CHECK(run(binary() + " rule mk001").exit_code == 0);
  CHECK(run(binary() + " rule XX001").exit_code == 2);
  CHECK(run(binary() + " --version").output == std::string("notelint ") + NOTELINT_VERSION + "\n");
}

TEST_CASE("the seed note gives exactly its 18 true findings", "[e2e][seed]") {
  fs::path shared = test::shared_or_skip();
  if (shared.empty()) return;
  test::TempDir dir;
  test::copy_seed_note(dir, shared);
  dir.write(".notelint.yaml",
            "profile: dendron\n"
            "tags:\n  known: [image_generation, Customization, MLLM, video_generation, Video, Video_efficient,\n"
            "          Kaiming, In-context-Learning, Virtual-Try-on, _3D_generation, inpainting]\n"
            "sections:\n  labels: [研究背景, 研究动机, 研究方法, 贡献和创新点, 相关工作]\n");
  auto result = run("cd '" + dir.path().string() + "' && " + binary() + " --format json");
  CHECK(result.exit_code == 1);
  auto doc = nlohmann::json::parse(result.output);
  std::vector<std::pair<std::string, int>> got;
  for (const auto& d : doc["diagnostics"]) got.emplace_back(d["rule"].get<std::string>(), d["line"].get<int>());
  std::vector<std::pair<std::string, int>> want;
  for (int line : {13, 38, 61, 88, 102, 121, 140, 160, 162, 181, 199, 216, 235, 255}) want.emplace_back("AS001", line);
  for (int line : {43, 52, 94, 133}) want.emplace_back("MK001", line);
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  CHECK(got == want);
  CHECK(doc["summary"]["findings"] == 18);
}

TEST_CASE("the dendron-site corpus lints without errors of the tool, twice the same", "[e2e][corpus]") {
  fs::path shared = test::shared_or_skip();
  if (shared.empty()) return;
  test::TempDir dir;
  fs::path config = dir.write(".notelint.yaml", "profile: dendron\n");
  std::string cmd = binary() + " '" + (shared / "corpora" / "dendron-site" / "vault").string() + "' --config '" +
                    config.string() + "' --format json";
  auto first = run(cmd);
  auto second = run(cmd);
  CHECK(first.exit_code == 1);
  CHECK(first.output == second.output);
  auto doc = nlohmann::json::parse(first.output);
  CHECK(doc["summary"]["files"] == 1012);
  CHECK(doc["summary"]["findings"].get<int>() > 0);
}

TEST_CASE("init proposes a config from the vault and never overwrites one", "[e2e][init]") {
  test::TempDir dir;
  dir.write(".obsidian/app.json", "{}");
  const std::string note = "---\ntitle: t\ntags: [Video]\n---\n## Paper\n- **背景**：a\n- **方法**：b\n\n#Video #MLLM\n";
  for (int i = 0; i < 6; ++i) dir.write("n" + std::to_string(i) + ".md", note);
  dir.write("typo.md", "---\ntitle: t\n---\n#Vidoe\n");
  auto first = run(binary() + " init '" + dir.path().string() + "'");
  CHECK(first.exit_code == 0);
  CHECK(first.output.find("profile obsidian (.obsidian/ found)") != std::string::npos);
  CHECK(first.output.find("with it, `notelint check` reports") != std::string::npos);
  std::string yaml = test::read_text(dir.path() / ".notelint.yaml");
  CHECK(yaml.find("profile: obsidian  # .obsidian/ found") != std::string::npos);
  CHECK(yaml.find("    - MLLM  # used in 6 notes\n") != std::string::npos);
  CHECK(yaml.find("    - Video  # used in 6 notes\n") != std::string::npos);
  CHECK(yaml.find("  #   Vidoe: Video  # 1 note vs 6 notes\n") != std::string::npos);
  CHECK(yaml.find("    - title  # in 7 of 7 notes\n") != std::string::npos);
  CHECK(yaml.find("  level: 2") != std::string::npos);
  CHECK(yaml.find("    - 背景  # in 6 sections\n") != std::string::npos);
  // Every line holding a value says where it came from.
  std::istringstream lines(yaml);
  for (std::string line; std::getline(lines, line);) {
    bool holds_value = (line.find(':') != std::string::npos && line.back() != ':') || line.find("- ") != std::string::npos;
    if (holds_value) CHECK(line.find('#') != std::string::npos);
  }
  auto second = run(binary() + " init '" + dir.path().string() + "'", true);
  CHECK(second.exit_code != 0);
  CHECK(second.output.find("already exists") != std::string::npos);
  CHECK(test::read_text(dir.path() / ".notelint.yaml") == yaml);
  CHECK(run(binary() + " init --force '" + dir.path().string() + "'").exit_code == 0);
}

TEST_CASE("init on the dendron-site corpus picks dendron and the tags used twice", "[e2e][init][corpus]") {
  fs::path shared = test::shared_or_skip();
  if (shared.empty()) return;
  test::TempDir dir;
  test::copy_dendron_site(dir, shared);
  std::string site = (dir.path() / "site").string();
  auto result = run(binary() + " init '" + site + "'");
  REQUIRE(result.exit_code == 0);
  std::string yaml = test::read_text(dir.path() / "site" / ".notelint.yaml");
  CHECK(yaml.find("profile: dendron  # dendron.yml found") != std::string::npos);
  // Tags used in two or more notes, counted here independently of notelint's own parser.
  for (const char* tag : {"todo", "breaking", "example"}) CHECK(yaml.find(std::string("    - ") + tag + "  #") != std::string::npos);
  auto check = run(binary() + " check '" + site + "' --format json");
  CHECK(check.exit_code == 1);  // findings, not a config error
  auto again = run(binary() + " init '" + site + "'");
  CHECK(again.exit_code != 0);
  CHECK(test::read_text(dir.path() / "site" / ".notelint.yaml") == yaml);
}

TEST_CASE("the obsidian profile resolves images in the attachment folder of .obsidian/app.json", "[e2e][profiles]") {
  test::TempDir dir;
  dir.write(".notelint.yaml", "profile: obsidian\n");
  dir.write(".obsidian/app.json", "{\"attachmentFolderPath\": \"Files/Attachments\"}");
  dir.write("Files/Attachments/pasted.png", "png");
  dir.write("notes/a.md", "![](pasted.png)\n![](gone.png)\n");
  auto result = run(binary() + " '" + dir.path().string() + "' --select AS001 --quiet");
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("gone.png") != std::string::npos);
  CHECK(result.output.find("pasted.png") == std::string::npos);
  // Without the setting the same image is missing.
  dir.write(".obsidian/app.json", "{}");
  CHECK(run(binary() + " '" + dir.path().string() + "' --select AS001 --quiet").output.find("pasted.png") !=
        std::string::npos);
}
