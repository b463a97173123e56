// Vault hygiene end to end: asset and debris config, orphans only on folder runs, findings on
// assets in every format, --statistics, and baselines.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/config.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace notelint;
using test::binary;
using test::run;

namespace {

std::string in_dir(const test::TempDir& dir, const std::string& args) {
  return "cd '" + dir.path().string() + "' && " + binary() + " " + args;
}

std::string config_error(const std::string& text) {
  try {
    parse_config(text, "cfg.yaml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "no error";
}

// A small vault with old findings of several rules.
void write_old_vault(const test::TempDir& dir) {
  dir.write(".notelint.yaml", "profile: plain\n");
  dir.write("a.md", "# A\n\nText ¹[1] here.\n\nText ¹[1] here.\n\n![图 2](assets/x.png)\n![图 1](assets/x.png)\n");
  dir.write("b.md", "# B\n\n当然可以，以下是总结：\n\n![gone](assets/missing.png)\n");
  dir.write("assets/x.png", "PNG");
  dir.write("assets/unused.png", "PNG");
}

}  // namespace

TEST_CASE("asset and marker keys parse; bad values are located errors", "[config][hygiene]") {
  auto cfg = parse_config("assets:\n  dirs: [media/, files]\n  verify_hash: true\n  figure_pattern: '^Abb\\.\\s*(\\d+)'\n"
                          "markers:\n  phrases: [As requested]\n",
                          "cfg.yaml");
  CHECK(cfg.assets.dirs == std::vector<std::string>{"media", "files"});
  CHECK(cfg.assets.verify_hash);
  CHECK(cfg.markers.phrases == std::vector<std::string>{"As requested"});
  CHECK(cfg.in_asset_dir("media/a.png"));
  CHECK(!cfg.in_asset_dir("assets/a.png"));
  auto defaults = profile_config("plain");
  CHECK(defaults.in_asset_dir("assets/images/a.png"));
  CHECK(defaults.in_asset_dir("notes/attachments/a.png"));
  CHECK(!defaults.in_asset_dir("my-assets/a.png"));
  CHECK(config_error("assets: {figure_pattern: '('}\n").find("cfg.yaml:1:27: 'assets.figure_pattern' is not a valid RE2") == 0);
  CHECK(config_error("assets: {figure_pattern: 'Fig'}\n").find("needs a capturing group") != std::string::npos);
  CHECK(config_error("assets: {verify_hash: maybe}\n") == "cfg.yaml:1:23: 'assets.verify_hash' must be true or false");
  CHECK(config_error("assets: {dirs: [../x]}\n").find("inside the vault") != std::string::npos);
  CHECK(config_error("markers: {phrase: [x]}\n") == "cfg.yaml:1:11: unknown key 'markers.phrase'");
}

TEST_CASE("orphans are reported on folder runs only, on the asset, in every format", "[e2e][hygiene]") {
  test::TempDir dir;
  write_old_vault(dir);
  auto single = run(in_dir(dir, "a.md b.md --select AS002 --format json"));
  CHECK(nlohmann::json::parse(single.output)["summary"]["findings"] == 0);

  auto json = nlohmann::json::parse(run(in_dir(dir, ". --select AS002 --format json")).output);
  REQUIRE(json["diagnostics"].size() == 1);
  CHECK(json["diagnostics"][0]["path"] == "assets/unused.png");
  CHECK(json["diagnostics"][0]["line"] == 1);
  auto human = run(in_dir(dir, ". --select AS002"));
  // No source line or caret for a file that is not text.
  CHECK(human.output.find("assets/unused.png:1:1: AS002 asset is not referenced by any note\n\n") != std::string::npos);
  auto github = run(in_dir(dir, ". --select AS002 --format github"));
  CHECK(github.output.find("::warning file=assets/unused.png,line=1,col=1,") == 0);
  auto sarif = nlohmann::json::parse(run(in_dir(dir, ". --select AS002 --format sarif")).output);
  auto location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"]["uri"] == "assets/unused.png");
  CHECK(location["region"]["startLine"] == 1);
}

TEST_CASE("a note that is not linted still keeps its images from being orphans", "[e2e][hygiene]") {
  test::TempDir dir;
  dir.write(".notelint.yaml", "profile: plain\n");
  dir.write("notes/a.md", "# A\n");
  dir.write("other/b.md", "<img src=\"../assets/used.png\">\n");
  dir.write("assets/used.png", "PNG");
  dir.write("assets/unused.png", "PNG");
  auto lines = test::lint_lines({(dir.path() / "notes").string(), (dir.path() / "assets").string()},
                                dir.path() / ".notelint.yaml", {"AS002"});
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("assets/unused.png:1:1 AS002") != std::string::npos);
}

TEST_CASE("invisible characters: the fix removes them and nothing is left to report", "[hygiene]") {
  const std::string text = "trans\u200Bformer co\u00ADop a\u200B\u200Bb 👩\u200D💻\n";
  auto config = profile_config("plain");
  config.rules.select = {"TX002"};
  auto found = test::check_text(text, config);
  REQUIRE(found.size() == 3);
  std::string fixed = text;
  for (auto it = found.rbegin(); it != found.rend(); ++it)
    for (const auto& edit : it->fix->edits) fixed.replace(edit.span.begin, edit.span.end - edit.span.begin, edit.replacement);
  CHECK(fixed == "transformer coop ab 👩\u200D💻\n");
  CHECK(test::check_text(fixed, config).empty());
}

TEST_CASE("the statistics table counts equal the JSON output's per rule", "[e2e][hygiene][corpus]") {
  fs::path shared = test::shared_or_skip();
  if (shared.empty()) return;
  test::TempDir dir;
  test::copy_dendron_site(dir, shared);
  dir.write("site/.notelint.yaml", "profile: dendron\n");
  auto json = nlohmann::json::parse(run("cd '" + (dir.path() / "site").string() + "' && " + binary() + " --format json").output);
  std::map<std::string, int> want;
  for (const auto& d : json["diagnostics"]) ++want[d["rule"].get<std::string>()];
  auto table = run("cd '" + (dir.path() / "site").string() + "' && " + binary() + " --statistics");
  CHECK(table.exit_code == 1);
  std::map<std::string, int> got;
  std::istringstream lines(table.output);
  int total = 0;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream row(line);
    int count = 0;
    std::string code, name;
    if (row >> count >> code >> name) got[code] = count;
    if (line.rfind("Found ", 0) == 0) total = std::stoi(line.substr(6));
  }
  CHECK(got == want);
  CHECK(total == json["summary"]["findings"].get<int>());
  CHECK(want.count("AS002"));  // the site keeps images no page shows
}

