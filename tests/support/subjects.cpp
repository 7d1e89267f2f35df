#include "support/subjects.hpp"

#include "support/catch.hpp"

#include <algorithm>
#include <map>
#include <mutex>

namespace devo::test {
namespace {

// The values the rules compare each fact with.
struct Operands {
  std::map<std::string, std::vector<std::int64_t>, std::less<>> integers;
  std::map<std::string, std::vector<std::int32_t>, std::less<>> dates;
  std::map<std::string, Codes, std::less<>> codes;
};

void collect(const RuleSet& rules, const Condition& condition, Operands& operands) {
  for (const Condition& child : condition.children) {
    collect(rules, child, operands);
  }
  if (condition.kind != Condition::Kind::comparison) {
    return;
  }
  const FactDeclaration* fact = rules.find_fact(condition.name);
  if (fact == nullptr) {
    return;
  }
  std::vector<const Literal*> literals{&condition.operand};
  for (const Literal& item : condition.operand.items) {
    literals.push_back(&item);
  }
  for (const Literal* literal : literals) {
    if (fact->type == FactType::integer && literal->kind == Literal::Kind::integer) {
      operands.integers[fact->name].push_back(literal->integer);
    } else if (fact->type == FactType::date && literal->kind == Literal::Kind::string) {
      if (auto date = Date::parse(literal->text)) {
        operands.dates[fact->name].push_back(date->days);
      }
    } else if (fact->type == FactType::codes && literal->kind == Literal::Kind::string) {
      operands.codes[fact->name].push_back(literal->text);
    }
  }
}

Operands operands_of(const RuleSet& rules) {
  Operands operands;
  const auto all = [&](const std::vector<Condition>& conditions) {
    for (const Condition& condition : conditions) {
      collect(rules, condition, operands);
    }
  };
  for (const NamedCondition& named : rules.conditions) {
    collect(rules, named.when, operands);
  }
  for (const Tier& tier : rules.tiers) {
    all(tier.requirements);
    all(tier.expectations);
  }
  for (const Power& power : rules.powers) {
    all(power.requirements);
    all(power.expectations);
  }
  return operands;
}

std::uint64_t below(std::mt19937_64& random, std::uint64_t bound) {
  return bound == 0 ? 0 : random() % bound;
}

FactValue random_value(const FactDeclaration& fact, const Operands& operands,
                       std::mt19937_64& random) {
  switch (fact.type) {
    case FactType::boolean:
      return below(random, 2) == 1;
    case FactType::enumeration:
      return fact.values[below(random, fact.values.size())].first;
    case FactType::integer: {
      const auto it = operands.integers.find(fact.name);
      if (it != operands.integers.end() && below(random, 4) != 0) {
        const std::int64_t near = it->second[below(random, it->second.size())];
        return near - 1 + static_cast<std::int64_t>(below(random, 3));
      }
      return static_cast<std::int64_t>(below(random, 4'000'000));
    }
    case FactType::date: {
      const auto it = operands.dates.find(fact.name);
      if (it != operands.dates.end() && below(random, 4) != 0) {
        const std::int32_t near = it->second[below(random, it->second.size())];
        return Date{near - 1 + static_cast<std::int32_t>(below(random, 3))};
      }
      const std::int32_t first = Date::from_civil(2000, 1, 1).days;
      const std::int32_t last = Date::from_civil(2030, 12, 31).days;
      return Date{first + static_cast<std::int32_t>(
                              below(random, static_cast<std::uint64_t>(last - first) + 1))};
    }
    case FactType::codes: {
      Codes pool{"E06000001", "E06000007", "E07000012", "E09000033"};
      if (const auto it = operands.codes.find(fact.name); it != operands.codes.end()) {
        pool.insert(pool.end(), it->second.begin(), it->second.end());
      }
      Codes codes;
      const std::size_t count = below(random, 4);
      for (std::size_t i = 0; i < count; ++i) {
        codes.push_back(pool[below(random, pool.size())]);
      }
      std::sort(codes.begin(), codes.end());
      codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
      return codes;
    }
  }
  return false;
}

}  // namespace

const Geography& england() {
  static const Geography k_england = [] {
    Diagnostics diags;
    auto geography = Geography::load_builtin(diags);
    REQUIRE(geography.has_value());
    return *geography;
  }();
  return k_england;
}

std::shared_ptr<const RuleSet> builtin_rules(const std::string& id) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const RuleSet>> loaded;
  const std::lock_guard lock(mutex);
  auto& rules = loaded[id];
  if (!rules) {
    Diagnostics diags;
    auto source = find_ruleset_source(id, diags);
    REQUIRE(source.has_value());
    auto model = load_ruleset(*source, diags);
    REQUIRE(model.has_value());
    rules = std::make_shared<const RuleSet>(std::move(*model));
  }
  return rules;
}

std::vector<FactInput> real_subjects(Date as_of) {
  std::vector<FactInput> subjects;
  for (const std::string& code : england().authority_codes()) {
    Diagnostics diags;
    auto facts = england().authority(code, as_of, diags);
    INFO(code);
    REQUIRE(facts.has_value());
    subjects.push_back(std::move(*facts));
  }
  return subjects;
}

std::vector<FactInput> random_subjects(const RuleSet& rules, std::size_t count, std::uint64_t seed,
                                       double unknown_share) {
  const Operands operands = operands_of(rules);
  std::mt19937_64 random(seed);
  const auto unknown_in = static_cast<std::uint64_t>(unknown_share * 1000);
  std::vector<FactInput> subjects(count);
  for (std::size_t i = 0; i < count; ++i) {
    FactInput& facts = subjects[i];
    facts.subject.kind = "random";
    facts.subject.name = "random subject " + std::to_string(i + 1);
    for (const FactDeclaration& fact : rules.facts) {
      if (below(random, 1000) < unknown_in) {
        continue;
      }
      facts.values[fact.name] = random_value(fact, operands, random);
    }
  }
  return subjects;
}

FactInput completed(const RuleSet& rules, FactInput facts, std::mt19937_64& random) {
  const Operands operands = operands_of(rules);
  for (const FactDeclaration& fact : rules.facts) {
    if (!facts.values.contains(fact.name)) {
      facts.values[fact.name] = random_value(fact, operands, random);
    }
  }
  return facts;
}

}  // namespace devo::test
