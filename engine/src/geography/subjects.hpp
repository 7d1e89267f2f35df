#pragma once

#include <optional>
#include <string_view>

#include <devo/diagnostic.hpp>
#include <devo/facts.hpp>
#include <devo/value.hpp>

#include "geography/atlas.hpp"

namespace devo::geography {

// The subject and facts of an existing authority named by GSS code or name
// (see Geography::authority).
std::optional<FactInput> authority_facts(const detail::Atlas& atlas,
                                         std::string_view code_or_name, Date as_of,
                                         Diagnostics& diags);

// Adds `institution` and `mayor` (and the date of the first mayoral election
// when the day is known) for an existing institution on `as_of`.
void add_institution_facts(const Institution& institution, const detail::Atlas& atlas,
                           Date as_of, FactInput& facts);

// Lower case, '&' as "and", punctuation dropped, spaces folded: how names
// are compared.
std::string normalise_name(std::string_view name);

}  // namespace devo::geography
