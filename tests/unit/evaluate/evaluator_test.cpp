#include "support/catch.hpp"
#include "support/fixtures.hpp"

#include <devo/engine.hpp>

#include <memory>
#include <string>

using devo::PowerStatus;
using devo::Status;

namespace {

// A rule set with one tier and one power whose only requirement is
// `condition`, over facts a (bool), b (bool), n (integer), d (date), c (codes).
devo::CompiledRules rules_with(const std::string& condition) {
  const std::string text = R"(ruleset: {id: t, title: T, effective_from: 2020-01-01}
sources: [{id: s, title: S}]
facts:
  a: {type: bool, title: a}
  b: {type: bool, title: b}
  n: {type: integer, title: n}
  d: {type: date, title: d}
  c: {type: codes, title: c}
  e: {type: enum, title: e, values: {x: an x, y: a y}}
tiers:
  - id: only
    title: Only
    citation: {source: s}
    evidence: confirmed
powers:
  - id: p
    title: P
    group: G
    tier: only
    requires:
      - )" + condition + R"(
    citation: {source: s}
    evidence: confirmed
)";
  devo::Diagnostics diags;
  auto rules = devo::load_ruleset(devo::SourceFile::from_text("t.yaml", text), diags);
  // Facts left unused by the condition are warned about; that is expected.
  INFO(condition);
  REQUIRE(rules.has_value());
  return devo::CompiledRules(std::make_shared<const devo::RuleSet>(std::move(*rules)));
}

devo::FactInput facts(std::initializer_list<std::pair<const std::string, devo::FactValue>> values) {
  devo::FactInput input;
  for (const auto& [name, value] : values) {
    input.values.emplace(name, value);
  }
  return input;
}

PowerStatus status_of(const devo::CompiledRules& rules, const devo::FactInput& input) {
  return rules.evaluate(input, {false, std::nullopt}).powers.at(0).status;
}

const auto available = PowerStatus::available;
const auto unavailable = PowerStatus::unavailable;
const auto unknown = PowerStatus::unknown;

}  // namespace

TEST_CASE("a comparison over a fact that is not given is unknown, not false", "[evaluate]") {
  const auto rules = rules_with("{fact: a, eq: true}");
  CHECK(status_of(rules, facts({{"a", true}})) == available);
  CHECK(status_of(rules, facts({{"a", false}})) == unavailable);
  CHECK(status_of(rules, facts({})) == unknown);
}

TEST_CASE("all, any and not follow three-valued logic", "[evaluate]") {
  const auto all = rules_with("{all: [{fact: a, eq: true}, {fact: b, eq: true}]}");
  const auto any = rules_with("{any: [{fact: a, eq: true}, {fact: b, eq: true}]}");
  const auto negation = rules_with("{not: {fact: a, eq: true}}");
  // a, b: true (T), false (F) or not given (?)
  struct Row {
    std::optional<bool> a, b;
    PowerStatus all, any;
  };
  const Row rows[] = {
      {true, true, available, available},          {true, false, unavailable, available},
      {false, false, unavailable, unavailable},    {true, std::nullopt, unknown, available},
      {false, std::nullopt, unavailable, unknown}, {std::nullopt, std::nullopt, unknown, unknown},
  };
  for (const Row& row : rows) {
    devo::FactInput input;
    if (row.a) {
      input.values.emplace("a", *row.a);
    }
    if (row.b) {
      input.values.emplace("b", *row.b);
    }
    CHECK(status_of(all, input) == row.all);
    CHECK(status_of(any, input) == row.any);
  }
  CHECK(status_of(negation, facts({{"a", true}})) == unavailable);
  CHECK(status_of(negation, facts({{"a", false}})) == available);
  CHECK(status_of(negation, facts({})) == unknown);
}

