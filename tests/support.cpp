#include "tests/support.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

namespace notelint::test {

namespace fs = std::filesystem;

CommandResult run(const std::string& command, bool merge_stderr) {
  CommandResult result;
  std::string full = "cd '" + source_dir().string() + "' && " + command + (merge_stderr ? " 2>&1" : "");
  FILE* pipe = popen(full.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 65536> buffer{};
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

std::string binary() { return std::string("'") + NOTELINT_BINARY + "'"; }
bool rule_testable(std::string_view code) {
#if NOTELINT_HAVE_VALIJSON
  (void)code;
  return true;
#else
  return code != "FM010";
#endif
}

fs::path source_dir() { return fs::path(NOTELINT_SOURCE_DIR); }
fs::path shared_dir() {
  fs::path shared = source_dir().parent_path() / "shared";
  return fs::is_directory(shared) ? shared : fs::path();
}

fs::path shared_or_skip() {
  fs::path shared = shared_dir();
  if (shared.empty()) WARN("../shared is absent: skipped");
  return shared;
}

fs::path copy_dendron_site(const TempDir& dir, const fs::path& shared) {
  fs::path site = dir.path() / "site";
  fs::copy(shared / "corpora" / "dendron-site", site, fs::copy_options::recursive);
  return site;
}

fs::path copy_seed_note(const TempDir& dir, const fs::path& shared) {
  fs::path note = dir.path() / "arxiv.20231207.md";
  fs::copy_file(shared / "seed" / "000_f6cdbc7e49b16c5f.txt", note);
  return note;
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = fs::temp_directory_path() / ("notelint-test-" + std::to_string(rd()) + std::to_string(rd()));
  fs::create_directories(path_);
}
TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}
fs::path TempDir::write(const std::string& rel, const std::string& text) const {
  fs::path file = path_ / rel;
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << text;
  return file;
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> lint_lines(const std::vector<std::string>& paths, const fs::path& config,
                                    const std::vector<std::string>& select) {
  LintOptions options;
  options.paths = paths;
  if (!config.empty()) options.config_file = config;
  options.select = select;
  Session session = prepare_session(options);
  LintResult result = lint(session);
  std::vector<std::string> lines;
  for (const auto& report : result.reports)
    for (const auto& f : report.findings)
      lines.push_back(report.path + ":" + std::to_string(f.start.line) + ":" + std::to_string(f.start.column) + " " +
                      std::string(f.rule->code) + " " + f.message);
  return lines;
}

std::vector<std::string> lint_file(const fs::path& file, const fs::path& config, std::string_view code) {
  LintOptions options;
  options.paths = {file.string()};
  if (!config.empty()) options.config_file = config;
  options.select = {std::string(code)};
  LintResult result = lint(prepare_session(options));
  std::vector<std::string> lines;
  for (const auto& report : result.reports)
    for (const auto& f : report.findings)
      lines.push_back(std::to_string(f.start.line) + ":" + std::to_string(f.start.column) + " " +
                      std::string(f.rule->code) + " " + f.message);
  return lines;
}

namespace {
LintOptions options_for(const std::vector<std::string>& paths, const fs::path& config,
                        const std::vector<std::string>& select) {
  LintOptions options;
  options.paths = paths;
  if (!config.empty()) options.config_file = config;
  options.select = select;
  return options;
}
}  // namespace

FixRunResult fix_paths(const std::vector<std::string>& paths, const fs::path& config,
                       const std::vector<std::string>& select, bool unsafe, const WriteFault& fault) {
  FixRunOptions options;
  options.fix.unsafe = unsafe;
  options.fault = fault;
  return fix_session(prepare_session(options_for(paths, config, select)), options);
}

std::vector<std::string> fixable_lines(const std::vector<std::string>& paths, const fs::path& config,
                                       const std::vector<std::string>& select, bool unsafe) {
  LintResult result = lint(prepare_session(options_for(paths, config, select)));
  std::vector<std::string> lines;
  for (const auto& report : result.reports)
    for (const auto& f : report.findings)
      if (f.fix && (unsafe || f.fix->applicability == Applicability::safe))
        lines.push_back(report.path + ":" + std::to_string(f.start.line) + ":" + std::to_string(f.start.column) + " " +
                        std::string(f.rule->code));
  return lines;
}

void copy_tree(const fs::path& from, const fs::path& dest) {
  fs::create_directories(dest);
  // Symbolic links (IO001 fixtures hold dangling ones and loops) are copied as links.
  fs::copy(from, dest, fs::copy_options::recursive | fs::copy_options::overwrite_existing | fs::copy_options::copy_symlinks);
}

std::vector<Diagnostic> check_text(const std::string& text, const Config& config) {
  auto note = parse_note("note.md", "note.md", text);
  VaultIndex index;
  return check_note(*note, config, index).diagnostics;
}

}  // namespace notelint::test
