// The fast path (CompiledRules::bind + decide, Outcome) against the full
// evaluator (CompiledRules::evaluate) and against an independent three-valued
// evaluator written here over the rule model itself: on every real subject of
// England under the three built-in rule sets, on seeded random fact sets with
// missing facts, and on synthetic rule sets large enough (more than 64
// condition nodes, more than 64 distinct power groups) that the evaluator keeps
// its statuses in several words.

#include "compile/access.hpp"
#include "compile/program.hpp"
#include "support/catch.hpp"
#include "support/subjects.hpp"

#include <devo/engine.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

using devo::Condition;
using devo::FactType;
using devo::Operator;
using devo::PowerStatus;
using devo::Status;

namespace {

const char* const k_builtin[] = {"luwp-2022", "level4-2023", "edwp-2024"};

// ---------------------------------------------------------------------------
// The reference: Kleene's three-valued logic over the rule model, read
// straight from the conditions as loaded, with no compilation, no slots and
// no bit sets.

Status kleene_and(Status a, Status b) {
  if (a == Status::fails || b == Status::fails) {
    return Status::fails;
  }
  return a == Status::holds && b == Status::holds ? Status::holds : Status::unknown;
}

Status kleene_or(Status a, Status b) {
  if (a == Status::holds || b == Status::holds) {
    return Status::holds;
  }
  return a == Status::fails && b == Status::fails ? Status::fails : Status::unknown;
}

Status kleene_not(Status a) {
  if (a == Status::unknown) {
    return a;
  }
  return a == Status::holds ? Status::fails : Status::holds;
}

Status from_bool(bool holds) {
  return holds ? Status::holds : Status::fails;
}

template <typename T>
bool compare(Operator op, const T& value, const T& operand) {
  switch (op) {
    case Operator::eq:
      return value == operand;
    case Operator::ne:
      return value != operand;
    case Operator::lt:
      return value < operand;
    case Operator::lte:
      return value <= operand;
    case Operator::gt:
      return value > operand;
    case Operator::gte:
      return value >= operand;
    default:
      FAIL("operator not expected here");
      return false;
  }
}

class Reference {
 public:
  Reference(const devo::RuleSet& rules, const devo::FactInput& facts)
      : m_rules(rules), m_facts(facts) {}

  Status condition(const Condition& condition) const {
    switch (condition.kind) {
      case Condition::Kind::all: {
        Status result = Status::holds;
        for (const Condition& child : condition.children) {
          result = kleene_and(result, this->condition(child));
        }
        return result;
      }
      case Condition::Kind::any: {
        Status result = Status::fails;
        for (const Condition& child : condition.children) {
          result = kleene_or(result, this->condition(child));
        }
        return result;
      }
      case Condition::Kind::negation:
        return kleene_not(this->condition(condition.children.at(0)));
      case Condition::Kind::reference: {
        const devo::NamedCondition* named = m_rules.find_condition(condition.name);
        REQUIRE(named != nullptr);
        return this->condition(named->when);
      }
      case Condition::Kind::comparison:
        return comparison(condition);
    }
    return Status::unknown;
  }

  Status all(const std::vector<Condition>& conditions) const {
    Status result = Status::holds;
    for (const Condition& condition : conditions) {
      result = kleene_and(result, this->condition(condition));
    }
    return result;
  }