TEST_CASE("each operator compares as its type says", "[evaluate]") {
  const devo::FactInput six = facts({{"n", std::int64_t{6}}});
  CHECK(status_of(rules_with("{fact: n, eq: 6}"), six) == available);
  CHECK(status_of(rules_with("{fact: n, ne: 6}"), six) == unavailable);
  CHECK(status_of(rules_with("{fact: n, lt: 6}"), six) == unavailable);
  CHECK(status_of(rules_with("{fact: n, lte: 6}"), six) == available);
  CHECK(status_of(rules_with("{fact: n, gt: 5}"), six) == available);
  CHECK(status_of(rules_with("{fact: n, gte: 7}"), six) == unavailable);
  CHECK(status_of(rules_with("{fact: n, in: [1, 6, 9]}"), six) == available);
  CHECK(status_of(rules_with("{fact: n, in: [1, 9]}"), six) == unavailable);

  const devo::FactInput day = facts({{"d", *devo::Date::parse("2024-05-02")}});
  CHECK(status_of(rules_with("{fact: d, lt: 2024-05-03}"), day) == available);
  CHECK(status_of(rules_with("{fact: d, gte: 2024-05-03}"), day) == unavailable);
  CHECK(status_of(rules_with("{fact: d, eq: 2024-05-02}"), day) == available);
  CHECK(status_of(rules_with("{fact: d, in: [2024-05-02]}"), day) == available);

  const devo::FactInput y = facts({{"e", std::string("y")}});
  CHECK(status_of(rules_with("{fact: e, eq: y}"), y) == available);
  CHECK(status_of(rules_with("{fact: e, ne: y}"), y) == unavailable);
  CHECK(status_of(rules_with("{fact: e, in: [x, y]}"), y) == available);

  const devo::FactInput codes = facts({{"c", devo::Codes{"E1", "E2"}}});
  CHECK(status_of(rules_with("{fact: c, eq: [E2, E1]}"), codes) == available);
  CHECK(status_of(rules_with("{fact: c, eq: []}"), codes) == unavailable);
  CHECK(status_of(rules_with("{fact: c, ne: []}"), codes) == available);
  CHECK(status_of(rules_with("{fact: c, contains: E2}"), codes) == available);
  CHECK(status_of(rules_with("{fact: c, contains: E3}"), codes) == unavailable);
  CHECK(status_of(rules_with("{fact: c, eq: []}"), facts({{"c", devo::Codes{}}})) == available);

  const auto exists = rules_with("{fact: n, exists: true}");
  const auto absent = rules_with("{fact: n, exists: false}");
  CHECK(status_of(exists, six) == available);
  CHECK(status_of(exists, facts({})) == unavailable);
  CHECK(status_of(absent, facts({})) == available);
}

TEST_CASE("tiers nest, and a power needs its tier and its own requirements", "[evaluate]") {
  const auto rules = devo::CompiledRules(std::make_shared<const devo::RuleSet>(
      devo::test::load_valid_ruleset(devo::test::small_ruleset_text())));
  const auto big_mayoral = facts({{"kind", std::string("combined")},
                                  {"mayor", true},
                                  {"population", std::int64_t{600000}},
                                  {"islands", devo::Codes{}}});
  auto decision = rules.evaluate(big_mayoral);
  CHECK(decision.tier == std::size_t{1});
  CHECK(decision.powers[0].status == available);
  CHECK(decision.powers[1].status == available);
  CHECK(decision.powers[2].status == available);

  // Too small: the basic tier fails, so the mayoral tier above it fails too.
  auto small = big_mayoral;
  small.values["population"] = std::int64_t{400000};
  decision = rules.evaluate(small);
  CHECK_FALSE(decision.tier.has_value());
  CHECK(decision.tiers[0].status == Status::fails);
  CHECK(decision.tiers[1].status == Status::fails);
  CHECK(decision.powers[1].status == unavailable);

  // A council with a mayor reaches the mayoral tier but not the precept,
  // which needs a combined authority.
  auto council = big_mayoral;
  council.values["kind"] = std::string("council");
  decision = rules.evaluate(council);
  CHECK(decision.tier == std::size_t{1});
  CHECK(decision.powers[1].status == unavailable);
}

