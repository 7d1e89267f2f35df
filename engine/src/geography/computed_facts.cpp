// The facts devo computes for every subject (area_facts.cpp, subjects.cpp)
// and their types: the contract the rule checks hold rule sets to.

#include <devo/computed_facts.hpp>

namespace devo {

std::span<const ComputedFact> computed_facts() {
  static constexpr ComputedFact k_facts[] = {
      {"population", FactType::integer, "the sum of the districts' ONS population estimates"},
      {"contiguous", FactType::boolean,
       "the area is one connected piece on the full adjacency set"},
      {"whole_counties", FactType::boolean,
       "a whole county geography: every county it touches (of the Lieutenancies Act 1997) is "
       "covered whole, or its county council's whole area is; or it is an existing "
       "institution's area"},
      {"police_force_areas", FactType::codes, "the police force areas it touches"},
      {"police_coterminous", FactType::boolean, "the area is exactly one whole police force area"},
      {"police_alignment", FactType::enumeration,
       "one_area, several_whole_areas or partial: how the area lines up with police force "
       "areas"},
      {"fire_authorities", FactType::codes, "the fire and rescue authorities it touches"},
      {"fire_coterminous", FactType::boolean,
       "the area is exactly one whole fire and rescue authority area"},
      {"fire_alignment", FactType::enumeration,
       "one_area, several_whole_areas or partial: how the area lines up with fire and rescue "
       "authority areas"},
      {"icbs", FactType::codes, "the integrated care boards it touches"},
      {"icb_coterminous", FactType::boolean, "the area is exactly one whole ICB area"},
      {"devolution_islands", FactType::codes,
       "districts it would leave with no neighbour outside a devolution institution"},
      {"overlaps", FactType::codes, "its councils already in another devolution institution"},
      {"existing_institution", FactType::boolean,
       "the subject is an existing devolution institution in devo's data"},
      {"mayor_in_office", FactType::boolean,
       "the first directly elected mayor (or leader) has taken office by the as-of date"},
      {"mayor_months_in_post", FactType::integer,
       "whole months the first mayor has been in office on the as-of date (a range when the "
       "start is known only to the month or year)"},
  };
  return k_facts;
}

}  // namespace devo
