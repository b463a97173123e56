// What depends on how notelint was built: FM010 without valijson, and the one version number
// that the binary, the reports and every package carry.
#include <catch2/catch.hpp>

#include <regex>

#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace notelint;

#if NOTELINT_HAVE_VALIJSON
TEST_CASE("FM010 validates front matter against its schema in this build", "[build][FM010]") {
  fs::path dir = test::source_dir() / "tests" / "fixtures" / "FM010";
  auto got = test::lint_file(dir / "ok.md", dir / ".notelint.yaml", "FM010");
  CHECK(got.empty());
  CHECK(!test::lint_file(dir / "violations.md", dir / ".notelint.yaml", "FM010").empty());
}
#else
TEST_CASE("FM010 says schema validation is unavailable in a build without valijson", "[build][FM010]") {
  fs::path dir = test::source_dir() / "tests" / "fixtures" / "FM010";
  for (const char* note : {"ok.md", "violations.md"}) {
    INFO(note);
    auto got = test::lint_file(dir / note, dir / ".notelint.yaml", "FM010");
    REQUIRE(got.size() == 1);
    CHECK(got[0] == "1:1 FM010 JSON Schema validation is unavailable: this notelint was built without valijson");
  }
}
#endif

namespace {

// Every "version" of a package.json, with the ones of its optionalDependencies.
std::vector<std::string> versions_in(const std::string& text, const std::regex& pattern) {
  std::vector<std::string> found;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
    found.push_back((*it)[1]);
  return found;
}

}  // namespace

// CMake's project(VERSION) is the one place; files that cannot read it (pre-commit packs the
// repository's package.json as committed) must say the same, or a release would mix versions.
TEST_CASE("every package and doc names the CMake project version", "[build][release]") {
  const std::string version = NOTELINT_VERSION;
  const fs::path root = test::source_dir();
  const std::regex package_version(R"re("(?:version|@notelint/cli-linux-x64)"\s*:\s*"([^"]*)")re");
  for (const char* file : {"package.json", "npm/cli-linux-x64/package.json"}) {
    INFO(file);
    auto found = versions_in(test::read_text(root / file), package_version);
    CHECK(!found.empty());
    for (const auto& v : found) CHECK(v == version);
  }
  // The newest CHANGELOG entry is this version; docs pin this release's tag.
  std::smatch m;
  std::string changelog = test::read_text(root / "CHANGELOG.md");
  REQUIRE(std::regex_search(changelog, m, std::regex(R"(\n## \[?([0-9][^\] ]*))")));
  CHECK(m[1] == version);
  for (const char* file : {"README.md", "docs/ci.md"}) {
    INFO(file);
    std::string text = test::read_text(root / file);
    auto pins = versions_in(text, std::regex(R"((?:rev: |notelint/notelint@|releases/download/|--branch |notelint.git#|version=|NOTELINT_VERSION: \"|notelint[-_])v?([0-9]+\.[0-9]+\.[0-9]+))"));
    CHECK(!pins.empty());
    for (const auto& v : pins) CHECK(v == version);
  }
}
