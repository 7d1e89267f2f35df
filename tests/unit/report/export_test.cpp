// `devo export` (devo/export.hpp, docs/export.md): the documented structure of
// both formats, and the exported rules run by small interpreters of JsonLogic
// and json-rules-engine written here, which must give devo's own statuses on
// every subject whose facts are all known.

#include "support/catch.hpp"
#include "support/fixtures.hpp"
#include "support/subjects.hpp"

#include <devo/engine.hpp>
#include <devo/export.hpp>
#include <devo/version.hpp>

#include <nlohmann/json.hpp>

#include <random>
#include <set>
#include <string>
#include <vector>

using Json = nlohmann::json;

namespace {

// ---------------------------------------------------------------------------
// JsonLogic (jsonlogic.com), for the operators devo writes: var (with dotted
// paths and `.length`), ===, !==, <, <=, >, >=, in, !, and, or.

bool truthy(const Json& value) {
  if (value.is_null()) {
    return false;
  }
  if (value.is_boolean()) {
    return value.get<bool>();
  }
  if (value.is_number()) {
    return value.get<double>() != 0;
  }
  if (value.is_string()) {
    return !value.get<std::string>().empty();
  }
  if (value.is_array()) {
    return !value.empty();
  }
  return true;
}

Json json_logic(const Json& logic, const Json& data);

Json variable(const Json& args, const Json& data) {
  const Json& path = args.is_array() ? args.at(0) : args;
  REQUIRE(path.is_string());
  Json current = data;
  std::string rest = path.get<std::string>();
  while (true) {
    const auto dot = rest.find('.');
    const std::string key = rest.substr(0, dot);
    if (current.is_array() && key == "length") {
      current = current.size();
    } else if (current.is_object() && current.contains(key)) {
      current = current.at(key);
    } else {
      return nullptr;
    }
    if (dot == std::string::npos) {
      return current;
    }
    rest = rest.substr(dot + 1);
  }
}

Json json_logic(const Json& logic, const Json& data) {
  if (logic.is_array()) {
    Json values = Json::array();
    for (const Json& item : logic) {
      values.push_back(json_logic(item, data));
    }
    return values;
  }
  if (!logic.is_object() || logic.size() != 1) {
    return logic;
  }
  const std::string op = logic.begin().key();
  const Json& raw = logic.begin().value();
  const Json args = raw.is_array() ? raw : Json::array({raw});
  if (op == "var") {
    return variable(args, data);
  }
  if (op == "and" || op == "or") {
    REQUIRE_FALSE(args.empty());
    Json value;
    for (const Json& arg : args) {
      value = json_logic(arg, data);
      if (truthy(value) != (op == "and")) {
        return value;
      }
    }
    return value;
  }
  if (op == "!") {
    return !truthy(json_logic(args.at(0), data));
  }
  REQUIRE(args.size() == 2);
  const Json a = json_logic(args.at(0), data);
  const Json b = json_logic(args.at(1), data);
  if (op == "===") {
    return a == b;
  }
  if (op == "!==") {
    return a != b;
  }
  if (op == "in") {
    if (b.is_string()) {
      return a.is_string() && b.get<std::string>().find(a.get<std::string>()) != std::string::npos;
    }
    return b.is_array() && std::find(b.begin(), b.end(), a) != b.end();
  }
  if (op == "<" || op == "<=" || op == ">" || op == ">=") {
    // Only complete subjects are run: a comparison is between numbers.
    INFO(logic.dump());
    REQUIRE(a.is_number());
    REQUIRE(b.is_number());
    const double x = a.get<double>();
    const double y = b.get<double>();
    return op == "<" ? x < y : op == "<=" ? x <= y : op == ">" ? x > y : x >= y;
  }
  FAIL("JsonLogic operator devo is not expected to write: " << op);
  return nullptr;
}

// ---------------------------------------------------------------------------
// json-rules-engine's conditions: all, any, not, shared conditions by name,
// and fact tests with the operators devo writes (and everyFact:in, the
// decorator that tests every element of a list fact).

bool rules_engine(const Json& condition, const Json& facts, const Json& shared) {
  if (condition.contains("all")) {
    const Json& parts = condition.at("all");
    return std::all_of(parts.begin(), parts.end(),
                       [&](const Json& part) { return rules_engine(part, facts, shared); });
  }
  if (condition.contains("any")) {
    const Json& parts = condition.at("any");
    return std::any_of(parts.begin(), parts.end(),
                       [&](const Json& part) { return rules_engine(part, facts, shared); });
  }
  if (condition.contains("not")) {
    return !rules_engine(condition.at("not"), facts, shared);
  }
  if (condition.contains("condition")) {
    const std::string name = condition.at("condition").get<std::string>();
    INFO(name);
    REQUIRE(shared.contains(name));
    return rules_engine(shared.at(name), facts, shared);
  }
  REQUIRE(condition.contains("fact"));
  REQUIRE(condition.contains("operator"));
  REQUIRE(condition.contains("value"));
  const Json& fact = facts.at(condition.at("fact").get<std::string>());
  const std::string op = condition.at("operator").get<std::string>();
  const Json& value = condition.at("value");
  const auto contains = [](const Json& list, const Json& item) {
    return list.is_array() && std::find(list.begin(), list.end(), item) != list.end();
  };
  if (op == "equal") {
    return fact == value;
  }
  if (op == "notEqual") {
    return fact != value;
  }
  if (op == "in") {
    return contains(value, fact);
  }
  if (op == "contains") {
    return contains(fact, value);
  }
  if (op == "everyFact:in") {
    REQUIRE(fact.is_array());
    return std::all_of(fact.begin(), fact.end(),
                       [&](const Json& item) { return contains(value, item); });
  }
  INFO(condition.dump());
  REQUIRE(fact.is_number());
  REQUIRE(value.is_number());
  const double x = fact.get<double>();
  const double y = value.get<double>();
  if (op == "lessThan") {
    return x < y;
  }
  if (op == "lessThanInclusive") {
    return x <= y;
  }
  if (op == "greaterThan") {
    return x > y;
  }
  if (op == "greaterThanInclusive") {
    return x >= y;
  }
  FAIL("json-rules-engine operator devo is not expected to write: " << op);
  return false;
}

// ---------------------------------------------------------------------------

// Subjects and devo's decisions on them, kept alive for ExportedSubject.
struct Evaluated {
  std::vector<devo::FactInput> facts;
  std::vector<devo::Decision> decisions;

