// notelint's command line: parse arguments into options, run, report, choose the exit code.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>

#include "core/fix_run.hpp"
#include "core/baseline.hpp"
#include "core/init.hpp"
#include "core/linter.hpp"
#include "core/rule.hpp"
#include "reporters/reporter.hpp"

namespace {

using namespace notelint;

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

std::vector<std::string> split_codes(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  for (const auto& item : raw) {
    std::string code;
    for (char c : item + ",") {
      if (c == ',' || c == ' ') {
        if (!code.empty()) out.push_back(code);
        code.clear();
      } else {
        code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
    }
  }
  for (const auto& code : out) {
    bool known = code == "ALL";
    for (const auto& rule : all_rules()) known = known || selector_matches(code, rule.code);
    if (!known) throw UsageError("no rule code or family starts with '" + code + "'");
  }
  return out;
}

int print_rules() {
  std::cout << "code   name                       family  fixable    severity\n";
  for (const auto& rule : all_rules()) {
    const char* fix = rule.fix == FixAvailability::always ? "yes" : rule.fix == FixAvailability::sometimes ? "sometimes" : "no";
    std::string name(rule.name);
    name.resize(std::max<std::size_t>(name.size(), 26), ' ');
    std::string fixable(fix);
    fixable.resize(10, ' ');
    std::cout << rule.code << "  " << name << " " << family_name(rule.family) << "      " << fixable << " "
              << severity_name(rule.default_severity) << "\n";
  }
  return kExitClean;
}

int print_rule(const std::string& raw_code) {
  std::string code;
  for (char c : raw_code) code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const RuleInfo* rule = find_rule(code);
  if (!rule) {
    std::cerr << "notelint: unknown rule '" << raw_code << "' (see `notelint rules`)\n";
    return kExitError;
  }
  std::string_view doc = rule_doc(rule->code);
  std::cout << doc;
  if (!doc.empty() && doc.back() != '\n') std::cout << "\n";
  return kExitClean;
}

struct CheckArgs {
  LintOptions lint;
  std::vector<std::string> select_raw, ignore_raw;
  std::string format = "human";
  std::string output;
  std::string color = "auto";
  bool quiet = false;
  bool exit_zero = false;
  bool statistics = false;
  bool no_baseline = false;
  std::string config;
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  bool show_fixes = false;
  bool no_cache = false;
  std::string cache_dir;
};

bool use_color(const std::string& mode, bool to_file) {
  if (mode == "always") return true;
  if (mode == "never" || to_file) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDOUT_FILENO) != 0;
}

// A progress bar on stderr for long fix runs: only on a terminal, never in CI, and only once a
// run has taken a second, so quick runs print nothing extra.
class ProgressBar {
 public:
  ProgressBar() {
    const char* ci = std::getenv("CI");
    enabled_ = isatty(STDERR_FILENO) != 0 && !(ci && *ci);
  }
  ~ProgressBar() {
    if (shown_) std::cerr << "\r\x1b[K" << std::flush;
  }
  void operator()(const char* stage, std::size_t done, std::size_t total, std::size_t fixes) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (!shown_ && now - start_ < std::chrono::seconds(1)) return;
    if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
    shown_ = true;
    last_ = now;
    constexpr std::size_t kWidth = 30;
    std::size_t filled = total ? done * kWidth / total : kWidth;
    std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] " << done << "/"
              << total << " files " << stage << ", " << fixes << (fixes == 1 ? " fix" : " fixes") << "\x1b[K"
              << std::flush;
  }

 private:
  bool enabled_ = false;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_;
};

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void print_fixes(std::ostream& out, const FixRunResult& fixed) {
  if (fixed.fixes_applied() == 0) return;
  out << "Fixed " << plural(fixed.fixes_applied(), "finding", "findings") << ":\n";
  for (const auto& file : fixed.files) {
    if (file.problem || file.applied.empty()) continue;
    out << "  " << file.path << ":\n";
    for (const auto& a : file.applied) out << "    " << a.rule->code << " " << a.title << "\n";
  }
}

