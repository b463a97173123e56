// One md4c pass over a note's body, recording what the rules look at with byte offsets.
#include <md4c.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstring>

#include "core/note.hpp"
#include "core/text.hpp"

namespace notelint {

namespace {

struct ProseRun {
  Span span;
  bool tags_allowed;  // not in a heading or link text
};

struct PendingLeadIn {
  bool active = false;
  bool seen_content = false;
  bool in_strong = false;
  LeadIn lead;
};

struct OutlineBuilder {
  Note& note;
  const char* buf;      // start of the body
  std::size_t size;
  std::size_t base;     // offset of the body in note.text
  Outline& out;

  int code_block = 0;
  int code_span = 0;
  int heading_level = 0;
  Heading heading;
  std::size_t heading_first = std::string::npos, heading_last = 0;
  int image_depth = 0;
  Image image;
  int wiki_depth = 0;
  int link_depth = 0;
  int math_depth = 0;
  std::vector<ProseRun> prose;
  PendingLeadIn pending;
  std::vector<MD_BLOCKTYPE> blocks;

  bool in_buffer(const char* p, std::size_t n) const { return p >= buf && p + n <= buf + size; }
  std::size_t offset(const char* p) const { return base + static_cast<std::size_t>(p - buf); }

  std::string attribute(const MD_ATTRIBUTE& a) const { return std::string(a.text, a.size); }

  void add_span(std::vector<Span>& spans, std::size_t b, std::size_t e) {
    if (!spans.empty() && spans.back().end == b)
      spans.back().end = e;
    else
      spans.push_back(Span{b, e});
  }

  void finish_lead_in() {
    if (pending.active && !pending.lead.text.empty()) out.lead_ins.push_back(pending.lead);
    pending = PendingLeadIn{};
  }

  void enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_LI:
        finish_lead_in();
        pending.active = true;
        pending.lead.list_item = true;
        break;
      case MD_BLOCK_P:
        // The first paragraph of a loose list item still begins that item.
        if (!(pending.active && pending.lead.list_item && !pending.seen_content)) {
          finish_lead_in();
          pending.active = true;
        }
        break;
      case MD_BLOCK_H:
        finish_lead_in();
        heading_level = static_cast<MD_BLOCK_H_DETAIL*>(detail)->level;
        heading = Heading{};
        heading.level = heading_level;
        heading_first = std::string::npos;
        break;
      case MD_BLOCK_CODE:
        finish_lead_in();
        ++code_block;
        break;
      default:
        finish_lead_in();
        break;
    }
    blocks.push_back(type);
  }

  void leave_block(MD_BLOCKTYPE type) {
    if (!blocks.empty()) blocks.pop_back();
    if (type == MD_BLOCK_H) {
      if (heading_first != std::string::npos) {
        std::size_t first_line = note.lines.line_of(heading_first);
        std::size_t last_line = note.lines.line_of(heading_last);
        heading.span = Span{note.lines.line_start(first_line), note.lines.line_end(last_line)};
      }
      while (!heading.text.empty() && heading.text.back() == ' ') heading.text.pop_back();
      out.headings.push_back(std::move(heading));
      heading_level = 0;
    } else if (type == MD_BLOCK_CODE) {
      --code_block;
    } else if (type == MD_BLOCK_P || type == MD_BLOCK_LI) {
      finish_lead_in();
    }
  }

