#pragma once

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
  // in: sets[first .. first+count); codes_*: code_sets[first].
  std::uint32_t first = 0;
  std::uint32_t count = 0;
  // The rule-file condition this node was compiled from, for explanations.
  const Condition* source = nullptr;
  // reference: the named condition it refers to.
  const NamedCondition* named = nullptr;
};

struct CompiledItem {
  std::vector<std::uint32_t> requirements;
  std::vector<std::uint32_t> expectations;
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
};

}  // namespace devo::detail

namespace devo::compile {

// Compiles `rules`, which must have passed the checks; nothing is re-parsed
// when the program is evaluated.
std::shared_ptr<const detail::Program> compile_program(std::shared_ptr<const RuleSet> rules);

// Facts laid out by slot for one evaluation.
struct BoundFacts {
  std::vector<std::int64_t> values;
  std::vector<std::uint8_t> known;
  std::vector<Codes> codes;
  // The words that explain a computed fact (FactInput::notes), or null; they
  // point into the FactInput, which outlives the evaluation.
  std::vector<const std::string*> notes;
};

// Puts `facts` into the program's slots. Facts the rule set does not declare
// are left out (they were warned about when the facts were loaded).
BoundFacts bind_facts(const detail::Program& program, const FactInput& facts);

}  // namespace devo::compile
