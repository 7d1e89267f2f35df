#include "check/check.hpp"
#include "support/suggest.hpp"

#include <devo/codes.hpp>
#include <devo/computed_facts.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace devo::check {
namespace {

bool allows(FactType type, Operator op) {
  switch (op) {
    case Operator::exists:
      return true;
    case Operator::eq:
    case Operator::ne:
      return true;
    case Operator::in:
      return type == FactType::integer || type == FactType::enumeration || type == FactType::date;
    case Operator::lt:
    case Operator::lte:
    case Operator::gt:
    case Operator::gte:
      return type == FactType::integer || type == FactType::date;
    case Operator::contains:
      return type == FactType::codes;
  }
  return false;
}

std::string operators_for(FactType type) {
  std::vector<std::string> names;
  for (Operator op : {Operator::eq, Operator::ne, Operator::in, Operator::lt, Operator::lte,
                      Operator::gt, Operator::gte, Operator::exists, Operator::contains}) {
    if (allows(type, op)) {
      names.emplace_back(to_string(op));
    }
  }
  return support::quoted_list(names);
}

template <typename Item>
std::vector<std::string> ids_of(const std::vector<Item>& items, std::string Item::*field) {
  std::vector<std::string> ids;
  for (const Item& item : items) {
    ids.push_back(item.*field);
  }
  return ids;
}

class RuleSetChecker {
 public:
  RuleSetChecker(const RuleSet& rules, Diagnostics& diags) : m_rules(rules), m_diags(diags) {}

  void run() {
    check_unique(m_rules.sources, &Source::id, "source");
    check_unique(m_rules.tiers, &Tier::id, "tier");
    check_unique(m_rules.powers, &Power::id, "power");
    // Within one file YAML keys are unique already; a file that extends
    // another may still repeat one of its base's names.
    check_unique(m_rules.facts, &FactDeclaration::name, "fact");
    check_unique(m_rules.conditions, &NamedCondition::name, "condition");
    for (const FactDeclaration& fact : m_rules.facts) {
      check_fact_declaration(fact);
    }
    for (const NamedCondition& named : m_rules.conditions) {
      check_citation(named.citation);
      check_condition(named.when);
    }
    for (const Tier& tier : m_rules.tiers) {
      check_citation(tier.citation);
      check_conditions(tier.requirements);
      check_conditions(tier.expectations);
    }
    for (const Power& power : m_rules.powers) {
      check_citation(power.citation);
      check_power_tier(power);
      check_conditions(power.requirements);
      check_conditions(power.expectations);
    }
    for (const Exclusion& exclusion : m_rules.not_applicable) {
      check_citation(exclusion.citation);
      check_condition(exclusion.when);
    }
    check_cycles();
  }

 private:
  template <typename Item>
  void check_unique(const std::vector<Item>& items, std::string Item::*field,
                    std::string_view what) {
    std::map<std::string, const Item*> first;
    for (const Item& item : items) {
      const std::string& id = item.*field;
      if (id.empty()) {
        continue;
      }
      auto [it, inserted] = first.emplace(id, &item);
      if (!inserted) {
        m_diags
            .error(item.location, std::string(codes::duplicate_id),
                   fmt::format("{} '{}' is already defined", what, id))
            .note(it->second->location, "first defined here");
      }
    }
  }

