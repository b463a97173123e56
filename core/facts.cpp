// Facts: what vault rules need to know of a note, taken once while its text is in memory.
#include <re2/re2.h>

#include <algorithm>

#include "core/config.hpp"
#include "core/front_matter_values.hpp"
#include "core/linter.hpp"
#include "core/text.hpp"

namespace notelint {

bool has_scheme(std::string_view src) {
  if (src.rfind("data:", 0) == 0 || src.rfind("mailto:", 0) == 0) return true;
  std::size_t colon = src.find("://");
  if (colon == std::string_view::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = src[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
  }
  return true;
}

namespace {

std::string strip_query_fragment(std::string path) {
  std::size_t cut = path.find_first_of("?#");
  if (cut != std::string::npos) path.erase(cut);
  return path;
}

bool is_asset_name(std::string_view name) {
  static const char* const kExtensions[] = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".avif",
                                            ".tif", ".tiff", ".ico", ".pdf", ".mp4", ".webm", ".mov", ".mp3",
                                            ".wav", ".ogg", ".m4a", ".flac"};
  std::string lower = ascii_lower(name);
  for (const char* ext : kExtensions) {
    std::string_view e(ext);
    if (lower.size() > e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

// The note a wiki link names, read the way the profile's tool reads it.
std::string link_target(std::string_view inner, LinkStyle style) {
  std::string_view target = inner;
  std::size_t bar = inner.find('|');
  if (bar != std::string_view::npos)
    target = style == LinkStyle::dendron ? inner.substr(inner.rfind('|') + 1) : inner.substr(0, bar);
  while (!target.empty() && target.front() == ' ') target.remove_prefix(1);
  if (target.rfind("dendron://", 0) == 0) {
    target.remove_prefix(10);
    std::size_t slash = target.find('/');
    target = slash == std::string_view::npos ? std::string_view() : target.substr(slash + 1);
  }
  std::size_t hash = target.find_first_of("#^");
  if (hash != std::string_view::npos) target = target.substr(0, hash);
  while (!target.empty() && target.front() == ' ') target.remove_prefix(1);
  while (!target.empty() && target.back() == ' ') target.remove_suffix(1);
  return std::string(target);
}

// <img ... src="x.png">, with double, single or no quotes.
const RE2& html_image_pattern() {
  static const RE2 re(R"re((?i)<img\s[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))re");
  return re;
}

void add_html_images(const Note& note, NoteFacts& facts) {
  for (const Span& span : note.outline.html) {
    re2::StringPiece input(note.text.data() + span.begin, span.end - span.begin);
    re2::StringPiece quoted, single, bare;
    while (RE2::FindAndConsume(&input, html_image_pattern(), &quoted, &single, &bare)) {
      re2::StringPiece src = !quoted.empty() ? quoted : !single.empty() ? single : bare;
      std::string text(src.data(), src.size());
      if (text.empty() || has_scheme(text)) continue;
      ImageFact image;
      image.src = text;
      image.decoded = strip_query_fragment(percent_decode(text));
      image.html = true;
      std::size_t begin = static_cast<std::size_t>(src.data() - note.text.data());
      image.where = fact_span(note, Span{begin, begin + src.size()});
      facts.images.push_back(std::move(image));
    }
  }
}

const RE2& suppression_pattern() {
  static const RE2 re(R"(<!--\s*notelint-(disable-next-line|disable|enable)((?:\s+[A-Za-z0-9]+\s*,?)*)\s*-->)");
  return re;
}

void add_suppressions(const Note& note, NoteFacts& facts) {
  std::vector<std::pair<std::uint32_t, std::vector<std::string>>> open;  // disable blocks
  const std::uint32_t last = static_cast<std::uint32_t>(note.lines.line_count());
  for (const Span& span : note.outline.html) {
    re2::StringPiece input(note.text.data() + span.begin, span.end - span.begin);
    std::string kind, list;
    const char* before = input.data();
    while (RE2::FindAndConsume(&input, suppression_pattern(), &kind, &list)) {
      std::size_t at = span.begin + static_cast<std::size_t>(input.data() - before);
      std::uint32_t line = static_cast<std::uint32_t>(note.lines.line_of(at > 0 ? at - 1 : 0) + 1);
      std::vector<std::string> codes;
      std::string code;
      for (char c : list + " ") {
        if (std::isalnum(static_cast<unsigned char>(c))) {
          code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        } else if (!code.empty()) {
          codes.push_back(code == "ALL" ? std::string() : code);
          code.clear();
        }
      }
      std::erase(codes, std::string());
      if (kind == "disable-next-line") {
        facts.suppressions.push_back(Suppression{line + 1, line + 1, codes});
      } else if (kind == "disable") {
        open.emplace_back(line, codes);
      } else {
        // enable closes the matching blocks (all of them when no code is named)
        for (auto it = open.begin(); it != open.end();) {
          if (codes.empty() || it->second == codes) {
            facts.suppressions.push_back(Suppression{it->first, line, it->second});
            it = open.erase(it);
          } else {
            ++it;
          }
        }
      }
    }
  }
  for (auto& [line, codes] : open) facts.suppressions.push_back(Suppression{line, last, codes});
}

}  // namespace

FactSpan fact_span(const Note& note, Span span) {
  FactSpan where;
  where.span = span;
  where.start = note.lines.position(span.begin);
  where.end = note.lines.position(span.end);
  auto excerpt = note.lines.excerpt(span.begin);
  where.line = std::string(excerpt.text);
  where.line_column = excerpt.column;
  return where;
}

void add_id_fact(const Note& note, NoteFacts& facts) {
  if (const auto* id = note.front_matter.find("id"); id && id->value.IsScalar() && !id->value.Scalar().empty()) {
    facts.has_id = true;
    facts.id = id->value.Scalar();
    facts.id_where = fact_span(note, id->line);
  }
}

NoteFacts extract_facts(const Note& note, const Config& config) {
  NoteFacts facts;
  facts.path = note.path;
  facts.rel_path = note.rel_path;
  if (!note.checkable()) return facts;
  const auto& fm = note.front_matter;
  add_id_fact(note, facts);
  for (const auto& link : note.outline.wiki_links) {
    if (link.embed && is_asset_name(strip_query_fragment(link.inner.substr(0, link.inner.find('|'))))) {
      ImageFact image;
      image.src = link.inner;
      image.decoded = strip_query_fragment(link.inner.substr(0, link.inner.find('|')));
      image.wiki = true;
      image.where = fact_span(note, link.span);
      facts.images.push_back(std::move(image));
      continue;
    }
    std::string target = link_target(link.inner, config.link_style);
    // Wildcards and placeholders such as [[...]] name no note.
    bool placeholder = std::none_of(target.begin(), target.end(),
                                    [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); });
    if (target.empty() || placeholder || target.find('*') != std::string::npos) continue;
    facts.links.push_back(LinkFact{std::move(target), link.embed, fact_span(note, link.span)});
  }
  for (const auto& img : note.outline.images) {
    // file:// names a local file, so AS001 sees it (and reports it as outside the vault).
    if (img.src.empty() || (has_scheme(img.src) && img.src.rfind("file:", 0) != 0)) continue;
    ImageFact image;
    image.src = img.src;
    image.decoded = strip_query_fragment(img.decoded);
    Span where = img.span.end > img.span.begin ? img.span : Span{note.body_begin, note.body_begin};
    image.where = fact_span(note, where);
    facts.images.push_back(std::move(image));
  }
  add_html_images(note, facts);
  // `image: /assets/cover.png` (social cards, banners) references the file too.
  for (const auto& key : fm.keys) {
    auto add = [&](const YAML::Node& value) {
      if (value.IsScalar() && is_asset_name(value.Scalar()) && !has_scheme(value.Scalar()))
        facts.local_links.push_back(strip_query_fragment(value.Scalar()));
    };
    if (key.value.IsSequence())
      for (const auto& item : key.value) add(item);
    else
      add(key.value);
  }
  for (const auto& link : note.outline.links) {
    if (link.href.empty() || link.href[0] == '#' || has_scheme(link.href)) continue;
    std::string decoded = strip_query_fragment(percent_decode(link.href));
    if (!decoded.empty()) facts.local_links.push_back(std::move(decoded));
  }
  for (const auto& tag : front_matter_tags(note))
    facts.tags.push_back(TagFact{tag.tag, fact_span(note, tag.span), true, tag.exact});
  for (const auto& tag : note.outline.hashtags)
    facts.tags.push_back(TagFact{tag.tag, fact_span(note, tag.span), false, true});
  add_suppressions(note, facts);
  return facts;
}

}  // namespace notelint