TEST_CASE("reasons name the facts and values that decided, in plain words", "[evaluate]") {
  const auto rules = devo::CompiledRules(std::make_shared<const devo::RuleSet>(
      devo::test::load_valid_ruleset(devo::test::small_ruleset_text())));
  const auto decision = rules.evaluate(facts({{"kind", std::string("council")},
                                              {"mayor", true},
                                              {"population", std::int64_t{600000}},
                                              {"islands", devo::Codes{"E06000001"}}}));
  const auto& precept = decision.powers[1];
  REQUIRE(precept.reasons.size() == 2);
  CHECK(precept.reasons[0].status == Status::holds);
  CHECK(precept.reasons[0].message == "Mayoral is reached");
  CHECK(precept.reasons[1].status == Status::fails);
  CHECK(precept.reasons[1].message == "requires a mayoral combined authority; this is a council");

  const auto& basic = decision.tiers[0];
  REQUIRE(basic.reasons.size() == 2);
  CHECK(basic.reasons[0].message == "population of at least 500,000: its population is 600,000");
  CHECK(basic.reasons[1].expectation);
  CHECK(basic.reasons[1].status == Status::fails);
  CHECK(basic.reasons[1].message ==
        "expected no devolution islands; devolution islands is E06000001");
  REQUIRE(decision.warnings.size() == 1);
  CHECK(decision.warnings[0].code == "expectation-fails");
  CHECK(decision.warnings[0].message ==
        "basic: expected no devolution islands; devolution islands is E06000001");

  // any(unknown, fails) is unknown, and only the unknown part is named.
  const auto& early = decision.powers[2];
  CHECK(early.status == PowerStatus::unknown);
  CHECK(early.settled_by == std::vector<std::string>{"elected"});
  CHECK(early.reasons[1].message ==
        "requires date of the first election before 2020-01-01 or not devolution islands "
        "including E06000001; date of the first election is not given");
}

TEST_CASE("an unknown says which facts would settle it", "[evaluate]") {
  const auto rules = devo::CompiledRules(std::make_shared<const devo::RuleSet>(
      devo::test::load_valid_ruleset(devo::test::small_ruleset_text())));
  const auto decision = rules.evaluate(facts({{"kind", std::string("combined")}}));
  CHECK(decision.tiers[0].status == Status::unknown);
  CHECK(decision.tiers[0].settled_by == std::vector<std::string>{"population"});
  CHECK(decision.tiers[1].settled_by == std::vector<std::string>{"mayor", "population"});
  const auto& precept = decision.powers[1];
  CHECK(precept.status == unknown);
  CHECK(precept.settled_by == std::vector<std::string>{"mayor", "population"});
  CHECK(precept.reasons[0].message ==
        "requires Mayoral, which cannot be decided yet: requires population of at least 500,000; "
        "population is not given; and requires that it has a mayor; mayor is not given");
}

TEST_CASE("without an explanation only statuses are computed", "[evaluate]") {
  const auto rules = devo::CompiledRules(std::make_shared<const devo::RuleSet>(
      devo::test::load_valid_ruleset(devo::test::small_ruleset_text())));
  const auto decision = rules.evaluate(facts({}), {false, std::nullopt});
  CHECK(decision.tiers[0].status == Status::unknown);
  CHECK(decision.tiers[0].reasons.empty());
  CHECK(decision.tiers[0].settled_by.empty());
  CHECK(decision.warnings.empty());
}

TEST_CASE("a rule set evaluated outside its dates says so", "[evaluate]") {
  const auto rules = devo::CompiledRules(std::make_shared<const devo::RuleSet>(
      devo::test::load_valid_ruleset(devo::test::small_ruleset_text())));
  const auto in_force = rules.evaluate(facts({}), {true, devo::Date::parse("2025-01-01")});
  CHECK(in_force.warnings.empty());
  const auto late = rules.evaluate(facts({}), {true, devo::Date::parse("2031-01-01")});
  REQUIRE(late.warnings.size() == 1);
  CHECK(late.warnings[0].code == "ruleset-not-in-force");
  CHECK(late.warnings[0].message ==
        "rule set 'small' is in force from 2020-01-01 to 2030-12-31; this evaluation is as of "
        "2031-01-01");
}
