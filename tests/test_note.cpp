// The note model: line endings, BOM, positions, front matter and the outline.
#include <catch2/catch.hpp>

#include "core/note.hpp"
#include "core/text.hpp"

using namespace notelint;

namespace {
std::unique_ptr<Note> parse(const std::string& text) { return parse_note("n.md", "n.md", text); }
std::vector<std::string> tags_of(const std::string& text) {
  std::vector<std::string> tags;
  auto note = parse(text);
  for (const auto& t : note->outline.hashtags) tags.push_back(t.tag);
  return tags;
}
}  // namespace

TEST_CASE("line index knows LF, CRLF and lone CR", "[note]") {
  for (std::string eol : {"\n", "\r\n", "\r"}) {
    auto note = parse("a" + eol + "bb" + eol + "ccc");
    REQUIRE(note->lines.line_count() == 3);
    CHECK(note->lines.line_text(1) == "bb");
    CHECK(note->lines.line_text(2) == "ccc");
    auto pos = note->lines.position(note->text.find("ccc") + 1);
    CHECK(pos.line == 3);
    CHECK(pos.column == 2);
  }
}

TEST_CASE("columns count code points and a BOM is not a column", "[note]") {
  auto note = parse("\xEF\xBB\xBF" "中文 ab");
  CHECK(note->has_bom);
  auto pos = note->lines.position(note->text.find("ab"));
  CHECK(pos.line == 1);
  CHECK(pos.column == 4);
}

TEST_CASE("front matter keys know their lines; YAML errors are placed in the file", "[note]") {
  auto note = parse("---\nid: abc\ntitle: t\n---\nbody\n");
  REQUIRE(note->front_matter.parsed);
  REQUIRE(note->front_matter.keys.size() == 2);
  CHECK(note->lines.position(note->front_matter.keys[1].span.begin).line == 3);
  CHECK(note->body_begin == note->text.find("body"));

  auto bad = parse("---\nid: abc\ntitle: a: b\n---\n");
  CHECK(!bad->front_matter.parsed);
  auto pos = bad->lines.position(bad->front_matter.error_span.begin);
  CHECK(pos.line == 3);
  CHECK(pos.column == 9);

  auto crlf = parse("---\r\nid: abc\r\ntitle: t\r\n---\r\nbody\r\n");
  REQUIRE(crlf->front_matter.parsed);
  CHECK(crlf->front_matter.find("title")->value.Scalar() == "t");
}

TEST_CASE("a thematic break after blank lines is not front matter unless closed", "[note]") {
  CHECK(!parse("\n\n---\n\ntext\n")->front_matter.present);
  auto note = parse("\n\n---\nid: x\n---\ntext\n");
  CHECK(note->front_matter.present);
  CHECK(note->front_matter.leading_blank_end == 2);
}

TEST_CASE("hashtags follow the rules of the issue", "[note][tags]") {
  CHECK(tags_of("#image_generation\n#Video #定制化 #a/b.c\n") ==
        std::vector<std::string>{"image_generation", "Video", "定制化", "a/b.c"});
  CHECK(tags_of("digits #123, C#, `#code`, https://x.org/#frag, a#b\n").empty());
  CHECK(tags_of("## Heading #tag\n").empty());
  CHECK(tags_of("```\n#tag\n```\n").empty());
  CHECK(tags_of("end of sentence #done.\n") == std::vector<std::string>{"done"});
  CHECK(tags_of("（#括号） and **#bold**\n") == std::vector<std::string>{"括号", "bold"});
}

TEST_CASE("images keep their source as written and decoded", "[note]") {
  auto note = parse("![图 0](assets/a%20b.png)\n");
  REQUIRE(note->outline.images.size() == 1);
  const auto& img = note->outline.images[0];
  CHECK(img.src == "assets/a%20b.png");
  CHECK(img.decoded == "assets/a b.png");
  CHECK(img.alt == "图 0");
  CHECK(note->slice(img.span) == "assets/a%20b.png");
}

TEST_CASE("wiki links and embeds of every form are found", "[note]") {
  auto note = parse("[[a.b]] [[label|c.d]] [[t#heading]] ![[file.png]] ![[note.ref]]\n`[[code]]`\n");
  std::vector<std::pair<std::string, bool>> got;
  for (const auto& l : note->outline.wiki_links) got.emplace_back(l.inner, l.embed);
  CHECK(got == std::vector<std::pair<std::string, bool>>{
                   {"a.b", false}, {"label|c.d", false}, {"t#heading", false}, {"file.png", true}, {"note.ref", true}});
  CHECK(note->slice(note->outline.wiki_links[3].span) == "![[file.png]]");
}

TEST_CASE("headings, code ranges and lead-ins", "[note]") {
  auto note = parse("## Title\n- **研究背景**：text\n\n```\ncode\n```\n");
  REQUIRE(note->outline.headings.size() == 1);
  CHECK(note->outline.headings[0].text == "Title");
  CHECK(note->outline.headings[0].level == 2);
  REQUIRE(!note->outline.lead_ins.empty());
  CHECK(note->outline.lead_ins[0].strong);
  CHECK(note->outline.lead_ins[0].list_item);
  CHECK(note->outline.lead_ins[0].text == "研究背景");
  CHECK(note->in_code(note->text.find("code")));
  CHECK(!note->in_code(note->text.find("text")));
}

TEST_CASE("invalid UTF-8 and NUL bytes stop parsing, never crash", "[note]") {
  auto latin1 = parse("caf\xe9\n");
  CHECK(!latin1->checkable());
  CHECK(latin1->invalid_utf8 == 3);
  CHECK(!parse(std::string("a\0b", 3))->checkable());
  CHECK(parse("")->checkable());
  CHECK(parse("\xEF\xBB\xBF")->checkable());
}

TEST_CASE("columns and line windows on a long line agree with counting from the line start", "[note]") {
  // Mixed widths, and an invalid byte, so that checkpoints fall inside and around sequences.
  std::string line;
  for (int i = 0; i < 3000; ++i) line += i % 7 == 0 ? "中" : i % 11 == 0 ? "\xE9" : "ab";
  auto note = parse("first\n" + line + "\nlast");
  std::size_t start = note->text.find('\n') + 1;
  for (std::size_t offset = start; offset < start + line.size(); offset += 97) {
    INFO("offset " << offset);
    auto naive = count_code_points(std::string_view(note->text).substr(start, offset - start)) + 1;
    CHECK(note->lines.position(offset).line == 2);
    CHECK(note->lines.position(offset).column == naive);
    auto window = note->lines.excerpt(offset);
    CHECK(window.text.size() <= 192);
    CHECK(window.column <= naive);
  }
  // Exact columns at code point boundaries.
  std::size_t at = note->text.rfind("中");
  CHECK(note->lines.position(at).column == count_code_points(std::string_view(note->text).substr(start, at - start)) + 1);
}