TEST_CASE("with a baseline, check reports only new findings", "[e2e][hygiene][baseline]") {
  test::TempDir dir;
  write_old_vault(dir);
  auto before = nlohmann::json::parse(run(in_dir(dir, "--format json")).output);
  int old_findings = before["summary"]["findings"].get<int>();
  REQUIRE(old_findings >= 5);
  auto written = run(in_dir(dir, "baseline"));
  CHECK(written.exit_code == 0);
  CHECK(fs::exists(dir.path() / ".notelint-baseline.json"));
  auto quiet = run(in_dir(dir, ""), true);
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.output.find(std::to_string(old_findings) + " findings hidden by the baseline (.notelint-baseline.json)") !=
        std::string::npos);

  // Lines moved down and one stray marker added: exactly that one is new.
  std::string a = test::read_text(dir.path() / "a.md");
  dir.write("a.md", "# A\n\nNew paragraph.\n\nFresh ²[2] marker." + a.substr(3));
  auto after = nlohmann::json::parse(run(in_dir(dir, "--format json")).output);
  REQUIRE(after["diagnostics"].size() == 1);
  CHECK(after["diagnostics"][0]["rule"] == "MK001");
  CHECK(after["diagnostics"][0]["line"] == 5);
  CHECK(after["summary"]["baselined"] == old_findings);
  CHECK(run(in_dir(dir, "")).exit_code == 1);

  // A third copy of a twin line is one more than the baseline holds.
  dir.write("a.md", test::read_text(dir.path() / "a.md") + "\nText ¹[1] here.\n");
  CHECK(nlohmann::json::parse(run(in_dir(dir, "--format json")).output)["summary"]["findings"] == 2);

  auto all = nlohmann::json::parse(run(in_dir(dir, "--format json --no-baseline")).output);
  CHECK(all["summary"]["findings"] == old_findings + 2);
  CHECK(all["summary"]["baselined"] == 0);

  fs::remove(dir.path() / "b.md");
  auto stale = run(in_dir(dir, ""), true);
  CHECK(stale.output.find("baseline entries no longer occur") != std::string::npos);
}

TEST_CASE("a broken baseline is a configuration error", "[e2e][hygiene][baseline]") {
  test::TempDir dir;
  write_old_vault(dir);
  dir.write(".notelint-baseline.json", "{\"version\": 2}");
  auto result = run(in_dir(dir, ""), true);
  CHECK(result.exit_code == 2);
  CHECK(result.output.find("not a notelint baseline") != std::string::npos);
}
