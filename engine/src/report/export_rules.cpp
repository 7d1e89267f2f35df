// `devo export`: devo's rules in the formats of other rules engines, with the
// subjects' facts and devo's own statuses, so that the engines can be run side
// by side on the same rules and checked against each other (bench/peers/).

#include "report/json_values.hpp"

#include <devo/export.hpp>
#include <devo/version.hpp>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

namespace devo {
namespace {

using report::Json;

Json literal_json(const FactDeclaration& fact, const Literal& literal) {
  switch (fact.type) {
    case FactType::boolean:
      return literal.boolean;
    case FactType::integer:
      return literal.integer;
    case FactType::enumeration:
      return literal.text;
    case FactType::date:
      return Date::parse(literal.text).value_or(Date{}).days;
    case FactType::codes: {
      // `contains` names one code; `eq` and `ne` a list.
      if (literal.kind == Literal::Kind::string) {
        return literal.text;
      }
      // A set, as devo compares it: the same length means the same codes only
      // once repeats are dropped.
      std::vector<std::string> codes;
      for (const Literal& item : literal.items) {
        codes.push_back(item.text);
      }
      std::sort(codes.begin(), codes.end());
      codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
      return codes;
    }
  }
  return nullptr;
}

Json fact_value_json(const FactValue& value) {
  return std::visit(
      [](const auto& alternative) -> Json {
        using T = std::decay_t<decltype(alternative)>;
        if constexpr (std::is_same_v<T, Date>) {
          return alternative.days;
        } else {
          return alternative;
        }
      },
      value);
}

// The conditions that decide a tier or a power, by title, for engines that
// explain a result by the conditions that failed.
struct Decider {
  std::string title;
  Json logic;
};

// Writes conditions in one engine's form; named conditions are inlined
// (JsonLogic) or referred to (json-rules-engine).
class Writer {
 public:
  explicit Writer(const RuleSet& rules) : m_rules(rules) {}
  virtual ~Writer() = default;

  virtual Json comparison(const FactDeclaration& fact, const Condition& condition) const = 0;
  virtual Json combination(Condition::Kind kind, Json parts) const = 0;
  virtual Json reference(const NamedCondition& named) const = 0;
  virtual Json tier_reference(std::size_t tier) const = 0;

  Json condition(const Condition& condition) const {
    switch (condition.kind) {
      case Condition::Kind::comparison:
        return comparison(*m_rules.find_fact(condition.name), condition);
      case Condition::Kind::reference:
        return reference(*m_rules.find_condition(condition.name));
      case Condition::Kind::all:
      case Condition::Kind::any:
      case Condition::Kind::negation: {
        Json parts = Json::array();
        for (const Condition& child : condition.children) {
          parts.push_back(this->condition(child));
        }
        return combination(condition.kind, std::move(parts));
      }
    }
    return nullptr;
  }

  // A tier holds when the tier below holds and its own requirements hold;
  // the lowest, only for a subject the rule set applies to.
  std::vector<Decider> tier_deciders(std::size_t tier) const {
    std::vector<Decider> deciders;
    if (tier > 0) {
      deciders.push_back({m_rules.tiers[tier - 1].id + " holds", tier_reference(tier - 1)});
    } else if (!m_rules.not_applicable.empty()) {
      Json excluded = Json::array();
      for (const Exclusion& exclusion : m_rules.not_applicable) {
        excluded.push_back(condition(exclusion.when));
      }
      Json either = combination(Condition::Kind::any, std::move(excluded));
      deciders.push_back(
          {"the rule set applies", combination(Condition::Kind::negation, Json::array({either}))});
    }
    add_requirements(m_rules.tiers[tier].requirements, deciders);
    return deciders;
  }

  std::vector<Decider> power_deciders(const Power& power) const {
    const std::size_t tier = m_rules.tier_index(power.tier).value_or(0);
    std::vector<Decider> deciders{{m_rules.tiers[tier].id + " holds", tier_reference(tier)}};
    add_requirements(power.requirements, deciders);
    return deciders;
  }

  Json all_of(const std::vector<Decider>& deciders) const {
    Json parts = Json::array();
    for (const Decider& decider : deciders) {
      parts.push_back(decider.logic);
    }
    return combination(Condition::Kind::all, std::move(parts));
  }

  static Json deciders_json(const std::vector<Decider>& deciders) {
    Json list = Json::array();
    for (const Decider& decider : deciders) {
      list.push_back(Json{{"title", decider.title}, {"logic", decider.logic}});
    }
    return list;
  }

 protected:
  const RuleSet& rules() const { return m_rules; }

 private:
  void add_requirements(const std::vector<Condition>& requirements,
                        std::vector<Decider>& deciders) const {
    for (const Condition& requirement : requirements) {
      deciders.push_back({condition_title(requirement), condition(requirement)});
    }
  }

  std::string condition_title(const Condition& condition) const {
    if (!condition.title.empty()) {
      return condition.title;
    }
    if (condition.kind == Condition::Kind::reference) {
      const NamedCondition* named = m_rules.find_condition(condition.name);
      return named->title.empty() ? named->name : named->title;
    }
    return condition.name.empty() ? std::string("a combination of conditions") : condition.name;
  }

