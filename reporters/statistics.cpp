// --statistics: one row per rule with its count, like Ruff's, instead of the findings.
#include <algorithm>
#include <map>

#include "core/rule.hpp"
#include "reporters/reporter.hpp"

namespace notelint {

void report_statistics(std::ostream& out, const std::vector<FileReport>& reports) {
  struct Row {
    const RuleInfo* rule;
    std::size_t count = 0;
    bool fixable = false;  // some finding of the rule has a safe fix
  };
  std::map<std::string_view, Row> by_code;
  for (const auto& report : reports) {
    for (const auto& f : report.findings) {
      Row& row = by_code.try_emplace(f.rule->code, Row{f.rule}).first->second;
      ++row.count;
      row.fixable = row.fixable || (f.fix && f.fix->applicability == Applicability::safe);
    }
  }
  std::vector<Row> rows;
  std::size_t total = 0, width = 1, name_width = 0;
  for (const auto& [code, row] : by_code) {
    rows.push_back(row);
    total += row.count;
    name_width = std::max(name_width, row.rule->name.size());
  }
  for (std::size_t n = total; n >= 10; n /= 10) ++width;
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return a.count != b.count ? a.count > b.count : a.rule->code < b.rule->code;
  });
  for (const auto& row : rows) {
    std::string count = std::to_string(row.count);
    std::string name(row.rule->name);
    out << std::string(width - count.size(), ' ') << count << "  " << row.rule->code << "  ";
    if (row.fixable)
      out << name << std::string(name_width - name.size(), ' ') << "  [*]";
    else
      out << name;
    out << "\n";
  }
  out << "Found " << total << (total == 1 ? " finding" : " findings");
  if (std::any_of(rows.begin(), rows.end(), [](const Row& r) { return r.fixable; }))
    out << "; [*] fixable with `notelint --fix`";
  out << ".\n";
}

}  // namespace notelint
