#include "request_body.hpp"

#include <devo/codes.hpp>
#include <devo/engine.hpp>
#include <devo/limits.hpp>
#include <devo/spelling.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace devo::server {
namespace {

using Json = nlohmann::json;
using app::Given;

const std::vector<std::string>& body_keys() {
  static const std::vector<std::string> keys = {"authority", "proposal", "facts", "rules",
                                                "ruleset",   "as_of",    "assume"};
  return keys;
}

// A JSON Pointer's reference token: "~" and "/" escaped (RFC 6901).
std::string token(std::string_view key) {
  std::string out;
  for (char c : key) {
    out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  }
  return out;
}

Location at(std::string_view pointer) {
  return Location{fmt::format("#{}", pointer), 0, 0};
}

// Writes JSON with a value or key per line and notes where each starts.
class PointerWriter {
 public:
  void value(const Json& json, const std::string& pointer, std::size_t indent) {
    mark(pointer);
    if (json.is_object() && !json.empty()) {
      write("{\n");
      std::size_t left = json.size();
      for (const auto& [key, member] : json.items()) {
        write(std::string(indent + 2, ' '));
        const std::string inner = pointer + "/" + token(key);
        mark(inner);
        write(Json(key).dump() + ": ");
        value(member, inner, indent + 2);
        write(--left == 0 ? "\n" : ",\n");
      }
      write(std::string(indent, ' ') + "}");
    } else if (json.is_array() && !json.empty()) {
      write("[\n");
      for (std::size_t i = 0; i < json.size(); ++i) {
        write(std::string(indent + 2, ' '));
        value(json[i], fmt::format("{}/{}", pointer, i), indent + 2);
        write(i + 1 == json.size() ? "\n" : ",\n");
      }
      write(std::string(indent, ' ') + "]");
    } else {
      write(json.dump());
    }
  }

  std::string text;
  std::vector<PointerAt> pointers;

 private:
  void mark(const std::string& pointer) {
    pointers.push_back(PointerAt{m_line, m_column, pointer});
  }
  void write(const std::string& part) {
    for (char c : part) {
      if (c == '\n') {
        ++m_line;
        m_column = 1;
      } else {
        ++m_column;
      }
    }
    text += part;
  }
  std::uint32_t m_line = 1;
  std::uint32_t m_column = 1;
};

// A field that must be a string, if given.
std::optional<Given> text_field(const Json& body, std::string_view key, Diagnostics& problems) {
  const auto found = body.find(key);
  if (found == body.end()) {
    return Given{{}, at(fmt::format("/{}", key))};
  }
  if (!found->is_string()) {
    problems.error(at(fmt::format("/{}", key)), std::string(codes::wrong_type),
                   fmt::format("'{}' must be a string, not {}", key, found->type_name()));
    return std::nullopt;
  }
  return Given{found->get<std::string>(), at(fmt::format("/{}", key))};
}

void check_keys(const Json& body, const std::vector<std::string>& known, Diagnostics& problems) {
  for (const auto& [key, value] : body.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      problems.error(at("/" + token(key)), std::string(codes::unknown_key),
                     fmt::format("the body has no field '{}'{}; its fields are {}", key,
                                 did_you_mean(key, known), fmt::join(known, ", ")));
    }
  }
}

std::vector<Given> assumptions(const Json& body, Diagnostics& problems) {
  std::vector<Given> given;
  const auto found = body.find("assume");
  if (found == body.end()) {
    return given;
  }
  if (!found->is_array()) {
    problems.error(at("/assume"), std::string(codes::wrong_type),
                   "'assume' must be a list of \"fact=value\" strings");
    return given;
  }
  for (std::size_t i = 0; i < found->size(); ++i) {
    const Location place = at(fmt::format("/assume/{}", i));
    if (!(*found)[i].is_string()) {
      problems.error(place, std::string(codes::wrong_type),
                     "each assumption must be a \"fact=value\" string");
      continue;
    }
    given.push_back(Given{(*found)[i].get<std::string>(), place});
  }
  return given;
}

