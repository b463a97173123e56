// AS005 figure-out-of-order: figure numbers in image alt texts must count up within a note.
#include <re2/re2.h>

#include "core/regex_cache.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {

void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  const RE2& pattern = cached_regex(config.assets.figure_pattern);
  const int groups = pattern.NumberOfCapturingGroups();
  if (groups < 1) return;
  std::vector<re2::StringPiece> captures(static_cast<std::size_t>(groups));
  std::vector<RE2::Arg> args(captures.size());
  std::vector<RE2::Arg*> arg_ptrs(captures.size());
  for (std::size_t k = 0; k < captures.size(); ++k) {
    args[k] = RE2::Arg(&captures[k]);
    arg_ptrs[k] = &args[k];
  }
  bool have_previous = false;
  long previous = 0;
  std::string previous_label;
  for (const auto& image : note.outline.images) {
    if (!RE2::PartialMatchN(image.alt, pattern, arg_ptrs.data(), groups)) continue;
    // The number is the last group that holds digits, so patterns may group the label word too.
    long number = -1;
    std::size_t label_end = image.alt.size();
    for (auto it = captures.rbegin(); it != captures.rend() && number < 0; ++it) {
      if (!it->data() || it->empty() || it->size() > 9) continue;
      std::string digits(it->data(), it->size());
      if (digits.find_first_not_of("0123456789") != std::string::npos) continue;
      number = std::stol(digits);
      label_end = static_cast<std::size_t>(it->data() - image.alt.data()) + it->size();
    }
    if (number < 0) continue;
    // "图 12", not the whole caption: enough to find the figure, short enough to read.
    std::string label = image.alt.substr(0, label_end);
    if (have_previous && number <= previous) {
      Span span = image.span.end > image.span.begin ? image.span : Span{note.body_begin, note.body_begin};
      sink.report(span, number == previous ? "figure `" + label + "` repeats the number of `" + previous_label + "`"
                                           : "figure `" + label + "` comes after `" + previous_label + "`");
    }
    if (!have_previous || number > previous) {
      previous = number;
      previous_label = label;
    }
    have_previous = true;
  }
}

}  // namespace

const RuleInfo kAS005{"AS005", "figure-out-of-order", "Figure numbers in image alt texts do not count up.",
                      Family::AS, Severity::warning, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