 private:
  Status comparison(const Condition& condition) const {
    const devo::FactDeclaration* fact = m_rules.find_fact(condition.name);
    REQUIRE(fact != nullptr);
    const auto it = m_facts.values.find(condition.name);
    if (condition.op == Operator::exists) {
      return from_bool((it != m_facts.values.end()) == condition.operand.boolean);
    }
    if (it == m_facts.values.end()) {
      return Status::unknown;
    }
    const devo::FactValue& value = it->second;
    const devo::Literal& operand = condition.operand;
    switch (fact->type) {
      case FactType::boolean:
        return from_bool(compare(condition.op, std::get<bool>(value), operand.boolean));
      case FactType::integer:
        if (condition.op == Operator::in) {
          return from_bool(std::any_of(operand.items.begin(), operand.items.end(),
                                       [&](const devo::Literal& item) {
                                         return item.integer == std::get<std::int64_t>(value);
                                       }));
        }
        if (const auto upper = m_facts.upper.find(condition.name); upper != m_facts.upper.end()) {
          return range(condition.op, std::get<std::int64_t>(value), upper->second, operand.integer);
        }
        return from_bool(compare(condition.op, std::get<std::int64_t>(value), operand.integer));
      case FactType::enumeration:
        if (condition.op == Operator::in) {
          return from_bool(std::any_of(operand.items.begin(), operand.items.end(),
                                       [&](const devo::Literal& item) {
                                         return item.text == std::get<std::string>(value);
                                       }));
        }
        return from_bool(compare(condition.op, std::get<std::string>(value), operand.text));
      case FactType::date: {
        const devo::Date given = std::get<devo::Date>(value);
        if (condition.op == Operator::in) {
          return from_bool(std::any_of(
              operand.items.begin(), operand.items.end(),
              [&](const devo::Literal& item) { return devo::Date::parse(item.text) == given; }));
        }
        const auto wanted = devo::Date::parse(operand.text);
        REQUIRE(wanted.has_value());
        return from_bool(compare(condition.op, given, *wanted));
      }
      case FactType::codes: {
        const auto& list = std::get<devo::Codes>(value);
        const std::set<std::string> given(list.begin(), list.end());
        if (condition.op == Operator::contains) {
          return from_bool(given.contains(operand.text));
        }
        std::set<std::string> wanted;
        for (const devo::Literal& item : operand.items) {
          wanted.insert(item.text);
        }
        return from_bool(compare(condition.op, given, wanted));
      }
    }
    return Status::unknown;
  }

  // A value known only to lie in [low, high]: an order decided only when both
  // ends agree; equality decided only when the value compared with is outside.
  static Status range(Operator op, std::int64_t low, std::int64_t high, std::int64_t operand) {
    switch (op) {
      case Operator::eq:
        return operand < low || operand > high ? Status::fails : Status::unknown;
      case Operator::ne:
        return operand < low || operand > high ? Status::holds : Status::unknown;
      case Operator::lt:
      case Operator::lte:
      case Operator::gt:
      case Operator::gte: {
        const bool at_low = compare(op, low, operand);
        return at_low == compare(op, high, operand) ? from_bool(at_low) : Status::unknown;
      }
      default:
        return Status::unknown;
    }
  }

  const devo::RuleSet& m_rules;
  const devo::FactInput& m_facts;
};

// What the reference decides: each tier and power, and what did not hold.
struct Expected {
  std::optional<std::size_t> tier;
  std::vector<Status> tiers;
  std::vector<PowerStatus> powers;
  // Per tier, then per power: (requirement index or k_tier, status).
  std::vector<std::vector<std::pair<std::uint32_t, Status>>> findings;
};

Expected reference_decision(const devo::RuleSet& rules, const devo::FactInput& facts) {
  const Reference reference(rules, facts);
  Expected expected;
  // A subject that is not valid, or that the rule set does not apply to,
  // reaches nothing, with no requirement as its reason.
  const bool excluded = std::any_of(rules.not_applicable.begin(), rules.not_applicable.end(),
                                    [&](const devo::Exclusion& exclusion) {
                                      return reference.condition(exclusion.when) == Status::holds;
                                    });
  if (excluded || !facts.problems.empty()) {
    expected.tiers.assign(rules.tiers.size(), Status::fails);
    expected.powers.assign(rules.powers.size(), PowerStatus::unavailable);
    expected.findings.resize(rules.tiers.size() + rules.powers.size());
    return expected;
  }
  const auto findings = [&](Status tier, const std::vector<Condition>& requirements) {
    std::vector<std::pair<std::uint32_t, Status>> list;
    if (tier != Status::holds) {
      list.emplace_back(devo::Finding::k_tier, tier);
    }
    for (std::uint32_t k = 0; k < requirements.size(); ++k) {
      const Status status = reference.condition(requirements[k]);
      if (status != Status::holds) {
        list.emplace_back(k, status);
      }
    }
    return list;
  };
  Status below = Status::holds;
  for (std::size_t i = 0; i < rules.tiers.size(); ++i) {
    const Status status = kleene_and(below, reference.all(rules.tiers[i].requirements));
    expected.tiers.push_back(status);
    if (status == Status::holds) {
      expected.tier = i;
    }
    expected.findings.push_back(findings(below, rules.tiers[i].requirements));
    below = status;
  }
  for (const devo::Power& power : rules.powers) {
    const auto tier = rules.tier_index(power.tier);
    REQUIRE(tier.has_value());
    const Status status = kleene_and(expected.tiers[*tier], reference.all(power.requirements));
    expected.powers.push_back(static_cast<PowerStatus>(status));
    expected.findings.push_back(findings(expected.tiers[*tier], power.requirements));
  }
  return expected;
}

std::string describe(const devo::FactInput& facts) {
  std::ostringstream out;
  out << facts.subject.name << " (" << facts.subject.code << "):";
  for (const auto& [name, value] : facts.values) {
    out << " " << name << "=";
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, devo::Date>) {
            out << v.to_string();
          } else if constexpr (std::is_same_v<T, devo::Codes>) {
            out << "[";
            for (const std::string& code : v) {
              out << code << " ";
            }
            out << "]";
          } else {
            out << v;
          }
        },
        value);
  }
  return out.str();
}

