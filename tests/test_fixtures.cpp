// Every rule's fixtures: tests/fixtures/<CODE>/<name>.md with the expected findings in
// <name>.md.expected ("LINE:COL CODE message" per line). No .expected file means no findings.
// A .notelint.yaml in the folder configures it; the folder is the fixture's vault.
// Findings on files that are not notes (orphaned assets) come from linting the whole folder;
// they are expected in <CODE>/assets.expected as "PATH:LINE:COL CODE message" lines, the path
// relative to the rule's folder (an .expected file among the assets would be an asset itself).
// Files git cannot hold (unreadable, FIFOs, megabytes) are tested in test_hostile.cpp instead.
#include <algorithm>
#include <chrono>
#include <catch2/catch.hpp>

#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace notelint;

namespace {

std::vector<std::string> expected_lines(const fs::path& file) {
  std::vector<std::string> lines;
  fs::path expected = file.string() + ".expected";
  if (!fs::exists(expected)) return lines;
  std::string text = test::read_text(expected), line;
  for (char c : text + "\n") {
    if (c == '\n') {
      if (!line.empty() && line[0] != '#') lines.push_back(line);
      line.clear();
    } else if (c != '\r') {
      line += c;
    }
  }
  return lines;
}

std::vector<fs::path> fixture_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    // Symbolic links count too: IO001's fixtures are dangling links and link loops.
    if ((entry.is_symlink() || entry.is_regular_file()) && entry.path().extension() == ".md")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Findings on other files than notes, from one run over the fixture folder.
std::vector<std::string> asset_findings(const fs::path& dir, std::string_view code) {
  LintOptions options;
  options.paths = {dir.string()};
  if (fs::exists(dir / ".notelint.yaml")) options.config_file = dir / ".notelint.yaml";
  options.select = {std::string(code)};
  std::vector<std::string> out;
  for (const auto& report : lint(prepare_session(options)).reports)
    if (!report.text)
      for (const auto& f : report.findings)
        out.push_back(fs::absolute(report.path).lexically_relative(dir).generic_string() + ":" +
                      std::to_string(f.start.line) + ":" + std::to_string(f.start.column) + " " +
                      std::string(f.rule->code) + " " + f.message);
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace

TEST_CASE("every rule has fixtures and they give the expected findings", "[fixtures]") {
  // Messages name other files relative to the working directory, as users see them.
  fs::current_path(test::source_dir());
  fs::path root = test::source_dir() / "tests" / "fixtures";
  for (const auto& rule : all_rules()) {
    fs::path dir = root / std::string(rule.code);
    if (!test::rule_testable(rule.code)) continue;
    INFO("rule " << rule.code);
    REQUIRE(fs::is_directory(dir));
    auto files = fixture_files(dir);
    REQUIRE(!files.empty());
    bool any_finding = false;
    for (const auto& file : files) {
      DYNAMIC_SECTION(file.lexically_relative(root).generic_string()) {
        fs::path config;
        for (fs::path d = file.parent_path(); config.empty(); d = d.parent_path()) {
          if (fs::exists(d / ".notelint.yaml")) config = d / ".notelint.yaml";
          if (d == dir) break;
        }
        std::vector<std::string> got;
        auto started = std::chrono::steady_clock::now();
        for (const auto& finding : test::lint_file(file, config, rule.code))
          got.push_back(finding);
        // A robustness bound, not a benchmark: hostile fixtures (alias bombs, 20,000-deep
        // nesting) must never make a run hang.
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
        CHECK(joined(got) == joined(expected_lines(file)));
      }
      any_finding = any_finding || !expected_lines(file).empty();
    }
    {
      INFO("findings on files that are not notes");
      auto expected = expected_lines(dir / "assets");
      CHECK(joined(asset_findings(dir, rule.code)) == joined(expected));
      any_finding = any_finding || !expected.empty();
    }
    // A rule whose fixtures expect nothing proves nothing.
    CHECK(any_finding);
  }
}

// <name>.md.fixed is the text after `--fix`, <name>.md.unsafe-fixed after `--fix --unsafe-fixes`
// (when it differs).
// Every fixture, with or without one: fixing twice gives the bytes of fixing once, and no finding
// the mode would fix remains. Fixes run on a copy of the fixture's vault.
TEST_CASE("fixtures fix to their .fixed text, and fixing converges", "[fixtures][fix]") {
  fs::current_path(test::source_dir());
  fs::path root = test::source_dir() / "tests" / "fixtures";
  for (const auto& rule : all_rules()) {
    fs::path dir = root / std::string(rule.code);
    if (!test::rule_testable(rule.code)) continue;
    for (const auto& file : fixture_files(dir)) {
      for (bool unsafe : {false, true}) {
        DYNAMIC_SECTION(file.lexically_relative(root).generic_string() << (unsafe ? " unsafe" : " safe")) {
          test::TempDir vault;
          test::copy_tree(dir, vault.path());
          fs::path copy = vault.path() / file.lexically_relative(dir);
          fs::path config;
          for (fs::path d = copy.parent_path(); config.empty(); d = d.parent_path()) {
            if (fs::exists(d / ".notelint.yaml")) config = d / ".notelint.yaml";
            if (d == vault.path()) break;
          }
          const std::vector<std::string> select{std::string(rule.code)};
          const std::string original = test::read_text(file);
          auto first = test::fix_paths({copy.string()}, config, select, unsafe);
          for (const auto& f : first.files) CHECK_FALSE(f.problem);
          const std::string once = test::read_text(copy);
          // Unsafe fixing gives the safe result unless the fixture shows otherwise, and a fixture
          // that any fix changes must show the result.
          fs::path expected = file.string() + ".fixed";
          if (unsafe && fs::exists(file.string() + ".unsafe-fixed")) expected = file.string() + ".unsafe-fixed";
          CHECK(once == (fs::exists(expected) ? test::read_text(expected) : original));
          test::fix_paths({copy.string()}, config, select, unsafe);
          CHECK(test::read_text(copy) == once);
          CHECK(test::fixable_lines({copy.string()}, config, select, unsafe).empty());
        }
      }
    }
  }
}