  const RuleSet& m_rules;
};

class JsonLogicWriter final : public Writer {
 public:
  using Writer::Writer;

  Json comparison(const FactDeclaration& fact, const Condition& condition) const override {
    const Json variable{{"var", fact.name}};
    if (condition.op == Operator::exists) {
      return Json{{condition.operand.boolean ? "!==" : "===", Json::array({variable, nullptr})}};
    }
    const Json value = literal_json(fact, condition.operand);
    if (fact.type == FactType::codes) {
      return codes_comparison(fact, condition.op, value);
    }
    switch (condition.op) {
      case Operator::eq:
        return Json{{"===", Json::array({variable, value})}};
      case Operator::ne:
        return Json{{"!==", Json::array({variable, value})}};
      case Operator::in: {
        Json values = Json::array();
        for (const Literal& item : condition.operand.items) {
          values.push_back(literal_json(fact, item));
        }
        return Json{{"in", Json::array({variable, values})}};
      }
      case Operator::lt:
        return Json{{"<", Json::array({variable, value})}};
      case Operator::lte:
        return Json{{"<=", Json::array({variable, value})}};
      case Operator::gt:
        return Json{{">", Json::array({variable, value})}};
      case Operator::gte:
        return Json{{">=", Json::array({variable, value})}};
      default:
        return nullptr;
    }
  }

  Json combination(Condition::Kind kind, Json parts) const override {
    if (kind == Condition::Kind::negation) {
      return Json{{"!", parts.at(0)}};
    }
    // JsonLogic's "and" and "or" of nothing are not defined; say what they mean.
    if (parts.empty()) {
      return kind == Condition::Kind::all;
    }
    if (parts.size() == 1) {
      return parts.at(0);
    }
    return Json{{kind == Condition::Kind::all ? "and" : "or", std::move(parts)}};
  }

  Json reference(const NamedCondition& named) const override { return condition(named.when); }

  Json tier_reference(std::size_t tier) const override { return all_of(tier_deciders(tier)); }

 private:
  // Codes are sets: equal when of the same size and each wanted code is there.
  static Json codes_comparison(const FactDeclaration& fact, Operator op, const Json& codes) {
    const Json variable{{"var", fact.name}};
    if (op == Operator::contains) {
      return Json{{"in", Json::array({codes, variable})}};
    }
    Json parts = Json::array(
        {Json{{"===", Json::array({Json{{"var", fact.name + ".length"}}, codes.size()})}}});
    for (const Json& code : codes) {
      parts.push_back(Json{{"in", Json::array({code, variable})}});
    }
    const Json equal = parts.size() == 1 ? parts.at(0) : Json{{"and", parts}};
    return op == Operator::ne ? Json{{"!", equal}} : equal;
  }
};

class RulesEngineWriter final : public Writer {
 public:
  using Writer::Writer;

  Json comparison(const FactDeclaration& fact, const Condition& condition) const override {
    if (condition.op == Operator::exists) {
      return fact_test(fact, condition.operand.boolean ? "notEqual" : "equal", nullptr);
    }
    Json value = literal_json(fact, condition.operand);
    if (fact.type == FactType::codes) {
      return codes_comparison(fact, condition.op, value);
    }
    switch (condition.op) {
      case Operator::eq:
        return fact_test(fact, "equal", std::move(value));
      case Operator::ne:
        return fact_test(fact, "notEqual", std::move(value));
      case Operator::in: {
        Json values = Json::array();
        for (const Literal& item : condition.operand.items) {
          values.push_back(literal_json(fact, item));
        }
        return fact_test(fact, "in", std::move(values));
      }
      case Operator::lt:
        return fact_test(fact, "lessThan", std::move(value));
      case Operator::lte:
        return fact_test(fact, "lessThanInclusive", std::move(value));
      case Operator::gt:
        return fact_test(fact, "greaterThan", std::move(value));
      case Operator::gte:
        return fact_test(fact, "greaterThanInclusive", std::move(value));
      default:
        return nullptr;
    }
  }

  Json combination(Condition::Kind kind, Json parts) const override {
    if (kind == Condition::Kind::negation) {
      return Json{{"not", parts.at(0)}};
    }
    return Json{{kind == Condition::Kind::all ? "all" : "any", std::move(parts)}};
  }

  Json reference(const NamedCondition& named) const override {
    return Json{{"condition", named.name}};
  }

  Json tier_reference(std::size_t tier) const override {
    return Json{{"condition", tier_condition_name(rules().tiers[tier].id)}};
  }

  static std::string tier_condition_name(const std::string& tier) { return "tier:" + tier; }

 private:
  static Json fact_test(const FactDeclaration& fact, const char* op, Json value) {
    return Json{{"fact", fact.name}, {"operator", op}, {"value", std::move(value)}};
  }

