#pragma once

#include "geography/atlas.hpp"

#include <devo/diagnostic.hpp>
#include <devo/facts.hpp>

#include <string>
#include <vector>

namespace devo::geography {

// A council as a proposal lists it, resolved to its code.
struct ListedCouncil {
  std::string code;
  Location location;
};

// What a proposal claims to be: the institution, its leadership, its councils
// as listed (repeats included) and the existing institutions it says it would
// reshape.
struct ProposalShape {
  std::string institution;
  Location institution_location;
  std::string mayor;
  Location mayor_location;
  std::vector<ListedCouncil> councils;
  Location councils_location;
  std::vector<const Institution*> reshapes;
  std::vector<Location> reshape_locations;
  // False when the file lists no councils or names one devo does not know
  // (reported already): how many councils there are and whether their area is
  // one piece are then not known, and saying "one council alone" or "in two
  // pieces" would only bury the real error.
  bool all_councils_known = true;
};

// Every finding about a proposal as a grouping of councils, in the order of
// the file: errors make it not valid (a single council as a combined
// authority, a district without its county council, a London borough, an
// overlap with an institution it does not say it reshapes, an area in
// pieces), warnings are told with it (an area that is exactly an existing
// institution's). `districts` is its area, sorted; `facts` its computed
// facts. The one set of checks both `evaluate` and `validate` use.
std::vector<Diagnostic> validity_findings(const detail::Atlas& atlas, const ProposalShape& shape,
                                          const std::vector<DistrictIndex>& districts,
                                          const FactInput& facts);

// The problems that make a subject not valid: the errors among `findings`.
std::vector<Problem> problems_of(const std::vector<Diagnostic>& findings);

}  // namespace devo::geography