  void enter_span(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_IMG: {
        auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
        if (image_depth++ == 0) {
          image = Image{};
          image.src = attribute(d->src);
          image.decoded = percent_decode(image.src);
          if (in_buffer(d->src.text, d->src.size))
            image.span = Span{offset(d->src.text), offset(d->src.text) + d->src.size};
        }
        break;
      }
      case MD_SPAN_A: {
        auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
        ++link_depth;
        Link link;
        link.href = attribute(d->href);
        if (in_buffer(d->href.text, d->href.size))
          link.span = Span{offset(d->href.text), offset(d->href.text) + d->href.size};
        out.links.push_back(std::move(link));
        break;
      }
      case MD_SPAN_WIKILINK: {
        auto* d = static_cast<MD_SPAN_WIKILINK_DETAIL*>(detail);
        ++wiki_depth;
        if (in_buffer(d->target.text, d->target.size)) add_wiki_link(d->target.text);
        break;
      }
      case MD_SPAN_CODE:
        ++code_span;
        break;
      case MD_SPAN_LATEXMATH:
      case MD_SPAN_LATEXMATH_DISPLAY:
        ++math_depth;
        break;
      case MD_SPAN_STRONG:
        if (pending.active && !pending.seen_content) {
          pending.seen_content = true;
          pending.in_strong = true;
          pending.lead.strong = true;
        }
        break;
      default:
        break;
    }
    if (type != MD_SPAN_STRONG && pending.active && !pending.in_strong) pending.seen_content = true;
  }

  void leave_span(MD_SPANTYPE type) {
    switch (type) {
      case MD_SPAN_IMG:
        if (--image_depth == 0) out.images.push_back(std::move(image));
        break;
      case MD_SPAN_A:
        --link_depth;
        break;
      case MD_SPAN_WIKILINK:
        --wiki_depth;
        break;
      case MD_SPAN_CODE:
        --code_span;
        break;
      case MD_SPAN_LATEXMATH:
      case MD_SPAN_LATEXMATH_DISPLAY:
        --math_depth;
        break;
      case MD_SPAN_STRONG:
        if (pending.in_strong) finish_lead_in();
        break;
      default:
        break;
    }
  }

  // p points just after "[[" in the buffer; the link ends at the next "]]".
  void add_wiki_link(const char* p) {
    const char* end = buf + size;
    const char* close = p;
    while (close + 1 < end && !(close[0] == ']' && close[1] == ']') && *close != '\n' && *close != '\r') ++close;
    if (close + 1 >= end || close[0] != ']') return;
    WikiLink link;
    link.inner.assign(p, close);
    std::size_t begin = offset(p) - 2;
    if (begin > base && note.text[begin - 1] == '!') {
      link.embed = true;
      --begin;
    }
    link.span = Span{begin, offset(close) + 2};
    out.wiki_links.push_back(std::move(link));
  }

  void text(MD_TEXTTYPE type, const char* p, std::size_t n) {
    bool located = in_buffer(p, n);
    if (heading_level > 0) {
      if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR)
        heading.text += ' ';
      else if (type != MD_TEXT_NULLCHAR)
        heading.text.append(p, n);
      if (located) {
        if (heading_first == std::string::npos) heading_first = offset(p);
        heading_last = offset(p) + n;
      }
    }
    if (image_depth > 0) {
      if (type == MD_TEXT_NORMAL || type == MD_TEXT_ENTITY) image.alt.append(p, n);
      return;
    }
    if (!located) return;
    switch (type) {
      case MD_TEXT_CODE:
        add_span(out.code, offset(p), offset(p) + n);
        return;
      case MD_TEXT_HTML:
        add_span(out.html, offset(p), offset(p) + n);
        return;
      case MD_TEXT_NORMAL:
        break;
      default:
        return;
    }
    if (code_span > 0 || code_block > 0 || math_depth > 0 || wiki_depth > 0) return;
    ProseRun run{Span{offset(p), offset(p) + n}, heading_level == 0 && link_depth == 0};
    if (!prose.empty() && prose.back().span.end == run.span.begin && prose.back().tags_allowed == run.tags_allowed)
      prose.back().span.end = run.span.end;
    else
      prose.push_back(run);
    if (pending.active && (!pending.seen_content || pending.in_strong)) {
      if (pending.lead.text.empty()) pending.lead.span = run.span;
      pending.lead.text.append(p, std::min<std::size_t>(n, 96));
      if (!pending.in_strong) {
        pending.seen_content = true;
        finish_lead_in();
      }
    }
  }
};

