#pragma once

#include "geography/atlas.hpp"

#include <devo/diagnostic.hpp>
#include <devo/facts.hpp>
#include <devo/value.hpp>

#include <optional>
#include <string_view>

namespace devo::geography {

// The subject and facts of an existing authority named by GSS code or name
// (see Geography::authority).
std::optional<FactInput> authority_facts(const detail::Atlas& atlas, std::string_view code_or_name,
                                         Date as_of, Diagnostics& diags);

// Adds `institution`, `mayor` and `existing_institution` for an existing
// institution on `as_of`, and when a mayor has been elected by then,
// `mayor_months_in_post` (and `mayor_first_elected` when the day is known).
void add_institution_facts(const Institution& institution, const detail::Atlas& atlas, Date as_of,
                           FactInput& facts);

// Adds `mayor_months_in_post` on `as_of` for a first mayoral election known
// to lie between `earliest` and `latest`: the months counted from `latest`,
// so that the figure is never more than the truth.
void add_months_in_post(Date earliest, Date latest, Date as_of, FactInput& facts);

// Every district, county council and institution with the names it answers
// to, for Atlas::candidates.
std::vector<Candidate> name_index(const detail::Atlas& atlas);

// Lower case, '&' as "and", punctuation dropped, spaces folded: how names
// are compared.
std::string normalise_name(std::string_view name);

}  // namespace devo::geography
