#include "core/fixer.hpp"

#include <algorithm>
#include <set>

#include "core/rule.hpp"

namespace notelint {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::size_t registry_rank(const RuleInfo* rule) {
  const auto& rules = all_rules();
  for (std::size_t i = 0; i < rules.size(); ++i)
    if (&rules[i] == rule) return i;
  return rules.size();
}

// A fix whose edits are sorted, inside the text and apart from each other; anything else is a
// rule bug, and applying it could corrupt the note.
bool well_formed(const Fix& fix, std::size_t text_size) {
  if (fix.edits.empty()) return false;
  for (std::size_t i = 0; i < fix.edits.size(); ++i) {
    const Span& s = fix.edits[i].span;
    if (s.begin > s.end || s.end > text_size) return false;
    if (i > 0 && fix.edits[i - 1].span.end > s.begin) return false;
  }
  return true;
}

// Touching edits count as overlapping: each was computed against the text around it (a removal
// takes the space before it only when it sees the line end after it), so the second must look
// again after the first is applied.
bool touches(const Span& a, const Span& b) { return a.begin <= b.end && b.begin <= a.end; }

bool ends_with_newline(std::string_view s) { return !s.empty() && (s.back() == '\n' || s.back() == '\r'); }

std::string_view final_newline(std::string_view s) {
  if (s.size() >= 2 && s.substr(s.size() - 2) == "\r\n") return "\r\n";
  if (ends_with_newline(s)) return s.substr(s.size() - 1);
  return "";
}

// Every line ends in CRLF: a lone LF added by a fix would mix the styles.
bool all_crlf(std::string_view s) {
  bool any = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') {
      if (i == 0 || s[i - 1] != '\r') return false;
      any = true;
    }
  }
  return any;
}

}  // namespace

bool is_applicable(const Diagnostic& d, const FixOptions& options) {
  return d.fix && (d.fix->applicability == Applicability::safe || options.unsafe);
}

std::string keep_layout(const std::string& original, std::string fixed) {
  bool bom = original.rfind(kBom, 0) == 0;
  if (bom && fixed.rfind(kBom, 0) != 0) fixed.insert(0, kBom);
  if (all_crlf(original)) {
    std::string converted;
    converted.reserve(fixed.size());
    for (std::size_t i = 0; i < fixed.size(); ++i) {
      if (fixed[i] == '\n' && (i == 0 || fixed[i - 1] != '\r')) converted += '\r';
      converted += fixed[i];
    }
    fixed = std::move(converted);
  }
  std::size_t body = bom ? kBom.size() : 0;
  if (ends_with_newline(original) && !ends_with_newline(fixed) && fixed.size() > body)
    fixed += final_newline(original);
  if (!ends_with_newline(original))
    while (ends_with_newline(fixed)) fixed.resize(fixed.size() - final_newline(fixed).size());
  return fixed;
}

FixedText apply_fixes(const std::string& text, std::vector<Diagnostic> diagnostics, const Relint& relint,
                      const FixOptions& options) {
  FixedText out;
  out.text = text;
  std::set<std::string> last_rules;
  for (int pass = 0;; ++pass) {
    std::vector<const Diagnostic*> candidates;
    for (const auto& d : diagnostics)
      if (is_applicable(d, options) && well_formed(*d.fix, out.text.size())) candidates.push_back(&d);
    if (candidates.empty()) return out;
    if (pass == options.max_passes) {
      for (const auto* d : candidates) last_rules.insert(std::string(d->rule->code));
      out.converged = false;
      break;
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Diagnostic* a, const Diagnostic* b) {
      std::size_t ra = registry_rank(a->rule), rb = registry_rank(b->rule);
      if (ra != rb) return ra < rb;
      return a->fix->edits.front().span.begin < b->fix->edits.front().span.begin;
    });
    std::vector<const Edit*> accepted;
    last_rules.clear();
    for (const auto* d : candidates) {
      bool clash = std::any_of(d->fix->edits.begin(), d->fix->edits.end(), [&](const Edit& e) {
        return std::any_of(accepted.begin(), accepted.end(), [&](const Edit* a) { return touches(a->span, e.span); });
      });
      if (clash) continue;
      for (const auto& e : d->fix->edits) accepted.push_back(&e);
      out.applied.push_back(AppliedFix{d->rule, d->fix->title});
      last_rules.insert(std::string(d->rule->code));
    }
    // Back to front, so earlier offsets stay valid.
    std::sort(accepted.begin(), accepted.end(), [](const Edit* a, const Edit* b) { return a->span.begin > b->span.begin; });
    std::string next = out.text;
    for (const Edit* e : accepted) next.replace(e->span.begin, e->span.end - e->span.begin, e->replacement);
    next = keep_layout(text, std::move(next));
    if (next == out.text) {
      // A fix that changes nothing would be offered again forever.
      out.converged = false;
      break;
    }
    out.text = std::move(next);
    diagnostics = relint(out.text);
  }
  out.rules_involved.assign(last_rules.begin(), last_rules.end());
  out.text = text;
  out.applied.clear();
  return out;
}

}  // namespace notelint
