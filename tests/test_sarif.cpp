// --format sarif end to end: agreement with JSON, the fields code scanning reads, fingerprints,
// paths, and GitHub's result limit. Schema and multitool validation is tests/sarif_validate.sh.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace notelint;
using nlohmann::json;
using test::binary;
using test::quoted;
using test::run;

namespace {


std::string percent_decode(const std::string& uri) {
  std::string out;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size()) {
      out += static_cast<char>(std::stoi(uri.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += uri[i];
    }
  }
  return out;
}

const json& region_of(const json& result) { return result["locations"][0]["physicalLocation"]["region"]; }
std::string uri_of(const json& result) {
  return result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>();
}

json sarif_run(const std::string& command) {
  auto result = run(command + " --format sarif");
  INFO(command);
  REQUIRE(result.exit_code < 2);
  auto doc = json::parse(result.output);
  REQUIRE(doc["runs"].size() == 1);
  return doc["runs"][0];
}

// One finding of a note, seen through SARIF: uri, fingerprint and line.
struct Seen {
  std::string uri, fingerprint;
  int line;
};
std::vector<Seen> seen(const json& sarif_run) {
  std::vector<Seen> out;
  for (const auto& r : sarif_run["results"])
    out.push_back({uri_of(r), r["partialFingerprints"]["notelint/v1"].get<std::string>(),
                   region_of(r)["startLine"].get<int>()});
  return out;
}

}  // namespace

TEST_CASE("SARIF results and JSON diagnostics agree one to one", "[sarif]") {
  std::vector<std::string> targets = {"examples"};
  for (const auto& entry : fs::directory_iterator(test::source_dir() / "tests" / "fixtures"))
    targets.push_back("tests/fixtures/" + entry.path().filename().string());
  for (const auto& target : targets) {
    INFO(target);
    auto diagnostics = json::parse(run(binary() + " " + target + " --select ALL --format json").output)["diagnostics"];
    json sarif = sarif_run(binary() + " " + target + " --select ALL");
    const json& results = sarif["results"];
    REQUIRE(results.size() == diagnostics.size());
    for (std::size_t i = 0; i < results.size(); ++i) {
      const json& d = diagnostics[i];
      const json& r = results[i];
      const json& region = region_of(r);
      CHECK(percent_decode(uri_of(r)) == d["path"].get<std::string>());
      CHECK(r["ruleId"] == d["rule"]);
      CHECK(r["message"]["text"] == d["message"]);
      CHECK(region["startLine"] == d["line"]);
      CHECK(region["startColumn"] == d["column"]);
      CHECK(region["endLine"] == d["end_line"]);
      CHECK(region["endColumn"] == d["end_column"]);
      std::string level = d["severity"] == "info" ? "note" : d["severity"].get<std::string>();
      CHECK(r["level"] == level);
      CHECK(r.contains("fixes") == !d["fix"].is_null());
    }
  }
}

