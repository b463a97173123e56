// The properties every input must keep, shared by the fuzz target and the regression test.
#pragma once
#include <string>

namespace notelint::fuzz {

// Parses text as a note, runs every per-note rule and every vault rule on the note's own facts,
// and aborts (so libFuzzer or the test sees a crash) when a property breaks: a diagnostic or
// fix edit outside the text, overlapping edits within one fix, a located position outside the
// file's lines.
void check_invariants(const std::string& text);

}  // namespace notelint::fuzz