int run_check(CheckArgs& args) {
  if (!args.config.empty()) args.lint.config_file = args.config;
  args.lint.select = split_codes(args.select_raw);
  args.lint.ignore = split_codes(args.ignore_raw);
  args.lint.real_paths = args.format == "sarif";
  args.lint.cache = !args.no_cache;
  if (!args.cache_dir.empty()) {
    args.lint.cache_dir = args.cache_dir;
  } else if (const char* env = std::getenv("NOTELINT_CACHE_DIR"); env && *env) {
    args.lint.cache_dir = env;  // CI systems keep their caches in one place
  }
  Session session = prepare_session(args.lint);

  std::optional<FixRunResult> fixed;
  if (args.fix || args.diff) {
    FixRunOptions options;
    options.fix.unsafe = args.unsafe_fixes;
    options.write = !args.diff;
    ProgressBar bar;
    options.progress = std::ref(bar);
    fixed = fix_session(session, options);
  }
  if (args.diff) {
    // Nothing is written: the diff is the whole output, and it applies with `patch -p1`.
    for (const auto& file : fixed->files)
      if (!file.problem) write_unified_diff(std::cout, file.path, file.before, file.after);
    for (const auto& file : fixed->files)
      if (file.problem) std::cerr << file.path << ": " << file.problem->message << "\n";
    std::cerr << "would fix " << plural(fixed->fixes_applied(), "finding", "findings") << " in "
              << plural(fixed->files_changed(), "file", "files") << "\n";
    return fixed->files_changed() > 0 ? kExitFindings : kExitClean;
  }

  LintResult result = lint(session);
  if (fixed) add_fix_problems(result.reports, *fixed);
  BaselineOutcome baselined;
  std::filesystem::path baseline_file = baseline_path(session);
  if (!args.no_baseline)
    if (auto baseline = load_baseline(baseline_file))
      baselined = apply_baseline(*baseline, result.reports, session.index.root);
  Summary summary = summarize(result.reports, result.files_checked);
  summary.baselined = baselined.hidden;

  std::ofstream file;
  if (!args.output.empty()) {
    file.open(args.output, std::ios::binary | std::ios::trunc);
    if (!file) throw UsageError("cannot write " + args.output);
  }
  std::ostream& out = args.output.empty() ? std::cout : file;
  // Fix notes go where they cannot break a machine-read report.
  std::ostream& notes = args.format == "json" ? std::cerr : out;
  if (fixed && args.show_fixes) print_fixes(notes, *fixed);
  if (args.statistics) {
    report_statistics(out, result.reports);
  } else if (args.format == "json") {
    report_json(out, result.reports, summary);
  } else if (args.format == "sarif") {
    std::error_code ec;
    SarifOptions options;
    options.source_root = std::filesystem::weakly_canonical(std::filesystem::current_path(ec), ec).string();
    std::size_t left_out = report_sarif(out, result.reports, result.rules_run, options);
    if (left_out > 0)
      std::cerr << "notelint: the SARIF report holds the first " << options.max_results << " of "
                << summary.findings << " findings (GitHub code scanning accepts no more per run); "
                << left_out << " left out\n";
  } else if (args.format == "github") {
    report_github(out, result.reports);
  } else {
    report_human(out, result.reports, summary, HumanOptions{use_color(args.color, !args.output.empty()), args.quiet});
  }
  if (fixed && !(args.quiet && args.format != "json"))
    notes << "fixed " << plural(fixed->fixes_applied(), "finding", "findings") << " in "
          << plural(fixed->files_changed(), "file", "files") << "; " << summary.findings << " remain\n";
  out.flush();
  if (args.format == "human" && !args.quiet) {
    std::error_code ec;
    std::string shown = baseline_file.lexically_relative(std::filesystem::current_path(ec)).generic_string();
    if (baselined.hidden > 0)
      std::cerr << baselined.hidden << (baselined.hidden == 1 ? " finding" : " findings")
                << " hidden by the baseline (" << shown << ")\n";
    if (baselined.stale > 0)
      std::cerr << baselined.stale << (baselined.stale == 1 ? " baseline entry no longer occurs" : " baseline entries no longer occur")
                << "; `notelint baseline` rewrites it\n";
  }
  if (args.exit_zero) return kExitClean;
  return summary.errors > 0 ? kExitFindings : kExitClean;
}

int run_init(const std::string& dir, bool force) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw UsageError("not a folder: " + dir);
  fs::path file = fs::path(dir) / ".notelint.yaml";
  if (fs::exists(file, ec) && !force) {
    std::cerr << "notelint: " << file.generic_string()
              << " already exists; it was left unchanged (use --force to replace it)\n";
    return kExitFindings;
  }
  ProposedConfig proposal = propose_config(dir);
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out || !(out << proposal.yaml)) throw UsageError("cannot write " + file.generic_string());
  }
  std::cout << "wrote " << file.generic_string() << "\n";
  for (const auto& line : proposal.found) std::cout << "  " << line << "\n";
  LintOptions options;
  options.paths = {dir};
  options.config_file = file;
  LintResult result = lint(prepare_session(options));
  Summary summary = summarize(result.reports, result.files_checked);
  std::cout << "with it, `notelint check` reports " << summary.findings << (summary.findings == 1 ? " finding" : " findings")
            << " (" << summary.errors << " errors, " << summary.warnings << " warnings) in "
            << summary.files_with_findings << " of " << summary.files << " files\n";
  return kExitClean;
}

int run_baseline(CheckArgs& args) {
  if (!args.config.empty()) args.lint.config_file = args.config;
  args.lint.select = split_codes(args.select_raw);
  args.lint.ignore = split_codes(args.ignore_raw);
  Session session = prepare_session(args.lint);
  LintResult result = lint(session);
  Baseline baseline = make_baseline(result.reports);
  std::filesystem::path file = baseline_path(session);
  save_baseline(baseline, file);
  std::error_code ec;
  std::cout << "wrote " << file.lexically_relative(std::filesystem::current_path(ec)).generic_string() << ": "
            << baseline.size() << (baseline.size() == 1 ? " finding" : " findings") << " in " << baseline.files.size()
            << (baseline.files.size() == 1 ? " file" : " files") << "; `notelint check` now reports only new ones\n";
  return kExitClean;
}

