#pragma once

#include "geography/atlas.hpp"
#include "load/document.hpp"

#include <devo/diagnostic.hpp>
#include <devo/geography.hpp>
#include <devo/ruleset.hpp>
#include <devo/source.hpp>

#include <optional>

namespace devo::geography {

// Reads, resolves and checks a proposal file; see Geography::proposal.
std::optional<ProposalFacts> proposal_facts(const detail::Atlas& atlas, const SourceFile& file,
                                            const RuleSet& rules, Date as_of, Diagnostics& diags);

// The same for a proposal already parsed: a whole file, or one written inline
// in another document (a test case, say), whose locations it keeps.
ProposalFacts proposal_from_document(const detail::Atlas& atlas, const load::Node& document,
                                     const RuleSet& rules, Date as_of, Diagnostics& diags);
// The same over the data `england` holds, for modules outside geography/ (the
// test runner reads proposals written inline in case files).
ProposalFacts proposal_from_document(const Geography& england, const load::Node& document,
                                     const RuleSet& rules, Date as_of, Diagnostics& diags);

}  // namespace devo::geography
