// The note model: a file's bytes parsed once into front matter and a Markdown outline.
#pragma once
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/file_reader.hpp"

namespace notelint {

// Line starts of a text; knows LF, CRLF and lone CR endings.
class LineIndex {
 public:
  LineIndex() = default;
  // has_cr: whether the text holds a CR byte, when the caller already knows.
  LineIndex(std::string_view text, std::size_t first_line_start, std::optional<bool> has_cr = std::nullopt);
  std::size_t line_count() const { return starts_.size(); }
  std::size_t line_of(std::size_t offset) const;  // 0-based
  std::size_t line_start(std::size_t line) const { return starts_[line]; }
  // End of the line's content, before its line ending.
  std::size_t line_end(std::size_t line) const;
  Position position(std::size_t offset) const;
  std::string_view line_text(std::size_t line) const;

  // A line cut to a window around offset when it is long, so that each finding on an 8 MB
  // line does not carry a copy of it; column is the column of the window's first code point.
  struct Excerpt {
    std::string_view text;
    std::uint32_t column = 1;
  };
  Excerpt excerpt(std::size_t offset) const;

 private:
  void checkpoint_line(std::size_t line) const;

  std::string_view text_;
  std::vector<std::size_t> starts_;
  // (offset, code points from its line's start) every 256 bytes of one long line: positions on
  // it are counted from the nearest checkpoint, not from the line's start. A note is checked by
  // one thread, so this lazily filled cache needs no lock.
  mutable std::size_t checkpoint_line_ = static_cast<std::size_t>(-1);
  mutable std::vector<std::pair<std::size_t, std::size_t>> checkpoints_;
};

struct FrontMatterKey {
  std::string key;
  Span span;        // the key as written
  Span line;        // the whole line holding the key
  YAML::Node value;
};

struct FrontMatter {
  bool present = false;
  bool closed = false;
  Span block;             // from the opening "---" to the end of the closing "---" line
  Span content;           // the YAML between the delimiter lines
  std::size_t leading_blank_end = 0;  // > start of text when blank lines precede the opening ---
  bool parsed = false;    // YAML parsed into a mapping (or empty)
  bool too_large = false; // over front_matter.max_size: not parsed
  std::string error;      // the YAML error, if any
  Span error_span;
  YAML::Node root;
  std::vector<FrontMatterKey> keys;  // top-level keys in file order
  const FrontMatterKey* find(std::string_view key) const;
};

constexpr std::size_t kDefaultMaxFrontMatter = 64 * 1024;

struct Heading {
  int level = 0;
  std::string text;
  Span span;  // the heading's line(s)
};

struct Image {
  std::string src;      // as written
  std::string decoded;  // percent-decoded
  std::string alt;
  Span span;            // the src as written
};

struct Link {
  std::string href;
  Span span;
};

struct WikiLink {
  std::string inner;  // what stands between [[ and ]]
  Span span;          // from [[ (or ![[) to ]]
  bool embed = false;
};

struct Hashtag {
  std::string tag;  // without '#'
  Span span;        // including '#'
};

// How a paragraph or list item begins: labels are recognised from this.
struct LeadIn {
  Span span;
  bool list_item = false;
  bool strong = false;  // begins with **bold** text
  std::string text;     // the bold text, or the first words
};

struct Outline {
  std::vector<Heading> headings;
  std::vector<Image> images;
  std::vector<Link> links;
  std::vector<WikiLink> wiki_links;
  std::vector<Hashtag> hashtags;
  std::vector<LeadIn> lead_ins;
  std::vector<Span> code;   // code spans and code blocks: rules never look inside
  std::vector<Span> html;   // raw HTML and HTML blocks
  std::vector<Span> prose;  // runs of ordinary text, contiguous runs merged
};

// Views into text (line index, YAML marks) stay valid because a Note never moves.
struct Note {
  Note() = default;
  Note(const Note&) = delete;
  Note& operator=(const Note&) = delete;

  std::string path;      // as shown to the user
  std::string rel_path;  // relative to the vault root, with '/'
  std::string text;
  bool has_bom = false;
  std::size_t invalid_utf8 = std::string::npos;  // first invalid byte, if any
  std::size_t invisible_from = 0;  // no invisible character starts before this (npos: none at all)
  bool binary = false;                            // holds NUL bytes
  // A file that could not be read (IO001) or is too large (IO002) is a note without text.
  ReadStatus read_status = ReadStatus::ok;
  std::string read_reason;
  std::uintmax_t file_size = 0;
  LineIndex lines;
  FrontMatter front_matter;
  std::size_t body_begin = 0;
  Outline outline;

  bool checkable() const { return read_status == ReadStatus::ok && invalid_utf8 == std::string::npos && !binary; }
  std::string_view slice(Span s) const { return std::string_view(text).substr(s.begin, s.end - s.begin); }
  bool in_code(std::size_t offset) const;
};

// Parses text into a Note; never throws on bad input.
// Front matter over max_front_matter bytes is reported and not parsed.
std::unique_ptr<Note> parse_note(std::string path, std::string rel_path, std::string text,
                                 std::size_t max_front_matter = kDefaultMaxFrontMatter);

// Front matter alone, for notes that are only needed for their facts.
void parse_front_matter(Note& note, std::size_t max_front_matter = kDefaultMaxFrontMatter);

// The file offset of a yaml-cpp mark inside the note's front matter.
std::size_t offset_of_mark(const Note& note, const YAML::Mark& mark);

// Values a front-matter walk may visit; aliases make YAML a graph, so walks count visits, and
// a front matter over this limit (an alias bomb, a self-referencing alias) is not parsed.
constexpr std::size_t kMaxFrontMatterNodes = 10000;
void parse_outline(Note& note);

}  // namespace notelint
