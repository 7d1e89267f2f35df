#pragma once

// What the maps of app/map.cpp, subject_map.cpp and england_map.cpp share:
// the districts' shapes as map rings, the palettes, the legend, and who
// decides for a district (the institution it is in, or its own council).

#include "geography/area_facts.hpp"
#include "geography/atlas.hpp"
#include "geography/shapes.hpp"

#include <devo/app.hpp>
#include <devo/map.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace devo::app::drawing {

using detail::Atlas;
using geography::DistrictIndex;
using geography::Institution;
using geography::ServiceArea;

// Colours readers with any common colour blindness tell apart (Okabe and Ito),
// for categories with no order; neighbouring areas get different ones.
inline constexpr std::array<std::string_view, 8> k_categories = {
    "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#999999"};
// A light-to-dark ramp for tiers, which are ordered (ColorBrewer YlGnBu,
// safe for colour-blind readers and in grey).
inline constexpr std::array<std::string_view, 6> k_tier_ramp = {"#c7e9b4", "#7fcdbb", "#41b6c4",
                                                                "#1d91c0", "#225ea8", "#0c2c84"};
inline constexpr std::string_view k_no_tier = "#f0f0f0";
inline constexpr std::string_view k_elsewhere = "#f3f2f1";
inline constexpr std::string_view k_neighbour = "#d6d6d6";
inline constexpr std::string_view k_subject_without_tier = "#fdae6b";
inline constexpr std::string_view k_island = "#d55e00";

// ---------------------------------------------------------------- geometry

// The grid's points as a map's.
MapRing map_ring(const std::vector<geography::Point>& points);

// A district's rings (outer rings and holes), and the outline of some
// districts (the borders only one of them has).
std::vector<MapRing> district_rings(const geography::Shapes& shapes, DistrictIndex district);

std::vector<MapRing> outline_rings(const geography::Shapes& shapes,
                                   const std::vector<DistrictIndex>& districts);

// Where to write the name of the shape `rings` (geography::label_point).
MapPoint label_at(const std::vector<MapRing>& rings);

// The smallest box holding every point of `rings`, and whether two boxes
// meet.
MapBox box_of(const std::vector<MapRing>& rings);

// The box grown by a share of its size on every side, and by at least
// `least` metres.
MapBox padded(const MapBox& box, double share, std::int64_t least);

bool meets(const MapBox& a, const MapBox& b);

// Every district's index, in order.
std::vector<DistrictIndex> every_district(const Atlas& atlas);

// ---------------------------------------------------------------- the page

// Whose the boundaries are (the manifest's `boundaries`), and the receipt
// as lines of text.
std::string attribution_of(const Atlas& atlas);

std::vector<std::string> receipt_lines(const Receipt& receipt);

// Adds a row to the legend: a fill (its index, for MapArea::key) or a line.
std::size_t add_key(Map& map, std::string label, std::string_view colour,
                    MapPattern pattern = MapPattern::none);

void add_line_key(Map& map, std::string label, MapLine line);

// A tier's title ("Mayoral strategic authority"), or its id without one.
std::string tier_title(const RuleSet& rules, std::size_t tier);

// The colour of tier `tier` of `count`, spread over the ramp.
std::string_view tier_colour(std::size_t tier, std::size_t count);

// What a decision reaches, for colouring: a tier's index, none, or not
// known (no tier holds and the lowest is undecided).
struct Reached {
  enum class Kind { tier, none, unknown };
  Kind kind = Kind::none;
  std::size_t tier = 0;
};

Reached reached(const Decision& decision);

// Gives each group (of districts) a colour of k_categories that no group next
// to it has, where eight colours allow; groups are taken in order.
std::vector<std::size_t> colours_apart(const Atlas& atlas,
                                       const std::vector<std::vector<DistrictIndex>>& groups);

// The devolution institutions whose deals cover places: combined
// authorities, combined county authorities and the GLA.
bool strategic(const Institution& institution);

// ------------------------------------------------- who decides for a district

// The name a subject of an England-wide run goes by: its GSS code, or its
// name when it has none yet.
std::string subject_key(const Subject& subject);

// For each district, the institution it is in (the first, in the data's
// order), if any.
std::vector<const Institution*> institution_of_each(const Atlas& atlas);

// The council a district's own deal would be made with: its county council,
// for a district of a two-tier county; otherwise the district's council.
std::string own_council(const Atlas& atlas, DistrictIndex district);

// The subject whose deal covers a district: its institution, or else its own
// council.
std::string covering(const Atlas& atlas, const std::vector<const Institution*>& institution_of,
                     DistrictIndex district);

// How a kind of public-service area is named, and the fact that says
// whether an area is exactly one of them.
struct ServiceAreaWords {
  std::string_view label;             // "police force area"
  std::string_view coterminous_fact;  // "police_coterminous"
  std::string_view heading;           // "Police force areas"
};

const ServiceAreaWords& words_of(ServiceArea kind);

// The kinds, in the order maps and notes give them.
inline constexpr std::array<ServiceArea, 3> k_service_areas = {ServiceArea::police,
                                                               ServiceArea::fire, ServiceArea::icb};

// "Halton (E06000006): <status>", the <title> of a district on a map.
std::string district_title(const Atlas& atlas, DistrictIndex district, std::string_view status);

// Districts coloured by the group each is in (an institution, a police,
// fire or ICB area), neighbouring groups in different colours, each group
// named where it lies; `member` marks the subject's districts, if any.
struct Grouped {
  const Atlas& atlas;
  const geography::Shapes& shapes;
  const std::vector<DistrictIndex>& drawn;
  const std::vector<bool>& member;
  std::string_view subject;
  // Groups with a district in the frame are in the legend.
  MapBox frame;
  // Many groups (all England's) are numbered on the map, and named in the
  // legend, for want of room.
  bool numbered = false;
};

void fill_by_groups(const Grouped& on,
                    const std::vector<std::pair<std::string, std::vector<DistrictIndex>>>& groups,
                    std::string_view nothing, Map& map);

// Each strategic institution's name and districts, in the data's order.
std::vector<std::pair<std::string, std::vector<DistrictIndex>>> institution_groups(
    const Atlas& atlas);

// Each area of a kind and its districts; for an ICB, the districts mostly in
// it (a district is coloured once).
std::vector<std::pair<std::string, std::vector<DistrictIndex>>> service_groups(const Atlas& atlas,
                                                                               ServiceArea kind);

// The kind of area a colouring is by (police, fire, icb), if it is one.
std::optional<ServiceArea> service_area_of(MapColour colour);

// "1 district", "296 districts".
std::string districts_count(std::size_t count);

}  // namespace devo::app::drawing
