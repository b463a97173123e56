// Vault paths are joined and normalised as strings, the way std::filesystem would lexically.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/paths.hpp"

using namespace notelint;

TEST_CASE("lexical_normal agrees with std::filesystem on the paths notes use", "[paths]") {
  for (const char* p : {"a/b.png", "./a/./b.png", "a/../b.png", "a/b/../../c.png", "../x.png", "a/../../x.png",
                        "../../a/../b", "/abs/./x/../y.png", "/..", "a//b", ".", "a/..", "x/y/", "%2e%2e/y"}) {
    std::string expected = std::filesystem::path(p).lexically_normal().generic_string();
    while (expected.size() > 1 && expected.back() == '/') expected.pop_back();  // "x/y/" names x/y
    if (expected.empty()) expected = ".";
    CHECK(lexical_normal(p) == expected);
    CHECK(is_lexically_normal(lexical_normal(p)) == (lexical_normal(p) != "." && lexical_normal(p).rfind("..", 0) != 0));
  }
  CHECK(is_lexically_normal("assets/images/x.png"));
  CHECK_FALSE(is_lexically_normal("assets//x.png"));
  CHECK_FALSE(is_lexically_normal("assets/./x.png"));
  CHECK(join_normal("notes/daily", "../assets/x.png") == "notes/assets/x.png");
  CHECK(join_normal("notes", "/assets/x.png") == "/assets/x.png");
  CHECK(join_normal("", "a/b") == "a/b");
  CHECK(leaves_base(join_normal("a", "../../etc/hosts")));
  CHECK_FALSE(leaves_base(join_normal("a/b", "../c")));
  CHECK(parent_of("a/b/c.md") == "a/b");
  CHECK(parent_of("c.md").empty());
  CHECK(file_name("a/b/c.md") == "c.md");
}
