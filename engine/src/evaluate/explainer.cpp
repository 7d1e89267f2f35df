#include "evaluate/explainer.hpp"

#include "evaluate/words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>

namespace devo::evaluate {
namespace {

using compile::Op;

class Explainer {
 public:
  Explainer(const detail::Program& program, const compile::BoundFacts& facts,
            const Statuses& statuses)
      : m_program(program),
        m_statuses(statuses),
        m_words(program, facts),
        m_messages(program.nodes.size()),
        m_clauses(program.rules->facts.size()) {}

  void explain_tier(std::size_t index, Decision& decision) {
    const Tier& tier = m_program.rules->tiers[index];
    TierResult& result = decision.tiers[index];
    std::vector<std::uint32_t> settled;
    if (index > 0 && decision.tiers[index - 1].status != Status::holds) {
      const Tier& below = m_program.rules->tiers[index - 1];
      const Status status = decision.tiers[index - 1].status;
      result.reasons.push_back(Reason{status, below_message(below, status), false});
      for (const std::string& fact : decision.tiers[index - 1].settled_by) {
        settled.push_back(slot_of(fact));
      }
    }
    explain_item(m_program.tiers[index], tier.id, result.reasons, settled, decision.warnings);
    if (result.status == Status::unknown) {
      result.settled_by = fact_names(settled);
    }
  }

  void explain_power(std::size_t index, Decision& decision) {
    const Power& power = m_program.rules->powers[index];
    PowerResult& result = decision.powers[index];
    const std::size_t tier_index = m_program.power_tiers[index];
    const Tier& tier = m_program.rules->tiers[tier_index];
    const Status tier_status = decision.tiers[tier_index].status;
    std::vector<std::uint32_t> settled;
    if (tier_status == Status::holds) {
      result.reasons.push_back(
          Reason{Status::holds, fmt::format("{} is reached", tier.title), false});
    } else {
      result.reasons.push_back(Reason{tier_status,
                                      fmt::format("{}: {}", below_message(tier, tier_status),
                                                  tier_causes(tier_index, tier_status)),
                                      false});
      for (const std::string& fact : decision.tiers[tier_index].settled_by) {
        settled.push_back(slot_of(fact));
      }
    }
    explain_item(m_program.powers[index], power.id, result.reasons, settled, decision.warnings);
    if (result.status == PowerStatus::unknown) {
      result.settled_by = fact_names(settled);
    }
  }

 private:
  void explain_item(const compile::CompiledItem& item, const std::string& id,
                    std::vector<Reason>& reasons, std::vector<std::uint32_t>& settled,
                    std::vector<Warning>& warnings) {
    for (std::uint32_t node : item.requirements) {
      reasons.push_back(Reason{m_statuses[node], requirement_message(node, false), false});
      if (m_statuses[node] == Status::unknown) {
        deciding_slots(node, settled);
      }
    }
    for (std::uint32_t node : item.expectations) {
      const std::string message = requirement_message(node, true);
      reasons.push_back(Reason{m_statuses[node], message, true});
      if (m_statuses[node] == Status::fails) {
        warnings.push_back(Warning{"expectation-fails", fmt::format("{}: {}", id, message)});
      }
    }
  }

  static std::string below_message(const Tier& tier, Status status) {
    return status == Status::fails
               ? fmt::format("requires {}, which is not reached", tier.title)
               : fmt::format("requires {}, which cannot be decided yet", tier.title);
  }

  // Why a tier does not hold: the requirements with that status in it and in
  // the tiers below, since tiers nest.
  // Every power of a tier gives its causes, so they are worded once.
  const std::string& tier_causes(std::size_t tier_index, Status status) {
    auto& cached = m_tier_causes[{tier_index, status}];
    if (!cached) {
      cached = word_tier_causes(tier_index, status);
    }
    return *cached;
  }

  std::string word_tier_causes(std::size_t tier_index, Status status) {
    std::vector<std::string> causes;
    for (std::size_t i = 0; i <= tier_index; ++i) {
      for (std::uint32_t node : m_program.tiers[i].requirements) {
        if (m_statuses[node] == status) {
          causes.push_back(requirement_message(node, false));
        }
      }
    }
    std::string text;
    for (const std::string& cause : causes) {
      text += text.empty() ? cause : "; and " + cause;
    }
    return text;
  }

  // A node's message is the same wherever it is asked for (a named
  // condition several powers require), so it is worded once.
  const std::string& requirement_message(std::uint32_t node, bool expectation) {
    auto& cached = m_messages[node][expectation ? 1 : 0];
    if (!cached) {
      cached = word_requirement(node, expectation);
    }
    return *cached;
  }

  std::string word_requirement(std::uint32_t node, bool expectation) {
    const Status status = m_statuses[node];
    std::vector<std::uint32_t> slots;
    deciding_slots(node, slots);
    const std::string what = m_words.requirement(node);
    const std::string why = clauses(slots);
    if (status == Status::holds) {
      return fmt::format("{}: {}", what, why);
    }
    return fmt::format("{} {}; {}", expectation ? "expected" : "requires", what, why);
  }