void add_check_options(CLI::App& cmd, CheckArgs& args) {
  cmd.add_option("paths", args.lint.paths, "Files or folders to lint (default: .)");
  cmd.add_option("--format", args.format, "Output format")->check(CLI::IsMember({"human", "json", "sarif", "github"}));
  cmd.add_option("-o,--output", args.output, "Write the report to FILE instead of standard output");
  cmd.add_option("--config", args.config, "Use this configuration file instead of the nearest .notelint.yaml");
  // One value per occurrence, so that `--ignore MK path` leaves the path alone.
  cmd.add_option("--select", args.select_raw, "Only these rule codes or families (comma-separated)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->expected(1)
      ->allow_extra_args(false);
  cmd.add_option("--ignore", args.ignore_raw, "Skip these rule codes or families (comma-separated)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->expected(1)
      ->allow_extra_args(false);
  cmd.add_flag("--fix", args.fix, "Apply safe fixes, then report what remains");
  cmd.add_flag("--unsafe-fixes", args.unsafe_fixes, "With --fix or --diff: apply unsafe fixes too");
  cmd.add_flag("--diff", args.diff, "Print a unified diff of what --fix would change; write nothing");
  cmd.add_flag("--show-fixes", args.show_fixes, "With --fix: list the fixes applied");
  cmd.add_flag("-q,--quiet", args.quiet, "Print findings only: no source lines, no summary");
  cmd.add_flag("--exit-zero", args.exit_zero, "Exit 0 even when there are findings");
  cmd.add_option("-j,--jobs", args.lint.jobs, "Threads for checking notes (default: one per hardware thread)")
      ->check(CLI::Range(1u, 256u));
  cmd.add_flag("--no-cache", args.no_cache, "Check every note afresh; neither read nor write the result cache");
  cmd.add_option("--cache-dir", args.cache_dir, "Keep the result cache in DIR (default: $NOTELINT_CACHE_DIR, else .notelint_cache in the vault root)");
  cmd.add_option("--color", args.color, "Colour the output")->check(CLI::IsMember({"auto", "always", "never"}));
  cmd.add_flag("--statistics", args.statistics, "Print a count per rule instead of the findings");
  cmd.add_flag("--no-baseline", args.no_baseline, "Show every finding, also those in .notelint-baseline.json");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  static const std::set<std::string> kCommands = {"check", "rules", "rule", "init", "baseline"};
  static const std::set<std::string> kTopLevel = {"--version", "-V", "--help", "-h"};
  if (args.empty() || (!kCommands.count(args[0]) && !kTopLevel.count(args[0]))) args.insert(args.begin(), "check");

  CLI::App app{"notelint: a fast linter and fixer for Markdown note vaults", "notelint"};
  app.set_version_flag("-V,--version", std::string("notelint ") + NOTELINT_VERSION);
  app.require_subcommand(1);

  CheckArgs check_args;
  auto* check = app.add_subcommand("check", "Lint notes (the default command)");
  add_check_options(*check, check_args);
  CheckArgs baseline_args;
  auto* baseline = app.add_subcommand("baseline", "Record the current findings in .notelint-baseline.json");
  baseline->add_option("paths", baseline_args.lint.paths, "Files or folders to lint (default: .)");
  baseline->add_option("--config", baseline_args.config, "Use this configuration file");
  baseline->add_option("--select", baseline_args.select_raw, "Only these rule codes or families")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->expected(1)->allow_extra_args(false);
  baseline->add_option("--ignore", baseline_args.ignore_raw, "Skip these rule codes or families")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->expected(1)->allow_extra_args(false);
  app.add_subcommand("rules", "List every rule");
  std::string rule_code;
  std::string init_dir = ".";
  bool init_force = false;
  auto* init = app.add_subcommand("init", "Write a .notelint.yaml inferred from the vault");
  init->add_option("dir", init_dir, "The vault folder (default: .)");
  init->add_flag("--force", init_force, "Overwrite an existing .notelint.yaml");
  auto* rule = app.add_subcommand("rule", "Print a rule's documentation");
  rule->add_option("code", rule_code, "Rule code, e.g. MK001")->required();

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitError;
  }

  try {
    if (app.got_subcommand("rules")) return print_rules();
    if (app.got_subcommand("rule")) return print_rule(rule_code);
    if (app.got_subcommand("init")) return run_init(init_dir, init_force);
    if (app.got_subcommand("baseline")) return run_baseline(baseline_args);
    return run_check(check_args);
  } catch (const ConfigError& e) {
    std::cerr << "notelint: configuration error: " << e.what() << "\n";
  } catch (const UsageError& e) {
    std::cerr << "notelint: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "notelint: internal error: " << e.what() << "\n";
  }
  return kExitError;
}
