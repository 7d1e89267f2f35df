// The HTTP API's routes: each decodes its request into a use case's request,
// calls it and renders the result as the command line would for the same
// question. A value from the request is blamed, when it is wrong, on its
// place in the request: a JSON Pointer into the body ("#/as_of"), or the
// query parameter ("?authority").

#include "routes.hpp"

#include "request_body.hpp"

#include <devo/codes.hpp>
#include <devo/embedded.hpp>
#include <devo/engine.hpp>
#include <devo/report.hpp>
#include <devo/spelling.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

namespace devo {
// The files built into the server (server/CMakeLists.txt).
std::span<const EmbeddedFile> web_files();
}  // namespace devo

namespace devo::server {
namespace {

using app::Given;

constexpr std::string_view k_json = "application/json";
constexpr std::string_view k_svg = "image/svg+xml";
constexpr std::string_view k_html = "text/html; charset=utf-8";
constexpr std::string_view k_text = "text/plain; charset=utf-8";

// ------------------------------------------------------------ the target

struct Target {
  std::string path;
  std::map<std::string, std::string, std::less<>> query;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

// %XX and, in a query, '+' for a space; a malformed escape is kept as it is.
std::string decoded(std::string_view text, bool query) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() + 0 && i + 2 <= text.size() - 1 &&
        hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else if (query && text[i] == '+') {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

Target parse_target(std::string_view target) {
  Target parsed;
  const auto mark = target.find('?');
  parsed.path = decoded(target.substr(0, mark), false);
  if (mark == std::string_view::npos) {
    return parsed;
  }
  std::string_view rest = target.substr(mark + 1);
  while (!rest.empty()) {
    const auto end = rest.find('&');
    const std::string_view pair = rest.substr(0, end);
    const auto equals = pair.find('=');
    const std::string key = decoded(pair.substr(0, equals), true);
    if (!key.empty()) {
      parsed.query[key] =
          equals == std::string_view::npos ? std::string() : decoded(pair.substr(equals + 1), true);
    }
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  return parsed;
}

// A query parameter as a use case's value, blamed on "?name".
Given parameter(const Target& target, std::string_view name) {
  const auto found = target.query.find(name);
  return Given{found == target.query.end() ? std::string() : found->second,
               Location{fmt::format("?{}", name), 0, 0}};
}

// ------------------------------------------------------------ responses

Response answer(std::string_view content_type, std::string body) {
  return Response{200, std::string(content_type), std::move(body), {}};
}

// The problems of a request: its diagnostics as JSON, as the command line
// prints them for --format json.
Response problems(unsigned status, const Diagnostics& diags) {
  return Response{status, std::string(k_json), render_diagnostics(diags, OutputFormat::json), {}};
}

Response problem(unsigned status, std::string_view code, std::string message,
                 const Location& at = {}) {
  Diagnostics diags;
  diags.error(at, std::string(code), std::move(message));
  return problems(status, diags);
}

// ------------------------------------------------------------ the use cases

// Which query parameters a GET route takes: any other is a 400 with the
// closest one named.
std::optional<Response> unknown_parameter(const Target& target,
                                          const std::vector<std::string>& known) {
  for (const auto& [name, value] : target.query) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return problem(
          400, codes::unknown_key,
          fmt::format("this request takes no parameter '{}'{}", name, did_you_mean(name, known)),
          Location{fmt::format("?{}", name), 0, 0});
    }
  }
  return std::nullopt;
}

Response list_of(app::ListWhat what, const Given& rules) {
  Diagnostics diags;
  const auto table = app::list(what, rules, diags);
  if (!table) {
    return problems(what == app::ListWhat::rulesets ? 400 : 404, diags);
  }
  return answer(k_json, render_table(*table, OutputFormat::json));
}

// A search box's suggestions: `devo list authorities --match q`, at most
// `limit` (10 unless asked; 1 to 500).
Response authorities(const Target& target, const std::string& data) {
  if (auto unknown = unknown_parameter(target, {"q", "limit"})) {
    return *unknown;
  }
  const Given limit = parameter(target, "limit");
  std::size_t most = 10;
  if (!limit.empty()) {
    const bool digits =
        limit.text.size() <= 3 && limit.text.find_first_not_of("0123456789") == std::string::npos;
    most = digits ? std::stoul(limit.text) : 0;
    if (most < 1 || most > 500) {
      return problem(400, codes::invalid_value,
                     fmt::format("'{}' is not a whole number from 1 to 500", limit.text), limit.at);
    }
  }
  Diagnostics diags;
  const auto found = app::list_authorities(parameter(target, "q"), Given{data, {}}, most, diags);
  if (!found) {
    return problems(400, diags);
  }
  return answer(k_json, render_table(*found, OutputFormat::json));
}

Response evaluate(const EvaluationBody& body) {
  Diagnostics diags;
  const auto result = app::evaluate(body.request, diags);
  if (!result) {
    return problems(400, body.located(diags));
  }
  return answer(k_json, render_evaluation(result->evaluation(), OutputFormat::json));
}

Response report(const EvaluationBody& body) {
  Diagnostics diags;
  const auto result = app::evaluate(body.request, diags);
  if (!result) {
    return problems(400, body.located(diags));
  }
  const auto map = app::map_of(*result);
  return answer(k_html, render_evaluation_html(result->evaluation(),
                                               map ? render_map_svg(*map) : std::string()));
}

// The map of an evaluation, as the printable report draws it (POST
// /v1/map.svg): what the page shows beside its answer.
Response evaluation_map(const EvaluationBody& body) {
  if (body.request.subject.kind == app::SubjectRequest::Kind::facts) {
    return problem(400, codes::invalid_value,
                   "a map is drawn of an authority or a proposal, not of facts given by hand",
                   Location{"#/facts", 0, 0});
  }
  Diagnostics diags;
  const auto result = app::evaluate(body.request, diags);
  if (!result) {
    return problems(400, body.located(diags));
  }
  const auto map = app::map_of(*result);
  if (!map) {
    return problem(400, codes::no_shapes, "the data has no shapes of districts to draw",
                   Location{"#", 0, 0});
  }
  return answer(k_svg, render_map_svg(*map));
}

Response validate(const EvaluationBody& body) {
  Diagnostics diags;
  if (body.request.subject.kind != app::SubjectRequest::Kind::proposal) {
    return problem(400, codes::missing_key, "validate takes a proposal: give 'proposal'",
                   Location{"#", 0, 0});
  }
  const app::ValidateRequest request{body.request.subject, body.request.inputs};
  const auto result = app::validate(request, diags);
  if (!result) {
    return problems(400, body.located(diags));
  }
  // The findings of a proposal are its own: where the body put them.
  Diagnostics findings = body.located(result->findings);
  const Validation validation{result->receipt, result->facts.subject, result->tier,
                              result->tier_title, findings};
  return answer(k_json, render_validation(validation, OutputFormat::json));
}

// The fields `devo suggest` takes beside devo evaluate's; the search budget
// is the command line's default (SuggestOptions).
const std::vector<std::string>& suggest_keys() {
  static const std::vector<std::string> keys = {"target_tier", "want", "max_councils", "top"};
  return keys;
}

// A whole number field of the body from `low` to `high`, if given.
std::optional<std::size_t> whole_field(const nlohmann::json& body, const char* key,
                                       std::size_t fallback, std::size_t low, std::size_t high,
                                       Diagnostics& problems) {
  const auto found = body.find(key);
  if (found == body.end()) {
    return fallback;
  }
  if (!found->is_number_integer() || found->get<std::int64_t>() < static_cast<std::int64_t>(low) ||
      found->get<std::int64_t>() > static_cast<std::int64_t>(high)) {
    problems.error(Location{fmt::format("#/{}", key), 0, 0}, std::string(codes::invalid_value),
                   fmt::format("'{}' must be a whole number from {} to {}", key, low, high));
    return std::nullopt;
  }
  return static_cast<std::size_t>(found->get<std::int64_t>());
}

Response suggest(const Request& request, const Served& served) {
  auto decoded =
      EvaluationBody::decode(request.body, served.data, suggest_keys(), served.allow_rule_upload);
  if (!decoded.ok()) {
    return problems(400, decoded.problems());
  }
  const EvaluationBody& body = decoded.value();
  // Read as JSON already: the extra fields are picked out here.
  const auto json = nlohmann::json::parse(request.body);
  Diagnostics problems_found;
  app::SuggestRequest search;
  search.subject = body.request.subject;
  search.inputs = body.request.inputs;
  search.assumptions = body.request.assumptions;
  const auto tier = json.find("target_tier");
  if (tier == json.end() || !tier->is_string()) {
    problems_found.error(Location{"#/target_tier", 0, 0},
                         std::string(tier == json.end() ? codes::missing_key : codes::wrong_type),
                         "'target_tier' must name the tier to reach, as a string (\"mayoral\")");
  } else {
    search.target_tier = Given{tier->get<std::string>(), Location{"#/target_tier", 0, 0}};
  }
  if (const auto want = json.find("want"); want != json.end()) {
    for (std::size_t i = 0; want->is_array() && i < want->size(); ++i) {
      if ((*want)[i].is_string()) {
        search.wanted_powers.push_back(
            Given{(*want)[i].get<std::string>(), Location{fmt::format("#/want/{}", i), 0, 0}});
      }
    }
    if (!want->is_array() || search.wanted_powers.size() != want->size()) {
      problems_found.error(Location{"#/want", 0, 0}, std::string(codes::wrong_type),
                           "'want' must be a list of powers' ids");
    }
  }
  const auto councils =
      whole_field(json, "max_councils", search.max_councils, 1, 12, problems_found);
  const auto top = whole_field(json, "top", search.top, 1, 100, problems_found);
  if (problems_found.has_errors() || !councils || !top) {
    return problems(400, problems_found);
  }
  search.max_councils = *councils;
  search.top = *top;
  Diagnostics diags;
  const auto result = app::suggest(search, diags);
  if (!result) {
    return problems(400, body.located(diags));
  }
  return answer(k_json, render_suggestions(result->report, *result->rules, result->receipt,
                                           result->options, OutputFormat::json));
}

// What changes between two rule sets (or dates) over England, and for the
// proposals sent: `devo diff --format json`. Only built-in rule sets are
// named.
Response diff(const Request& request, const std::string& data) {
  Diagnostics diags;
  auto body = decode_diff_body(request.body, diags);
  if (!body) {
    return problems(400, diags);
  }
  const auto& given = body->fields;
  for (const char* side : {"from", "to"}) {
    check_builtin_rules(given.at(side), diags);
  }
  const Given& both = given.at("as_of");
  const auto side_date = [&](const char* key) {
    return given.at(key).empty() ? both : given.at(key);
  };
  const app::DiffRequest asked{given.at("from"),           given.at("to"),
                               side_date("from_as_of"),    side_date("to_as_of"),
                               std::move(body->proposals), Given{data, {}}};
  const auto result = diags.has_errors() ? std::nullopt : app::diff(asked, diags);
  if (!result) {
    return problems(400, located(diags, body->texts));
  }
  return answer(k_json, render_diff(result->report, result->from_receipt, result->to_receipt,
                                    OutputFormat::json));
}

Response map_svg(const Target& target, const std::string& data) {
  if (auto unknown = unknown_parameter(target, {"authority", "all", "rules", "as_of", "colour"})) {
    return *unknown;
  }
  app::MapRequest request;
  request.subject = {app::SubjectRequest::Kind::authority, parameter(target, "authority"), {}};
  request.all = parameter(target, "all").text == "true";
  request.inputs = {parameter(target, "as_of"), parameter(target, "rules"), Given{data, {}}};
  const Given colour = parameter(target, "colour");
  request.colour_at = colour.at;
  if (!colour.empty()) {
    const auto chosen = app::map_colour(colour.text);
    if (!chosen) {
      return problem(400, codes::invalid_value,
                     fmt::format("'{}' is no colouring{}", colour.text,
                                 did_you_mean(colour.text, app::map_colour_names())),
                     colour.at);
    }
    request.colour = *chosen;
  }
  if (request.all == !request.subject.name.empty()) {
    return problem(400, codes::missing_key, "name what to draw: authority=..., or all=true",
                   Location{"?authority", 0, 0});
  }
  Diagnostics diags;
  const auto map = app::map(request, diags);
  if (!map) {
    return problems(400, diags);
  }
  return answer(k_svg, render_map_svg(*map));
}

// A file built into the server (web_files), by its path in the source tree.
std::optional<std::string_view> web_file(std::string_view path) {
  for (const EmbeddedFile& file : web_files()) {
    if (file.path == path) {
      return file.bytes;
    }
  }
  return std::nullopt;
}

// A JSON Schema devo publishes, by its file name: what `devo schema` prints.
std::optional<Response> schema(std::string_view path) {
  constexpr std::string_view prefix = "/v1/schemas/";
  if (!path.starts_with(prefix)) {
    return std::nullopt;
  }
  const std::string name(path.substr(prefix.size()));
  Diagnostics diags;
  const auto text = name.ends_with(".schema.json")
                        ? app::schema_text(Given{name, Location{"#/name", 0, 0}}, diags)
                        : std::nullopt;
  if (!text) {
    if (diags.empty()) {
      diags.error(
          Location{"#/name", 0, 0}, std::string(codes::unknown_schema),
          fmt::format("there is no schema '{}'; a schema's name ends in .schema.json", name));
    }
    return problems(404, diags);
  }
  return answer(k_json, *text);
}

// A file of the page (web/): its stylesheet, scripts and the packages they
// use, built into devo. Only names the build embedded are served.
std::optional<Response> page_asset(std::string_view path) {
  constexpr std::string_view prefix = "/assets/";
  if (!path.starts_with(prefix)) {
    return std::nullopt;
  }
  const std::string_view name = path.substr(prefix.size());
  const auto bytes = name.find('/') == std::string_view::npos
                         ? web_file(fmt::format("assets/{}", name))
                         : std::nullopt;
  if (!bytes) {
    return Response{404, std::string(k_text), "no such page\n", {}};
  }
  const std::string_view type = name.ends_with(".css")   ? "text/css; charset=utf-8"
                                : name.ends_with(".js")  ? "text/javascript; charset=utf-8"
                                : name.ends_with(".svg") ? k_svg
                                                         : "application/octet-stream";
  return answer(type, std::string(*bytes));
}

// ------------------------------------------------------------ routing

// A route's handler: the request, its parsed target, and what the server
// answers with.
using Handler = Response (*)(const Request&, const Target&, const Served& served);

struct Route {
  std::string_view method;
  std::string_view path;
  Handler handler;
};

// A route whose handler takes a JSON body like devo evaluate's arguments.
template <Response (*use)(const EvaluationBody&)>
Response with_body(const Request& request, const Target&, const Served& served) {
  auto body = EvaluationBody::decode(request.body, served.data, {}, served.allow_rule_upload);
  if (!body.ok()) {
    return problems(400, body.problems());
  }
  return use(body.value());
}

// Every route with a fixed path, made once.
constexpr Route k_routes[] = {
    {"GET", "/healthz",
     [](const Request&, const Target&, const Served&) { return answer(k_text, "ok\n"); }},
    {"GET", "/v1/openapi.json",
     [](const Request&, const Target&, const Served&) {
       return answer(k_json, std::string(*web_file("schemas/openapi.json")));
     }},
    {"GET", "/v1/rulesets",
     [](const Request&, const Target&, const Served&) {
       return list_of(app::ListWhat::rulesets, {});
     }},
    {"GET", "/v1/authorities",
     [](const Request&, const Target& target, const Served& served) {
       return authorities(target, served.data);
     }},
    {"GET", "/v1/map.svg",
     [](const Request&, const Target& target, const Served& served) {
       return map_svg(target, served.data);
     }},
    {"POST", "/v1/evaluate", with_body<evaluate>},
    {"POST", "/v1/validate", with_body<validate>},
    {"POST", "/v1/report.html", with_body<report>},
    {"POST", "/v1/map.svg", with_body<evaluation_map>},
    {"GET", "/",
     [](const Request&, const Target&, const Served&) {
       return answer(k_html, std::string(*web_file("index.html")));
     }},
    {"POST", "/v1/diff",
     [](const Request& request, const Target&, const Served& served) {
       return diff(request, served.data);
     }},
    {"POST", "/v1/suggest",
     [](const Request& request, const Target&, const Served& served) {
       return suggest(request, served);
     }},
};

// The rule set a path names, for /v1/rulesets/{id}/tiers, /powers and /facts.
std::optional<std::pair<std::string, app::ListWhat>> ruleset_listing(std::string_view path) {
  constexpr std::string_view prefix = "/v1/rulesets/";
  if (!path.starts_with(prefix)) {
    return std::nullopt;
  }
  const std::string_view rest = path.substr(prefix.size());
  for (const auto& [suffix, what] : {std::pair{std::string_view("/tiers"), app::ListWhat::tiers},
                                     std::pair{std::string_view("/powers"), app::ListWhat::powers},
                                     std::pair{std::string_view("/facts"), app::ListWhat::facts}}) {
    if (rest.ends_with(suffix) && rest.size() > suffix.size()) {
      const std::string_view id = rest.substr(0, rest.size() - suffix.size());
      if (id.find('/') == std::string_view::npos) {
        return std::pair{std::string(id), what};
      }
    }
  }
  return std::nullopt;
}

// 405, naming the methods the path takes in `allowed`. The server answers
// HEAD as GET without the body (serve.cpp), so a path that takes GET takes
// HEAD too, which Allow says (RFC 9110 15.5.6).
Response wrong_method(const std::string& allowed) {
  std::string allow = allowed;
  if (const auto get = allow.find("GET"); get != std::string::npos) {
    allow.insert(get + 3, ", HEAD");
  }
  return Response{405, std::string(k_text), fmt::format("use {}\n", allowed), {{"Allow", allow}}};
}

}  // namespace

Routes::Routes(Served served) : m_served(std::move(served)) {}

Response Routes::handle(const Request& request) const {
  const Target target = parse_target(request.target);
  if (target.path.starts_with("/v1/schemas/")) {
    if (request.method != "GET") {
      return wrong_method("GET");
    }
    return *schema(target.path);
  }
  if (target.path.starts_with("/assets/")) {
    if (request.method != "GET") {
      return wrong_method("GET");
    }
    return *page_asset(target.path);
  }
  if (const auto listing = ruleset_listing(target.path)) {
    if (request.method != "GET") {
      return wrong_method("GET");
    }
    // Only a built-in rule set's id: no path to a file is taken from a request.
    if (names_a_rule_file(listing->first)) {
      return problem(404, codes::unknown_ruleset,
                     fmt::format("'{}' is no built-in rule set", listing->first));
    }
    return list_of(listing->second, Given{listing->first, Location{"#/rules", 0, 0}});
  }
  bool path_known = false;
  std::string allowed;
  for (const Route& route : k_routes) {
    if (route.path != target.path) {
      continue;
    }
    path_known = true;
    if (route.method == request.method) {
      return route.handler(request, target, m_served);
    }
    allowed += allowed.empty() ? std::string(route.method) : ", " + std::string(route.method);
  }
  if (path_known) {
    return wrong_method(allowed);
  }
  return Response{404, std::string(k_text), "no such page\n", {}};
}

}  // namespace devo::server