  std::vector<devo::ExportedSubject> exported() const {
    std::vector<devo::ExportedSubject> subjects;
    for (std::size_t i = 0; i < facts.size(); ++i) {
      subjects.push_back(devo::ExportedSubject{facts[i], decisions[i]});
    }
    return subjects;
  }
};

// Every real subject as it is, then each again with its unknown facts given
// random values, so that every declared fact is known.
Evaluated evaluated(const devo::CompiledRules& compiled, std::vector<devo::FactInput> subjects) {
  Evaluated result;
  std::mt19937_64 random(99);
  const std::size_t real = subjects.size();
  for (std::size_t i = 0; i < real; ++i) {
    subjects.push_back(devo::test::completed(compiled.rules(), subjects[i], random));
    subjects.back().subject.name += " (completed)";
  }
  for (devo::FactInput& facts : subjects) {
    result.decisions.push_back(compiled.evaluate(facts, devo::EvaluateOptions{false, {}}));
    result.facts.push_back(std::move(facts));
  }
  return result;
}

Json parse(const std::string& text) {
  Json document = Json::parse(text, nullptr, false);
  REQUIRE_FALSE(document.is_discarded());
  REQUIRE(document.is_object());
  return document;
}

// A fact's value as docs/export.md says it is written.
Json expected_value(const devo::FactValue& value) {
  return std::visit(
      [](const auto& v) -> Json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, devo::Date>) {
          return v.days;
        } else if constexpr (std::is_same_v<T, devo::Codes>) {
          Json codes = Json::array();
          for (const std::string& code : v) {
            codes.push_back(code);
          }
          return codes;
        } else {
          return Json(v);
        }
      },
      value);
}

