// JSON output as DESIGN.md describes it; diagnostics sorted by path, line, column, rule.
#include <nlohmann/json.hpp>

#include "core/rule.hpp"
#include "reporters/reporter.hpp"

namespace notelint {

namespace {
nlohmann::ordered_json fix_json(const Fix& fix) {
  nlohmann::ordered_json edits = nlohmann::ordered_json::array();
  for (const auto& e : fix.edits)
    edits.push_back({{"start_line", e.start.line},
                     {"start_column", e.start.column},
                     {"end_line", e.end.line},
                     {"end_column", e.end.column},
                     {"content", e.replacement}});
  return {{"applicability", applicability_name(fix.applicability)}, {"title", fix.title}, {"edits", edits}};
}
}  // namespace

void report_json(std::ostream& out, const std::vector<FileReport>& reports, const Summary& summary) {
  nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
  for (const auto& report : reports) {
    for (const auto& f : report.findings) {
      diagnostics.push_back({{"path", report.path},
                             {"rule", f.rule->code},
                             {"name", f.rule->name},
                             {"severity", severity_name(f.severity)},
                             {"message", f.message},
                             {"line", f.start.line},
                             {"column", f.start.column},
                             {"end_line", f.end.line},
                             {"end_column", f.end.column},
                             {"fix", f.fix ? fix_json(*f.fix) : nlohmann::ordered_json(nullptr)}});
    }
  }
  nlohmann::ordered_json doc = {
      {"version", 1},
      {"tool", {{"name", "notelint"}, {"version", NOTELINT_VERSION}}},
      {"diagnostics", diagnostics},
      {"summary",
       {{"files", summary.files},
        {"files_with_findings", summary.files_with_findings},
        {"findings", summary.findings},
        {"errors", summary.errors},
        {"warnings", summary.warnings},
        {"infos", summary.infos},
        {"fixable", summary.fixable},
        {"unsafe_fixable", summary.unsafe_fixable},
        {"baselined", summary.baselined}}}};
  // Invalid UTF-8 in messages or paths is replaced rather than aborting the report.
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace notelint
