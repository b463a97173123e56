// Reading front-matter values: YAML scalars as typed values, and YAML as JSON for schemas.
#pragma once
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/config.hpp"

namespace notelint {

// Does the value have the type? Plain scalars are read by YAML's core schema; quoted
// scalars are strings.
bool has_type(const YAML::Node& value, ValueType type);

// A YAML null or an empty string.
bool is_empty_value(const YAML::Node& value);

// Plain-scalar integer value, if it is one.
std::optional<long long> integer_value(const YAML::Node& value);

// Front matter as JSON, the way a JSON-Schema validator sees it. The node graph must have
// passed the visit limit of parse_front_matter.
nlohmann::json to_json(const YAML::Node& node);

// "a list", "an integer", "text": how a value is named in messages.
std::string describe_value(const YAML::Node& value);

struct Note;

// A tag of the front matter's `tags:` (a list, or a string of comma-separated tags).
struct FrontMatterTag {
  std::string tag;  // without a leading '#'
  Span span;        // the tag text itself when it can be located exactly, else the key's line
  bool exact = false;
};
std::vector<FrontMatterTag> front_matter_tags(const Note& note);

}  // namespace notelint
