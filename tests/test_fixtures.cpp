// Every rule's fixtures: tests/fixtures/<CODE>/<name>.md with the expected findings in
// <name>.md.expected ("LINE:COL CODE message" per line). No .expected file means no findings.
// A .notelint.yaml in the folder configures it; the folder is the fixture's vault.
// Files git cannot hold (unreadable, FIFOs, megabytes) are tested in test_hostile.cpp instead.
#include <algorithm>
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
        for (const auto& finding : test::lint_file(file, config, rule.code))
          got.push_back(finding);
        CHECK(joined(got) == joined(expected_lines(file)));
      }
      any_finding = any_finding || !expected_lines(file).empty();
    }
    // A rule whose fixtures expect nothing proves nothing.
    CHECK(any_finding);
  }
}
