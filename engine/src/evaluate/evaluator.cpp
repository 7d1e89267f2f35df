#include "evaluate/evaluator.hpp"

#include "evaluate/explainer.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace devo::evaluate {
namespace {

using compile::Op;

// Status and PowerStatus count alike: holds/available, fails/unavailable,
// unknown.
static_assert(static_cast<int>(Status::holds) == static_cast<int>(PowerStatus::available) &&
              static_cast<int>(Status::fails) == static_cast<int>(PowerStatus::unavailable) &&
              static_cast<int>(Status::unknown) == static_cast<int>(PowerStatus::unknown));

PowerStatus to_power_status(Status status) {
  return static_cast<PowerStatus>(status);
}

// Comparisons of lists of codes: rare, and kept out of line so that the
// scalar ones stay small.
[[gnu::noinline]] bool compare_codes(const detail::Program& program, const compile::Leaf& leaf,
                                     const compile::BoundFacts& facts) {
  const Codes& codes = facts.codes[leaf.slot];
  const Codes& operand = program.code_sets[leaf.a];
  switch (leaf.op) {
    case Op::codes_eq:
      return codes == operand;
    case Op::codes_ne:
      return codes != operand;
    case Op::codes_contains:
      return std::binary_search(codes.begin(), codes.end(), operand.front());
    default:
      return false;
  }
}

bool in_set(const detail::Program& program, const compile::Leaf& leaf, std::int64_t value) {
  const auto begin = program.sets.begin() + leaf.a;
  return std::binary_search(begin, begin + leaf.operand, value);
}

bool in_small_set(const compile::Leaf& leaf, std::int64_t value) {
  const auto mask = static_cast<std::uint64_t>(leaf.operand);
  const auto bit = static_cast<std::uint64_t>(value) & 63;
  return static_cast<std::uint64_t>(value) < 64 && ((mask >> bit) & 1) != 0;
}

// The nodes' statuses as two bit sets, "holds" and "fails" (neither:
// unknown), Program::words words each. Two ways to keep them, one algorithm
// (evaluate_into, decide_into): OneWord holds a program of up to 64 nodes in
// two registers, Words any program in memory.
class OneWord {
 public:
  explicit OneWord(const detail::Program& program) : m_masks(program.masks.data()) {}

  Status status(std::uint32_t node) const {
    if (((m_holds >> node) & 1) != 0) {
      return Status::holds;
    }
    return ((m_fails >> node) & 1) != 0 ? Status::fails : Status::unknown;
  }
  void set(std::uint32_t node, bool holds, bool fails) {
    m_holds |= std::uint64_t{holds} << node;
    m_fails |= std::uint64_t{fails} << node;
  }
  // Overwrites a status already set.
  void assign(std::uint32_t node, bool holds, bool fails) {
    m_holds &= ~(std::uint64_t{1} << node);
    m_fails &= ~(std::uint64_t{1} << node);
    set(node, holds, fails);
  }
  // Kleene "and" of the nodes in the mask at `offset`: fails if one fails,
  // holds if all hold. (A failing node does not hold, so never both.)
  bool all_hold(std::uint32_t offset) const { return (m_masks[offset] & ~m_holds) == 0; }
  bool one_fails(std::uint32_t offset) const { return (m_masks[offset] & m_fails) != 0; }
  // Kleene "or": holds if one holds, fails if all fail.
  bool one_holds(std::uint32_t offset) const { return (m_masks[offset] & m_holds) != 0; }
  bool all_fail(std::uint32_t offset) const { return (m_masks[offset] & ~m_fails) == 0; }
  bool holds(std::uint32_t node) const { return ((m_holds >> node) & 1) != 0; }
  bool fails(std::uint32_t node) const { return ((m_fails >> node) & 1) != 0; }
  void store(std::vector<std::uint64_t>& bits) const { bits.assign({m_holds, m_fails}); }

 private:
  const std::uint64_t* m_masks;
  std::uint64_t m_holds = 0;
  std::uint64_t m_fails = 0;
};

class Words {
 public:
  Words(const detail::Program& program, std::vector<std::uint64_t>& bits)
      : m_masks(program.masks.data()), m_words(program.words) {
    bits.assign(2 * static_cast<std::size_t>(m_words), 0);
    m_holds = bits.data();
    m_fails = m_holds + m_words;
  }