  // The facts that decided `node`'s status: for a failing `all` its failing
  // parts, for a holding `any` its first holding part, and so on. For an
  // unknown node these are exactly the facts not given that would settle it.
  void deciding_slots(std::uint32_t index, std::vector<std::uint32_t>& slots) const {
    const compile::Node& node = m_program.nodes[index];
    const Status status = m_statuses[index];
    if (node.op >= Op::eq) {
      if (std::find(slots.begin(), slots.end(), node.slot) == slots.end()) {
        slots.push_back(node.slot);
      }
      return;
    }
    const auto* children = m_program.children.data() + node.first;
    if (node.op == Op::reference || node.op == Op::negation) {
      deciding_slots(children[0], slots);
      return;
    }
    const Status wanted_child =
        node.op == Op::any && status == Status::holds ? Status::holds : status;
    for (std::uint32_t i = 0; i < node.count; ++i) {
      const bool all_holding = node.op == Op::all && status == Status::holds;
      if (all_holding || m_statuses[children[i]] == wanted_child) {
        deciding_slots(children[i], slots);
        if (node.op == Op::any && status == Status::holds) {
          return;
        }
      }
    }
  }

  std::string clauses(const std::vector<std::uint32_t>& slots) {
    std::string text;
    for (std::uint32_t slot : slots) {
      if (!text.empty()) {
        text += "; ";
      }
      auto& clause = m_clauses[slot];
      if (!clause) {
        clause = m_words.fact_clause(slot);
      }
      text += *clause;
    }
    return text;
  }

  std::uint32_t slot_of(const std::string& name) const {
    const auto& facts = m_program.rules->facts;
    const auto it = std::find_if(facts.begin(), facts.end(),
                                 [&](const FactDeclaration& fact) { return fact.name == name; });
    return static_cast<std::uint32_t>(it - facts.begin());
  }

  std::vector<std::string> fact_names(std::vector<std::uint32_t> slots) const {
    std::sort(slots.begin(), slots.end());
    slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
    std::vector<std::string> names;
    for (std::uint32_t slot : slots) {
      names.push_back(m_program.rules->facts[slot].name);
    }
    return names;
  }

  const detail::Program& m_program;
  const Statuses& m_statuses;
  Words m_words;
  // Words already built in this explanation, by node, tier and fact slot.
  std::vector<std::array<std::optional<std::string>, 2>> m_messages;
  std::map<std::pair<std::size_t, Status>, std::optional<std::string>> m_tier_causes;
  std::vector<std::optional<std::string>> m_clauses;
};

}  // namespace

void explain(const detail::Program& program, const compile::BoundFacts& facts,
             const Statuses& statuses, const EvaluateOptions& options, Decision& decision) {
  const RuleSet& rules = *program.rules;
  if (options.as_of && !rules.in_force_on(*options.as_of)) {
    const std::string until =
        rules.effective_to ? fmt::format(" to {}", rules.effective_to->to_string()) : "";
    decision.warnings.push_back(Warning{
        "ruleset-not-in-force",
        fmt::format("rule set '{}' is in force from {}{}; this evaluation is as of {}", rules.id,
                    rules.effective_from.to_string(), until, options.as_of->to_string())});
  }
  if (!decision.valid || !decision.applicable) {
    return;
  }
  Explainer explainer(program, facts, statuses);
  for (std::size_t i = 0; i < decision.tiers.size(); ++i) {
    explainer.explain_tier(i, decision);
  }
  for (std::size_t i = 0; i < decision.powers.size(); ++i) {
    explainer.explain_power(i, decision);
  }
}

namespace {

// "proposal.yaml:4:3: " before a problem's message, when it has a place.
std::string located(const Problem& problem) {
  if (problem.file.empty()) {
    return problem.message;
  }
  if (problem.line == 0) {
    return fmt::format("{}: {}", problem.file, problem.message);
  }
  return fmt::format("{}:{}:{}: {}", problem.file, problem.line, problem.column, problem.message);
}

// Every tier and power of a subject that reaches nothing gets the same
// reasons: the problems, or the one line saying why the rules do not apply.
std::vector<Reason> reasons_for_nothing(const FactInput& facts, const Decision& decision) {
  std::vector<Reason> reasons;
  if (!decision.applicable) {
    reasons.push_back(
        Reason{Status::fails, fmt::format("not applicable: {}", decision.not_applicable), false});
    return reasons;
  }
  for (const Problem& problem : facts.problems) {
    reasons.push_back(Reason{
        Status::fails, fmt::format("not valid: {} [{}]", located(problem), problem.code), false});
  }
  return reasons;
}

}  // namespace

void explain_subject(const RuleSet& rules, const FactInput& facts, bool explain,
                     Decision& decision) {
  decision.problems = facts.problems;
  for (std::size_t i = 0; i < decision.powers.size() && i < rules.powers.size(); ++i) {
    const std::string& key = rules.powers[i].holding;
    const auto it = key.empty() ? facts.holdings.end() : facts.holdings.find(key);
    decision.powers[i].holding = it == facts.holdings.end() ? facts.unrecorded : it->second;
  }
  if (!explain || (decision.valid && decision.applicable)) {
    return;
  }
  const std::vector<Reason> reasons = reasons_for_nothing(facts, decision);
  for (TierResult& tier : decision.tiers) {
    tier.reasons = reasons;
  }
  for (PowerResult& power : decision.powers) {
    power.reasons = reasons;
  }
}

}  // namespace devo::evaluate
