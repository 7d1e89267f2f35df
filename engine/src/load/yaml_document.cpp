#include "load/yaml_document.hpp"

#include "load/text_checks.hpp"

#include <devo/codes.hpp>
#include <devo/limits.hpp>
#include <devo/value.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <unordered_map>

namespace devo::load {

const Node* Node::find(std::string_view key) const {
  const Entry* entry = find_entry(key);
  return entry == nullptr ? nullptr : &entry->value;
}

const Node::Entry* Node::find_entry(std::string_view key) const {
  for (const Entry& entry : entries) {
    if (entry.key == key) {
      return &entry;
    }
  }
  return nullptr;
}

std::string_view to_string(Node::Kind kind) {
  switch (kind) {
    case Node::Kind::null:
      return "null";
    case Node::Kind::boolean:
      return "bool";
    case Node::Kind::integer:
      return "integer";
    case Node::Kind::real:
      return "number";
    case Node::Kind::string:
      return "string";
    case Node::Kind::sequence:
      return "list";
    case Node::Kind::mapping:
      return "mapping";
  }
  return "null";
}

std::string describe(const Node& node) {
  switch (node.kind) {
    case Node::Kind::null:
      return "nothing (null)";
    case Node::Kind::boolean:
      return fmt::format("the bool {}", node.boolean ? "true" : "false");
    case Node::Kind::integer:
      return fmt::format("the integer {}", node.integer);
    case Node::Kind::real:
      return fmt::format("the number {}", node.text);
    case Node::Kind::string:
      return fmt::format("the string '{}'", node.text);
    case Node::Kind::sequence:
      return "a list";
    case Node::Kind::mapping:
      return "a mapping";
  }
  return "a value";
}

namespace {

// yaml-cpp counts from 0; people and editors count from 1.
Location location_of(const YAML::Mark& mark, const std::string& file) {
  if (mark.is_null() || mark.line < 0) {
    return Location{file, 0, 0};
  }
  return Location{file, static_cast<std::uint32_t>(mark.line + 1),
                  static_cast<std::uint32_t>(mark.column + 1)};
}

class Converter {
 public:
  Converter(const std::string& file, Diagnostics& diags) : m_file(file), m_diags(diags) {}

  bool over_limit() const { return m_reported_depth || m_reported_size; }

  Node convert(const YAML::Node& yaml, std::size_t depth) {
    Node node;
    node.location = location_of(yaml.Mark(), m_file);
    // Aliases are expanded here, so a few of them can stand for millions of
    // nodes ("billion laughs"); past the limit the rest is left out.
    if (++m_nodes > limits::k_max_nodes) {
      if (!m_reported_size) {
        m_diags.error(node.location, std::string(codes::too_large),
                      fmt::format("the document holds more than {} values once its aliases are "
                                  "expanded",
                                  format_integer(limits::k_max_nodes)));
        m_reported_size = true;
      }
      return node;
    }
    if (depth > limits::k_max_depth) {
      if (!m_reported_depth) {
        m_diags.error(
            node.location, std::string(codes::too_deep),
            fmt::format("the document nests more than {} levels deep", limits::k_max_depth));
        m_reported_depth = true;
      }
      return node;
    }
    switch (yaml.Type()) {
      case YAML::NodeType::Sequence:
        node.kind = Node::Kind::sequence;
        for (const YAML::Node& item : yaml) {
          if (m_reported_size) {
            break;  // over the size limit: the rest is not needed
          }
          node.items.push_back(convert(item, depth + 1));
        }
        break;
      case YAML::NodeType::Map:
        node.kind = Node::Kind::mapping;
        convert_mapping(yaml, node, depth);
        break;
      case YAML::NodeType::Scalar:
        resolve_scalar(yaml, node);
        break;
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        node.kind = Node::Kind::null;
        break;
    }
    return node;
  }

 private:
  void convert_mapping(const YAML::Node& yaml, Node& node, std::size_t depth) {
    std::unordered_map<std::string, Location> seen;
    for (const auto& pair : yaml) {
      if (m_reported_size) {
        break;  // over the size limit: the rest is not needed
      }
      const Location key_location = location_of(pair.first.Mark(), m_file);
      if (!pair.first.IsScalar()) {
        m_diags.error(key_location, std::string(codes::wrong_type),
                      "a mapping key must be plain text, not a list or mapping");
        continue;
      }
      const std::string key = pair.first.Scalar();
      auto [it, inserted] = seen.emplace(key, key_location);
      if (!inserted) {
        // yaml-cpp keeps both entries and looks up the first; a person who
        // wrote the key twice meant one of them, so say so.
        m_diags
            .error(key_location, std::string(codes::duplicate_key),
                   fmt::format("key '{}' appears twice in this mapping", key))
            .note(it->second, "first given here");
        continue;
      }
      node.entries.push_back(Node::Entry{key, key_location, convert(pair.second, depth + 1)});
    }
  }

