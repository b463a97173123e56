// Glob matching on '/'-separated relative paths: '*', '?', '**', and '[...]' classes.
#pragma once
#include <string_view>

namespace notelint {

// A pattern without '/' also matches the last path component alone, as in .gitignore.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace notelint