  Status status(std::uint32_t node) const {
    if (holds(node)) {
      return Status::holds;
    }
    return fails(node) ? Status::fails : Status::unknown;
  }
  void set(std::uint32_t node, bool holds, bool fails) {
    m_holds[node / 64] |= std::uint64_t{holds} << (node % 64);
    m_fails[node / 64] |= std::uint64_t{fails} << (node % 64);
  }
  void assign(std::uint32_t node, bool holds, bool fails) {
    m_holds[node / 64] &= ~(std::uint64_t{1} << (node % 64));
    m_fails[node / 64] &= ~(std::uint64_t{1} << (node % 64));
    set(node, holds, fails);
  }
  bool all_hold(std::uint32_t offset) const { return !any_word(offset, m_holds, true); }
  bool one_fails(std::uint32_t offset) const { return any_word(offset, m_fails, false); }
  bool one_holds(std::uint32_t offset) const { return any_word(offset, m_holds, false); }
  bool all_fail(std::uint32_t offset) const { return !any_word(offset, m_fails, true); }
  bool holds(std::uint32_t node) const { return ((m_holds[node / 64] >> (node % 64)) & 1) != 0; }
  bool fails(std::uint32_t node) const { return ((m_fails[node / 64] >> (node % 64)) & 1) != 0; }
  // The bits are already in place.
  void store(std::vector<std::uint64_t>&) const {}

 private:
  // Whether the mask at `offset` meets `bits` (or, `inverted`, their complement).
  bool any_word(std::uint32_t offset, const std::uint64_t* bits, bool inverted) const {
    for (std::uint32_t w = 0; w < m_words; ++w) {
      if ((m_masks[offset + w] & (inverted ? ~bits[w] : bits[w])) != 0) {
        return true;
      }
    }
    return false;
  }

