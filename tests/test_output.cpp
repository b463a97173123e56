// Human output: the frame under a finding lines up under wide characters and tabs.
#include <catch2/catch.hpp>
#include <sstream>

#include "core/linter.hpp"
#include "reporters/reporter.hpp"

using namespace notelint;

namespace {
std::string human_for(const std::string& text, const std::string& code) {
  auto note = parse_note("n.md", "n.md", text);
  Config config = profile_config("plain");
  config.rules.select = {code};
  VaultIndex index;
  auto result = check_note(*note, config, index);
  FileReport report{"n.md", {}};
  for (const auto& d : result.diagnostics) report.findings.push_back(locate(*note, d));
  std::ostringstream out;
  std::vector<FileReport> reports{report};
  report_human(out, reports, summarize(reports, 1), HumanOptions{});
  return out.str();
}
}  // namespace

TEST_CASE("the caret underline lines up under CJK text", "[output]") {
  std::string out = human_for("中文。¹[1]后文\n", "MK001");
  CHECK(out.find("n.md:1:4: MK001") == 0);
  // 中文。 take six columns; the marker two code points of width 1 plus [1].
  CHECK(out.find("\n  中文。¹[1]后文\n        ^^^^\n") != std::string::npos);
}

TEST_CASE("tabs in the source line are kept in the underline", "[output]") {
  std::string out = human_for("a\tx ¹[1]\n", "MK001");
  CHECK(out.find("\n  a\tx ¹[1]\n   \t  ^^^^\n") != std::string::npos);
}

TEST_CASE("the summary counts findings, severities, files and fixes", "[output]") {
  std::string out = human_for("a ¹[1] b ²[2]\n", "MK001");
  CHECK(out.find("2 findings (2 errors, 0 warnings) in 1 file; 2 fixable with `notelint --fix`") != std::string::npos);
  CHECK(human_for("clean\n", "MK001").find("All checks passed") != std::string::npos);
}
