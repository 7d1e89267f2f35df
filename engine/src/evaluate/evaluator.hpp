#pragma once

#include "compile/program.hpp"

#include <devo/decision.hpp>
#include <devo/evaluation.hpp>

#include <vector>

namespace devo::evaluate {

// The status of every node of a program, indexed like Program::nodes.
using Statuses = std::vector<Status>;

// Three-valued "and": fails if either fails, holds if both hold.
Status both(Status a, Status b);

// The status of every node of `program` for `facts`, into `statuses`.
void evaluate_nodes(const detail::Program& program, const compile::BoundFacts& facts,
                    Statuses& statuses);
Statuses evaluate_nodes(const detail::Program& program, const compile::BoundFacts& facts);

// Tier and power statuses for `facts` into `outcome`, reusing its storage;
// with `reasons`, also the requirements that did not hold.
void decide(const detail::Program& program, const compile::BoundFacts& facts, Outcome& outcome,
            bool reasons);

// Tier and power statuses for `facts`; with `options.explain`, also reasons,
// the facts that would settle each unknown, and warnings.
Decision decide(const detail::Program& program, const compile::BoundFacts& facts,
                const EvaluateOptions& options);

}  // namespace devo::evaluate
