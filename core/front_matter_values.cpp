#include "core/front_matter_values.hpp"

#include <re2/re2.h>

#include "core/note.hpp"

namespace notelint {

namespace {

bool plain(const YAML::Node& v) { return v.IsScalar() && v.Tag() != "!"; }

const RE2& integer_re() {
  static const RE2 re("[-+]?[0-9]+");
  return re;
}
const RE2& number_re() {
  static const RE2 re(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))");
  return re;
}
const RE2& date_re() {
  static const RE2 re(
      R"(([0-9]{4})-([0-9]{2})-([0-9]{2})([Tt ]([0-9]{2}):([0-9]{2})(:([0-9]{2})(\.[0-9]+)?)?\s*([Zz]|[-+][0-9]{2}(:?[0-9]{2})?)?)?)");
  return re;
}

bool valid_date(const std::string& s) {
  int year = 0, month = 0, day = 0;
  std::string time, hour, minute;
  if (!RE2::FullMatch(s, date_re(), &year, &month, &day, &time, &hour, &minute)) return false;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  if (!hour.empty() && (std::stoi(hour) > 23 || std::stoi(minute) > 59)) return false;
  return true;
}

bool is_bool(const std::string& s) {
  return s == "true" || s == "false" || s == "True" || s == "False" || s == "TRUE" || s == "FALSE";
}

// "[0-9]{1,18}": digits that fit a 64-bit integer.
bool is_epoch_digits(const std::string& s) {
  return !s.empty() && s.size() <= 18 && s.find_first_not_of("0123456789") == std::string::npos;
}

bool is_null_scalar(const std::string& s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

}  // namespace

bool has_type(const YAML::Node& v, ValueType type) {
  switch (type) {
    case ValueType::string: return v.IsScalar();
    case ValueType::integer: return plain(v) && RE2::FullMatch(v.Scalar(), integer_re());
    case ValueType::number: return plain(v) && RE2::FullMatch(v.Scalar(), number_re());
    case ValueType::boolean: return plain(v) && is_bool(v.Scalar());
    case ValueType::list: return v.IsSequence();
    case ValueType::map: return v.IsMap();
    case ValueType::date: return v.IsScalar() && valid_date(v.Scalar());
    case ValueType::epoch_ms: return plain(v) && is_epoch_digits(v.Scalar());
  }
  return false;
}

bool is_empty_value(const YAML::Node& v) {
  if (!v.IsDefined() || v.IsNull()) return true;
  if (v.IsScalar()) return v.Scalar().empty() || (plain(v) && is_null_scalar(v.Scalar()));
  return false;
}

std::optional<long long> integer_value(const YAML::Node& v) {
  if (!plain(v) || !RE2::FullMatch(v.Scalar(), integer_re()) || v.Scalar().size() > 18) return std::nullopt;
  return std::stoll(v.Scalar());
}

nlohmann::json to_json(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return nullptr;
  if (node.IsSequence()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : node) out.push_back(to_json(item));
    return out;
  }
  if (node.IsMap()) {
    nlohmann::json out = nlohmann::json::object();
    for (auto it = node.begin(); it != node.end(); ++it)
      out[it->first.IsScalar() ? it->first.Scalar() : std::string("?")] = to_json(it->second);
    return out;
  }
  const std::string& s = node.Scalar();
  if (!plain(node)) return s;
  if (is_null_scalar(s)) return nullptr;
  if (is_bool(s)) return s[0] == 't' || s[0] == 'T';
  if (auto i = integer_value(node)) return *i;
  if (RE2::FullMatch(s, number_re()) && s.find_first_of("0123456789") != std::string::npos) {
    try {
      return std::stod(s);
    } catch (const std::exception&) {
    }
  }
  return s;
}

std::string describe_value(const YAML::Node& v) {
  if (!v.IsDefined() || v.IsNull()) return "nothing";
  if (v.IsSequence()) return "a list";
  if (v.IsMap()) return "a mapping";
  return std::string(plain(v) ? "" : "the quoted text ") + "`" + v.Scalar() + "`";
}

namespace {

void add_scalar_tags(const Note& note, const YAML::Node& item, Span key_line, std::vector<FrontMatterTag>& out) {
  if (!item.IsScalar()) return;
  const std::string& value = item.Scalar();
  std::size_t at = offset_of_mark(note, item.Mark());
  std::string_view text(note.text);
  // Plain scalars start at their mark, quoted ones one byte later.
  std::size_t start = std::string::npos;
  if (text.substr(at, value.size()) == value)
    start = at;
  else if (at < text.size() && (text[at] == '"' || text[at] == '\'') && text.substr(at + 1, value.size()) == value)
    start = at + 1;
  std::size_t piece = 0;
  while (piece <= value.size()) {
    std::size_t comma = value.find(',', piece);
    if (comma == std::string::npos) comma = value.size();
    std::size_t b = piece, e = comma;
    while (b < e && (value[b] == ' ' || value[b] == '\t')) ++b;
    while (e > b && (value[e - 1] == ' ' || value[e - 1] == '\t')) --e;
    if (b < e && value[b] == '#') ++b;
    if (b < e) {
      FrontMatterTag tag;
      tag.tag = value.substr(b, e - b);
      tag.exact = start != std::string::npos;
      tag.span = tag.exact ? Span{start + b, start + e} : key_line;
      out.push_back(std::move(tag));
    }
    piece = comma + 1;
  }
}

}  // namespace

std::vector<FrontMatterTag> front_matter_tags(const Note& note) {
  std::vector<FrontMatterTag> out;
  const auto* key = note.front_matter.parsed ? note.front_matter.find("tags") : nullptr;
  if (!key) return out;
  if (key->value.IsSequence()) {
    for (const auto& item : key->value) add_scalar_tags(note, item, key->line, out);
  } else {
    add_scalar_tags(note, key->value, key->line, out);
  }
  return out;
}

}  // namespace notelint