void check_structure(const devo::RuleSet& rules, const Json& document, const std::string& format,
                     const Evaluated& subjects) {
  CHECK(document.at("format") == format);
  CHECK(document.at("devo_version") == std::string(devo::k_version));
  CHECK(document.at("ruleset").at("id") == rules.id);
  CHECK(document.at("ruleset").at("sha256") == rules.sha256);

  const Json& facts = document.at("facts");
  REQUIRE(facts.size() == rules.facts.size());
  for (std::size_t i = 0; i < rules.facts.size(); ++i) {
    const devo::FactDeclaration& fact = rules.facts[i];
    CHECK(facts[i].at("name") == fact.name);
    CHECK(facts[i].at("type") == std::string(devo::to_string(fact.type)));
    if (fact.type == devo::FactType::enumeration) {
      std::vector<std::string> values;
      for (const auto& [value, label] : fact.values) {
        values.push_back(value);
      }
      CHECK(facts[i].at("values").get<std::vector<std::string>>() == values);
    }
  }

  const Json& tiers = document.at("tiers");
  REQUIRE(tiers.size() == rules.tiers.size());
  for (std::size_t i = 0; i < rules.tiers.size(); ++i) {
    INFO("tier " << rules.tiers[i].id);
    CHECK(tiers[i].at("id") == rules.tiers[i].id);
    CHECK(tiers[i].contains("holds"));
    const Json& conditions = tiers[i].at("conditions");
    // The tier below (for the lowest, that the rule set applies, when it
    // says where it does not), then each requirement; expectations are left
    // out.
    const bool guarded = i > 0 || !rules.not_applicable.empty();
    REQUIRE(conditions.size() == (guarded ? 1 : 0) + rules.tiers[i].requirements.size());
    if (i > 0) {
      CHECK(conditions[0].at("title") == rules.tiers[i - 1].id + " holds");
    } else if (guarded) {
      CHECK(conditions[0].at("title") == "the rule set applies");
    }
    for (const Json& condition : conditions) {
      CHECK_FALSE(condition.at("title").get<std::string>().empty());
      CHECK(condition.contains("logic"));
    }
  }

  const Json& powers = document.at("powers");
  REQUIRE(powers.size() == rules.powers.size());
  for (std::size_t i = 0; i < rules.powers.size(); ++i) {
    INFO("power " << rules.powers[i].id);
    CHECK(powers[i].at("id") == rules.powers[i].id);
    CHECK(powers[i].at("tier") == rules.powers[i].tier);
    CHECK(powers[i].contains("available"));
    const Json& conditions = powers[i].at("conditions");
    REQUIRE(conditions.size() == 1 + rules.powers[i].requirements.size());
    CHECK(conditions[0].at("title") == rules.powers[i].tier + " holds");
  }

  const Json& exported = document.at("subjects");
  REQUIRE(exported.size() == subjects.facts.size());
  for (std::size_t s = 0; s < subjects.facts.size(); ++s) {
    const devo::FactInput& input = subjects.facts[s];
    const devo::Decision& decision = subjects.decisions[s];
    const Json& subject = exported[s];
    INFO(input.subject.name);
    CHECK(subject.at("name") == input.subject.name);
    CHECK(subject.at("code") == input.subject.code);
    CHECK(subject.at("kind") == input.subject.kind);
    const Json& values = subject.at("facts");
    CHECK(values.size() == rules.facts.size());
    bool complete = true;
    for (const devo::FactDeclaration& fact : rules.facts) {
      INFO(fact.name);
      REQUIRE(values.contains(fact.name));
      const auto it = input.values.find(fact.name);
      if (it == input.values.end()) {
        CHECK(values.at(fact.name).is_null());
        complete = false;
      } else {
        CHECK(values.at(fact.name) == expected_value(it->second));
      }
    }
    CHECK(subject.at("complete") == complete);
    const Json& devo_says = subject.at("devo");
    if (decision.tier) {
      CHECK(devo_says.at("tier") == rules.tiers[*decision.tier].id);
    } else {
      CHECK(devo_says.at("tier").is_null());
    }
    const Json& statuses = devo_says.at("powers");
    CHECK(statuses.size() == rules.powers.size());
    for (std::size_t i = 0; i < rules.powers.size(); ++i) {
      CHECK(statuses.at(rules.powers[i].id) ==
            std::string(devo::to_string(decision.powers[i].status)));
    }
  }
}

