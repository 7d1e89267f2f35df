#pragma once

#include "compile/program.hpp"
#include "evaluate/evaluator.hpp"

#include <devo/decision.hpp>
#include <devo/evaluation.hpp>

namespace devo::evaluate {

// Adds to `decision` (whose statuses are already set) the reasons for every
// tier and power, the facts that would settle each unknown, and warnings for
// expectations that fail and for a rule set not in force on the as-of date.
// A decision that is not valid or not applicable has only the warnings: its
// reasons come from the subject (explain_subject).
void explain(const detail::Program& program, const compile::BoundFacts& facts,
             const Statuses& statuses, const EvaluateOptions& options, Decision& decision);

// Adds what the subject itself says to a decision: its problems, whether it
// holds each power, and, with `explain`, the reasons of a subject that is
// not valid (its problems) or that the rule set does not apply to.
void explain_subject(const RuleSet& rules, const FactInput& facts, bool explain,
                     Decision& decision);

}  // namespace devo::evaluate
