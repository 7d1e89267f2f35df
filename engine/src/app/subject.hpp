#pragma once

// A subject from a document node: a whole file's document, or the part of a
// test case that names what it evaluates.

#include "load/document.hpp"

#include <devo/app.hpp>

namespace devo::app {

// `node` is an authority's code or name (a scalar), a proposal or a set of
// facts. `england` is needed for an authority or a proposal. An authority or a
// facts file with errors gives nothing; a proposal gives its facts and
// findings even then (for the councils that could be resolved), so that its
// caller can report every problem at once, but they are not fit to evaluate.
std::optional<ResolvedSubject> subject_from_node(SubjectRequest::Kind kind, const load::Node& node,
                                                 const Geography* england, const RuleSet& rules,
                                                 Date as_of, Diagnostics& diags);

// resolve_subject() with England's data loaded already (null for facts).
std::optional<ResolvedSubject> subject_in(const SubjectRequest& subject, const Geography* england,
                                          const RuleSet& rules, Date as_of, Diagnostics& diags);

}  // namespace devo::app