TEST_CASE("SARIF describes the tool and every rule that ran, and results point at them", "[sarif]") {
  json sarif = sarif_run(binary() + " examples");
  const json& driver = sarif["tool"]["driver"];
  CHECK(driver["name"] == "notelint");
  CHECK(driver["version"] == NOTELINT_VERSION);
  CHECK(driver["semanticVersion"] == NOTELINT_VERSION);
  CHECK(driver["informationUri"] == "https://github.com/notelint/notelint");
  CHECK(sarif["columnKind"] == "unicodeCodePoints");
  std::string root = sarif["originalUriBaseIds"]["%SRCROOT%"]["uri"].get<std::string>();
  CHECK(root.rfind("file:///", 0) == 0);
  CHECK(root.back() == '/');

  // With no configuration every rule runs, even those with nothing to say.
  REQUIRE(driver["rules"].size() == all_rules().size());
  for (const auto& rule : driver["rules"]) {
    std::string code = rule["id"].get<std::string>();
    INFO(code);
    const RuleInfo* info = find_rule(code);
    REQUIRE(info);
    CHECK(rule["name"] == info->name);
    CHECK(rule["shortDescription"]["text"] == info->summary);
    CHECK(!rule["fullDescription"]["text"].get<std::string>().empty());
    CHECK(rule["help"]["markdown"] == rule_doc(code));
    CHECK(rule["help"]["text"].get<std::string>().find("## Why is this bad?") != std::string::npos);
    std::string anchor = code;
    for (auto& c : anchor) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(rule["helpUri"] == "https://github.com/notelint/notelint/blob/main/docs/rules.md#" + anchor);
    std::string level = info->default_severity == Severity::info ? "note" : severity_name(info->default_severity);
    CHECK(rule["defaultConfiguration"]["level"] == level);
    CHECK(rule["properties"]["tags"][0] == family_name(info->family));
  }
  REQUIRE(!sarif["results"].empty());
  for (const auto& r : sarif["results"]) {
    CHECK(driver["rules"][r["ruleIndex"].get<std::size_t>()]["id"] == r["ruleId"]);
    CHECK(r["locations"].size() == 1);
    CHECK(r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    CHECK(uri_of(r).rfind("examples/", 0) == 0);
    CHECK(r["partialFingerprints"]["notelint/v1"].get<std::string>().size() == 16);
    if (r.contains("fixes")) {
      const json& change = r["fixes"][0]["artifactChanges"][0];
      CHECK(change["artifactLocation"]["uri"] == uri_of(r));
      CHECK(change["replacements"][0].contains("deletedRegion"));
      CHECK(!r["fixes"][0]["description"]["text"].get<std::string>().empty());
    }
  }
}

TEST_CASE("SARIF lists only the rules that ran", "[sarif]") {
  json sarif = sarif_run(binary() + " examples --select MK");
  std::vector<std::string> ids;
  for (const auto& rule : sarif["tool"]["driver"]["rules"]) ids.push_back(rule["id"]);
  CHECK(ids == std::vector<std::string>{"MK001", "MK002", "MK003"});
  for (const auto& r : sarif["results"]) CHECK(ids[r["ruleIndex"].get<std::size_t>()] == r["ruleId"].get<std::string>());
}

TEST_CASE("SARIF fingerprints stay when lines above move and differ between twin lines", "[sarif]") {
  test::TempDir dir;
  const std::string body = "Same text ¹[1] here.\nOther ²[2] line.\nSame text ¹[1] here.\n";
  dir.write("note.md", body);
  std::string cmd = "cd " + quoted(dir.path()) + " && " + binary() + " note.md --select MK001";
  auto before = seen(sarif_run(cmd));
  REQUIRE(before.size() == 3);
  // Twin lines get different fingerprints: the occurrence index tells them apart.
  CHECK(before[0].fingerprint != before[2].fingerprint);
  CHECK(before[0].fingerprint != before[1].fingerprint);

  dir.write("note.md", "# A title\n\nA new paragraph.\n\n" + body);
  auto after = seen(sarif_run(cmd));
  REQUIRE(after.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(after[i].line == before[i].line + 4);
    CHECK(after[i].fingerprint == before[i].fingerprint);
  }
  // Re-indenting the line keeps it too; changing its text does not.
  dir.write("note.md", "Same text ¹[1] here.\nOther ²[2] line.\n   Same   text ¹[1] here.\n");
  CHECK(seen(sarif_run(cmd))[2].fingerprint == before[2].fingerprint);
  dir.write("note.md", "Same text ¹[1] here.\nOther ²[2] line, edited.\nSame text ¹[1] here.\n");
  CHECK(seen(sarif_run(cmd))[1].fingerprint != before[1].fingerprint);
}

TEST_CASE("SARIF uris are relative, percent-encoded and resolve symlinks", "[sarif]") {
  test::TempDir dir;
  dir.write("vault/notes/my note.md", "Text ¹[1] here.\n");
  fs::create_directory_symlink(dir.path() / "vault" / "notes", dir.path() / "linked");
  std::string cd = "cd " + quoted(dir.path()) + " && ";

  auto results = sarif_run(cd + binary() + " 'vault/notes/my note.md'")["results"];
  REQUIRE(results.size() == 1);
  CHECK(uri_of(results[0]) == "vault/notes/my%20note.md");

  // Through a symlinked folder the uri names the real file, which is what a repository holds.
  results = sarif_run(cd + binary() + " linked")["results"];
  REQUIRE(results.size() == 1);
  CHECK(uri_of(results[0]) == "vault/notes/my%20note.md");
  // An absolute path given on the command line still comes out relative.
  results = sarif_run(cd + binary() + " " + quoted(dir.path() / "linked" / "my note.md"))["results"];
  REQUIRE(results.size() == 1);
  CHECK(uri_of(results[0]) == "vault/notes/my%20note.md");
}

TEST_CASE("SARIF stops at GitHub's 25,000 results per run and says so", "[sarif]") {
  test::TempDir dir;
  std::string text;
  for (int i = 0; i < 25003; ++i) text += "x ¹[1]\n";
  dir.write("many.md", text);
  fs::path out = dir.path() / "out.sarif";
  auto result = run("cd " + quoted(dir.path()) + " && " + binary() + " many.md --select MK001 --format sarif -o " +
                        quoted(out),
                    true);
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("the SARIF report holds the first 25000 of 25003 findings") != std::string::npos);
  CHECK(result.output.find("3 left out") != std::string::npos);
  auto doc = json::parse(test::read_text(out));
  CHECK(doc["runs"][0]["results"].size() == 25000);
}
