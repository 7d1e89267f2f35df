#include "validate/schema_validator.hpp"

#include "support/suggest.hpp"
#include "support/words.hpp"
#include "validate/valijson.hpp"

#include <devo/codes.hpp>
#include <devo/embedded.hpp>
#include <devo/value.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace devo::validate {
namespace {

using Json = nlohmann::json;
using load::Node;

// A schema from schemas/, parsed once for valijson and kept as JSON for the
// walk that words messages.
struct LoadedSchema {
  Json document;
  valijson::Schema schema;
};

// `schema` without its "format" keywords. valijson checks "format": "date"
// with a std::regex that it compiles anew for every date it meets, and
// translate() drops what it reports: devo checks every date itself, exactly
// (2023-02-29 is no date), when it decodes a file. Compiling those regexes was
// a tenth of the time spent loading a small rule file (found while fuzzing:
// docs/fuzzing.md), so valijson is given the schema without them.
//
// Nor does valijson get the "pattern" keywords: it matches them with
// std::regex, whose matcher recurses once per character and overflowed the
// stack on an id of a few hundred thousand characters (a crash). KeyChecker
// checks patterns itself, refusing a value too long to be a name first.
Json without_formats(Json schema) {
  if (schema.is_object()) {
    for (const char* keyword : {"format", "pattern"}) {
      if (auto found = schema.find(keyword); found != schema.end() && found->is_string()) {
        schema.erase(found);
      }
    }
    for (auto& [key, value] : schema.items()) {
      value = without_formats(std::move(value));
    }
  } else if (schema.is_array()) {
    for (Json& item : schema) {
      item = without_formats(std::move(item));
    }
  }
  return schema;
}

std::unique_ptr<LoadedSchema> parse_schema(std::string_view bytes) {
  auto loaded = std::make_unique<LoadedSchema>();
  loaded->document = Json::parse(bytes);
  const Json checked = without_formats(loaded->document);
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(checked);
  parser.populateSchema(adapter, loaded->schema);
  return loaded;
}

// One built-in schema, parsed the first time it is asked for: most are the
// schemas of devo's JSON output, which nothing here validates against.
struct BuiltinSchema {
  std::string_view bytes;
  std::once_flag parsed;
  std::unique_ptr<LoadedSchema> loaded;
};

// The built-in schemas, each parsed on first use (safely from any thread). A
// schema that fails to parse is a fault in devo itself, so it throws (and the
// CLI reports an internal error).
const LoadedSchema& schema_named(std::string_view path) {
  static auto k_schemas = [] {
    std::map<std::string, std::unique_ptr<BuiltinSchema>, std::less<>> schemas;
    for (const EmbeddedFile& file : builtin_schema_files()) {
      auto schema = std::make_unique<BuiltinSchema>();
      schema->bytes = file.bytes;
      schemas.emplace(std::string(file.path), std::move(schema));
    }
    return schemas;
  }();
  auto it = k_schemas.find(path);
  if (it == k_schemas.end()) {
    throw std::logic_error(fmt::format("no built-in schema '{}'", path));
  }
  BuiltinSchema& schema = *it->second;
  std::call_once(schema.parsed, [&] { schema.loaded = parse_schema(schema.bytes); });
  return *schema.loaded;
}

Json to_json(const Node& node) {
  switch (node.kind) {
    case Node::Kind::null:
      return nullptr;
    case Node::Kind::boolean:
      return node.boolean;
    case Node::Kind::integer:
      return node.integer;
    case Node::Kind::real:
      return node.real;
    case Node::Kind::string:
      return node.text;
    case Node::Kind::sequence: {
      Json array = Json::array();
      for (const Node& item : node.items) {
        array.push_back(to_json(item));
      }
      return array;
    }
    case Node::Kind::mapping: {
      Json object = Json::object();
      for (const Node::Entry& entry : node.entries) {
        object[entry.key] = to_json(entry.value);
      }
      return object;
    }
  }
  return nullptr;
}

// Follows local "$ref": "#/definitions/name" links.
const Json& resolve(const Json& root, const Json& schema) {
  const Json* current = &schema;
  for (int hops = 0; hops < 16 && current->is_object() && current->contains("$ref"); ++hops) {
    const std::string ref = (*current)["$ref"].get<std::string>();
    current = &root.at(Json::json_pointer(ref.substr(1)));
  }
  return *current;
}

// The schema that applies to the child `key` of an object node, or null.
const Json* property_schema(const Json& root, const Json& schema, const std::string& key) {
  const Json& object = resolve(root, schema);
  if (!object.is_object()) {
    return nullptr;
  }
  if (auto properties = object.find("properties");
      properties != object.end() && properties->contains(key)) {
    return &resolve(root, (*properties)[key]);
  }
  if (auto additional = object.find("additionalProperties");
      additional != object.end() && additional->is_object()) {
    return &resolve(root, *additional);
  }
  return nullptr;
}

const Json* items_schema(const Json& root, const Json& schema) {
  const Json& array = resolve(root, schema);
  if (auto items = array.find("items"); items != array.end() && items->is_object()) {
    return &resolve(root, *items);
  }
  return nullptr;
}

std::vector<std::string> allowed_keys(const Json& schema) {
  std::vector<std::string> keys;
  if (auto properties = schema.find("properties"); properties != schema.end()) {
    for (const auto& [key, value] : properties->items()) {
      keys.push_back(key);
    }
  }
  return keys;
}

std::string expected_words(const Json& schema, std::string_view fallback) {
  if (auto expected = schema.find("x-expected"); expected != schema.end()) {
    return expected->get<std::string>();
  }
  return std::string(fallback);
}

// The longest value a schema pattern is matched against: every pattern is of
// an id, a name or a page range, and std::regex needs stack in proportion to
// the text.
constexpr std::size_t k_max_patterned_length = 1000;

bool matches_pattern(const std::string& text, const std::string& pattern) {
  static std::map<std::string, std::regex> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) {
    it = cache.emplace(pattern, std::regex(pattern)).first;
  }
  return std::regex_search(text, it->second);
}