int on_enter_block(MD_BLOCKTYPE t, void* d, void* u) {
  static_cast<OutlineBuilder*>(u)->enter_block(t, d);
  return 0;
}
int on_leave_block(MD_BLOCKTYPE t, void*, void* u) {
  static_cast<OutlineBuilder*>(u)->leave_block(t);
  return 0;
}
int on_enter_span(MD_SPANTYPE t, void* d, void* u) {
  static_cast<OutlineBuilder*>(u)->enter_span(t, d);
  return 0;
}
int on_leave_span(MD_SPANTYPE t, void*, void* u) {
  static_cast<OutlineBuilder*>(u)->leave_span(t);
  return 0;
}
int on_text(MD_TEXTTYPE t, const MD_CHAR* p, MD_SIZE n, void* u) {
  static_cast<OutlineBuilder*>(u)->text(t, p, n);
  return 0;
}

const RE2& tag_body() {
  static const RE2 re(R"([\p{L}\p{N}\p{M}_\-/.]+)");
  return re;
}
const RE2& word_char() {
  static const RE2 re(R"([\p{L}\p{N}\p{M}_])");
  return re;
}

// A '#' starts a tag after a line start, white space or opening punctuation, never inside a word,
// an entity, a URL or another tag.
bool may_start_tag(const Note& note, std::size_t hash) {
  if (hash == 0) return true;
  std::size_t i = hash - 1;
  while (i > 0 && (static_cast<unsigned char>(note.text[i]) & 0xC0) == 0x80) --i;
  std::size_t j = i;
  char32_t prev = decode_utf8(note.text, j);
  if (prev < 0x80) {
    // "**#tag**" is bold; "a.*#b" is a wildcard reference, not a tag.
    if (prev == '*' && i > 0 && !std::strchr(" \t\r\n*", note.text[i - 1])) return false;
    return std::strchr(" \t\r\n([{,;\"'*~>|", static_cast<int>(prev)) != nullptr;
  }
  std::string prev_text = note.text.substr(i, j - i);
  return !RE2::FullMatch(prev_text, word_char());
}

bool ends_token(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '(' || c == '<'; }

// Is the scan inside a URL-like token ("https://a.b/#x", "www.x.org/#y")? Tracked while the scan
// moves forward through the whole note, so a line of 8 MB without white space costs one pass,
// not one pass per '#' or per prose run.
class UrlTracker {
 public:
  UrlTracker(std::string_view text, std::size_t from) : text_(text) {
    // The token may begin before the run; a token longer than this is not looked into.
    constexpr std::size_t kLookBack = 4096;
    std::size_t floor = from > kLookBack ? from - kLookBack : 0;
    start_ = from;
    while (start_ > floor && !ends_token(text_[start_ - 1])) --start_;
    has_scheme_ = text_.substr(start_, from - start_).find("://") != std::string_view::npos;
    at_ = from;
  }
  // Moves to offset `to` and says whether it lies inside a URL. Only the bytes since the last
  // call are looked at, backwards to the nearest token end (a tag usually follows a space).
  bool inside(std::size_t to) {
    if (to < at_) *this = UrlTracker(text_, to);
    std::size_t k = to;
    while (k > at_ && !ends_token(text_[k - 1])) --k;
    if (k > at_) {
      start_ = k;
      has_scheme_ = text_.substr(start_, to - start_).find("://") != std::string_view::npos;
    } else if (!has_scheme_) {
      std::size_t from = std::max(start_, at_ >= 2 ? at_ - 2 : 0);
      has_scheme_ = text_.substr(from, to - from).find("://") != std::string_view::npos;
    }
    at_ = to;
    return has_scheme_ || text_.compare(start_, 4, "www.") == 0;
  }

 private:
  std::string_view text_;
  std::size_t start_ = 0, at_ = 0;
  bool has_scheme_ = false;
};