std::vector<std::pair<std::uint32_t, Status>> as_pairs(std::span<const devo::Finding> findings) {
  std::vector<std::pair<std::uint32_t, Status>> pairs;
  for (const devo::Finding& finding : findings) {
    pairs.emplace_back(finding.requirement, finding.status);
  }
  return pairs;
}

// The fast path (with and without reasons, into an Outcome reused from call to
// call) and the full evaluator agree with the reference on `facts`.
void check_agreement(const devo::CompiledRules& compiled, const devo::FactInput& facts,
                     devo::Outcome& outcome, bool explain) {
  const devo::RuleSet& rules = compiled.rules();
  INFO(rules.id << ": " << describe(facts));
  const Expected expected = reference_decision(rules, facts);
  const devo::BoundFacts bound = compiled.bind(facts);

  compiled.decide(bound, outcome, false);
  CHECK(outcome.tier == expected.tier);
  CHECK(outcome.tiers == expected.tiers);
  CHECK(outcome.powers == expected.powers);
  CHECK(outcome.findings.empty());

  compiled.decide(bound, outcome, true);
  CHECK(outcome.tier == expected.tier);
  CHECK(outcome.tiers == expected.tiers);
  CHECK(outcome.powers == expected.powers);
  REQUIRE(outcome.finding_ends.size() == rules.tiers.size() + rules.powers.size());
  for (std::size_t i = 0; i < rules.tiers.size(); ++i) {
    INFO("tier " << rules.tiers[i].id);
    CHECK(as_pairs(outcome.tier_findings(i)) == expected.findings[i]);
  }
  for (std::size_t i = 0; i < rules.powers.size(); ++i) {
    INFO("power " << rules.powers[i].id);
    CHECK(as_pairs(outcome.power_findings(i)) == expected.findings[rules.tiers.size() + i]);
  }

  const devo::Decision decision = compiled.evaluate(facts, devo::EvaluateOptions{explain, {}});
  CHECK(decision.tier == expected.tier);
  REQUIRE(decision.tiers.size() == rules.tiers.size());
  REQUIRE(decision.powers.size() == rules.powers.size());
  for (std::size_t i = 0; i < rules.tiers.size(); ++i) {
    CHECK(decision.tiers[i].id == rules.tiers[i].id);
    CHECK(decision.tiers[i].status == expected.tiers[i]);
  }
  for (std::size_t i = 0; i < rules.powers.size(); ++i) {
    CHECK(decision.powers[i].id == rules.powers[i].id);
    CHECK(decision.powers[i].status == expected.powers[i]);
  }
}

// How many of each status a run gave, so that a test can say it saw them all.
struct Tally {
  std::set<Status> tiers;
  std::set<PowerStatus> powers;

  void add(const devo::CompiledRules& compiled, const devo::FactInput& facts) {
    const devo::Decision decision = compiled.evaluate(facts, devo::EvaluateOptions{false, {}});
    for (const auto& tier : decision.tiers) {
      tiers.insert(tier.status);
    }
    for (const auto& power : decision.powers) {
      powers.insert(power.status);
    }
  }
};

}  // namespace