// The highest tier whose expression holds, and the powers whose expression
// holds, by the interpreter given; compared with devo's on complete subjects.
template <typename Holds>
std::size_t check_against_devo(const devo::RuleSet& rules, const Json& document, Holds holds) {
  std::size_t checked = 0;
  for (const Json& subject : document.at("subjects")) {
    if (!subject.at("complete").get<bool>()) {
      continue;
    }
    ++checked;
    INFO(subject.at("name").get<std::string>() << ": " << subject.at("facts").dump());
    const Json& facts = subject.at("facts");
    Json tier = nullptr;
    const Json& tiers = document.at("tiers");
    for (std::size_t i = 0; i < tiers.size(); ++i) {
      INFO("tier " << rules.tiers[i].id);
      const bool whole = holds(tiers[i].at("holds"), facts, i, true);
      // The expression is its conditions together.
      bool parts = true;
      for (const Json& condition : tiers[i].at("conditions")) {
        parts = parts && holds(condition.at("logic"), facts, i, true);
      }
      CHECK(whole == parts);
      if (whole) {
        tier = rules.tiers[i].id;
      }
    }
    CHECK(tier == subject.at("devo").at("tier"));
    const Json& powers = document.at("powers");
    for (std::size_t i = 0; i < powers.size(); ++i) {
      INFO("power " << rules.powers[i].id);
      const bool available = holds(powers[i].at("available"), facts, i, false);
      CHECK((available ? "available" : "unavailable") ==
            subject.at("devo").at("powers").at(rules.powers[i].id).get<std::string>());
    }
  }
  return checked;
}

std::size_t check_json_logic(const devo::RuleSet& rules, const Json& document) {
  return check_against_devo(rules, document,
                            [](const Json& logic, const Json& facts, std::size_t, bool) {
                              return truthy(json_logic(logic, facts));
                            });
}

std::size_t check_rules_engine(const devo::RuleSet& rules, const Json& document) {
  const Json& engine = document.at("json_rules_engine");
  const Json& shared = engine.at("conditions");
  const Json& engine_rules = engine.at("rules");
  std::size_t checked = check_against_devo(
      rules, document, [&](const Json& condition, const Json& facts, std::size_t, bool) {
        return rules_engine(condition, facts, shared);
      });
  // The engine's own rules, one per power, raise the power's event exactly
  // when devo says it is available.
  for (const Json& subject : document.at("subjects")) {
    if (!subject.at("complete").get<bool>()) {
      continue;
    }
    INFO(subject.at("name").get<std::string>());
    for (std::size_t i = 0; i < rules.powers.size(); ++i) {
      const Json& rule = engine_rules.at(i);
      const bool fires = rules_engine(rule.at("conditions"), subject.at("facts"), shared);
      CHECK((fires ? "available" : "unavailable") ==
            subject.at("devo").at("powers").at(rule.at("event").at("type").get<std::string>()));
    }
  }
  return checked;
}

