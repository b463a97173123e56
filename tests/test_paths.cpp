// Vault paths are joined and normalised as strings, the way std::filesystem would lexically.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/paths.hpp"
#include "core/text.hpp"

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

TEST_CASE("scan_text finds invalid bytes, NUL, CR and invisible-character candidates in one pass", "[text]") {
  using notelint::scan_text;
  std::string ascii(64, 'a');
  auto s = scan_text(ascii);
  CHECK(s.invalid == std::string_view::npos);
  CHECK_FALSE(s.nul);
  CHECK_FALSE(s.cr);
  CHECK(s.invisible == std::string_view::npos);
  for (std::size_t at : {0u, 5u, 8u, 31u, 63u}) {
    std::string t = ascii;
    t[at] = '\r';
    CHECK(scan_text(t).cr);
    t[at] = '\0';
    CHECK(scan_text(t).nul);
  }
  std::string cjk = "中文。文本，" + ascii + "\xE2\x80\x8B" + "尾";
  s = scan_text(cjk);
  CHECK(s.invalid == std::string_view::npos);
  CHECK(s.invisible == cjk.find("\xE2\x80\x8B"));
  std::string bom_inside = "中" + std::string("\xEF\xBB\xBF") + "x";
  CHECK(scan_text(bom_inside).invisible == 3);
  std::string soft = "a\xC2\xAD" "b";
  CHECK(scan_text(soft).invisible == 1);
  std::string bad = "中文\xE4\xB8" + ascii + "\r" + std::string(1, '\0');
  s = scan_text(bad);
  CHECK(s.invalid == 6);
  CHECK(s.cr);
  CHECK(s.nul);
  CHECK(scan_text("\xED\xA0\x80").invalid == 0);  // a surrogate
  CHECK(scan_text("\xE0\x80\x80").invalid == 0);  // overlong
  CHECK(scan_text("\xF0\x9F\x98\x80").invalid == std::string_view::npos);
}
