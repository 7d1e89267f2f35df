#pragma once

#include "compile/program.hpp"
#include "evaluate/evaluator.hpp"

#include <devo/decision.hpp>
#include <devo/engine.hpp>

namespace devo::evaluate {

// Adds to `decision` (whose statuses are already set) the reasons for every
// tier and power, the facts that would settle each unknown, and warnings for
// expectations that fail and for a rule set not in force on the as-of date.
void explain(const detail::Program& program, const compile::BoundFacts& facts,
             const Statuses& statuses, const EvaluateOptions& options, Decision& decision);

}  // namespace devo::evaluate