  const std::uint64_t* m_masks;
  std::uint32_t m_words;
  std::uint64_t* m_holds = nullptr;
  std::uint64_t* m_fails = nullptr;
};

// The comparisons first, then the combinations in order: children come
// before their parents.
// One run of leaves with the same operator: `hit` says whether the
// comparison holds for a known value.
template <class Bits, class Hit>
void evaluate_run(const compile::Leaf* leaf, const compile::Leaf* end,
                  const compile::BoundFacts& facts, Bits& bits, Hit hit) {
  const std::int64_t* values = facts.values.data();
  const std::int64_t* known = values + facts.slots;
  for (; leaf != end; ++leaf) {
    const bool is_known =
        ((static_cast<std::uint64_t>(known[leaf->slot / 64]) >> (leaf->slot % 64)) & 1) != 0;
    const bool holds = hit(*leaf, values[leaf->slot]);
    bits.set(leaf->node, is_known && holds, is_known && !holds);
  }
}

template <class Bits>
void evaluate_leaves(const detail::Program& program, const compile::BoundFacts& facts, Bits& bits) {
  const compile::Leaf* leaves = program.leaves.data();
  std::uint32_t begin = 0;
  for (const std::uint32_t end : program.leaf_runs) {
    const compile::Leaf* first = leaves + begin;
    const compile::Leaf* last = leaves + end;
    using Leaf = compile::Leaf;
    switch (first->op) {
      case Op::exists:
        // Whether the fact is known is the answer, and always known.
        for (const Leaf* leaf = first; leaf != last; ++leaf) {
          const bool known = facts.known(leaf->slot);
          const bool holds = known == (leaf->operand != 0);
          bits.set(leaf->node, holds, !holds);
        }
        break;
      case Op::eq:
        evaluate_run(first, last, facts, bits,
                     [](const Leaf& leaf, std::int64_t v) { return v == leaf.operand; });
        break;
      case Op::ne:
        evaluate_run(first, last, facts, bits,
                     [](const Leaf& leaf, std::int64_t v) { return v != leaf.operand; });
        break;
      case Op::lt:
        evaluate_run(first, last, facts, bits,
                     [](const Leaf& leaf, std::int64_t v) { return v < leaf.operand; });
        break;
      case Op::lte:
        evaluate_run(first, last, facts, bits,
                     [](const Leaf& leaf, std::int64_t v) { return v <= leaf.operand; });
        break;
      case Op::gt:
        evaluate_run(first, last, facts, bits,
                     [](const Leaf& leaf, std::int64_t v) { return v > leaf.operand; });
        break;
      case Op::gte:
        evaluate_run(first, last, facts, bits,
                     [](const Leaf& leaf, std::int64_t v) { return v >= leaf.operand; });
        break;
      case Op::in_small:
        evaluate_run(first, last, facts, bits, in_small_set);
        break;
      case Op::in:
        evaluate_run(first, last, facts, bits,
                     [&](const Leaf& leaf, std::int64_t v) { return in_set(program, leaf, v); });
        break;
      default:
        evaluate_run(first, last, facts, bits, [&](const Leaf& leaf, std::int64_t) {
          return compare_codes(program, leaf, facts);
        });
        break;
    }
    begin = end;
  }
}

// A comparison of an integer known only to lie in [low, high]: what both
// bounds give when they agree, else unknown (nothing set). Only the ordering
// operators are decided by the bounds alone; `eq` and `ne` are decided when
// the value compared with lies outside the range.
template <class Bits>
void compare_range(const compile::Leaf& leaf, std::int64_t low, std::int64_t high, Bits& bits) {
  const auto decided = [&](bool at_low, bool at_high) {
    bits.assign(leaf.node, at_low && at_high, !at_low && !at_high);
  };
  const std::int64_t c = leaf.operand;
  switch (leaf.op) {
    case Op::lt:
      decided(low < c, high < c);
      break;
    case Op::lte:
      decided(low <= c, high <= c);
      break;
    case Op::gt:
      decided(low > c, high > c);
      break;
    case Op::gte:
      decided(low >= c, high >= c);
      break;
    case Op::eq:
      bits.assign(leaf.node, false, c < low || c > high);
      break;
    case Op::ne:
      bits.assign(leaf.node, c < low || c > high, false);
      break;
    case Op::exists:
      break;
    default:
      bits.assign(leaf.node, false, false);
      break;
  }
}

// Leaves over facts known only as a range are evaluated again from both
// bounds: rare (a first mayoral election known only to the year), so kept
// out of the main loop.
template <class Bits>
[[gnu::noinline]] void evaluate_ranges(const detail::Program& program,
                                       const compile::BoundFacts& facts, Bits& bits) {
  for (const compile::Leaf& leaf : program.leaves) {
    if (const std::int64_t* high = facts.upper(leaf.slot)) {
      compare_range(leaf, facts.values[leaf.slot], *high, bits);
    }
  }
}

// The comparisons first, then the combinations in order: children come
// before their parents.
template <class Bits>
void evaluate_into(const detail::Program& program, const compile::BoundFacts& facts, Bits& bits) {
  evaluate_leaves(program, facts, bits);
  if (!facts.ranges.empty()) {
    evaluate_ranges(program, facts, bits);
  }
  for (const compile::Combination& combination : program.combinations) {
    const std::uint32_t a = combination.a;
    switch (combination.op) {
      case Op::all:
        bits.set(combination.node, bits.all_hold(a), bits.one_fails(a));
        break;
      case Op::any:
        bits.set(combination.node, bits.one_holds(a), bits.all_fail(a));
        break;
      case Op::negation:
        bits.set(combination.node, bits.fails(a), bits.holds(a));
        break;
      default:
        break;
    }
  }
}

// The requirements of a tier or power (the mask of their nodes), together.
template <class Bits>
Status requirements_of(std::uint32_t mask, const Bits& bits) {
  if (mask == compile::CompiledItem::k_no_mask) {
    return Status::holds;
  }
  if (bits.one_fails(mask)) {
    return Status::fails;
  }
  return bits.all_hold(mask) ? Status::holds : Status::unknown;
}

// The requirements of one tier or power that did not hold, after whether its
// tier (the tier below, for a tier) held.
template <class Bits>
void add_findings(const detail::Program& program, const std::vector<std::uint32_t>& requirements,
                  Status tier, const Bits& bits, Outcome& outcome) {
  if (tier != Status::holds) {
    outcome.findings.push_back(Finding{Finding::k_tier, tier});
  }
  for (std::size_t k = 0; k < requirements.size(); ++k) {
    const Status status = bits.status(program.resolved[requirements[k]]);
    if (status != Status::holds) {
      outcome.findings.push_back(Finding{static_cast<std::uint32_t>(k), status});
    }
  }
  outcome.finding_ends.push_back(static_cast<std::uint32_t>(outcome.findings.size()));
}

// Power groups up to this many are kept on the stack.
constexpr std::size_t k_inline_groups = 64;

// The first of the rule set's not_applicable conditions that holds.
template <class Bits>
std::optional<std::size_t> exclusion_holding(const detail::Program& program, const Bits& bits) {
  for (std::size_t i = 0; i < program.exclusions.size(); ++i) {
    if (bits.holds(program.resolved[program.exclusions[i]])) {
      return i;
    }
  }
  return std::nullopt;
}

// A subject that is not valid, or that the rule set does not apply to,
// reaches nothing; its reasons are the problems or the exclusion, not the
// requirements, so no findings are listed.
void decide_nothing(Outcome& outcome, bool reasons) {
  std::fill(outcome.tiers.begin(), outcome.tiers.end(), Status::fails);
  std::fill(outcome.powers.begin(), outcome.powers.end(), PowerStatus::unavailable);
  if (reasons) {
    outcome.finding_ends.assign(outcome.tiers.size() + outcome.powers.size(), 0);
  }
}

template <class Bits>
void decide_into(const detail::Program& program, const compile::BoundFacts& facts, Bits& bits,
                 Outcome& outcome, bool reasons) {
  evaluate_into(program, facts, bits);
  const std::size_t tiers = program.tiers.size();
  const std::size_t powers = program.powers.size();
  outcome.tier.reset();
  outcome.tiers.resize(tiers);
  outcome.powers.resize(powers);
  outcome.findings.clear();
  outcome.finding_ends.clear();
  outcome.valid = facts.valid;
  outcome.excluded = exclusion_holding(program, bits);
  if (!outcome.valid || outcome.excluded) {
    decide_nothing(outcome, reasons);
    bits.store(outcome.bits);
    return;
  }
  // Plain pointers: the statuses are bytes, which the compiler must assume
  // could alias anything a vector holds.
  Status* tier_status = outcome.tiers.data();
  Status below = Status::holds;
  for (std::size_t i = 0; i < tiers; ++i) {
    // Tiers nest: each builds on the one below it.
    const Status status = both(below, requirements_of(program.tiers[i].mask, bits));
    tier_status[i] = status;
    if (status == Status::holds) {
      outcome.tier = i;
    }
    if (reasons) {
      add_findings(program, program.tiers[i].requirements, below, bits, outcome);
    }
    below = status;
  }
  // A handful of distinct (tier, requirements) pairs decide every power.
  const std::size_t group_count = program.power_groups.size();
  const auto* group = program.power_groups.data();
  std::array<PowerStatus, k_inline_groups> inline_groups;
  std::vector<PowerStatus> many_groups;
  PowerStatus* groups = inline_groups.data();
  if (group_count > k_inline_groups) {
    many_groups.resize(group_count);
    groups = many_groups.data();
  }
  for (std::size_t g = 0; g < group_count; ++g) {
    groups[g] =
        to_power_status(both(tier_status[group[g].tier], requirements_of(group[g].mask, bits)));
  }
  const std::uint32_t* group_of = program.power_group.data();
  PowerStatus* power_status = outcome.powers.data();
  for (std::size_t i = 0; i < powers; ++i) {
    power_status[i] = groups[group_of[i]];
  }
  if (reasons) {
    for (std::size_t i = 0; i < powers; ++i) {
      add_findings(program, program.powers[i].requirements, tier_status[program.power_tiers[i]],
                   bits, outcome);
    }
  }
  bits.store(outcome.bits);
}

}  // namespace

