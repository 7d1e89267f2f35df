#include "evaluate/evaluator.hpp"

#include "evaluate/explainer.hpp"

#include <algorithm>

namespace devo::evaluate {
namespace {

using compile::Op;

Status from_bool(bool holds) {
  return holds ? Status::holds : Status::fails;
}

Status compare(const detail::Program& program, const compile::Node& node,
               const compile::BoundFacts& facts) {
  if (node.op == Op::exists) {
    return from_bool((facts.known[node.slot] != 0) == (node.operand != 0));
  }
  if (facts.known[node.slot] == 0) {
    return Status::unknown;
  }
  const std::int64_t value = facts.values[node.slot];
  switch (node.op) {
    case Op::eq:
      return from_bool(value == node.operand);
    case Op::ne:
      return from_bool(value != node.operand);
    case Op::lt:
      return from_bool(value < node.operand);
    case Op::lte:
      return from_bool(value <= node.operand);
    case Op::gt:
      return from_bool(value > node.operand);
    case Op::gte:
      return from_bool(value >= node.operand);
    case Op::in: {
      const auto begin = program.sets.begin() + node.first;
      return from_bool(std::binary_search(begin, begin + node.count, value));
    }
    case Op::codes_eq:
      return from_bool(facts.codes[node.slot] == program.code_sets[node.first]);
    case Op::codes_ne:
      return from_bool(facts.codes[node.slot] != program.code_sets[node.first]);
    case Op::codes_contains: {
      const Codes& codes = facts.codes[node.slot];
      return from_bool(
          std::binary_search(codes.begin(), codes.end(), program.code_sets[node.first].front()));
    }
    default:
      return Status::unknown;
  }
}

Status combine(const detail::Program& program, const compile::Node& node,
               const Statuses& statuses) {
  const auto* child = program.children.data() + node.first;
  switch (node.op) {
    case Op::reference:
      return statuses[child[0]];
    case Op::negation: {
      const Status status = statuses[child[0]];
      return status == Status::unknown ? status : from_bool(status == Status::fails);
    }
    case Op::all: {
      Status result = Status::holds;
      for (std::uint32_t i = 0; i < node.count; ++i) {
        result = both(result, statuses[child[i]]);
      }
      return result;
    }
    case Op::any: {
      Status result = Status::fails;
      for (std::uint32_t i = 0; i < node.count; ++i) {
        const Status status = statuses[child[i]];
        if (status == Status::holds) {
          return Status::holds;
        }
        if (status == Status::unknown) {
          result = Status::unknown;
        }
      }
      return result;
    }
    default:
      return Status::unknown;
  }
}

Status all_of(const std::vector<std::uint32_t>& nodes, const Statuses& statuses) {
  Status result = Status::holds;
  for (std::uint32_t node : nodes) {
    result = both(result, statuses[node]);
  }
  return result;
}

PowerStatus to_power_status(Status status) {
  switch (status) {
    case Status::holds:
      return PowerStatus::available;
    case Status::fails:
      return PowerStatus::unavailable;
    case Status::unknown:
      return PowerStatus::unknown;
  }
  return PowerStatus::unknown;
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

Statuses evaluate_nodes(const detail::Program& program, const compile::BoundFacts& facts) {
  Statuses statuses(program.nodes.size(), Status::unknown);
  for (std::size_t i = 0; i < program.nodes.size(); ++i) {
    const compile::Node& node = program.nodes[i];
    statuses[i] =
        node.op >= Op::eq ? compare(program, node, facts) : combine(program, node, statuses);
  }
  return statuses;
}

Decision decide(const detail::Program& program, const compile::BoundFacts& facts,
                const EvaluateOptions& options) {
  const RuleSet& rules = *program.rules;
  const Statuses statuses = evaluate_nodes(program, facts);
  Decision decision;
  decision.tiers.resize(rules.tiers.size());
  for (std::size_t i = 0; i < rules.tiers.size(); ++i) {
    // Tiers nest: each builds on the one below it.
    const Status own = all_of(program.tiers[i].requirements, statuses);
    const Status status = i == 0 ? own : both(decision.tiers[i - 1].status, own);
    decision.tiers[i].id = rules.tiers[i].id;
    decision.tiers[i].status = status;
    if (status == Status::holds) {
      decision.tier = i;
    }
  }
  decision.powers.resize(rules.powers.size());
  for (std::size_t i = 0; i < rules.powers.size(); ++i) {
    const Status tier = decision.tiers[program.power_tiers[i]].status;
    const Status own = all_of(program.powers[i].requirements, statuses);
    decision.powers[i].id = rules.powers[i].id;
    decision.powers[i].status = to_power_status(both(tier, own));
  }
  if (options.explain) {
    explain(program, facts, statuses, options, decision);
  }
  return decision;
}

}  // namespace devo::evaluate
