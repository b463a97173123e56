// The documentation stays true: every rule is indexed, every config example parses.
#include <catch2/catch.hpp>

#include "core/config.hpp"
#include "core/rule.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace notelint;

TEST_CASE("docs/rules.md indexes every rule with its anchor and doc file", "[docs]") {
  std::string index = test::read_text(test::source_dir() / "docs" / "rules.md");
  for (const auto& rule : all_rules()) {
    std::string code(rule.code);
    std::string lower = code;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    INFO(code);
    CHECK(index.find("<a id=\"" + lower + "\"></a>" + code + " | " + std::string(rule.name) + " |") != std::string::npos);
    std::size_t link = index.find("[" + code + "](../rules/");
    REQUIRE(link != std::string::npos);
    std::size_t open = index.find('(', link) + 1;
    std::string target = index.substr(open, index.find(')', open) - open);
    CHECK(fs::exists(test::source_dir() / "docs" / target));
  }
}

TEST_CASE("every YAML example in docs/configuration.md is a valid config", "[docs][config]") {
  std::string doc = test::read_text(test::source_dir() / "docs" / "configuration.md");
  test::TempDir dir;
  dir.write("schemas/note.json", "{\"type\": \"object\"}");
  dir.write("schemas/paper.json", "{\"type\": \"object\"}");
  std::size_t at = 0, examples = 0;
  while ((at = doc.find("```yaml\n", at)) != std::string::npos) {
    std::size_t start = at + 8;
    std::size_t end = doc.find("```", start);
    std::string example = doc.substr(start, end - start);
    INFO(example);
    CHECK_NOTHROW(parse_config(example, "docs/configuration.md", dir.path()));
    ++examples;
    at = end + 3;
  }
  CHECK(examples >= 9);  // one per section
}