  void check_fact_declaration(const FactDeclaration& fact) {
    for (const ComputedFact& computed : computed_facts()) {
      if (computed.name == fact.name && computed.type != fact.type) {
        m_diags.error(
            fact.location, std::string(codes::type_mismatch),
            fmt::format("devo computes '{}' as {} ({}); declare it with type {}", fact.name,
                        article_type(computed.type), computed.meaning, to_string(computed.type)));
      }
    }
    if (fact.type == FactType::enumeration && fact.values.empty()) {
      m_diags.error(fact.location, std::string(codes::invalid_value),
                    fmt::format("the enum fact '{}' needs its 'values'", fact.name));
    }
    if (fact.type == FactType::boolean) {
      for (const auto& [value, label] : fact.values) {
        if (value != "true" && value != "false") {
          m_diags.error(fact.location, std::string(codes::invalid_value),
                        fmt::format("the bool fact '{}' can only give words for true and "
                                    "false, not '{}'",
                                    fact.name, value));
        }
      }
    }
    if ((fact.minimum || fact.maximum) && fact.type != FactType::integer) {
      m_diags.error(fact.location, std::string(codes::invalid_value),
                    fmt::format("only integer facts have a 'minimum' or 'maximum'; '{}' is {}",
                                fact.name, to_string(fact.type)));
    }
    if (fact.type != FactType::enumeration && fact.type != FactType::boolean &&
        !fact.values.empty()) {
      m_diags.error(fact.location, std::string(codes::invalid_value),
                    fmt::format("only enum and bool facts have 'values'; '{}' is {}", fact.name,
                                to_string(fact.type)));
    }
  }

  void check_citation(const std::optional<Citation>& citation) {
    if (citation) {
      check_citation(*citation);
    }
  }

  void check_citation(const Citation& citation) {
    check_source(citation.source, citation.location);
    for (const std::string& via : citation.via) {
      check_source(via, citation.location);
    }
  }

  void check_source(const std::string& id, const Location& where) {
    if (!id.empty() && m_rules.find_source(id) == nullptr) {
      m_diags.error(where, std::string(codes::undefined_source),
                    fmt::format("source '{}' is not listed under 'sources'{}", id,
                                support::did_you_mean(id, ids_of(m_rules.sources, &Source::id))));
    }
  }

  void check_power_tier(const Power& power) {
    if (!power.tier.empty() && !m_rules.tier_index(power.tier)) {
      m_diags.error(
          power.tier_location, std::string(codes::undefined_tier),
          fmt::format("tier '{}' is not defined{}", power.tier,
                      support::did_you_mean(power.tier, ids_of(m_rules.tiers, &Tier::id))));
    }
  }

  void check_conditions(const std::vector<Condition>& conditions) {
    for (const Condition& condition : conditions) {
      check_condition(condition);
    }
  }

  void check_condition(const Condition& condition) {
    check_citation(condition.citation);
    switch (condition.kind) {
      case Condition::Kind::all:
      case Condition::Kind::any:
      case Condition::Kind::negation:
        check_conditions(condition.children);
        break;
      case Condition::Kind::reference:
        check_reference(condition);
        break;
      case Condition::Kind::comparison:
        check_comparison(condition);
        break;
    }
  }

  void check_reference(const Condition& condition) {
    if (m_rules.find_condition(condition.name) == nullptr) {
      m_diags.error(
          condition.name_location, std::string(codes::undefined_condition),
          fmt::format("condition '{}' is not defined{}", condition.name,
                      support::did_you_mean(condition.name,
                                            ids_of(m_rules.conditions, &NamedCondition::name))));
    }
  }

  void check_comparison(const Condition& condition) {
    const FactDeclaration* fact = m_rules.find_fact(condition.name);
    if (fact == nullptr) {
      m_diags.error(
          condition.name_location, std::string(codes::undefined_fact),
          fmt::format("fact '{}' is not declared under 'facts'{}", condition.name,
                      support::did_you_mean(condition.name,
                                            ids_of(m_rules.facts, &FactDeclaration::name))));
      return;
    }
    if (!allows(fact->type, condition.op)) {
      m_diags.error(
          condition.operand.location, std::string(codes::type_mismatch),
          fmt::format("'{}' does not apply to the {} fact '{}'; use {}", to_string(condition.op),
                      to_string(fact->type), fact->name, operators_for(fact->type)));
      return;
    }
    if (condition.op == Operator::exists) {
      return;
    }
    if (condition.op == Operator::in) {
      for (const Literal& item : condition.operand.items) {
        check_operand(*fact, item);
      }
    } else if (fact->type == FactType::codes && condition.op != Operator::contains) {
      check_codes_operand(*fact, condition.operand);
    } else if (fact->type == FactType::codes) {
      expect_kind(*fact, condition.operand, Literal::Kind::string, "a code");
    } else {
      check_operand(*fact, condition.operand);
    }
  }