// The walk over the document and the schema together. valijson reports only
// the first unknown key of an object, and nothing at all for a key that breaks
// `propertyNames`; this reports every one, with the closest allowed key.
class KeyChecker {
 public:
  KeyChecker(const Json& root, Diagnostics& diags) : m_root(root), m_diags(diags) {}

  void walk(const Json& raw_schema, const Node& node) {
    const Json& schema = resolve(m_root, raw_schema);
    if (!schema.is_object()) {
      return;
    }
    if (node.kind == Node::Kind::string) {
      check_pattern(schema, node.text, node.location, "in the expected form");
      check_one_line(schema, node);
    } else if (node.kind == Node::Kind::mapping) {
      walk_mapping(schema, node);
    } else if (node.kind == Node::Kind::sequence) {
      if (const Json* items = items_schema(m_root, schema)) {
        for (const Node& item : node.items) {
          walk(*items, item);
        }
      }
    }
  }

 private:
  void walk_mapping(const Json& schema, const Node& node) {
    const auto properties = schema.find("properties");
    const auto additional = schema.find("additionalProperties");
    const bool closed =
        additional != schema.end() && additional->is_boolean() && !additional->get<bool>();
    for (const Node::Entry& entry : node.entries) {
      if (properties != schema.end() && properties->contains(entry.key)) {
        walk((*properties)[entry.key], entry.value);
      } else if (closed) {
        m_diags.error(entry.key_location, std::string(codes::unknown_key),
                      fmt::format("unknown key {}{}", load::quoted(entry.key),
                                  support::did_you_mean(entry.key, allowed_keys(schema))));
      } else {
        check_key_name(schema, entry);
        if (additional != schema.end() && additional->is_object()) {
          walk(*additional, entry.value);
        }
      }
    }
  }

