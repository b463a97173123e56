#include "tests/fuzz/invariants.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/config.hpp"
#include "core/fixer.hpp"
#include "core/linter.hpp"

namespace notelint::fuzz {

namespace {

[[noreturn]] void broken(const char* what, const Diagnostic* d) {
  std::fprintf(stderr, "invariant broken: %s (rule %s)\n", what,
               d && d->rule ? std::string(d->rule->code).c_str() : "-");
  std::abort();
}

// The dendron profile with every option set, so that every rule has something to look at.
const Config& fuzz_config() {
  static const Config config = [] {
    Config c = profile_config("dendron");
    c.tags.known = {"video", "image_generation"};
    c.sections.labels = {"研究背景", "方法"};
    c.headings.required = {"Summary"};
    c.assets.roots = {"assets"};
    c.root = "/nonexistent-fuzz-vault";
    return c;
  }();
  return config;
}

void check_position(const Note& note, const Position& p, const Diagnostic* d) {
  if (p.line < 1 || p.line > note.lines.line_count() || p.column < 1) broken("position outside the file", d);
}

void check_diagnostic(const Note& note, const Diagnostic& d) {
  const std::size_t size = note.text.size();
  if (d.span.begin > d.span.end || d.span.end > size) broken("span outside the text", &d);
  Finding f = locate(note, d);
  check_position(note, f.start, &d);
  check_position(note, f.end, &d);
  if (!d.fix) return;
  std::vector<Span> spans;
  for (const auto& e : d.fix->edits) {
    if (e.span.begin > e.span.end || e.span.end > size) broken("fix edit outside the text", &d);
    spans.push_back(e.span);
  }
  // The fix engine applies a fix's edits together: they must not overlap.
  std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.begin < b.begin; });
  for (std::size_t i = 1; i < spans.size(); ++i)
    if (spans[i].begin < spans[i - 1].end) broken("fix edits overlap", &d);
}

}  // namespace

void check_invariants(const std::string& text) {
  const Config& config = fuzz_config();
  auto note = parse_note("fuzz.md", "fuzz.md", text);
  if (note->text != text) broken("the note does not hold the input", nullptr);
  if (note->body_begin > text.size()) broken("body begins after the text", nullptr);

  VaultIndex index;
  index.root = config.root;
  index.add_file("fuzz.md");
  index.add_file("assets/a.png");
  NoteResult result = check_note(*note, config, index);
  for (const auto& d : result.diagnostics) check_diagnostic(*note, d);

  std::vector<Diagnostic> diagnostics = result.diagnostics;
  std::vector<NoteFacts> facts;
  result.facts.linted = true;
  facts.push_back(std::move(result.facts));
  std::vector<std::vector<Finding>> findings(1);
  check_vault(facts, config, index, findings);
  for (const auto& f : findings[0]) {
    check_position(*note, f.start, nullptr);
    check_position(*note, f.end, nullptr);
  }

  // The fix engine: safe and unsafe fixes either converge to a text that parses and keeps every
  // invariant, or leave the text untouched.
  if (!note->checkable()) return;
  Relint relint = [&](const std::string& fixed) {
    auto again = parse_note("fuzz.md", "fuzz.md", fixed);
    return again->checkable() ? check_note(*again, config, index).diagnostics : std::vector<Diagnostic>{};
  };
  for (bool unsafe : {false, true}) {
    FixOptions options;
    options.unsafe = unsafe;
    FixedText fixed = apply_fixes(text, diagnostics, relint, options);
    if (!fixed.converged) {
      if (fixed.text != text) broken("a fix run that did not converge changed the text", nullptr);
      continue;
    }
    auto after = parse_note("fuzz.md", "fuzz.md", fixed.text);
    if (text.find('\0') == std::string::npos && !after->checkable()) broken("fixed text is not valid UTF-8", nullptr);
    if (!after->checkable()) continue;
    for (const auto& d : check_note(*after, config, index).diagnostics) {
      check_diagnostic(*after, d);
      if (is_applicable(d, options)) broken("a fixable finding remains after fixing", &d);
    }
  }
}

}  // namespace notelint::fuzz