void check_rules_engine_parts(const devo::RuleSet& rules, const Json& document) {
  REQUIRE(document.contains("json_rules_engine"));
  const Json& engine = document.at("json_rules_engine");
  const Json& shared = engine.at("conditions");
  std::set<std::string> expected_names;
  for (const devo::NamedCondition& named : rules.conditions) {
    expected_names.insert(named.name);
  }
  for (const devo::Tier& tier : rules.tiers) {
    expected_names.insert("tier:" + tier.id);
  }
  std::set<std::string> names;
  for (const auto& [name, condition] : shared.items()) {
    names.insert(name);
    INFO(name);
    // json-rules-engine takes only a combination at the top of a shared
    // condition.
    CHECK((condition.contains("all") || condition.contains("any") || condition.contains("not")));
  }
  CHECK(names == expected_names);
  const Json& engine_rules = engine.at("rules");
  REQUIRE(engine_rules.size() == rules.powers.size());
  for (std::size_t i = 0; i < rules.powers.size(); ++i) {
    CHECK(engine_rules[i].at("name") == rules.powers[i].id);
    CHECK(engine_rules[i].at("event").at("type") == rules.powers[i].id);
    CHECK(engine_rules[i].contains("conditions"));
  }
}

}  // namespace

TEST_CASE("export to JsonLogic: the documented structure, and devo's statuses when run",
          "[report][export]") {
  for (const char* id : {"luwp-2022", "level4-2023", "edwp-2024"}) {
    INFO(id);
    const devo::CompiledRules compiled(devo::test::builtin_rules(id));
    const devo::RuleSet& rules = compiled.rules();
    const Evaluated subjects =
        evaluated(compiled, devo::test::real_subjects(*devo::Date::parse("2026-06-01")));
    const Json document =
        parse(devo::export_rules(rules, devo::ExportFormat::json_logic, subjects.exported()));
    check_structure(rules, document, "json-logic", subjects);
    CHECK_FALSE(document.contains("json_rules_engine"));
    // Every completed subject, at least, is complete.
    CHECK(check_json_logic(rules, document) >= subjects.facts.size() / 2);
  }
}

TEST_CASE("export to json-rules-engine: the documented structure, and devo's statuses when run",
          "[report][export]") {
  for (const char* id : {"luwp-2022", "level4-2023", "edwp-2024"}) {
    INFO(id);
    const devo::CompiledRules compiled(devo::test::builtin_rules(id));
    const devo::RuleSet& rules = compiled.rules();
    const Evaluated subjects =
        evaluated(compiled, devo::test::real_subjects(*devo::Date::parse("2026-06-01")));
    const Json document = parse(
        devo::export_rules(rules, devo::ExportFormat::json_rules_engine, subjects.exported()));
    check_structure(rules, document, "json-rules-engine", subjects);
    check_rules_engine_parts(rules, document);
    CHECK(check_rules_engine(rules, document) >= subjects.facts.size() / 2);
  }
}

TEST_CASE("export of luwp-2022 names every tier and power of the framework", "[report][export]") {
  // Independent of the rule model: the three levels and the 23 functions of
  // Table 2.3, as docs/rules/luwp-2022.md lists them.
  const auto rules = devo::test::builtin_rules("luwp-2022");
  const Json document = parse(devo::export_rules(*rules, devo::ExportFormat::json_logic, {}));
  std::vector<std::string> tiers;
  for (const Json& tier : document.at("tiers")) {
    tiers.push_back(tier.at("id").get<std::string>());
  }
  CHECK(tiers == std::vector<std::string>{"level-1", "level-2", "level-3"});
  std::set<std::string> powers;
  for (const Json& power : document.at("powers")) {
    powers.insert(power.at("id").get<std::string>());
  }
  CHECK(powers.size() == 23);
  for (const char* power : {"pcc-functions", "bus-franchising", "mayoral-precept",
                            "adult-education-budget", "strategic-functions-host"}) {
    CHECK(powers.contains(power));
  }
  const std::string catalogue = devo::test::read_project_file("docs/rules/luwp-2022.md");
  for (const std::string& power : powers) {
    INFO(power);
    CHECK(catalogue.find(power) != std::string::npos);
  }
  CHECK(document.at("subjects") == Json::array());
}