TEST_CASE("the fast path agrees with the full evaluator on every real subject",
          "[evaluate][fast-path]") {
  // One Outcome for every rule set and subject: its storage is kept from one
  // call to the next, whatever the size of the rule set.
  devo::Outcome outcome;
  Tally all;
  for (const char* date : {"2026-06-01", "2024-01-01"}) {
    const auto subjects = devo::test::real_subjects(*devo::Date::parse(date));
    REQUIRE(subjects.size() > 300);
    for (const char* id : k_builtin) {
      const devo::CompiledRules compiled(devo::test::builtin_rules(id));
      Tally tally;
      for (const devo::FactInput& facts : subjects) {
        check_agreement(compiled, facts, outcome, true);
        tally.add(compiled, facts);
        all.add(compiled, facts);
      }
      INFO(id << " on " << date);
      CHECK(tally.tiers.contains(Status::holds));
      CHECK(tally.tiers.size() >= 2);
      CHECK(tally.powers.contains(PowerStatus::available));
      CHECK(tally.powers.size() >= 2);
    }
  }
  // Real subjects reach tiers, fail them and leave some unknown.
  CHECK(all.tiers.size() == 3);
  CHECK(all.powers.size() == 3);
}

TEST_CASE("the fast path agrees with the full evaluator on real groupings",
          "[evaluate][fast-path]") {
  // Groupings have no institution or mayor: everything that depends on them
  // is unknown.
  const devo::Geography& england = devo::test::england();
  const auto codes = england.district_codes();
  std::mt19937_64 random(7);
  devo::Outcome outcome;
  for (int i = 0; i < 60; ++i) {
    std::vector<std::string> councils{codes[random() % codes.size()]};
    for (int k = 0; k < 3; ++k) {
      const auto next = england.neighbours(councils.back());
      if (!next.empty() &&
          std::find(councils.begin(), councils.end(), next.front()) == councils.end()) {
        councils.push_back(next[random() % next.size()]);
      }
    }
    std::sort(councils.begin(), councils.end());
    councils.erase(std::unique(councils.begin(), councils.end()), councils.end());
    devo::Diagnostics diags;
    const auto facts = england.grouping(councils, devo::FactNotes::none, diags);
    REQUIRE(facts.has_value());
    for (const char* id : k_builtin) {
      check_agreement(devo::CompiledRules(devo::test::builtin_rules(id)), *facts, outcome, false);
    }
  }
}

TEST_CASE("the fast path agrees with the full evaluator on random facts, some unknown",
          "[evaluate][fast-path]") {
  devo::Outcome outcome;
  for (const char* id : k_builtin) {
    const devo::CompiledRules compiled(devo::test::builtin_rules(id));
    for (const double unknown_share : {0.0, 0.2, 0.6}) {
      Tally tally;
      const auto subjects = devo::test::random_subjects(compiled.rules(), 300, 2026, unknown_share);
      for (const devo::FactInput& facts : subjects) {
        check_agreement(compiled, facts, outcome, false);
        tally.add(compiled, facts);
      }
      INFO(id << ", unknown share " << unknown_share);
      CHECK(tally.tiers.contains(Status::holds));
      CHECK(tally.tiers.contains(Status::fails));
      CHECK(tally.powers.contains(PowerStatus::available));
      CHECK(tally.powers.contains(PowerStatus::unavailable));
      CHECK(tally.tiers.contains(Status::unknown) == (unknown_share > 0));
    }
  }
}

namespace {

// A synthetic rule set: facts of every type, `named` named conditions (each
// may use those before it), four tiers and `powers` powers, with conditions of
// every form and operator drawn from `seed`.
class RulesWriter {
 public:
  explicit RulesWriter(std::uint64_t seed) : m_random(seed) {}

  std::string write(std::size_t named, std::size_t powers) {
    std::string text = R"(ruleset: {id: synthetic, title: Synthetic, effective_from: 2020-01-01}
sources: [{id: doc, title: The document}]
facts:
  flag_a: {type: bool, title: flag a}
  flag_b: {type: bool, title: flag b}
  size: {type: integer, title: size}
  kind: {type: enum, title: kind, values: {alpha: an alpha, beta: a beta, gamma: a gamma, delta: a delta}}
  since: {type: date, title: since}
  areas: {type: codes, title: areas}
conditions:
)";
    for (std::size_t i = 0; i < named; ++i) {
      m_named = i;
      text += "  named-" + std::to_string(i) + ":\n    title: named condition " +
              std::to_string(i) + "\n    when: " + condition(3) + "\n";
    }
    m_named = named;
    text += "tiers:\n";
    for (int t = 0; t < 4; ++t) {
      text += "  - id: tier-" + std::to_string(t) + "\n    title: Tier " + std::to_string(t) + "\n";
      text += requirements(1 + below(3));
      text += "    citation: {source: doc}\n    evidence: confirmed\n";
    }
    text += "powers:\n";
    for (std::size_t p = 0; p < powers; ++p) {
      text += "  - id: power-" + std::to_string(p) + "\n    title: Power " + std::to_string(p) +
              "\n    group: G\n    tier: tier-" + std::to_string(below(4)) + "\n";
      text += requirements(below(4));
      text += "    citation: {source: doc}\n    evidence: reconstructed\n";
    }
    return text;
  }