// How deeply the text's arrays and objects nest, counted before it is
// parsed: a body of a million '[' must not reach a recursive walk.
std::size_t nesting_depth(std::string_view text) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// The body as a JSON object, or its problem: nested too deeply (counted
// before it is parsed), not JSON, or not an object; `fields` says in words
// what the object holds.
std::optional<Json> json_object(std::string_view text, std::string_view fields,
                                Diagnostics& problems) {
  if (nesting_depth(text) > limits::k_max_depth) {
    problems.error(
        at(""), std::string(codes::too_deep),
        fmt::format("the body nests arrays and objects more than {} deep", limits::k_max_depth));
    return std::nullopt;
  }
  Json body;
  try {
    body = Json::parse(text);
  } catch (const Json::parse_error& error) {
    problems.error(
        at(""), std::string(codes::invalid_json),
        fmt::format("the body is not JSON: it breaks off or goes wrong at byte {}", error.byte));
    return std::nullopt;
  } catch (const Json::exception&) {
    // The parser's other refusal: a number too large for a double (1e999).
    problems.error(at(""), std::string(codes::invalid_json),
                   "the body is not JSON devo can read: it holds a number too large to hold");
    return std::nullopt;
  }
  if (!body.is_object()) {
    problems.error(
        at(""), std::string(codes::wrong_type),
        fmt::format("the body must be a JSON object with {}, not {}", fields, body.type_name()));
    return std::nullopt;
  }
  return body;
}

}  // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const auto closest = closest_spelling(word, candidates);
  return closest ? fmt::format(" (did you mean '{}'?)", *closest) : std::string();
}

// A request names only built-in rule sets: no file is ever read for it.
void check_builtin_rules(const Given& rules, Diagnostics& problems) {
  const auto ids = builtin_ruleset_ids();
  if (!rules.empty() && std::find(ids.begin(), ids.end(), rules.text) == ids.end()) {
    problems.error(rules.at, std::string(codes::unknown_ruleset),
                   fmt::format("'{}' is no built-in rule set{}; built in: {}", rules.text,
                               did_you_mean(rules.text, ids), fmt::join(ids, ", ")));
  }
}

// A rule file sent with the request ("ruleset"), when the server takes one
// and "rules" does not also name a rule set: its text, named "#/ruleset" so
// that the loader's diagnostics point at it.
std::optional<std::string> sent_rule_file(const Json& body, bool rule_upload,
                                          Diagnostics& problems) {
  const auto found = body.find("ruleset");
  if (found == body.end()) {
    return std::nullopt;
  }
  if (!rule_upload) {
    problems.error(at("/ruleset"), std::string(codes::rule_upload_off),
                   fmt::format("this server takes no rule files (it was started without "
                               "--allow-rule-upload); name a built-in rule set in 'rules': {}",
                               fmt::join(builtin_ruleset_ids(), ", ")));
  } else if (!found->is_string()) {
    problems.error(at("/ruleset"), std::string(codes::wrong_type),
                   fmt::format("'ruleset' must be a rule file's text (YAML or JSON) as a string, "
                               "not {}",
                               found->type_name()));
  } else if (body.contains("rules")) {
    problems.error(at("/rules"), std::string(codes::invalid_value),
                   "give 'rules' (a built-in rule set) or 'ruleset' (a rule file), not both");
  } else {
    return found->get<std::string>();
  }
  return std::nullopt;
}

EvaluationBody::Decoded EvaluationBody::decode(std::string_view text, const std::string& data,
                                               const std::vector<std::string>& more_keys,
                                               bool rule_upload) {
  Diagnostics problems;
  const auto parsed = json_object(text, "'authority', 'proposal' or 'facts'", problems);
  if (!parsed) {
    return Decoded(std::move(problems));
  }
  const Json& body = *parsed;
  std::vector<std::string> known = body_keys();
  known.insert(known.end(), more_keys.begin(), more_keys.end());
  check_keys(body, known, problems);
  const std::size_t subjects =
      body.count("authority") + body.count("proposal") + body.count("facts");
  if (subjects != 1) {
    problems.error(at(""), std::string(codes::missing_key),
                   subjects == 0 ? "name what to evaluate: 'authority', 'proposal' or 'facts'"
                                 : "give one of 'authority', 'proposal' and 'facts', not several");
  }
  EvaluationBody decoded;
  const auto rules = text_field(body, "rules", problems);
  const auto as_of = text_field(body, "as_of", problems);
  if (rules) {
    check_builtin_rules(*rules, problems);
  }
  const auto rule_file = sent_rule_file(body, rule_upload, problems);
  decoded.request.assumptions = assumptions(body, problems);
  decoded.request.assumption_note = "assumed in the request";
  if (body.contains("authority")) {
    if (const auto authority = text_field(body, "authority", problems)) {
      decoded.request.subject = {app::SubjectRequest::Kind::authority, *authority, {}};
    }
  }
  for (const auto& [key, kind] : {std::pair{"proposal", app::SubjectRequest::Kind::proposal},
                                  std::pair{"facts", app::SubjectRequest::Kind::facts}}) {
    const auto found = body.find(key);
    if (found == body.end()) {
      continue;
    }
    if (!found->is_object()) {
      problems.error(at(fmt::format("/{}", key)), std::string(codes::wrong_type),
                     fmt::format("'{}' must be an object with the fields of a {} file", key, key));
      continue;
    }
    PointerWriter writer;
    writer.value(*found, fmt::format("/{}", key), 0);
    const std::string field = fmt::format("#/{}", key);
    decoded.m_text = {SentText{field, std::move(writer.pointers)}};
    decoded.request.subject = {kind, Given{field, at(fmt::format("/{}", key))},
                               std::move(writer.text)};
  }
  if (problems.has_errors() || !rules || !as_of) {
    return Decoded(std::move(problems));
  }
  // A warning about the subject's text (an unknown fact) names the pointer.
  decoded.request.place_of = [texts = decoded.m_text](const Location& where) {
    return located_at(where, texts);
  };
  decoded.request.inputs = app::Inputs{*as_of, *rules, Given{data, {}}, rule_file};
  if (rule_file) {
    decoded.request.inputs.rules = Given{"#/ruleset", at("/ruleset")};
  }
  return Decoded(std::move(decoded));
}