Status both(Status a, Status b) {
  if (a == Status::fails || b == Status::fails) {
    return Status::fails;
  }
  if (a == Status::unknown || b == Status::unknown) {
    return Status::unknown;
  }
  return Status::holds;
}

void evaluate_nodes(const detail::Program& program, const compile::BoundFacts& facts,
                    Statuses& statuses) {
  std::vector<std::uint64_t> storage;
  Words bits(program, storage);
  evaluate_into(program, facts, bits);
  statuses.resize(program.nodes.size());
  for (std::uint32_t i = 0; i < statuses.size(); ++i) {
    statuses[i] = bits.status(program.resolved[i]);
  }
}

Statuses evaluate_nodes(const detail::Program& program, const compile::BoundFacts& facts) {
  Statuses statuses;
  evaluate_nodes(program, facts, statuses);
  return statuses;
}

void decide(const detail::Program& program, const compile::BoundFacts& facts, Outcome& outcome,
            bool reasons) {
  if (program.words == 1) {
    OneWord bits(program);
    decide_into(program, facts, bits, outcome, reasons);
  } else {
    Words bits(program, outcome.bits);
    decide_into(program, facts, bits, outcome, reasons);
  }
}

Decision decide(const detail::Program& program, const compile::BoundFacts& facts,
                const EvaluateOptions& options) {
  const RuleSet& rules = *program.rules;
  Outcome outcome;
  decide(program, facts, outcome, false);
  Decision decision;
  decision.tier = outcome.tier;
  decision.valid = outcome.valid;
  if (outcome.excluded) {
    decision.applicable = false;
    decision.not_applicable = rules.not_applicable[*outcome.excluded].reason;
  }
  decision.tiers.resize(rules.tiers.size());
  for (std::size_t i = 0; i < rules.tiers.size(); ++i) {
    decision.tiers[i].id = rules.tiers[i].id;
    decision.tiers[i].status = outcome.tiers[i];
  }
  decision.powers.resize(rules.powers.size());
  for (std::size_t i = 0; i < rules.powers.size(); ++i) {
    decision.powers[i].id = rules.powers[i].id;
    decision.powers[i].status = outcome.powers[i];
  }
  if (options.explain) {
    explain(program, facts, evaluate_nodes(program, facts), options, decision);
  }
  return decision;
}

}  // namespace devo::evaluate

namespace devo {

std::span<const Finding> Outcome::tier_findings(std::size_t index) const {
  const std::uint32_t begin = index == 0 ? 0 : finding_ends[index - 1];
  return std::span<const Finding>(findings).subspan(begin, finding_ends[index] - begin);
}

std::span<const Finding> Outcome::power_findings(std::size_t power) const {
  return tier_findings(tiers.size() + power);
}

}  // namespace devo
