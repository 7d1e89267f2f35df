#pragma once

// The JSON body of POST /v1/evaluate, /v1/validate and /v1/report.html: the
// arguments of `devo evaluate` as fields (docs/server.md),
//
//   {"authority": "Leeds"} | {"proposal": {...}} | {"facts": {...}},
//   with "rules", "as_of" and "assume" (["fact=value", ...]) beside it, or
//   "ruleset" (a rule file's text) instead of "rules" (--allow-rule-upload),
//
// decoded into a use case's request. A proposal or facts object is the same
// fields as the YAML file; it reaches the loader as JSON text (JSON is YAML),
// and a diagnostic about a line and column of that text is given back at the
// JSON Pointer of the value there.

#include <devo/app.hpp>
#include <devo/diagnostic.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace devo::server {

// " (did you mean 'x'?)" when a candidate is close to `word`; "" otherwise.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// Where each value of a JSON text written by devo starts, and its pointer.
struct PointerAt {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string pointer;
  friend auto operator<=>(const PointerAt&, const PointerAt&) = default;
};

// A request names only built-in rule sets, by id: anything else (a path
// above all: no file is ever read for a request) is unknown-ruleset at its
// place. An empty `rules` is left to mean "the one in force".
void check_builtin_rules(const app::Given& rules, Diagnostics& problems);

// Where each value of a text written from a request's JSON starts: a field
// of the body ("#/proposal") and its values' pointers.
struct SentText {
  std::string field;
  std::vector<PointerAt> pointers;
};

// A place in one of `texts` as the pointer of the value there
// ("#/proposal/councils/1"); any other place as it is.
Location located_at(const Location& where, const std::vector<SentText>& texts);

// `diags` with each place given so.
Diagnostics located(const Diagnostics& diags, const std::vector<SentText>& texts);

// The body of POST /v1/diff, read once:
//
//   {"from": ID, "to": ID, "as_of", "from_as_of", "to_as_of": DATE,
//    "proposals": [{the fields of a proposal file}, ...]}
//
// `fields` holds each string field as a value blamed on its pointer (""
// when not given); "from" and "to" must be. The proposals (at most 100) are
// each the text of a proposal file named by its pointer ("#/proposals/0"),
// with `texts` to give a place in one back as a pointer. Nothing, with the
// problems, for a body that is not such an object; a problem in the
// proposals is added to `problems` beside the body returned.
struct DiffBody {
  std::map<std::string, app::Given, std::less<>> fields;
  std::vector<app::SubjectRequest> proposals;
  std::vector<SentText> texts;
};
std::optional<DiffBody> decode_diff_body(std::string_view text, Diagnostics& problems);

class EvaluationBody {
 public:
  // The decoded body, or the problems with it (invalid-json, wrong-type,
  // unknown-key, missing-key, invalid-value), each at its pointer.
  class Decoded;
  // `more_keys`: fields a route takes beside devo evaluate's (suggest's
  // target_tier, say), which the route reads itself. A rule file sent as
  // "ruleset" is taken only when `rule_upload` allows it.
  static Decoded decode(std::string_view body, const std::string& data,
                        const std::vector<std::string>& more_keys = {}, bool rule_upload = false);

  app::EvaluateRequest request;

  // `diags` with each place in the proposal's or facts' text given as the
  // pointer of the value there ("#/proposal/councils/1").
  Diagnostics located(const Diagnostics& diags) const;

 private:
  // The subject's text, when it is a proposal or facts.
  std::vector<SentText> m_text;
};

class EvaluationBody::Decoded {
 public:
  explicit Decoded(EvaluationBody body) : m_body(std::move(body)) {}
  explicit Decoded(Diagnostics problems) : m_problems(std::move(problems)) {}
  bool ok() const { return m_body.has_value(); }
  const EvaluationBody& value() const { return *m_body; }
  const Diagnostics& problems() const { return m_problems; }

 private:
  std::optional<EvaluationBody> m_body;
  Diagnostics m_problems;
};

}  // namespace devo::server
