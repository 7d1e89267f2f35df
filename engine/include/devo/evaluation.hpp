#pragma once

#include <devo/decision.hpp>
#include <devo/value.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

// What an evaluation is asked with and what its fast path works in:
// EvaluateOptions for CompiledRules::evaluate, and BoundFacts, Finding and
// Outcome for CompiledRules::bind and decide (<devo/engine.hpp>). The compile
// and evaluate stages fill these without knowing the facade.
namespace devo {

struct EvaluateOptions {
  // Build reasons and `settled_by`; off, only statuses are computed.
  bool explain = true;
  // The date the evaluation is for; a rule set not in force then is warned
  // about. Unset means no date check.
  std::optional<Date> as_of;
};

// A subject's facts laid out in the slots of one compiled rule set (see
// CompiledRules::bind), so that they can be evaluated many times without a
// name being looked up. Fact i of the rule set is slot i.
struct BoundFacts {
  // One value per slot: bool 0/1, integer, enum value index, date as days
  // since 1970-01-01; for a list of codes, how many. Then, after the slots,
  // one bit per slot saying whether the fact is known (an unknown fact makes
  // conditions over it unknown): in the same block, so that deciding for a
  // subject reads one place in memory, not two.
  std::vector<std::int64_t> values;
  std::uint32_t slots = 0;
  bool known(std::size_t slot) const {
    const auto bits = static_cast<std::uint64_t>(values[slots + slot / 64]);
    return ((bits >> (slot % 64)) & 1) != 0;
  }
  // The codes of a list-of-codes fact.
  std::vector<Codes> codes;
  // The words that explain a computed fact (FactInput::notes), or null; they
  // point into the FactInput bound, which must outlive them.
  std::vector<const std::string*> notes;
  // Integer facts known only to lie in a range (FactInput::upper): the slot
  // and the range's upper bound; `values` holds the lower. Nearly always
  // empty.
  std::vector<std::pair<std::uint32_t, std::int64_t>> ranges;
  const std::int64_t* upper(std::size_t slot) const {
    for (const auto& [ranged, bound] : ranges) {
      if (ranged == slot) {
        return &bound;
      }
    }
    return nullptr;
  }
  // False for a subject with problems (FactInput::problems): it reaches no
  // tier.
  bool valid = true;
};

// A requirement of a tier or power that did not hold: its index in the
// tier's or power's `requirements`, or k_tier for "the tier below (for a
// tier) or the power's tier (for a power) does not hold".
struct Finding {
  static constexpr std::uint32_t k_tier = 0xFFFFFFFF;
  std::uint32_t requirement = k_tier;
  Status status = Status::unknown;
};

// The statuses of one evaluation, for evaluating in bulk (CompiledRules::
// decide): its storage is kept from one call to the next, so that a loop
// over many subjects allocates nothing after the first.
struct Outcome {
  // Index into `tiers` of the highest tier that holds, if any.
  std::optional<std::size_t> tier;
  std::vector<Status> tiers;
  std::vector<PowerStatus> powers;
  // With reasons asked for: for each tier, then each power, the requirements
  // that did not hold, the item's own in order after its tier. Those of item i
  // (tiers first, then powers) are findings[finding_ends[i-1] .. finding_ends[i]).
  std::vector<Finding> findings;
  std::vector<std::uint32_t> finding_ends;
  // The working space of an evaluation: every condition node's status, as
  // bit sets.
  std::vector<std::uint64_t> bits;
  // False when the subject is not valid; `excluded` names the rule set's
  // not_applicable entry that holds for it, if one does. Either way no tier
  // holds and no power is available.
  bool valid = true;
  std::optional<std::size_t> excluded;

  // The findings of tier `tier`, or of power `power`.
  std::span<const Finding> tier_findings(std::size_t index) const;
  std::span<const Finding> power_findings(std::size_t power) const;
};

}  // namespace devo
