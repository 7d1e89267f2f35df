#include "testing/coverage.hpp"

#include "compile/access.hpp"
#include "compile/program.hpp"
#include "evaluate/evaluator.hpp"
#include "evaluate/words.hpp"

#include <fmt/format.h>

#include <map>

namespace devo::testing {

CoverageRecorder::CoverageRecorder(const CompiledRules& rules)
    : m_rules(rules),
      m_tiers(rules.rules().tiers.size()),
      m_powers(rules.rules().powers.size()),
      m_nodes(compile::program_of(rules).nodes.size()) {}

void CoverageRecorder::record(const FactInput& facts, const Decision& decision) {
  const detail::Program& program = compile::program_of(m_rules);
  const auto statuses = evaluate::evaluate_nodes(program, compile::bind_facts(program, facts));
  const auto mark = [](Seen& seen, Status status) {
    seen.holding = seen.holding || status == Status::holds;
    seen.failing = seen.failing || status == Status::fails;
  };
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    mark(m_nodes[i], statuses[i]);
  }
  for (std::size_t i = 0; i < decision.tiers.size(); ++i) {
    mark(m_tiers[i], decision.tiers[i].status);
  }
  for (std::size_t i = 0; i < decision.powers.size(); ++i) {
    const PowerStatus status = decision.powers[i].status;
    mark(m_powers[i], status == PowerStatus::available     ? Status::holds
                      : status == PowerStatus::unavailable ? Status::fails
                                                           : Status::unknown);
  }
}

RuleSetCoverage CoverageRecorder::result() const {
  const RuleSet& rules = m_rules.rules();
  const detail::Program& program = compile::program_of(m_rules);
  RuleSetCoverage coverage{rules.id, rules.sha256, rules.files, {}};
  for (std::size_t i = 0; i < rules.tiers.size(); ++i) {
    coverage.items.push_back(CoverageItem{"tier", rules.tiers[i].id, rules.tiers[i].location,
                                          m_tiers[i].holding, m_tiers[i].failing});
  }
  for (std::size_t i = 0; i < rules.powers.size(); ++i) {
    coverage.items.push_back(CoverageItem{"power", rules.powers[i].id, rules.powers[i].location,
                                          m_powers[i].holding, m_powers[i].failing});
  }
  // A named condition's body is shown by the named condition's title.
  std::map<std::uint32_t, const NamedCondition*> named_roots;
  for (const compile::Node& node : program.nodes) {
    if (node.op == compile::Op::reference) {
      named_roots.emplace(program.children[node.first], node.named);
    }
  }
  // Words for conditions do not depend on facts, so none are bound.
  const compile::BoundFacts no_facts;
  const evaluate::Words words(program, no_facts);
  for (std::uint32_t i = 0; i < program.nodes.size(); ++i) {
    const compile::Node& node = program.nodes[i];
    if (node.op == compile::Op::reference) {
      continue;
    }
    const auto named = named_roots.find(i);
    const std::string what =
        named == named_roots.end()
            ? words.requirement(i)
            : fmt::format("{} ({})", named->second->title, named->second->name);
    coverage.items.push_back(CoverageItem{"condition", what, node.source->location,
                                          m_nodes[i].holding, m_nodes[i].failing});
  }
  return coverage;
}

}  // namespace devo::testing

namespace devo {

std::size_t RuleSetCoverage::covered() const {
  std::size_t count = 0;
  for (const CoverageItem& item : items) {
    count += (item.seen_holding ? 1 : 0) + (item.seen_failing ? 1 : 0);
  }
  return count;
}

std::size_t RuleSetCoverage::total() const {
  return items.size() * 2;
}

std::size_t TestReport::passed() const {
  std::size_t count = 0;
  for (const TestCaseResult& result : cases) {
    count += result.passed ? 1 : 0;
  }
  return count;
}

std::size_t TestReport::failed() const {
  return cases.size() - passed();
}

double TestReport::coverage_percent() const {
  std::size_t covered = 0;
  std::size_t total = 0;
  for (const RuleSetCoverage& ruleset : coverage) {
    covered += ruleset.covered();
    total += ruleset.total();
  }
  return total == 0 ? 100.0 : 100.0 * static_cast<double>(covered) / static_cast<double>(total);
}

}  // namespace devo