  void check_codes_operand(const FactDeclaration& fact, const Literal& operand) {
    if (operand.kind != Literal::Kind::list) {
      report_mismatch(fact, operand, "a list of codes");
      return;
    }
    for (const Literal& item : operand.items) {
      expect_kind(fact, item, Literal::Kind::string, "a code");
    }
  }

  void check_operand(const FactDeclaration& fact, const Literal& operand) {
    switch (fact.type) {
      case FactType::boolean:
        expect_kind(fact, operand, Literal::Kind::boolean, "true or false");
        break;
      case FactType::integer:
        expect_kind(fact, operand, Literal::Kind::integer, "a whole number");
        break;
      case FactType::enumeration:
        if (expect_kind(fact, operand, Literal::Kind::string, "one of its values") &&
            !fact.has_value(operand.text)) {
          report_unknown_enum_value(fact, operand);
        }
        break;
      case FactType::date:
        if (expect_kind(fact, operand, Literal::Kind::string, "a date (YYYY-MM-DD)")) {
          parse_date(operand.text, operand.location, m_diags);
        }
        break;
      case FactType::codes:
        expect_kind(fact, operand, Literal::Kind::string, "a code");
        break;
    }
  }

  bool expect_kind(const FactDeclaration& fact, const Literal& operand, Literal::Kind kind,
                   std::string_view expected) {
    if (operand.kind == kind) {
      return true;
    }
    report_mismatch(fact, operand, expected);
    return false;
  }

  void report_mismatch(const FactDeclaration& fact, const Literal& operand,
                       std::string_view expected) {
    m_diags.error(operand.location, std::string(codes::type_mismatch),
                  fmt::format("'{}' is {}, so compare it with {}, not {}", fact.name,
                              article_type(fact.type), expected, describe(operand)));
  }

  void report_unknown_enum_value(const FactDeclaration& fact, const Literal& operand) {
    std::vector<std::string> values;
    for (const auto& [value, label] : fact.values) {
      values.push_back(value);
    }
    m_diags.error(operand.location, std::string(codes::unknown_enum_value),
                  fmt::format("'{}' is not a value of '{}'{}; its values are {}", operand.text,
                              fact.name, support::did_you_mean(operand.text, values),
                              support::quoted_list(values, "and")));
  }

  static std::string article_type(FactType type) {
    switch (type) {
      case FactType::boolean:
        return "a bool";
      case FactType::integer:
        return "an integer";
      case FactType::enumeration:
        return "an enum";
      case FactType::date:
        return "a date";
      case FactType::codes:
        return "a list of codes";
    }
    return "a fact";
  }

  // Named conditions form a graph through their references; a cycle would
  // make evaluation loop, so each one is reported once, at the reference
  // that closes it.
  void check_cycles() {
    enum class Mark { unvisited, active, done };
    std::map<std::string, Mark> marks;
    std::vector<std::string> path;
    std::set<std::string> reported;

    std::function<void(const NamedCondition&)> visit = [&](const NamedCondition& named) {
      marks[named.name] = Mark::active;
      path.push_back(named.name);
      for_each_reference(named.when, [&](const Condition& reference) {
        const NamedCondition* target = m_rules.find_condition(reference.name);
        if (target == nullptr) {
          return;
        }
        const Mark mark = marks[target->name];
        if (mark == Mark::active) {
          report_cycle(path, reference, reported);
        } else if (mark == Mark::unvisited) {
          visit(*target);
        }
      });
      path.pop_back();
      marks[named.name] = Mark::done;
    };
    for (const NamedCondition& named : m_rules.conditions) {
      if (marks[named.name] == Mark::unvisited) {
        visit(named);
      }
    }
  }