namespace {

// The string fields of a diff's body, each blamed on its pointer ("" when
// not given); nothing when one is not a string or a required one is missing.
std::optional<std::map<std::string, Given, std::less<>>> diff_fields(const Json& body,
                                                                     Diagnostics& problems) {
  std::map<std::string, Given, std::less<>> fields;
  for (const char* key : {"from", "to", "as_of", "from_as_of", "to_as_of"}) {
    if (const auto value = text_field(body, key, problems)) {
      fields.emplace(key, *value);
    }
  }
  for (const char* key : {"from", "to"}) {
    if (!body.contains(key)) {
      problems.error(at(fmt::format("/{}", key)), std::string(codes::missing_key),
                     fmt::format("the body needs '{}'", key));
    }
  }
  if (problems.has_errors()) {
    return std::nullopt;
  }
  return fields;
}

// The proposals a diff compares as well, into `decoded`.
void read_sent_proposals(const Json& body, DiffBody& decoded, Diagnostics& problems) {
  constexpr std::size_t k_most = 100;
  const auto found = body.find("proposals");
  if (found == body.end()) {
    return;
  }
  if (!found->is_array() || found->size() > k_most) {
    problems.error(at("/proposals"),
                   std::string(found->is_array() ? codes::invalid_value : codes::wrong_type),
                   fmt::format("'proposals' must be a list of at most {} proposals, each an "
                               "object with the fields of a proposal file",
                               k_most));
    return;
  }
  for (std::size_t i = 0; i < found->size(); ++i) {
    const std::string pointer = fmt::format("/proposals/{}", i);
    if (!(*found)[i].is_object()) {
      problems.error(at(pointer), std::string(codes::wrong_type),
                     "each proposal must be an object with the fields of a proposal file");
      continue;
    }
    PointerWriter writer;
    writer.value((*found)[i], pointer, 0);
    decoded.proposals.push_back({app::SubjectRequest::Kind::proposal,
                                 Given{"#" + pointer, at(pointer)}, std::move(writer.text)});
    decoded.texts.push_back(SentText{"#" + pointer, std::move(writer.pointers)});
  }
}

}  // namespace

std::optional<DiffBody> decode_diff_body(std::string_view text, Diagnostics& problems) {
  const std::vector<std::string> keys = {"from",       "to",       "as_of",
                                         "from_as_of", "to_as_of", "proposals"};
  const auto body = json_object(text, fmt::format("{}", fmt::join(keys, ", ")), problems);
  if (!body) {
    return std::nullopt;
  }
  check_keys(*body, keys, problems);
  auto fields = diff_fields(*body, problems);
  if (!fields) {
    return std::nullopt;
  }
  DiffBody decoded{std::move(*fields), {}, {}};
  read_sent_proposals(*body, decoded, problems);
  return decoded;
}

Location located_at(const Location& where, const std::vector<SentText>& texts) {
  const auto text = std::find_if(texts.begin(), texts.end(),
                                 [&](const SentText& sent) { return sent.field == where.file; });
  if (text == texts.end()) {
    return where;
  }
  // The value or key starting last at or before the place.
  const PointerAt place{where.line, where.column, {}};
  auto after = std::upper_bound(text->pointers.begin(), text->pointers.end(), place,
                                [](const PointerAt& a, const PointerAt& b) {
                                  return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                                });
  const std::string pointer =
      after == text->pointers.begin() ? text->field.substr(1) : std::prev(after)->pointer;
  return at(pointer);
}

Diagnostics located(const Diagnostics& diags, const std::vector<SentText>& texts) {
  Diagnostics found(diags.max_errors());
  for (Diagnostic diagnostic : diags.sorted()) {
    diagnostic.location = located_at(diagnostic.location, texts);
    for (Diagnostic& note : diagnostic.notes) {
      note.location = located_at(note.location, texts);
    }
    found.report(std::move(diagnostic));
  }
  return found;
}

Diagnostics EvaluationBody::located(const Diagnostics& diags) const {
  return server::located(diags, m_text);
}

}  // namespace devo::server