  static Json codes_comparison(const FactDeclaration& fact, Operator op, const Json& codes) {
    if (op == Operator::contains) {
      return fact_test(fact, "contains", codes);
    }
    // Equal sets: every code given is wanted (the everyFact decorator), and
    // every code wanted is given.
    Json parts = Json::array({fact_test(fact, "everyFact:in", codes)});
    for (const Json& code : codes) {
      parts.push_back(fact_test(fact, "contains", code));
    }
    const Json equal = parts.size() == 1 ? parts.at(0) : Json{{"all", parts}};
    return op == Operator::ne ? Json{{"not", equal}} : equal;
  }
};

Json facts_declared(const RuleSet& rules) {
  Json facts = Json::array();
  for (const FactDeclaration& fact : rules.facts) {
    Json declared{{"name", fact.name}, {"type", std::string(to_string(fact.type))}};
    if (fact.type == FactType::enumeration) {
      Json values = Json::array();
      for (const auto& [value, label] : fact.values) {
        values.push_back(value);
      }
      declared["values"] = std::move(values);
    }
    facts.push_back(std::move(declared));
  }
  return facts;
}

Json subject_json(const RuleSet& rules, const ExportedSubject& subject) {
  Json facts = Json::object();
  bool complete = true;
  for (const FactDeclaration& fact : rules.facts) {
    const auto it = subject.facts.values.find(fact.name);
    if (it == subject.facts.values.end()) {
      facts[fact.name] = nullptr;
      complete = false;
    } else {
      facts[fact.name] = fact_value_json(it->second);
    }
  }
  Json powers = Json::object();
  for (std::size_t i = 0; i < rules.powers.size(); ++i) {
    powers[rules.powers[i].id] = std::string(to_string(subject.decision.powers[i].status));
  }
  const auto& tier = subject.decision.tier;
  return Json{{"name", subject.facts.subject.name},
              {"code", subject.facts.subject.code},
              {"kind", subject.facts.subject.kind},
              {"complete", complete},
              {"facts", std::move(facts)},
              {"devo",
               {{"tier", tier ? Json(rules.tiers[*tier].id) : Json(nullptr)},
                {"powers", std::move(powers)}}}};
}

Json tiers_json(const RuleSet& rules, const Writer& writer) {
  Json tiers = Json::array();
  for (std::size_t i = 0; i < rules.tiers.size(); ++i) {
    const auto deciders = writer.tier_deciders(i);
    tiers.push_back(Json{{"id", rules.tiers[i].id},
                         {"holds", writer.all_of(deciders)},
                         {"conditions", Writer::deciders_json(deciders)}});
  }
  return tiers;
}

Json powers_json(const RuleSet& rules, const Writer& writer) {
  Json powers = Json::array();
  for (const Power& power : rules.powers) {
    const auto deciders = writer.power_deciders(power);
    powers.push_back(Json{{"id", power.id},
                          {"tier", power.tier},
                          {"available", writer.all_of(deciders)},
                          {"conditions", Writer::deciders_json(deciders)}});
  }
  return powers;
}

// json-rules-engine runs rules that raise events: one rule per power, whose
// event is the power's id, over shared named conditions (the rule set's, and
// one per tier).
Json rules_engine_parts(const RuleSet& rules, const RulesEngineWriter& writer) {
  Json conditions = Json::object();
  for (const NamedCondition& named : rules.conditions) {
    Json when = writer.condition(named.when);
    // A shared condition must be a combination at its top.
    conditions[named.name] = when.contains("all") || when.contains("any") || when.contains("not")
                                 ? std::move(when)
                                 : Json{{"all", Json::array({std::move(when)})}};
  }
  for (std::size_t i = 0; i < rules.tiers.size(); ++i) {
    conditions[RulesEngineWriter::tier_condition_name(rules.tiers[i].id)] =
        writer.all_of(writer.tier_deciders(i));
  }
  Json engine_rules = Json::array();
  for (const Power& power : rules.powers) {
    engine_rules.push_back(Json{{"name", power.id},
                                {"conditions", writer.all_of(writer.power_deciders(power))},
                                {"event", {{"type", power.id}}}});
  }
  return Json{{"conditions", std::move(conditions)}, {"rules", std::move(engine_rules)}};
}

}  // namespace

std::string export_rules(const RuleSet& rules, ExportFormat format,
                         const std::vector<ExportedSubject>& subjects) {
  const bool json_logic = format == ExportFormat::json_logic;
  Json document{{"format", json_logic ? "json-logic" : "json-rules-engine"},
                {"devo_version", std::string(k_version)},
                {"ruleset", {{"id", rules.id}, {"sha256", rules.sha256}}},
                {"facts", facts_declared(rules)}};
  if (json_logic) {
    const JsonLogicWriter writer(rules);
    document["tiers"] = tiers_json(rules, writer);
    document["powers"] = powers_json(rules, writer);
  } else {
    const RulesEngineWriter writer(rules);
    document["tiers"] = tiers_json(rules, writer);
    document["powers"] = powers_json(rules, writer);
    document["json_rules_engine"] = rules_engine_parts(rules, writer);
  }
  Json exported = Json::array();
  for (const ExportedSubject& subject : subjects) {
    exported.push_back(subject_json(rules, subject));
  }
  document["subjects"] = std::move(exported);
  return report::dump_json(document);
}

}  // namespace devo
