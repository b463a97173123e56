// FM010 schema-violation: front matter does not satisfy the JSON Schema of front_matter.schema.
#if NOTELINT_HAVE_VALIJSON
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#endif

#include <map>
#include <optional>
#include <memory>
#include <mutex>

#include "core/front_matter_values.hpp"
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {

#if NOTELINT_HAVE_VALIJSON
// Schemas are compiled once per process, whatever the number of notes. The cache holds the
// document too, so that its address cannot be reused by another schema while cached.
const valijson::Schema& compiled(const std::shared_ptr<const nlohmann::json>& document) {
  struct Entry {
    std::shared_ptr<const nlohmann::json> document;
    std::unique_ptr<valijson::Schema> schema;
  };
  static std::mutex mutex;
  static std::map<const nlohmann::json*, Entry> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = cache[document.get()];
  if (!slot.schema) {
    slot.document = document;
    slot.schema = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(*document);
    parser.populateSchema(adapter, *slot.schema);
  }
  return *slot.schema;
}

// "[status]" -> "status"; "[2]" stays an index.
std::vector<std::string> path_of(const std::vector<std::string>& context) {
  std::vector<std::string> path;
  for (const auto& part : context) {
    if (part == "<root>") continue;
    std::string p = part;
    if (p.size() >= 2 && p.front() == '[' && p.back() == ']') p = p.substr(1, p.size() - 2);
    if (p.size() >= 2 && p.front() == '"' && p.back() == '"') p = p.substr(1, p.size() - 2);
    path.push_back(p);
  }
  return path;
}

// The schema of the property at path, following "properties" only.
const nlohmann::json* subschema(const nlohmann::json& schema, const std::vector<std::string>& path) {
  const nlohmann::json* node = &schema;
  for (const auto& key : path) {
    if (!node->is_object() || !node->contains("properties") || !(*node)["properties"].contains(key)) return nullptr;
    node = &(*node)["properties"][key];
  }
  return node;
}

std::string join(const nlohmann::json& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += ", ";
    out += v.is_string() ? v.get<std::string>() : v.dump();
  }
  return out;
}

// The schema's own words for the constraint that failed, valijson's where we have none.
std::string explain(const nlohmann::json* schema, const std::string& description) {
  auto has = [&](const char* k) { return schema && schema->is_object() && schema->contains(k); };
  if (description.find("enum") != std::string::npos && has("enum")) return "must be one of " + join((*schema)["enum"]);
  if (description.find("type") != std::string::npos && has("type")) {
    const auto& t = (*schema)["type"];
    return "must be of type " + (t.is_array() ? join(t) : t.get<std::string>());
  }
  if (description.find("pattern") != std::string::npos && has("pattern"))
    return "must match the pattern " + (*schema)["pattern"].get<std::string>();
  if (description.find("const") != std::string::npos && has("const")) return "must be " + join(nlohmann::json::array({(*schema)["const"]}));
  std::string text = description;
  if (!text.empty() && text.back() == '.') text.pop_back();
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

// Wrapper errors ("Failed to validate against schema associated with property ...") only
// repeat what the errors below them say.
bool is_wrapper(const std::string& description) {
  return description.find("Failed to validate against schema associated with") != std::string::npos ||
         description.find("Failed to validate item #") != std::string::npos;
}

// The line of the deepest key of path that the front matter holds.
std::optional<Span> key_line(const Note& note, const std::vector<std::string>& path) {
  std::optional<Span> found;
  YAML::Node node = note.front_matter.root;
  for (const auto& part : path) {
    if (!node.IsMap()) break;
    bool matched = false;
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!it->first.IsScalar() || it->first.Scalar() != part) continue;
      std::size_t line = note.lines.line_of(offset_of_mark(note, it->first.Mark()));
      found = Span{note.lines.line_start(line), note.lines.line_end(line)};
      node.reset(it->second);
      matched = true;
      break;
    }
    if (!matched) break;
  }
  return found;
}

void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  const auto& fm = note.front_matter;
  const FrontMatterSchema* schema = config.schema_for(note.rel_path);
  if (!schema || !fm.present || !fm.parsed) return;
  nlohmann::json data = fm.root.IsMap() ? to_json(fm.root) : nlohmann::json::object();
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(data);
  if (validator.validate(compiled(schema->document), target, &results)) return;
  Span opening{fm.leading_blank_end, note.lines.line_end(note.lines.line_of(fm.leading_blank_end))};
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    if (is_wrapper(error.description)) continue;
    auto path = path_of(error.context);
    std::string where;
    for (const auto& p : path) where += (where.empty() ? "" : ".") + p;
    Span span = key_line(note, path).value_or(opening);
    std::string message = explain(subschema(*schema->document, path), error.description);
    sink.report(span, (where.empty() ? std::string("front matter") : where) + ": " + message);
  }
}
#else
// A build without valijson says so on every note it could not check, rather than passing them.
void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  const auto& fm = note.front_matter;
  if (!config.schema_for(note.rel_path) || !fm.present) return;
  Span opening{fm.leading_blank_end, note.lines.line_end(note.lines.line_of(fm.leading_blank_end))};
  sink.report(opening, "JSON Schema validation is unavailable: this notelint was built without valijson");
}
#endif
}  // namespace

const RuleInfo kFM010{"FM010", "schema-violation", "Front matter does not satisfy its JSON Schema.", Family::FM,
                      Severity::error, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