TEST_CASE("export writes dates as days, codes as lists, and runs as devo decides",
          "[report][export]") {
  // The small rule set of the fixtures has a date fact, a codes fact compared
  // as a set and with `contains`, named conditions, `not` and `any`.
  const devo::CompiledRules compiled(std::make_shared<const devo::RuleSet>(
      devo::test::load_valid_ruleset(devo::test::small_ruleset_text())));
  const devo::RuleSet& rules = compiled.rules();
  std::vector<devo::FactInput> inputs =
      devo::test::random_subjects(rules, 400, 11, /*unknown_share=*/0.1);
  devo::FactInput dated;
  dated.subject.name = "dated";
  dated.values["elected"] = *devo::Date::parse("2019-12-31");
  dated.values["islands"] = devo::Codes{"E06000001", "E06000002"};
  inputs.push_back(dated);
  const Evaluated subjects = evaluated(compiled, inputs);
  for (const auto format :
       {devo::ExportFormat::json_logic, devo::ExportFormat::json_rules_engine}) {
    const bool json_logic = format == devo::ExportFormat::json_logic;
    const Json document = parse(devo::export_rules(rules, format, subjects.exported()));
    check_structure(rules, document, json_logic ? "json-logic" : "json-rules-engine", subjects);
    const Json& last_real = document.at("subjects").at(inputs.size() - 1);
    CHECK(last_real.at("facts").at("elected") == 18261);  // 2019-12-31
    CHECK(last_real.at("facts").at("islands") == Json::array({"E06000001", "E06000002"}));
    CHECK(last_real.at("facts").at("population").is_null());
    CHECK(last_real.at("complete") == false);
    const std::size_t checked =
        json_logic ? check_json_logic(rules, document) : check_rules_engine(rules, document);
    CHECK(checked > inputs.size());
  }
}

TEST_CASE("export compares codes as sets, as devo does, repeats and all", "[report][export]") {
  // A rule may list a code twice or out of order; devo compares sets.
  const std::string text = R"(ruleset: {id: repeats, title: Repeats, effective_from: 2020-01-01}
sources: [{id: s, title: S}]
facts:
  islands: {type: codes, title: devolution islands}
tiers:
  - id: only
    title: Only
    requires:
      - {fact: islands, eq: [E06000001, E06000001]}
    citation: {source: s}
    evidence: confirmed
powers:
  - id: p
    title: P
    group: G
    tier: only
    requires:
      - {fact: islands, ne: [E06000002, E06000001, E06000002]}
    citation: {source: s}
    evidence: confirmed
  - id: q
    title: Q
    group: G
    tier: only
    requires:
      - {fact: islands, contains: E06000001}
    citation: {source: s}
    evidence: confirmed
)";
  const devo::CompiledRules compiled(
      std::make_shared<const devo::RuleSet>(devo::test::load_valid_ruleset(text)));
  std::vector<devo::FactInput> inputs;
  for (const devo::Codes& codes :
       std::vector<devo::Codes>{{}, {"E06000001"}, {"E06000002"}, {"E06000001", "E06000002"}}) {
    devo::FactInput facts;
    facts.subject.name = "islands " + std::to_string(codes.size());
    facts.values["islands"] = codes;
    inputs.push_back(facts);
  }
  const Evaluated subjects = evaluated(compiled, inputs);
  // The rule holds for exactly the one code listed, twice.
  CHECK(subjects.decisions[1].tier == std::optional<std::size_t>(0));
  CHECK_FALSE(subjects.decisions[0].tier.has_value());
  for (const auto format :
       {devo::ExportFormat::json_logic, devo::ExportFormat::json_rules_engine}) {
    const Json document = parse(devo::export_rules(compiled.rules(), format, subjects.exported()));
    const std::size_t checked = format == devo::ExportFormat::json_logic
                                    ? check_json_logic(compiled.rules(), document)
                                    : check_rules_engine(compiled.rules(), document);
    CHECK(checked == subjects.facts.size());
  }
}
