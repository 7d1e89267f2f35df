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
                                         Date as_of, const Location& where, Diagnostics& diags);

// Adds `institution`, `mayor`, `mayor_in_office`, `mayor_months_in_post`,
// `existing_institution` and the transfer decisions for an existing
// institution on `as_of` (and `mayor_first_elected` when the day is known),
// and what it holds (FactInput::holdings).
void add_institution_facts(const Institution& institution, const detail::Atlas& atlas, Date as_of,
                           FactInput& facts);

// Adds `mayor_months_in_post` on `as_of` (without its note) for a first mayor
// in office from a day between `earliest` and `latest`: a range of months
// when the two ends give different counts, and none before the start.
void add_months_in_post(Date earliest, Date latest, Date as_of, FactInput& facts);

// Whether an institution holds a power on `as_of`, from the rows of
// holdings.csv about it; nothing when no row speaks for that day.
std::optional<Holding> holding_on(const std::vector<const HoldingRecord*>& records, Date as_of);

// The institutions a district or county council is in: as a constituent, or
// inside a constituent county council's area. A single council's own deal
// is not counted.
std::vector<Membership> memberships(const detail::Atlas& atlas, std::string_view council);

// Every district, county council and institution with the names it answers
// to, for Atlas::candidates.
std::vector<Candidate> name_index(const detail::Atlas& atlas);

// The authorities a text names or nearly names, at most `limit` (every one,
// for an empty text): see Geography::find_authorities.
std::vector<AuthorityName> find_authorities(const detail::Atlas& atlas, std::string_view text,
                                            std::size_t limit);

// Lower case, '&' as "and", punctuation dropped, spaces folded: how names
// are compared.
std::string normalise_name(std::string_view name);

}  // namespace devo::geography