// #43B02A, #fff: a colour, not a tag (a hex run of colour length holding a digit).
bool is_colour(std::string_view tag) {
  if (tag.size() != 3 && tag.size() != 4 && tag.size() != 6 && tag.size() != 8) return false;
  bool digit = false;
  for (char c : tag) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    digit = digit || std::isdigit(static_cast<unsigned char>(c));
  }
  return digit;
}

void scan_hashtags(const Note& note, const ProseRun& run, UrlTracker& url, std::vector<Hashtag>& out) {
  if (!run.tags_allowed) return;
  std::string_view text(note.text.data(), run.span.end);
  for (std::size_t at = run.span.begin; at < run.span.end; ++at) {
    const void* hash = std::memchr(text.data() + at, '#', run.span.end - at);
    if (!hash) break;
    at = static_cast<std::size_t>(static_cast<const char*>(hash) - text.data());
    if (!may_start_tag(note, at) || url.inside(at)) continue;
    re2::StringPiece input(text.data() + at + 1, run.span.end - at - 1);
    re2::StringPiece match;
    if (!tag_body().Match(input, 0, input.size(), RE2::ANCHOR_START, &match, 1)) continue;
    std::string_view tag(match.data(), match.size());
    while (!tag.empty() && (tag.back() == '.' || tag.back() == '/' || tag.back() == '-')) tag.remove_suffix(1);
    if (tag.empty() || tag.find_first_not_of("0123456789") == std::string_view::npos) continue;
    if (is_colour(tag)) continue;
    std::size_t after = at + 1 + tag.size();
    if (after < note.text.size() && std::strchr("=&%+@$^#`", note.text[after]) && note.text[after] != '\0') continue;
    out.push_back(Hashtag{std::string(tag), Span{at, at + 1 + tag.size()}});
    at += tag.size();
  }
}

// md4c leaves some wiki links as text (embeds such as ![[a.png]], targets over 100 bytes):
// they are found here in the prose itself.
void scan_wiki_links(const Note& note, Span run, std::vector<WikiLink>& out) {
  std::string_view text(note.text.data(), run.end);
  std::size_t at = run.begin;
  std::size_t close = 0;
  while ((at = text.find("[[", at)) != std::string_view::npos && at + 2 < run.end) {
    // The next "]]" is searched again only once passed, so a run of "[[" stays linear.
    if (close < at + 2) close = text.find("]]", at + 2);
    if (close == std::string_view::npos || close + 2 > run.end) break;
    std::string_view inner = text.substr(at + 2, close - at - 2);
    if (inner.find_first_of("\r\n[") != std::string_view::npos || inner.empty()) {
      at += 2;
      continue;
    }
    WikiLink link;
    link.inner = std::string(inner);
    link.embed = at > 0 && text[at - 1] == '!';
    link.span = Span{link.embed ? at - 1 : at, close + 2};
    out.push_back(std::move(link));
    at = close + 2;
  }
}

}  // namespace

void parse_outline(Note& note) {
  const char* body = note.text.data() + note.body_begin;
  std::size_t size = note.text.size() - note.body_begin;
  OutlineBuilder builder{note, body, size, note.body_begin, note.outline};
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_WIKILINKS | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_LATEXMATHSPANS |
                 MD_FLAG_TASKLISTS;
  parser.enter_block = on_enter_block;
  parser.leave_block = on_leave_block;
  parser.enter_span = on_enter_span;
  parser.leave_span = on_leave_span;
  parser.text = on_text;
  md_parse(body, static_cast<MD_SIZE>(size), &parser, &builder);
  builder.finish_lead_in();
  UrlTracker url(note.text, note.body_begin);
  for (const auto& run : builder.prose) {
    note.outline.prose.push_back(run.span);
    scan_hashtags(note, run, url, note.outline.hashtags);
    scan_wiki_links(note, run.span, note.outline.wiki_links);
  }
  std::sort(note.outline.wiki_links.begin(), note.outline.wiki_links.end(),
            [](const WikiLink& a, const WikiLink& b) { return a.span.begin < b.span.begin; });
}

}  // namespace notelint
