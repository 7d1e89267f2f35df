#pragma once

#include <devo/decision.hpp>
#include <devo/engine.hpp>
#include <devo/facts.hpp>
#include <devo/testing.hpp>

#include <utility>
#include <vector>

namespace devo::testing {

// Records, case by case, which outcomes each tier, power and condition node
// of one compiled rule set has shown. A reference to a named condition only
// repeats the named condition's outcome, so it is not an item of its own.
class CoverageRecorder {
 public:
  explicit CoverageRecorder(const CompiledRules& rules);

  void record(const FactInput& facts, const Decision& decision);
  RuleSetCoverage result() const;

 private:
  struct Seen {
    bool holding = false;
    bool failing = false;
  };

  const CompiledRules& m_rules;
  std::vector<Seen> m_tiers;
  std::vector<Seen> m_powers;
  std::vector<Seen> m_nodes;
};

}  // namespace devo::testing
