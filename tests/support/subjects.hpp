#pragma once

// Subjects to evaluate in bulk in tests: every real authority of England, and
// seeded random fact sets that hit the values a rule set compares with.

#include <devo/engine.hpp>
#include <devo/facts.hpp>
#include <devo/geography.hpp>
#include <devo/ruleset.hpp>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace devo::test {

// England's built-in data, loaded once.
const Geography& england();

// A built-in rule set by id, loaded once.
std::shared_ptr<const RuleSet> builtin_rules(const std::string& id);

// Every district, county council, combined authority and the GLA, with their
// facts on `as_of`.
std::vector<FactInput> real_subjects(Date as_of);

// `count` fact sets for `rules`, from `seed`: each declared fact is missing
// (unknown) with probability `unknown_share`, and otherwise takes a value
// near those the rules compare it with (an integer operand, one less or one
// more; a date operand, a day either side; the codes the rules name) or,
// now and then, any value.
std::vector<FactInput> random_subjects(const RuleSet& rules, std::size_t count, std::uint64_t seed,
                                       double unknown_share);

// `facts` with each fact the rules declare but `facts` lacks given a random
// value as random_subjects() would: every declared fact is then known.
FactInput completed(const RuleSet& rules, FactInput facts, std::mt19937_64& random);

}  // namespace devo::test