 private:
  std::size_t below(std::size_t bound) { return static_cast<std::size_t>(m_random() % bound); }

  template <std::size_t N>
  const char* pick(const char* const (&choices)[N]) {
    return choices[below(N)];
  }

  std::string requirements(std::size_t count) {
    if (count == 0) {
      return "";
    }
    std::string text = "    requires:\n";
    for (std::size_t i = 0; i < count; ++i) {
      text += "      - " + condition(2) + "\n";
    }
    return text;
  }

  std::string condition(int depth) {
    const std::size_t choice = below(depth > 0 ? 10 : 6);
    if (choice < 5) {
      return comparison();
    }
    if (choice == 5) {
      if (m_named == 0) {
        return comparison();
      }
      return "{condition: named-" + std::to_string(below(m_named)) + "}";
    }
    if (choice == 6) {
      return "{not: " + condition(depth - 1) + "}";
    }
    std::string text = choice % 2 == 0 ? "{all: [" : "{any: [";
    const std::size_t parts = 1 + below(4);
    for (std::size_t i = 0; i < parts; ++i) {
      text += (i == 0 ? "" : ", ") + condition(depth - 1);
    }
    return text + "]}";
  }

  std::string comparison() {
    switch (below(6)) {
      case 0:
      case 1: {
        const char* fact = below(2) == 0 ? "flag_a" : "flag_b";
        if (below(4) == 0) {
          return std::string("{fact: ") + fact + ", exists: " + pick({"true", "false"}) + "}";
        }
        return std::string("{fact: ") + fact + ", " + pick({"eq", "ne"}) + ": " +
               pick({"true", "false"}) + "}";
      }
      case 2:
        if (below(4) == 0) {
          return std::string("{fact: size, in: ") +
                 pick({"[10, 50]", "[0, 1000, 100000]", "[63]"}) + "}";
        }
        if (below(8) == 0) {
          return std::string("{fact: size, exists: ") + pick({"true", "false"}) + "}";
        }
        return std::string("{fact: size, ") + pick({"eq", "ne", "lt", "lte", "gt", "gte"}) + ": " +
               pick({"0", "10", "50", "1000"}) + "}";
      case 3:
        if (below(2) == 0) {
          return std::string("{fact: kind, in: ") +
                 pick({"[alpha]", "[beta, delta]", "[alpha, gamma, delta]"}) + "}";
        }
        return std::string("{fact: kind, ") + pick({"eq", "ne"}) + ": " +
               pick({"alpha", "beta", "gamma", "delta"}) + "}";
      case 4:
        if (below(4) == 0) {
          return std::string("{fact: since, in: ") +
                 pick({"[2020-01-01, 2024-06-30]", "[2019-12-31]"}) + "}";
        }
        return std::string("{fact: since, ") + pick({"eq", "ne", "lt", "lte", "gt", "gte"}) + ": " +
               pick({"2020-01-01", "2024-06-30"}) + "}";
      default:
        if (below(3) == 0) {
          return std::string("{fact: areas, contains: ") + pick({"E06000001", "E06000002"}) + "}";
        }
        if (below(6) == 0) {
          return std::string("{fact: areas, exists: ") + pick({"true", "false"}) + "}";
        }
        return std::string("{fact: areas, ") + pick({"eq", "ne"}) + ": " +
               pick({"[]", "[E06000001]", "[E06000002, E06000001]"}) + "}";
    }
  }

  std::mt19937_64 m_random;
  std::size_t m_named = 0;
};

