#pragma once

#include <devo/engine.hpp>
#include <devo/facts.hpp>
#include <devo/geography.hpp>
#include <devo/ruleset.hpp>

#include <memory>
#include <string>
#include <vector>

namespace devo::bench {

// Everything the workloads share, loaded once before any is timed.
struct Fixture {
  std::optional<Geography> geography;
  // The built-in rule sets, in order, compiled.
  std::vector<CompiledRules> rule_sets;
  const CompiledRules& luwp() const { return rule_sets.front(); }
  // England's real subjects, and the seeded random fact sets of luwp-2022
  // (every fact known: the set the peer engines run on too).
  std::vector<FactInput> real;
  std::vector<FactInput> random;

  static const Fixture& get();
};

// How many random fact sets W1 and the peers use, and their seed.
inline constexpr std::size_t k_random_subjects = 10'000;
inline constexpr std::uint64_t k_random_seed = 20220202;
// How many random connected groupings W3 cycles through.
inline constexpr std::size_t k_random_groupings = 100'000;
// W5 enumerates groupings of a district and up to this many more.
inline constexpr std::size_t k_enumerate_added = 7;

// Writes the peers' fixture into `directory`: luwp-2022 exported as JsonLogic
// and as json-rules-engine rules, each with the random fact sets and devo's
// statuses for them (bench/peers/run.mjs reads both).
void write_peer_fixture(const std::string& directory);

// Registers W1 to W6 with Google Benchmark.
void register_workloads(const std::string& devo_binary);

}  // namespace devo::bench