  void check_key_name(const Json& schema, const Node::Entry& entry) {
    const auto names = schema.find("propertyNames");
    if (names == schema.end()) {
      return;
    }
    const Json& name_schema = resolve(m_root, *names);
    check_pattern(name_schema, entry.key, entry.key_location, "an allowed name");
  }

  // "x-one-line": a name shown at the head of a report is one line of
  // printable text. A line break in it would let a file forge a line of the
  // report ("Tier: level-3"), which escaping cannot show for what it is.
  void check_one_line(const Json& schema, const Node& node) {
    const auto one_line = schema.find("x-one-line");
    if (one_line == schema.end() || !one_line->is_boolean() || !one_line->get<bool>()) {
      return;
    }
    if (const auto control = support::first_control_character(node.text)) {
      m_diags.error(
          node.location, std::string(codes::invalid_value),
          fmt::format("a name is one line of text; this one holds {} ({})",
                      *control == '\n' || *control == '\r' ? "a line break" : "a control character",
                      support::escaped_byte(*control)));
    }
  }

  // The schema's "pattern", which valijson is not given (without_formats).
  void check_pattern(const Json& schema, const std::string& text, const Location& where,
                     std::string_view fallback) {
    const auto pattern = schema.find("pattern");
    if (pattern == schema.end() || !pattern->is_string()) {
      return;
    }
    if (text.size() > k_max_patterned_length) {
      m_diags.error(where, std::string(codes::invalid_value),
                    fmt::format("{} is not {}: it is longer than {} bytes", load::quoted(text),
                                expected_words(schema, fallback), k_max_patterned_length));
    } else if (!matches_pattern(text, pattern->get<std::string>())) {
      m_diags.error(
          where, std::string(codes::invalid_value),
          fmt::format("{} is not {}", load::quoted(text), expected_words(schema, fallback)));
    }
  }

  const Json& m_root;
  Diagnostics& m_diags;
};

// Where a valijson error points: the node, and the mapping entry holding it.
struct Target {
  const Node* node = nullptr;
  const Node::Entry* entry = nullptr;
  const Json* schema = nullptr;
};

Target find_target(const Json& root, const Node& document,
                   const std::vector<std::string>& context) {
  Target target{&document, nullptr, &root};
  for (const std::string& step : context) {
    if (step == "<root>" || step.size() < 2) {
      continue;
    }
    const std::string key = step.substr(1, step.size() - 2);
    const Node& node = *target.node;
    if (node.kind == Node::Kind::mapping) {
      const Node::Entry* entry = node.find_entry(key);
      if (entry == nullptr) {
        break;
      }
      target.schema = target.schema ? property_schema(root, *target.schema, key) : nullptr;
      target.entry = entry;
      target.node = &entry->value;
    } else if (node.kind == Node::Kind::sequence) {
      const std::size_t index = std::stoul(key);
      if (index >= node.items.size()) {
        break;
      }
      target.schema = target.schema ? items_schema(root, *target.schema) : nullptr;
      target.entry = nullptr;
      target.node = &node.items[index];
    } else {
      break;
    }
  }
  return target;
}

std::string type_words(const Json& schema) {
  static const std::map<std::string, std::string> k_words = {
      {"string", "text"},           {"integer", "a whole number"}, {"number", "a number"},
      {"boolean", "true or false"}, {"array", "a list"},           {"object", "a mapping"},
      {"null", "nothing"}};
  std::vector<std::string> words;
  if (auto type = schema.find("type"); type != schema.end()) {
    const Json types = type->is_array() ? *type : Json::array({*type});
    for (const Json& name : types) {
      words.push_back(k_words.at(name.get<std::string>()));
    }
  }
  if (words.empty()) {
    return "another kind of value";
  }
  std::string text = words.front();
  for (std::size_t i = 1; i < words.size(); ++i) {
    text += (i + 1 == words.size() ? " or " : ", ") + words[i];
  }
  return text;
}