  void resolve_scalar(const YAML::Node& yaml, Node& node) {
    node.text = yaml.Scalar();
    const std::string& tag = yaml.Tag();
    // "?" marks a plain scalar, whose type comes from its spelling; a quoted
    // scalar ("!") or one tagged !!str is always a string.
    if (tag != "?") {
      node.kind = Node::Kind::string;
      return;
    }
    resolve_plain(node);
  }

  void resolve_plain(Node& node) {
    const std::string& text = node.text;
    if (is_one_of(text, {"", "~", "null", "Null", "NULL"})) {
      node.kind = Node::Kind::null;
    } else if (is_one_of(text, {"true", "True", "TRUE", "false", "False", "FALSE"})) {
      node.kind = Node::Kind::boolean;
      node.boolean = text.front() == 't' || text.front() == 'T';
    } else if (is_integer(text)) {
      resolve_integer(node);
    } else if (is_real(text)) {
      node.kind = Node::Kind::real;
      node.real = std::strtod(text.c_str(), nullptr);
    } else {
      node.kind = Node::Kind::string;
    }
  }

  static bool is_one_of(const std::string& text, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), text) != words.end();
  }

  static std::string_view without_sign(std::string_view text) {
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
      text.remove_prefix(1);
    }
    return text;
  }

  static bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  // [-+]?[0-9]+
  static bool is_integer(std::string_view text) { return all_digits(without_sign(text)); }

  // [-+]?(.[0-9]+|[0-9]+(.[0-9]*)?)([eE][-+]?[0-9]+)? and the .inf/.nan spellings.
  static bool is_real(std::string_view text) {
    if (is_one_of(std::string(text), {".nan", ".NaN", ".NAN"})) {
      return true;
    }
    text = without_sign(text);
    if (is_one_of(std::string(text), {".inf", ".Inf", ".INF"})) {
      return true;
    }
    const std::size_t exponent = text.find_first_of("eE");
    if (exponent != std::string_view::npos) {
      if (!all_digits(without_sign(text.substr(exponent + 1)))) {
        return false;
      }
      text = text.substr(0, exponent);
    }
    const std::size_t point = text.find('.');
    if (point == std::string_view::npos) {
      return all_digits(text);
    }
    const std::string_view whole = text.substr(0, point);
    const std::string_view fraction = text.substr(point + 1);
    if (whole.empty()) {
      return all_digits(fraction);
    }
    return all_digits(whole) && (fraction.empty() || all_digits(fraction));
  }

  void resolve_integer(Node& node) {
    std::string_view digits = node.text;
    if (!digits.empty() && digits.front() == '+') {
      digits.remove_prefix(1);
    }
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), node.integer);
    node.kind = Node::Kind::integer;
    if (result.ec == std::errc::result_out_of_range) {
      m_diags.error(
          node.location, std::string(codes::number_out_of_range),
          fmt::format("the number {} is too large (the limit is {})", node.text, format_limit()));
      node.integer = 0;
    }
  }

  static std::string format_limit() { return "9223372036854775807"; }

  const std::string& m_file;
  Diagnostics& m_diags;
  std::size_t m_nodes = 0;
  bool m_reported_depth = false;
  bool m_reported_size = false;
};

}  // namespace

std::optional<Node> parse_yaml(const SourceFile& file, Diagnostics& diags) {
  diags.add_source(file.name, file.text);
  if (!check_encoding(file, diags) || !check_structure(file, diags)) {
    return std::nullopt;
  }
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(*file.text);
  } catch (const YAML::Exception& error) {
    // The one place a yaml-cpp exception may surface; it leaves as a diagnostic.
    diags.error(location_of(error.mark, file.name), std::string(codes::yaml_syntax), error.msg);
    return std::nullopt;
  }
  if (documents.empty() || (documents.size() == 1 && documents.front().IsNull())) {
    diags.error(Location{file.name, 0, 0}, std::string(codes::empty_document),
                "the file holds no YAML document (it is empty or only comments)");
    return std::nullopt;
  }
  if (documents.size() > 1) {
    diags.error(
        location_of(documents[1].Mark(), file.name), std::string(codes::multiple_documents),
        fmt::format("the file holds {} YAML documents; devo reads one per file", documents.size()));
    return std::nullopt;
  }
  // Repeated keys and out-of-range numbers are reported but the tree is still
  // returned, so that later stages can report more problems in the same run.
  // A document past a limit is not worth checking further.
  Converter converter(file.name, diags);
  Node root = converter.convert(documents.front(), 0);
  if (converter.over_limit()) {
    return std::nullopt;
  }
  return root;
}

}  // namespace devo::load
