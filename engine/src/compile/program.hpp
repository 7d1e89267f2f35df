#pragma once

#include <devo/evaluation.hpp>
#include <devo/facts.hpp>
#include <devo/ruleset.hpp>

#include <cstdint>
#include <memory>
#include <vector>

namespace devo::compile {

enum class Op : std::uint8_t {
  all,
  any,
  negation,
  reference,
  // Comparisons of a scalar slot (bool 0/1, integer, enum index, date days).
  eq,
  ne,
  in,
  // `in` over small values (enum indexes, booleans): `operand` is a bit set.
  in_small,
  lt,
  lte,
  gt,
  gte,
  exists,
  // Comparisons of a codes slot.
  codes_eq,
  codes_ne,
  codes_contains,
};

// One condition node. Children always come before their parent in
// Program::nodes, so one pass in order evaluates everything.
struct Node {
  Op op = Op::all;
  std::uint32_t slot = 0;
  std::int64_t operand = 0;
  // all/any/negation/reference: children[first .. first+count);
  // in (and in_small, for explanations): sets[first .. first+count);
  // codes_*: code_sets[first].
  std::uint32_t first = 0;
  std::uint32_t count = 0;
  // The rule-file condition this node was compiled from, for explanations.
  const Condition* source = nullptr;
  // reference: the named condition it refers to.
  const NamedCondition* named = nullptr;
  // all/any: where its children's bits are in Program::masks.
  std::uint32_t mask = 0;
};

// The nodes as evaluation reads them, built from Program::nodes once they are
// all compiled: the comparisons (leaves) first, since they depend on nothing
// else, then the combinations in order, children before parents. `node` is
// the node's index, and its bit in the bit sets.
struct Leaf {
  Op op = Op::eq;
  std::uint16_t slot = 0;
  std::uint32_t node = 0;
  // in: sets[a .. a + operand); codes_*: code_sets[a].
  std::uint32_t a = 0;
  std::int64_t operand = 0;
};

struct Combination {
  Op op = Op::all;
  std::uint32_t node = 0;
  // all/any: the offset of its children's mask; negation: its child.
  std::uint32_t a = 0;
};

// A tier or a power: the nodes of its requirements and expectations, and where
// the bits of its requirements are in Program::masks (none when it has none).
struct CompiledItem {
  static constexpr std::uint32_t k_no_mask = 0xFFFFFFFF;
  std::vector<std::uint32_t> requirements;
  std::vector<std::uint32_t> expectations;
  std::uint32_t mask = k_no_mask;
};

}  // namespace devo::compile

namespace devo::detail {

// A rule set compiled for evaluation: facts resolved to slots (their index in
// RuleSet::facts), enum values interned as their index, named conditions
// compiled once and shared by every reference.
struct Program {
  std::shared_ptr<const RuleSet> rules;
  std::vector<compile::Node> nodes;
  std::vector<std::uint32_t> children;
  std::vector<std::int64_t> sets;
  std::vector<Codes> code_sets;
  std::vector<compile::CompiledItem> tiers;
  std::vector<compile::CompiledItem> powers;
  // For each power, the index of its tier.
  std::vector<std::uint32_t> power_tiers;
  // The node of each RuleSet::not_applicable condition, in order.
  std::vector<std::uint32_t> exclusions;
  // Evaluation keeps one bit per node in two bit sets, "holds" and "fails"
  // (neither: unknown), of `words` 64-bit words each. A combination is then a
  // few word operations against a mask of its children's bits, and so is a
  // tier or power against the mask of its requirements: `masks` holds these
  // masks, `words` words each.
  std::uint32_t words = 1;
  std::vector<std::uint64_t> masks;
  // For each node, the node whose status it has: a reference's named
  // condition's root, any other node itself. References are not evaluated.
  std::vector<std::uint32_t> resolved;
  // Program::nodes as evaluation reads them.
  // The leaves sorted by operator, so that each operator's run of leaves is
  // evaluated in one loop; `leaf_runs` holds where each run ends.
  std::vector<compile::Leaf> leaves;
  std::vector<std::uint32_t> leaf_runs;
  std::vector<compile::Combination> combinations;
  // Powers that share a tier and requirements share a status: each distinct
  // pair is computed once per decision, and power i takes that of
  // power_groups[power_group[i]].
  struct PowerGroup {
    std::uint32_t tier = 0;
    std::uint32_t mask = compile::CompiledItem::k_no_mask;
  };
  std::vector<PowerGroup> power_groups;
  std::vector<std::uint32_t> power_group;
};

}  // namespace devo::detail

namespace devo::compile {

// Compiles `rules`, which must have passed the checks; nothing is re-parsed
// when the program is evaluated.
std::shared_ptr<const detail::Program> compile_program(std::shared_ptr<const RuleSet> rules);

// Facts laid out by slot (the public BoundFacts).
using BoundFacts = devo::BoundFacts;

// Puts `facts` into the program's slots. Facts the rule set does not declare
// are left out (they were warned about when the facts were loaded).
BoundFacts bind_facts(const detail::Program& program, const FactInput& facts);

}  // namespace devo::compile
