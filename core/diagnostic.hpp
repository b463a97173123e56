// Findings: what a rule reports, where, and how it could be fixed.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace notelint {

struct RuleInfo;

enum class Severity { info = 0, warning = 1, error = 2 };
const char* severity_name(Severity s);
std::optional<Severity> parse_severity(std::string_view name);

// Safe fixes are applied by --fix; unsafe ones only with --unsafe-fixes.
enum class Applicability { unsafe = 0, safe = 1 };
const char* applicability_name(Applicability a);

// A half-open byte range in a note's text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// 1-based line and column; the column counts Unicode code points.
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

struct Edit {
  Span span;
  std::string replacement;
  Position start, end;  // filled in when the finding is located
};

struct Fix {
  Applicability applicability = Applicability::safe;
  std::string title;  // "Remove the marker", shown by --show-fixes
  std::vector<Edit> edits;
};

// A finding as rules produce it: bytes inside the core, positions at the edge.
struct Diagnostic {
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::error;
  Span span;
  std::string message;
  std::optional<Fix> fix;
};

// A finding located in its file, ready for any reporter.
struct Finding {
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::error;
  std::string message;
  Position start, end;
  std::string source_line;  // the text of the start line (a window of it when long), no line ending
  std::uint32_t source_column = 1;  // the column of source_line's first code point
  std::optional<Fix> fix;
};

// All findings of one file, sorted by position then rule code.
struct FileReport {
  std::string path;  // relative to the working directory, with '/'
  // The same file relative to the working directory with symlinks resolved on both sides, for
  // consumers that map paths into a repository (SARIF); absolute when it lies outside.
  std::string real_path;
  std::vector<Finding> findings;
  std::string vault_path;  // relative to the vault root, for baseline fingerprints
  bool text = true;        // false for a file that is not a note (an asset): no source line to show
};

}  // namespace notelint
