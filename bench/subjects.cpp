#include "subjects.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace devo::bench {
namespace {

// The integers and codes the rules compare each fact with.
struct Operands {
  std::map<std::string, std::int64_t> largest_integer;
  std::map<std::string, Codes> codes;
};

void collect(const Condition& condition, Operands& operands) {
  for (const Condition& child : condition.children) {
    collect(child, operands);
  }
  if (condition.kind != Condition::Kind::comparison) {
    return;
  }
  const auto note = [&](const Literal& literal) {
    if (literal.kind == Literal::Kind::integer) {
      auto& largest = operands.largest_integer[condition.name];
      largest = std::max(largest, literal.integer);
    } else if (literal.kind == Literal::Kind::string) {
      operands.codes[condition.name].push_back(literal.text);
    }
  };
  note(condition.operand);
  for (const Literal& item : condition.operand.items) {
    note(item);
  }
}

Operands operands_of(const RuleSet& rules) {
  Operands operands;
  for (const NamedCondition& named : rules.conditions) {
    collect(named.when, operands);
  }
  for (const Tier& tier : rules.tiers) {
    for (const Condition& condition : tier.requirements) {
      collect(condition, operands);
    }
  }
  for (const Power& power : rules.powers) {
    for (const Condition& condition : power.requirements) {
      collect(condition, operands);
    }
  }
  return operands;
}

FactValue random_value(const FactDeclaration& fact, const Operands& operands, SplitMix64& random) {
  switch (fact.type) {
    case FactType::boolean:
      return random.below(2) == 1;
    case FactType::enumeration:
      return fact.values[random.below(fact.values.size())].first;
    case FactType::integer: {
      const std::int64_t low = fact.minimum.value_or(0);
      const auto largest = operands.largest_integer.find(fact.name);
      const std::int64_t high = fact.maximum.value_or(
          largest != operands.largest_integer.end() ? 2 * largest->second : 3'000'000);
      return low +
             static_cast<std::int64_t>(random.below(static_cast<std::uint64_t>(high - low) + 1));
    }
    case FactType::date: {
      const std::int32_t first = Date::parse("2000-01-01")->days;
      const std::int32_t last = Date::parse("2030-12-31")->days;
      return Date{first + static_cast<std::int32_t>(
                              random.below(static_cast<std::uint64_t>(last - first) + 1))};
    }
    case FactType::codes: {
      Codes pool{"E06000001", "E07000012", "E08000021", "E09000033"};
      if (const auto named = operands.codes.find(fact.name); named != operands.codes.end()) {
        pool.insert(pool.end(), named->second.begin(), named->second.end());
      }
      Codes codes;
      if (random.below(2) == 1) {
        const std::size_t count = 1 + random.below(2);
        for (std::size_t i = 0; i < count; ++i) {
          codes.push_back(pool[random.below(pool.size())]);
        }
      }
      std::sort(codes.begin(), codes.end());
      codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
      return codes;
    }
  }
  return false;
}

}  // namespace

std::uint64_t SplitMix64::next() {
  std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

Date bench_date() {
  return *Date::parse("2026-06-01");
}

std::vector<FactInput> real_subjects(const Geography& geography) {
  std::vector<FactInput> subjects;
  Diagnostics diags;
  for (const std::string& code : geography.authority_codes()) {
    if (auto facts = geography.authority(code, bench_date(), diags)) {
      subjects.push_back(std::move(*facts));
    }
  }
  return subjects;
}

std::vector<std::vector<std::string>> random_groupings(const Geography& geography,
                                                       std::size_t count, std::uint64_t seed) {
  const std::vector<std::string> districts = geography.district_codes();
  std::map<std::string, std::vector<std::string>> neighbours;
  for (const std::string& district : districts) {
    neighbours[district] = geography.neighbours(district);
  }
  SplitMix64 random(seed);
  std::vector<std::vector<std::string>> groupings;
  while (groupings.size() < count) {
    const std::size_t size = 2 + random.below(11);
    std::vector<std::string> grouping{districts[random.below(districts.size())]};
    std::vector<std::string> frontier;
    while (grouping.size() < size) {
      frontier.clear();
      for (const std::string& member : grouping) {
        for (const std::string& next : neighbours[member]) {
          if (std::find(grouping.begin(), grouping.end(), next) == grouping.end() &&
              std::find(frontier.begin(), frontier.end(), next) == frontier.end()) {
            frontier.push_back(next);
          }
        }
      }
      if (frontier.empty()) {
        break;
      }
      grouping.push_back(frontier[random.below(frontier.size())]);
    }
    // A district with no neighbour (the Isles of Scilly) cannot start one.
    if (grouping.size() >= 2) {
      groupings.push_back(std::move(grouping));
    }
  }
  return groupings;
}

std::vector<FactInput> random_subjects(const RuleSet& rules, std::size_t count,
                                       std::uint64_t seed) {
  const Operands operands = operands_of(rules);
  SplitMix64 random(seed);
  std::vector<FactInput> subjects(count);
  for (std::size_t i = 0; i < count; ++i) {
    FactInput& facts = subjects[i];
    facts.subject.kind = "random";
    facts.subject.name = "random subject " + std::to_string(i + 1);
    for (const FactDeclaration& fact : rules.facts) {
      facts.values[fact.name] = random_value(fact, operands, random);
    }
  }
  return subjects;
}

}  // namespace devo::bench
