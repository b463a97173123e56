// Vault-relative paths as '/'-separated strings: joined and normalised without the file system.
#pragma once
#include <string>
#include <string_view>

namespace notelint {

// "a/./b/../c" -> "a/c"; leading ".." are kept ("../x"), "" and "." give ".", a leading '/' stays.
std::string lexical_normal(std::string_view path);

// Already normal: no empty, "." or ".." component (a lone "/" is normal).
bool is_lexically_normal(std::string_view path);

// dir + '/' + path (path alone when dir is empty or path starts with '/'), normalised.
std::string join_normal(std::string_view dir, std::string_view path);

// The folder part of a relative path: "a/b/c.md" -> "a/b", "c.md" -> "".
std::string_view parent_of(std::string_view path);

// The last component: "a/b/c.md" -> "c.md".
std::string_view file_name(std::string_view path);

// Does a normalised path lead out of its base ("..", "../x")?
bool leaves_base(std::string_view normal);

}  // namespace notelint