std::shared_ptr<const devo::RuleSet> synthetic_rules(std::uint64_t seed, std::size_t named,
                                                     std::size_t powers) {
  const std::string text = RulesWriter(seed).write(named, powers);
  devo::Diagnostics diags;
  auto rules = devo::load_ruleset(devo::SourceFile::from_text("synthetic.yaml", text), diags);
  INFO(text);
  REQUIRE(rules.has_value());
  return std::make_shared<const devo::RuleSet>(std::move(*rules));
}

}  // namespace

TEST_CASE("the fast path agrees with a reference evaluator on large synthetic rule sets",
          "[evaluate][fast-path]") {
  devo::Outcome outcome;
  std::set<std::uint32_t> words_seen;
  Tally tally;
  // From one word of node statuses to many; from few power groups to more
  // than the 64 kept on the stack.
  const std::pair<std::size_t, std::size_t> shapes[] = {{2, 4}, {6, 12}, {12, 30}, {30, 90}};
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    for (const auto& [named, powers] : shapes) {
      const devo::CompiledRules compiled(synthetic_rules(seed, named, powers));
      const devo::detail::Program& program = devo::compile::program_of(compiled);
      words_seen.insert(program.words);
      INFO("seed " << seed << ", " << named << " named conditions, " << powers << " powers, "
                   << program.nodes.size() << " nodes, " << program.words << " words, "
                   << program.power_groups.size() << " power groups");
      CHECK(program.words == std::max<std::size_t>(1, (program.nodes.size() + 63) / 64));
      for (const double unknown_share : {0.0, 0.3}) {
        const auto subjects =
            devo::test::random_subjects(compiled.rules(), 150, seed * 100 + named, unknown_share);
        for (const devo::FactInput& facts : subjects) {
          check_agreement(compiled, facts, outcome, false);
          tally.add(compiled, facts);
        }
      }
    }
  }
  CHECK(tally.tiers.size() == 3);
  CHECK(tally.powers.size() == 3);
  // Both ways of keeping the statuses were exercised, and more than two words.
  CHECK(words_seen.contains(1));
  CHECK(std::any_of(words_seen.begin(), words_seen.end(), [](std::uint32_t w) { return w > 2; }));
}

TEST_CASE("a synthetic rule set past 64 nodes and 64 power groups is what it is meant to be",
          "[evaluate][fast-path]") {
  const devo::CompiledRules compiled(synthetic_rules(42, 30, 90));
  const devo::detail::Program& program = devo::compile::program_of(compiled);
  CHECK(program.nodes.size() > 128);
  CHECK(program.words >= 3);
  CHECK(program.power_groups.size() > 64);
  // Its explanation runs too, and names every tier and power.
  const auto subjects = devo::test::random_subjects(compiled.rules(), 20, 42, 0.3);
  devo::Outcome outcome;
  for (const devo::FactInput& facts : subjects) {
    check_agreement(compiled, facts, outcome, true);
  }
}

TEST_CASE("facts of another type than declared stay unknown on the fast path",
          "[evaluate][fast-path]") {
  // Possible only through the library: a string for an integer, a bool for
  // an enum. They count as not given at all.
  const devo::CompiledRules compiled(devo::test::builtin_rules("luwp-2022"));
  devo::FactInput facts;
  facts.values["population"] = std::string("many");
  facts.values["institution"] = true;
  facts.values["whole_counties"] = std::int64_t{1};
  const devo::BoundFacts bound = compiled.bind(facts);
  for (std::size_t slot = 0; slot < compiled.rules().facts.size(); ++slot) {
    INFO(compiled.rules().facts[slot].name);
    CHECK_FALSE(bound.known(slot));
  }
  const Expected nothing_given = reference_decision(compiled.rules(), devo::FactInput{});
  devo::Outcome outcome;
  compiled.decide(bound, outcome);
  CHECK(outcome.tiers == nothing_given.tiers);
  CHECK(outcome.powers == nothing_given.powers);
  const devo::Decision decision = compiled.evaluate(facts, devo::EvaluateOptions{true, {}});
  for (std::size_t i = 0; i < outcome.tiers.size(); ++i) {
    CHECK(decision.tiers[i].status == nothing_given.tiers[i]);
  }
  for (std::size_t i = 0; i < outcome.powers.size(); ++i) {
    CHECK(decision.powers[i].status == nothing_given.powers[i]);
  }
}
