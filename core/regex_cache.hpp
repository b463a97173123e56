// Compiles each configured pattern once per process, whatever the number of notes.
#pragma once
#include <re2/re2.h>

#include <string>

namespace notelint {

// The compiled pattern; thread-safe. Patterns are checked when the config is loaded.
const RE2& cached_regex(const std::string& pattern);

}  // namespace notelint