  void report_cycle(const std::vector<std::string>& path, const Condition& reference,
                    std::set<std::string>& reported) {
    auto start = std::find(path.begin(), path.end(), reference.name);
    std::vector<std::string> cycle(start, path.end());
    std::string members = *std::min_element(cycle.begin(), cycle.end());
    if (!reported.insert(members).second) {
      return;
    }
    std::string chain;
    for (const std::string& name : cycle) {
      chain += fmt::format("'{}' -> ", name);
    }
    chain += fmt::format("'{}'", reference.name);
    m_diags.error(reference.name_location, std::string(codes::condition_cycle),
                  cycle.size() == 1
                      ? fmt::format("condition '{}' refers to itself", reference.name)
                      : fmt::format("named conditions refer to each other in a cycle: {}", chain));
  }

  template <typename Visit>
  static void for_each_reference(const Condition& condition, Visit visit) {
    if (condition.kind == Condition::Kind::reference) {
      visit(condition);
    }
    for (const Condition& child : condition.children) {
      for_each_reference(child, visit);
    }
  }

  const RuleSet& m_rules;
  Diagnostics& m_diags;
};

// The names a condition tree refers to: named conditions and facts.
void collect_names(const Condition& condition, std::set<std::string>& conditions,
                   std::set<std::string>& facts) {
  if (condition.kind == Condition::Kind::reference) {
    conditions.insert(condition.name);
  } else if (condition.kind == Condition::Kind::comparison) {
    facts.insert(condition.name);
  }
  for (const Condition& child : condition.children) {
    collect_names(child, conditions, facts);
  }
}

}  // namespace

std::string describe(const Literal& literal) {
  switch (literal.kind) {
    case Literal::Kind::null:
      return "nothing (null)";
    case Literal::Kind::boolean:
      return fmt::format("the bool {}", literal.boolean ? "true" : "false");
    case Literal::Kind::integer:
      return fmt::format("the integer {}", literal.integer);
    case Literal::Kind::real:
      return fmt::format("the number {}", literal.text);
    case Literal::Kind::string:
      return fmt::format("the string '{}'", literal.text);
    case Literal::Kind::list:
      return "a list";
  }
  return "a value";
}

void check_ruleset(const RuleSet& rules, Diagnostics& diags) {
  RuleSetChecker(rules, diags).run();
}

void warn_unused(const RuleSet& rules, Diagnostics& diags) {
  std::set<std::string> conditions;
  std::set<std::string> facts;
  const auto collect = [&](const std::vector<Condition>& list) {
    for (const Condition& condition : list) {
      collect_names(condition, conditions, facts);
    }
  };
  for (const NamedCondition& named : rules.conditions) {
    collect_names(named.when, conditions, facts);
  }
  for (const Tier& tier : rules.tiers) {
    collect(tier.requirements);
    collect(tier.expectations);
  }
  for (const Power& power : rules.powers) {
    collect(power.requirements);
    collect(power.expectations);
  }
  for (const Exclusion& exclusion : rules.not_applicable) {
    collect_names(exclusion.when, conditions, facts);
  }
  for (const NamedCondition& named : rules.conditions) {
    if (!conditions.contains(named.name)) {
      diags.warning(named.location, std::string(codes::unused_condition),
                    fmt::format("condition '{}' is never used", named.name));
    }
  }
  for (const FactDeclaration& fact : rules.facts) {
    if (!facts.contains(fact.name)) {
      diags.warning(fact.location, std::string(codes::unused_fact),
                    fmt::format("fact '{}' is declared but no condition uses it", fact.name));
    }
  }
}

}  // namespace devo::check