std::string enum_words(const Json& schema, const Node& node) {
  std::vector<std::string> values;
  if (auto allowed = schema.find("enum"); allowed != schema.end()) {
    for (const Json& value : *allowed) {
      values.push_back(value.is_string() ? value.get<std::string>() : value.dump());
    }
  }
  return fmt::format("{} is not allowed here; expected {}{}", describe(node),
                     support::quoted_list(values), support::did_you_mean(node.text, values));
}

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// Turns one valijson error into devo's words, or nothing for the errors that
// only repeat a child's failure ("Failed to validate item #0") or that the key
// walk reports better.
void translate(const valijson::ValidationResults::Error& error, const Json& root,
               const Node& document, Diagnostics& diags) {
  const std::string& text = error.description;
  if (starts_with(text, "Failed to validate") || starts_with(text, "Object contains a property") ||
      starts_with(text, "String should be a valid date")) {
    // Dates are checked exactly (2023-02-29 included) when the file is decoded.
    return;
  }
  const Target target = find_target(root, document, error.context);
  const Node& node = *target.node;
  const Json empty = Json::object();
  const Json& schema = target.schema ? *target.schema : empty;
  const Location where = node.location;
  if (starts_with(text, "Missing required property '")) {
    const std::string key = text.substr(27, text.size() - 27 - 2);
    diags.error(where, std::string(codes::missing_key),
                fmt::format("missing required key '{}'", key));
  } else if (starts_with(text, "Value type not permitted")) {
    diags.error(where, std::string(codes::wrong_type),
                fmt::format("expected {} here, found {}", type_words(schema), describe(node)));
  } else if (starts_with(text, "Failed to match against any enum values")) {
    diags.error(where, std::string(codes::invalid_value), enum_words(schema, node));
  } else if (starts_with(text, "Failed to match regex")) {
    diags.error(where, std::string(codes::invalid_value),
                fmt::format("{} is not {}", load::quoted(node.text),
                            expected_words(schema, "in the expected form")));
  } else if (starts_with(text, "Array should contain no fewer") ||
             starts_with(text, "String should be no fewer") ||
             starts_with(text, "Object should have no fewer")) {
    diags.error(where, std::string(codes::invalid_value), "this must not be empty");
  } else if (starts_with(text, "Expected number greater than or equal to")) {
    diags.error(where, std::string(codes::invalid_value),
                fmt::format("expected a number of at least {}, found {}",
                            schema.value("minimum", 0), node.text));
  } else {
    diags.error(where, std::string(codes::invalid_value), text);
  }
}

}  // namespace

bool check_schema(const Node& document, std::string_view schema_path, Diagnostics& diags) {
  const LoadedSchema& loaded = schema_named(schema_path);
  const std::size_t errors_before = diags.error_count();

  const Json json = to_json(document);
  valijson::adapters::NlohmannJsonAdapter adapter(json);
  // valijson compiles each `pattern` of the schema into a std::regex and keeps
  // it in the Validator; a Validator made per call compiled them all again for
  // every document checked, which was a third of the time spent loading a
  // small rule file (found while fuzzing: fuzz/, docs/fuzzing.md). One per
  // thread keeps the compiled patterns; the schemas are fixed, so the cache
  // stays small.
  thread_local valijson::Validator validator;
  valijson::ValidationResults results;
  validator.validate(loaded.schema, adapter, &results);

  // valijson may report the same failure along several paths; one is enough.
  Diagnostics translated(0);
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    translate(error, loaded.document, document, translated);
  }
  KeyChecker(loaded.document, translated).walk(loaded.document, document);

  std::set<std::tuple<Location, std::string, std::string>> seen;
  for (const Diagnostic& diagnostic : translated.sorted()) {
    if (seen.emplace(diagnostic.location, diagnostic.code, diagnostic.message).second) {
      diags.error(diagnostic.location, diagnostic.code, diagnostic.message);
    }
  }
  return diags.error_count() == errors_before;
}

}  // namespace devo::validate
