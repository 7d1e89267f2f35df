#pragma once

#include <devo/facts.hpp>
#include <devo/geography.hpp>
#include <devo/ruleset.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace devo::bench {

// The date every workload evaluates for, so that runs compare.
Date bench_date();

// Every real subject of an England-wide run (districts, county councils,
// combined authorities, the GLA) with its computed facts, as `devo diff` and
// `devo export` see them. Some facts (a functional economic area) are not
// computed, so these subjects have unknowns.
std::vector<FactInput> real_subjects(const Geography& geography);

// `count` fact sets drawn from a seeded generator, every fact the rule set
// declares known: an enum value or bool uniformly; an integer between its
// minimum and twice the largest value any condition compares it with; a date
// between 2000 and 2030; a list of codes empty half the time, else one or two
// of the codes the rules name or a few district codes. The same seed gives
// the same sets on every machine.
std::vector<FactInput> random_subjects(const RuleSet& rules, std::size_t count, std::uint64_t seed);

// `count` connected groupings of 2 to 12 districts (GSS codes), drawn from a
// seeded generator: a random district, then random neighbours of the
// grouping so far, until it has its drawn size.
std::vector<std::vector<std::string>> random_groupings(const Geography& geography,
                                                       std::size_t count, std::uint64_t seed);

// A small, fast generator whose output does not depend on the standard
// library's implementation, unlike std::uniform_int_distribution.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next();
  // Uniform in [0, bound).
  std::uint64_t below(std::uint64_t bound) { return next() % bound; }

 private:
  std::uint64_t m_state;
};

}  // namespace devo::bench
