#pragma once

#include "geography/atlas.hpp"

#include <devo/facts.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace devo::geography {

// An area to compute facts for: its districts, the councils it is made of,
// and the existing institution it is, if it is one. Without `notes`, only the
// values are computed, not the words that explain them: for searching many
// areas (devo suggest), where only the statuses matter.
struct AreaSubject {
  std::vector<DistrictIndex> districts;
  std::vector<std::string> councils;
  const Institution* itself = nullptr;
  bool notes = true;
};

// Adds the facts devo computes for any area, each with a note in words:
// population, contiguous, police_force_areas, police_coterminous,
// fire_authorities, fire_coterminous, icbs, icb_coterminous,
// whole_counties, police_alignment, fire_alignment, devolution_islands and
// overlaps.
void add_area_facts(const detail::Atlas& atlas, const AreaSubject& area, FactInput& facts);

// The kinds of public-service area whose boundaries a deal is measured
// against.
enum class ServiceArea { police, fire, icb };

using AreasOf = std::vector<std::vector<std::size_t>>;

// The areas of a kind, and for each district those it lies in.
const std::vector<Area>& service_areas(const detail::Atlas& atlas, ServiceArea kind);
const AreasOf& service_areas_of(const detail::Atlas& atlas, ServiceArea kind);

// How an area made of districts lies across the areas of one kind: the
// areas it touches (indexes, in order), the main one (where most of its
// people live), the districts that lie in each other area (they break
// coterminosity), and the districts the main area covers outside it.
struct AreaSplit {
  std::vector<std::size_t> touched;
  std::size_t main = 0;
  std::map<std::size_t, std::vector<DistrictIndex>> breakers;
  std::vector<DistrictIndex> missing;
};

// Nothing for no districts. The facts police_coterminous, fire_coterminous
// and icb_coterminous, and their notes, are computed from the same split.
std::optional<AreaSplit> split_of(const detail::Atlas& atlas,
                                  const std::vector<DistrictIndex>& districts, ServiceArea kind);

// The existing institution whose area is exactly `districts` (sorted), if any.
const Institution* institution_with_area(const detail::Atlas& atlas,
                                         const std::vector<DistrictIndex>& districts);

// The districts of a council: a district itself, or a county council's
// districts. Empty for a code that is neither.
std::vector<DistrictIndex> districts_of_council(const detail::Atlas& atlas, std::string_view code);

// The name of a council by its code, or the code when it is not known.
std::string council_name(const detail::Atlas& atlas, std::string_view code);

// "Cheshire East, Cheshire West and Chester and Warrington": districts by
// name, a county wholly included named once as the county.
std::string districts_in_words(const detail::Atlas& atlas,
                               const std::vector<DistrictIndex>& districts);
// The same, and how many names it gives (a whole county is one).
std::string districts_in_words(const detail::Atlas& atlas,
                               const std::vector<DistrictIndex>& districts, std::size_t& named);
// The same followed by "is" or "are": "Norfolk is", "Halton and Wirral are".
std::string districts_are(const detail::Atlas& atlas, const std::vector<DistrictIndex>& districts);

}  // namespace devo::geography
