// `devo map` and the maps of the printable reports: what is drawn, filled how
// and named, decided from the same data and facts the evaluation used.
// report/render_map.cpp lays the map out as SVG.

#include "app/england.hpp"
#include "geography/access.hpp"
#include "geography/area_facts.hpp"
#include "geography/shapes.hpp"
#include "support/suggest.hpp"
#include "support/words.hpp"

#include <devo/app.hpp>
#include <devo/codes.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace devo::app {
namespace {

using detail::Atlas;
using geography::DistrictIndex;
using geography::Institution;
using geography::ServiceArea;

// Colours readers with any common colour blindness tell apart (Okabe and Ito),
// for categories with no order; neighbouring areas get different ones.
constexpr std::array<std::string_view, 8> k_categories = {
    "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#999999"};
// A light-to-dark ramp for tiers, which are ordered (ColorBrewer YlGnBu,
// safe for colour-blind readers and in grey).
constexpr std::array<std::string_view, 6> k_tier_ramp = {"#c7e9b4", "#7fcdbb", "#41b6c4",
                                                         "#1d91c0", "#225ea8", "#0c2c84"};
constexpr std::string_view k_no_tier = "#f0f0f0";
constexpr std::string_view k_elsewhere = "#f3f2f1";
constexpr std::string_view k_neighbour = "#d6d6d6";
constexpr std::string_view k_subject_without_tier = "#fdae6b";
constexpr std::string_view k_island = "#d55e00";

// ---------------------------------------------------------------- geometry

MapRing map_ring(const std::vector<geography::Point>& points) {
  MapRing ring;
  ring.reserve(points.size());
  for (const geography::Point& point : points) {
    ring.push_back(MapPoint{point.x, point.y});
  }
  return ring;
}

std::vector<MapRing> district_rings(const geography::Shapes& shapes, DistrictIndex district) {
  std::vector<MapRing> rings;
  for (const auto& points : geography::district_points(shapes, district)) {
    rings.push_back(map_ring(points));
  }
  return rings;
}

std::vector<MapRing> outline_rings(const geography::Shapes& shapes,
                                   const std::vector<DistrictIndex>& districts) {
  std::vector<MapRing> rings;
  for (const geography::Ring& ring : geography::outline(shapes, districts)) {
    rings.push_back(map_ring(geography::ring_points(shapes, ring)));
  }
  return rings;
}

std::vector<std::vector<geography::Point>> grid_rings(const std::vector<MapRing>& rings) {
  std::vector<std::vector<geography::Point>> points;
  for (const MapRing& ring : rings) {
    auto& out = points.emplace_back();
    for (const MapPoint& point : ring) {
      out.push_back(geography::Point{point.x, point.y});
    }
  }
  return points;
}

MapPoint label_at(const std::vector<MapRing>& rings) {
  const geography::Point point = geography::label_point(grid_rings(rings));
  return MapPoint{point.x, point.y};
}

MapBox box_of(const std::vector<MapRing>& rings) {
  const geography::Box box = geography::bounds(grid_rings(rings));
  return MapBox{MapPoint{box.min.x, box.min.y}, MapPoint{box.max.x, box.max.y}};
}

// The box grown by a share of its size on every side, and by at least
// `least` metres.
MapBox padded(const MapBox& box, double share, std::int64_t least) {
  const auto pad = [&](std::int64_t length) {
    return std::max(least, static_cast<std::int64_t>(static_cast<double>(length) * share));
  };
  const std::int64_t x = pad(box.max.x - box.min.x);
  const std::int64_t y = pad(box.max.y - box.min.y);
  return MapBox{MapPoint{box.min.x - x, box.min.y - y}, MapPoint{box.max.x + x, box.max.y + y}};
}

bool meets(const MapBox& a, const MapBox& b) {
  return a.min.x <= b.max.x && b.min.x <= a.max.x && a.min.y <= b.max.y && b.min.y <= a.max.y;
}

std::vector<DistrictIndex> every_district(const Atlas& atlas) {
  std::vector<DistrictIndex> all(atlas.districts.size());
  for (DistrictIndex i = 0; i < all.size(); ++i) {
    all[i] = i;
  }
  return all;
}

// ---------------------------------------------------------------- the page

std::string attribution_of(const Atlas& atlas) {
  return atlas.boundaries_attribution.empty() ? atlas.info.attribution
                                              : atlas.boundaries_attribution;
}

std::vector<std::string> receipt_lines(const Receipt& receipt) {
  std::vector<std::string> lines;
  lines.push_back(fmt::format("Rule set {} (SHA-256 {}), as of {}; devo {}", receipt.ruleset,
                              receipt.ruleset_sha256, receipt.as_of.to_string(),
                              receipt.devo_version));
  if (!receipt.data_sha256.empty()) {
    lines.push_back(
        fmt::format("Data: {} (SHA-256 {})", receipt.data_vintage, receipt.data_sha256));
  }
  return lines;
}

std::size_t add_key(Map& map, std::string label, std::string_view colour,
                    MapPattern pattern = MapPattern::none) {
  map.legend.push_back(MapKey{std::move(label), MapFill{std::string(colour), pattern}, {}});
  return map.legend.size() - 1;
}

void add_line_key(Map& map, std::string label, MapLine line) {
  map.legend.push_back(MapKey{std::move(label), MapFill{}, line});
}

std::string tier_title(const RuleSet& rules, std::size_t tier) {
  const Tier& chosen = rules.tiers[tier];
  return chosen.title.empty() ? chosen.id : chosen.title;
}

// The colour of tier `tier` of `count`, spread over the ramp.
std::string_view tier_colour(std::size_t tier, std::size_t count) {
  const std::size_t last = k_tier_ramp.size() - 1;
  return k_tier_ramp[count <= 1 ? last / 2 : std::min(last, tier * last / (count - 1))];
}

// What a decision reaches, for colouring: a tier's index, none, or not
// known (no tier holds and the lowest is undecided).
struct Reached {
  enum class Kind { tier, none, unknown };
  Kind kind = Kind::none;
  std::size_t tier = 0;
};

Reached reached(const Decision& decision) {
  if (decision.tier) {
    return Reached{Reached::Kind::tier, *decision.tier};
  }
  if (!decision.tiers.empty() && decision.tiers.front().status == Status::unknown) {
    return Reached{Reached::Kind::unknown, 0};
  }
  return Reached{};
}

// Gives each group (of districts) a colour of k_categories that no group next
// to it has, where eight colours allow; groups are taken in order.
std::vector<std::size_t> colours_apart(const Atlas& atlas,
                                       const std::vector<std::vector<DistrictIndex>>& groups) {
  std::vector<std::size_t> group_of(atlas.districts.size(), SIZE_MAX);
  for (std::size_t group = 0; group < groups.size(); ++group) {
    for (DistrictIndex district : groups[group]) {
      group_of[district] = group;
    }
  }
  std::vector<std::size_t> colours(groups.size(), 0);
  for (std::size_t group = 0; group < groups.size(); ++group) {
    std::set<std::size_t> taken;
    for (DistrictIndex district : groups[group]) {
      for (DistrictIndex neighbour : atlas.graph->neighbours(district)) {
        const std::size_t other = group_of[neighbour];
        if (other < group) {
          taken.insert(colours[other]);
        }
      }
    }
    // Start each group at a colour of its own, so that colours are spread
    // over the map rather than the first few used everywhere.
    std::size_t colour = group % k_categories.size();
    for (std::size_t tried = 0; tried < k_categories.size() && taken.count(colour) != 0; ++tried) {
      colour = (colour + 1) % k_categories.size();
    }
    colours[group] = colour;
  }
  return colours;
}

// The devolution institutions whose deals cover places: combined
// authorities, combined county authorities and the GLA.
bool strategic(const Institution& institution) {
  return institution.kind != "single_council_deal";
}

// ------------------------------------------------- who decides for a district

// The name a subject of an England-wide run goes by: its GSS code, or its
// name when it has none yet.
std::string subject_key(const Subject& subject) {
  return subject.code.empty() ? subject.name : subject.code;
}

// For each district, the institution it is in (the first, in the data's
// order), if any.
std::vector<const Institution*> institution_of_each(const Atlas& atlas) {
  std::vector<const Institution*> of(atlas.districts.size(), nullptr);
  for (const Institution& institution : atlas.institutions) {
    if (!strategic(institution)) {
      continue;
    }
    for (DistrictIndex district : institution.districts) {
      if (of[district] == nullptr) {
        of[district] = &institution;
      }
    }
  }
  return of;
}

// The council a district's own deal would be made with: its county council,
// for a district of a two-tier county; otherwise the district's council.
std::string own_council(const Atlas& atlas, DistrictIndex district) {
  const auto& county = atlas.districts[district].county;
  return county ? atlas.counties[*county].code : atlas.districts[district].code;
}

// The subject whose deal covers a district: its institution, or else its own
// council.
std::string covering(const Atlas& atlas, const std::vector<const Institution*>& institution_of,
                     DistrictIndex district) {
  if (const Institution* institution = institution_of[district]) {
    return institution->code.empty() ? institution->name : institution->code;
  }
  return own_council(atlas, district);
}

// ---------------------------------------------------------------- a subject

std::vector<DistrictIndex> districts_of(const Atlas& atlas, const Subject& subject) {
  std::vector<DistrictIndex> districts;
  for (const std::string& code : subject.districts) {
    if (auto found = atlas.district_by_code.find(code); found != atlas.district_by_code.end()) {
      districts.push_back(found->second);
    }
  }
  std::sort(districts.begin(), districts.end());
  districts.erase(std::unique(districts.begin(), districts.end()), districts.end());
  return districts;
}

std::vector<std::string> codes_of(const FactInput& facts, std::string_view fact) {
  const auto found = facts.values.find(fact);
  if (found == facts.values.end()) {
    return {};
  }
  if (const auto* codes = std::get_if<Codes>(&found->second)) {
    return *codes;
  }
  return {};
}

// How a kind of public-service area is named, and the fact that says
// whether an area is exactly one of them.
struct ServiceAreaWords {
  std::string_view label;             // "police force area"
  std::string_view coterminous_fact;  // "police_coterminous"
  std::string_view heading;           // "Police force areas"
};

const ServiceAreaWords& words_of(ServiceArea kind) {
  static const ServiceAreaWords police{"police force area", "police_coterminous",
                                       "Police force areas"};
  static const ServiceAreaWords fire{"fire and rescue authority area", "fire_coterminous",
                                     "Fire and rescue authority areas"};
  static const ServiceAreaWords icb{"integrated care board area", "icb_coterminous",
                                    "Integrated care board areas"};
  switch (kind) {
    case ServiceArea::police:
      return police;
    case ServiceArea::fire:
      return fire;
    case ServiceArea::icb:
      break;
  }
  return icb;
}

constexpr std::array<ServiceArea, 3> k_service_areas = {ServiceArea::police, ServiceArea::fire,
                                                        ServiceArea::icb};

// A public-service area the subject covers only part of, and the subject's
// districts inside it.
struct SplitArea {
  ServiceArea kind;
  std::size_t area = 0;
  std::vector<DistrictIndex> inside;
};

std::vector<SplitArea> split_areas(const Atlas& atlas, const std::vector<DistrictIndex>& members) {
  std::vector<bool> member(atlas.districts.size(), false);
  for (DistrictIndex district : members) {
    member[district] = true;
  }
  std::vector<SplitArea> splits;
  for (ServiceArea kind : k_service_areas) {
    const auto split = geography::split_of(atlas, members, kind);
    if (!split) {
      continue;
    }
    const auto& areas = geography::service_areas(atlas, kind);
    const auto& areas_of = geography::service_areas_of(atlas, kind);
    for (std::size_t area : split->touched) {
      const auto& covered = areas[area].districts;
      const bool whole =
          std::all_of(covered.begin(), covered.end(), [&](DistrictIndex d) { return member[d]; });
      if (whole) {
        continue;
      }
      SplitArea found{kind, area, {}};
      for (DistrictIndex district : members) {
        const auto& in = areas_of[district];
        if (std::find(in.begin(), in.end(), area) != in.end()) {
          found.inside.push_back(district);
        }
      }
      splits.push_back(std::move(found));
    }
  }
  return splits;
}

// The subject's districts that lie in an area its other districts are not
// in: the councils that break coterminosity.
std::set<DistrictIndex> breakers(const Atlas& atlas, const std::vector<DistrictIndex>& members) {
  std::set<DistrictIndex> found;
  for (ServiceArea kind : k_service_areas) {
    if (const auto split = geography::split_of(atlas, members, kind)) {
      for (const auto& [area, districts] : split->breakers) {
        found.insert(districts.begin(), districts.end());
      }
    }
  }
  return found;
}

struct SubjectScene {
  const Atlas& atlas;
  const geography::Shapes& shapes;
  const FactInput& facts;
  std::vector<DistrictIndex> members;
  std::vector<bool> member;
  std::set<DistrictIndex> neighbours;
  std::set<std::string> islands;
  MapBox frame;
  // The districts near enough to be drawn.
  std::vector<DistrictIndex> drawn;
};

SubjectScene scene_of(const Atlas& atlas, const FactInput& facts) {
  SubjectScene scene{
      atlas, *atlas.shapes, facts, districts_of(atlas, facts.subject), {}, {}, {}, {}, {}};
  scene.member.assign(atlas.districts.size(), false);
  for (DistrictIndex district : scene.members) {
    scene.member[district] = true;
  }
  for (DistrictIndex district : scene.members) {
    for (DistrictIndex neighbour : atlas.graph->neighbours(district)) {
      // The graph joins an island by sea to its police force area's other
      // districts; on a map a neighbour is one across a boundary on land.
      const bool by_sea = atlas.districts[district].island || atlas.districts[neighbour].island;
      if (!scene.member[neighbour] && !by_sea) {
        scene.neighbours.insert(neighbour);
      }
    }
  }
  for (const std::string& code : codes_of(facts, "devolution_islands")) {
    scene.islands.insert(code);
  }
  std::vector<MapRing> rings;
  for (DistrictIndex district : scene.members) {
    for (MapRing& ring : district_rings(scene.shapes, district)) {
      rings.push_back(std::move(ring));
    }
  }
  // A fifth of the subject's size around it, and at least 5 km, shows its
  // neighbours' nearer parts.
  scene.frame = padded(box_of(rings), 0.2, 5000);
  // The page may show more than the frame (to fill its width): draw what is
  // near it too.
  const MapBox near = padded(scene.frame, 0.6, 0);
  for (DistrictIndex district = 0; district < atlas.districts.size(); ++district) {
    if (meets(box_of(district_rings(scene.shapes, district)), near)) {
      scene.drawn.push_back(district);
    }
  }
  return scene;
}

std::string district_title(const Atlas& atlas, DistrictIndex district, std::string_view status) {
  const auto& d = atlas.districts[district];
  return fmt::format("{} ({}): {}", d.name, d.code, status);
}

// The subject's districts by the tier it reaches; its neighbours, the
// islands it would leave and the rest around it in greys and a hatch.
void fill_by_tier(const SubjectScene& scene, const RuleSet& rules, const Decision& decision,
                  Map& map) {
  const Reached reach = reached(decision);
  const std::string& name = scene.facts.subject.name;
  const std::string reaches =
      reach.kind == Reached::Kind::tier
          ? fmt::format("{}, which reaches {}", name, tier_title(rules, reach.tier))
      : reach.kind == Reached::Kind::unknown
          ? fmt::format("{}, whose tier cannot be decided from what is known", name)
          : fmt::format("{}, which reaches no tier", name);
  const std::string_view colour = reach.kind == Reached::Kind::tier
                                      ? tier_colour(reach.tier, rules.tiers.size())
                                      : k_subject_without_tier;
  const std::size_t subject_key = add_key(map, reaches, colour);
  const auto breaking = breakers(scene.atlas, scene.members);
  const std::size_t breaker_key =
      breaking.empty()
          ? subject_key
          : add_key(map,
                    fmt::format("{}: a council in a police, fire or ICB area the rest of the "
                                "area is not wholly in (see below)",
                                name),
                    colour, MapPattern::dots);
  const std::size_t neighbour_key = add_key(map, "a neighbouring district", k_neighbour);
  const std::size_t island_key =
      scene.islands.empty()
          ? neighbour_key
          : add_key(map,
                    "a district that would be left with no neighbour outside a devolution "
                    "institution (a devolution island)",
                    k_island, MapPattern::hatch);
  const std::size_t other_key = add_key(map, "another district", k_elsewhere);
  for (DistrictIndex district : scene.drawn) {
    const auto& code = scene.atlas.districts[district].code;
    std::size_t key = other_key;
    std::string status = fmt::format("not in {}", name);
    if (scene.member[district]) {
      key = breaking.count(district) != 0 ? breaker_key : subject_key;
      status = fmt::format("in {}", name);
    } else if (scene.islands.count(code) != 0) {
      key = island_key;
      status = "would be a devolution island";
    } else if (scene.neighbours.count(district) != 0) {
      key = neighbour_key;
      status = fmt::format("a neighbour of {}", name);
    }
    map.areas.push_back(MapArea{code, district_title(scene.atlas, district, status), key,
                                district_rings(scene.shapes, district)});
  }
}

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
                    std::string_view nothing, Map& map) {
  std::vector<std::vector<DistrictIndex>> districts;
  for (const auto& group : groups) {
    districts.push_back(group.second);
  }
  const auto colours = colours_apart(on.atlas, districts);
  std::vector<std::size_t> key_of(on.atlas.districts.size(), SIZE_MAX);
  std::vector<std::string> name_of(on.atlas.districts.size());
  std::vector<bool> drawn(on.atlas.districts.size(), false);
  for (DistrictIndex district : on.drawn) {
    drawn[district] = true;
  }
  std::size_t number = 0;
  for (std::size_t group = 0; group < groups.size(); ++group) {
    const auto& members = groups[group].second;
    const bool shown = std::any_of(members.begin(), members.end(), [&](DistrictIndex d) {
      return drawn[d] && meets(box_of(district_rings(on.shapes, d)), on.frame);
    });
    if (!shown) {
      continue;
    }
    ++number;
    const std::string label = on.numbered ? std::to_string(number) : groups[group].first;
    const std::size_t key = add_key(
        map, on.numbered ? fmt::format("{} {}", number, groups[group].first) : groups[group].first,
        k_categories[colours[group]]);
    for (DistrictIndex district : members) {
      if (key_of[district] == SIZE_MAX) {
        key_of[district] = key;
        name_of[district] = groups[group].first;
      }
    }
    const auto rings = outline_rings(on.shapes, members);
    map.outlines.push_back(MapOutline{groups[group].first, MapLine::institution, rings});
    map.labels.push_back(MapLabel{label_at(rings), label, MapLabelStyle::area});
  }
  const std::size_t nothing_key = add_key(map, std::string(nothing), k_elsewhere);
  for (DistrictIndex district : on.drawn) {
    const bool grouped = key_of[district] != SIZE_MAX;
    const bool in_subject = !on.member.empty() && on.member[district];
    map.areas.push_back(
        MapArea{on.atlas.districts[district].code,
                district_title(
                    on.atlas, district,
                    fmt::format("{}{}", grouped ? name_of[district] : std::string(nothing),
                                in_subject ? fmt::format("; in {}", on.subject) : std::string())),
                grouped ? key_of[district] : nothing_key, district_rings(on.shapes, district)});
  }
}

std::vector<std::pair<std::string, std::vector<DistrictIndex>>> institution_groups(
    const Atlas& atlas) {
  std::vector<std::pair<std::string, std::vector<DistrictIndex>>> groups;
  for (const Institution& institution : atlas.institutions) {
    if (strategic(institution)) {
      groups.emplace_back(institution.name, institution.districts);
    }
  }
  return groups;
}

// Each area of a kind and its districts; for an ICB, the districts mostly in
// it (a district is coloured once).
std::vector<std::pair<std::string, std::vector<DistrictIndex>>> service_groups(const Atlas& atlas,
                                                                               ServiceArea kind) {
  const auto& areas = geography::service_areas(atlas, kind);
  std::vector<std::pair<std::string, std::vector<DistrictIndex>>> groups;
  for (std::size_t area = 0; area < areas.size(); ++area) {
    std::vector<DistrictIndex> districts;
    for (DistrictIndex district : areas[area].districts) {
      const auto& icbs = atlas.districts[district].icbs;
      const bool mostly =
          kind != ServiceArea::icb || icbs.empty() ||
          std::max_element(icbs.begin(), icbs.end(), [](const auto& a, const auto& b) {
            return a.share < b.share;
          })->icb == area;
      if (mostly) {
        districts.push_back(district);
      }
    }
    groups.emplace_back(areas[area].name, std::move(districts));
  }
  return groups;
}

std::optional<ServiceArea> service_area_of(MapColour colour) {
  switch (colour) {
    case MapColour::police:
      return ServiceArea::police;
    case MapColour::fire:
      return ServiceArea::fire;
    case MapColour::icb:
      return ServiceArea::icb;
    default:
      return std::nullopt;
  }
}

// Outlines the areas the subject splits and says in a note which councils
// split each kind, in the words of the evaluation's own facts.
void add_splits(const SubjectScene& scene, Map& map) {
  const auto splits = split_areas(scene.atlas, scene.members);
  for (const SplitArea& split : splits) {
    const auto& area = geography::service_areas(scene.atlas, split.kind)[split.area];
    const auto rings = outline_rings(scene.shapes, area.districts);
    map.outlines.push_back(
        MapOutline{fmt::format("{} ({}), which {} only part of: {} in it", area.name,
                               words_of(split.kind).label, scene.facts.subject.name,
                               geography::districts_are(scene.atlas, split.inside)),
                   MapLine::split, rings});
    // A police and a fire area of one name and boundary are named once.
    const MapLabel label{label_at(rings), area.name, MapLabelStyle::area};
    const bool named = std::any_of(map.labels.begin(), map.labels.end(), [&](const MapLabel& l) {
      return l.text == label.text && l.at == label.at;
    });
    if (!named) {
      map.labels.push_back(label);
    }
  }
  for (ServiceArea kind : k_service_areas) {
    const bool split = std::any_of(splits.begin(), splits.end(),
                                   [&](const SplitArea& s) { return s.kind == kind; });
    const auto note = scene.facts.notes.find(words_of(kind).coterminous_fact);
    if (split && note != scene.facts.notes.end()) {
      map.notes.push_back(fmt::format("{}: {}.", words_of(kind).heading, note->second));
    }
  }
  if (!splits.empty()) {
    add_line_key(map, "a police, fire or ICB area the subject covers only part of", MapLine::split);
  }
}

// Institutions other than the subject that share districts with it.
void add_overlaps(const SubjectScene& scene, Map& map) {
  bool any = false;
  for (const Institution& institution : scene.atlas.institutions) {
    const bool shares = std::any_of(institution.districts.begin(), institution.districts.end(),
                                    [&](DistrictIndex d) { return scene.member[d]; });
    if (!strategic(institution) || !shares || institution.districts == scene.members) {
      continue;
    }
    any = true;
    const auto rings = outline_rings(scene.shapes, institution.districts);
    map.outlines.push_back(
        MapOutline{fmt::format("{}, which {} overlaps", institution.name, scene.facts.subject.name),
                   MapLine::overlap, rings});
    map.labels.push_back(MapLabel{label_at(rings), institution.name, MapLabelStyle::area});
  }
  if (any) {
    add_line_key(map, "an existing devolution institution the subject overlaps", MapLine::overlap);
    const auto note = scene.facts.notes.find("overlaps");
    if (note != scene.facts.notes.end()) {
      map.notes.push_back(fmt::format("Overlaps: {}.", note->second));
    }
  }
}

// The subject's districts by name in bold, the neighbours' and islands'
// around them.
void add_district_labels(const SubjectScene& scene, Map& map) {
  for (DistrictIndex district : scene.drawn) {
    const auto& d = scene.atlas.districts[district];
    const bool island = scene.islands.count(d.code) != 0;
    if (!scene.member[district] && !island && scene.neighbours.count(district) == 0) {
      continue;
    }
    const auto style = scene.member[district] ? MapLabelStyle::subject
                       : island               ? MapLabelStyle::warning
                                              : MapLabelStyle::neighbour;
    map.labels.push_back(MapLabel{label_at(district_rings(scene.shapes, district)), d.name, style});
  }
}

void add_subject_notes(const SubjectScene& scene, Map& map) {
  std::vector<std::string> neighbours;
  for (DistrictIndex district : scene.neighbours) {
    neighbours.push_back(scene.atlas.districts[district].name);
  }
  std::sort(neighbours.begin(), neighbours.end());
  map.notes.insert(map.notes.begin(),
                   neighbours.empty()
                       ? std::string("Neighbours: none that shares a boundary on land.")
                       : fmt::format("Neighbours: {}.", support::join_words(neighbours)));
  const auto islands = scene.facts.notes.find("devolution_islands");
  if (!scene.islands.empty() && islands != scene.facts.notes.end()) {
    map.notes.push_back(fmt::format("Devolution islands: {}.", islands->second));
  }
  // A proposal that cannot exist as it stands reaches no tier: say why first.
  for (auto problem = scene.facts.problems.rbegin(); problem != scene.facts.problems.rend();
       ++problem) {
    map.notes.insert(map.notes.begin(),
                     fmt::format("Not valid: {} [{}].", problem->message, problem->code));
  }
}

std::string subject_description(const SubjectScene& scene, const Map& map) {
  std::string words =
      fmt::format("A map of {} ({} {}) and the districts around it. ", scene.facts.subject.name,
                  scene.members.size(), scene.members.size() == 1 ? "district" : "districts");
  for (const std::string& note : map.notes) {
    words += note + " ";
  }
  words.pop_back();
  return words;
}

// ---------------------------------------------------------------- England

// The decision of each subject of an England-wide run, by subject_key().
std::map<std::string, const Decision*, std::less<>> decisions_by_key(
    const EnglandEvaluation& evaluation) {
  std::map<std::string, const Decision*, std::less<>> by_key;
  for (std::size_t i = 0; i < evaluation.facts.size(); ++i) {
    by_key.emplace(subject_key(evaluation.facts[i].subject), &evaluation.decisions[i]);
  }
  return by_key;
}

std::map<std::string, std::string, std::less<>> names_by_key(const EnglandEvaluation& evaluation) {
  std::map<std::string, std::string, std::less<>> by_key;
  for (const FactInput& facts : evaluation.facts) {
    by_key.emplace(subject_key(facts.subject), facts.subject.name);
  }
  return by_key;
}

std::string districts_count(std::size_t count) {
  return fmt::format("{} {}", count, count == 1 ? "district" : "districts");
}

// Every district by the tier reached by the subject whose deal covers it
// (`reachable`: by its own council alone).
void fill_england_by_tier(const Atlas& atlas, const EnglandEvaluation& evaluation, bool reachable,
                          Map& map) {
  const auto institution_of = institution_of_each(atlas);
  const auto decisions = decisions_by_key(evaluation);
  const auto names = names_by_key(evaluation);
  const RuleSet& rules = *evaluation.rules;
  std::vector<Reached> reach(atlas.districts.size(), Reached{Reached::Kind::unknown, 0});
  std::vector<std::string> decider(atlas.districts.size());
  std::vector<std::size_t> tier_count(rules.tiers.size(), 0);
  std::size_t none = 0;
  std::size_t unknown = 0;
  for (DistrictIndex district = 0; district < atlas.districts.size(); ++district) {
    const std::string key =
        reachable ? own_council(atlas, district) : covering(atlas, institution_of, district);
    const auto decision = decisions.find(key);
    const auto name = names.find(key);
    decider[district] = name != names.end() ? name->second : key;
    if (decision != decisions.end()) {
      reach[district] = reached(*decision->second);
    }
    switch (reach[district].kind) {
      case Reached::Kind::tier:
        ++tier_count[reach[district].tier];
        break;
      case Reached::Kind::none:
        ++none;
        break;
      case Reached::Kind::unknown:
        ++unknown;
        break;
    }
  }
  std::vector<std::size_t> tier_key;
  for (std::size_t tier = 0; tier < rules.tiers.size(); ++tier) {
    tier_key.push_back(add_key(
        map, fmt::format("{} ({})", tier_title(rules, tier), districts_count(tier_count[tier])),
        tier_colour(tier, rules.tiers.size())));
  }
  const std::size_t none_key =
      add_key(map, fmt::format("no tier ({})", districts_count(none)), k_no_tier);
  const std::size_t unknown_key =
      unknown == 0 ? none_key
                   : add_key(map,
                             fmt::format("undecided: not known from devo's data ({})",
                                         districts_count(unknown)),
                             k_no_tier, MapPattern::hatch);
  for (DistrictIndex district = 0; district < atlas.districts.size(); ++district) {
    const Reached& r = reach[district];
    const std::string status =
        r.kind == Reached::Kind::tier
            ? fmt::format("{} reaches {}", decider[district], tier_title(rules, r.tier))
        : r.kind == Reached::Kind::none ? fmt::format("{} reaches no tier", decider[district])
                                        : fmt::format("{}: undecided", decider[district]);
    const std::size_t key = r.kind == Reached::Kind::tier   ? tier_key[r.tier]
                            : r.kind == Reached::Kind::none ? none_key
                                                            : unknown_key;
    map.areas.push_back(MapArea{atlas.districts[district].code,
                                district_title(atlas, district, status), key,
                                district_rings(*atlas.shapes, district)});
  }
}

void outline_institutions(const Atlas& atlas, Map& map) {
  for (const Institution& institution : atlas.institutions) {
    if (strategic(institution)) {
      map.outlines.push_back(MapOutline{institution.name, MapLine::institution,
                                        outline_rings(*atlas.shapes, institution.districts)});
    }
  }
  add_line_key(map, "an existing combined authority, combined county authority or the GLA",
               MapLine::institution);
}

std::string_view colour_words(MapColour colour) {
  switch (colour) {
    case MapColour::tier:
      return "by the tier reached by the institution each district is in (elsewhere by its "
             "county council, or by its own council where there is no county council)";
    case MapColour::reachable:
      return "by the tier each district's own council could reach alone (the county council, "
             "for a district of a two-tier county)";
    case MapColour::institution:
      return "by the devolution institution each district is in";
    case MapColour::police:
      return "by police force area";
    case MapColour::fire:
      return "by fire and rescue authority area";
    case MapColour::icb:
      return "by the integrated care board area most of each district is in";
    case MapColour::change:
      break;
  }
  return "by what changed";
}

// ---------------------------------------------------------------- a diff

// How the subject covering a district changed.
enum class Change { gained, higher, lower, lost, different, powers, unchanged };

Change tier_change(const RuleSet& to_rules, const SubjectChange& change) {
  if (change.from_tier == change.to_tier) {
    return Change::powers;
  }
  if (change.from_tier.empty()) {
    return Change::gained;
  }
  if (change.to_tier.empty()) {
    return Change::lost;
  }
  const auto from = to_rules.tier_index(change.from_tier);
  const auto to = to_rules.tier_index(change.to_tier);
  if (!from || !to) {
    return Change::different;
  }
  return *to > *from ? Change::higher : Change::lower;
}

Change power_change(const SubjectChange& change, std::string_view power) {
  for (const PowerChange& changed : change.powers) {
    if (changed.id != power) {
      continue;
    }
    if (changed.to == PowerStatus::available) {
      return Change::gained;
    }
    return changed.from == PowerStatus::available ? Change::lost : Change::different;
  }
  return Change::unchanged;
}

struct ChangeKey {
  Change change;
  std::string_view words;
  std::string_view colour;
  MapPattern pattern;
};

std::vector<ChangeKey> change_keys(bool of_power) {
  if (of_power) {
    return {
        {Change::gained, "becomes available", "#0072b2", MapPattern::none},
        {Change::lost, "is no longer available", "#d55e00", MapPattern::hatch},
        {Change::different, "changes otherwise (to or from unknown)", "#f0e442", MapPattern::dots},
        {Change::unchanged, "unchanged", "#f3f2f1", MapPattern::none}};
  }
  return {{Change::gained, "reaches a tier where it reached none", "#0072b2", MapPattern::none},
          {Change::higher, "reaches a higher tier", "#56b4e9", MapPattern::none},
          {Change::lower, "reaches a lower tier", "#e69f00", MapPattern::hatch},
          {Change::lost, "reaches no tier where it reached one", "#d55e00", MapPattern::hatch},
          {Change::different, "reaches a tier of the other rule set", "#f0e442", MapPattern::dots},
          {Change::powers, "same tier, some powers change", "#cc79a7", MapPattern::dots},
          {Change::unchanged, "unchanged", "#f3f2f1", MapPattern::none}};
}

}  // namespace

// ------------------------------------------------------------ the use cases

std::optional<Map> subject_map(const Geography& england, const EvaluateResult& evaluation,
                               MapColour colour) {
  const Atlas& atlas = geography::atlas_of(england);
  if (!atlas.shapes || evaluation.facts.subject.districts.empty()) {
    return std::nullopt;
  }
  SubjectScene scene = scene_of(atlas, evaluation.facts);
  if (scene.members.empty()) {
    return std::nullopt;
  }
  Map map;
  const Subject& subject = evaluation.facts.subject;
  map.title = subject.name;
  const Reached reach = reached(evaluation.decision);
  map.subtitle =
      fmt::format("{} under {} on {}",
                  reach.kind == Reached::Kind::tier
                      ? fmt::format("Reaches {}", tier_title(*evaluation.rules, reach.tier))
                  : reach.kind == Reached::Kind::unknown ? std::string("Tier undecided")
                                                         : std::string("Reaches no tier"),
                  evaluation.rules->id, evaluation.receipt.as_of.to_string());
  map.frame = scene.frame;
  const Grouped grouped{atlas, scene.shapes, scene.drawn, scene.member, subject.name, scene.frame};
  if (const auto kind = service_area_of(colour)) {
    fill_by_groups(grouped, service_groups(atlas, *kind),
                   fmt::format("in no {} drawn", words_of(*kind).label), map);
  } else if (colour == MapColour::institution) {
    fill_by_groups(grouped, institution_groups(atlas), "in no devolution institution", map);
  } else {
    fill_by_tier(scene, *evaluation.rules, evaluation.decision, map);
  }
  add_line_key(map, fmt::format("the boundary of {}", subject.name), MapLine::subject);
  add_splits(scene, map);
  add_overlaps(scene, map);
  // Last, so that no other line hides it where they run together.
  map.outlines.push_back(MapOutline{fmt::format("the boundary of {}", subject.name),
                                    MapLine::subject, outline_rings(scene.shapes, scene.members)});
  add_district_labels(scene, map);
  add_subject_notes(scene, map);
  map.description = subject_description(scene, map);
  map.inset = MapInset{outline_rings(scene.shapes, every_district(atlas)),
                       outline_rings(scene.shapes, scene.members)};
  map.attribution = attribution_of(atlas);
  map.receipt = receipt_lines(evaluation.receipt);
  return map;
}

std::optional<Map> england_map(const Geography& england, const EnglandEvaluation& evaluation,
                               MapColour colour) {
  const Atlas& atlas = geography::atlas_of(england);
  if (!atlas.shapes || !evaluation.rules) {
    return std::nullopt;
  }
  Map map;
  map.title = fmt::format("England under {}", evaluation.rules->id);
  map.subtitle =
      fmt::format("{}, on {}", evaluation.rules->title, evaluation.receipt.as_of.to_string());
  const auto all = every_district(atlas);
  map.frame = box_of(outline_rings(*atlas.shapes, all));
  if (const auto kind = service_area_of(colour)) {
    const std::vector<bool> no_subject;
    fill_by_groups(Grouped{atlas, *atlas.shapes, all, no_subject, {}, map.frame, true},
                   service_groups(atlas, *kind), fmt::format("in no {}", words_of(*kind).label),
                   map);
  } else if (colour == MapColour::institution) {
    const std::vector<bool> no_subject;
    fill_by_groups(Grouped{atlas, *atlas.shapes, all, no_subject, {}, map.frame, true},
                   institution_groups(atlas), "in no devolution institution", map);
    add_line_key(map, "an existing combined authority, combined county authority or the GLA",
                 MapLine::institution);
  } else {
    fill_england_by_tier(atlas, evaluation, colour == MapColour::reachable, map);
    outline_institutions(atlas, map);
  }
  map.description = fmt::format(
      "A map of England's {} local authority districts, coloured {}, under the "
      "rule set {} on {}.",
      atlas.districts.size(), colour_words(colour), evaluation.rules->id,
      evaluation.receipt.as_of.to_string());
  map.notes.push_back(fmt::format("Coloured {}.", colour_words(colour)));
  map.attribution = attribution_of(atlas);
  map.receipt = receipt_lines(evaluation.receipt);
  return map;
}

std::optional<Map> diff_map(const Geography& england, const DiffResult& diff,
                            std::string_view power) {
  const Atlas& atlas = geography::atlas_of(england);
  if (!atlas.shapes) {
    return std::nullopt;
  }
  const auto institution_of = institution_of_each(atlas);
  std::map<std::string, const SubjectChange*, std::less<>> changes;
  for (const SubjectChange& change : diff.report.changes) {
    changes.emplace(subject_key(change.subject), &change);
  }
  Map map;
  const std::string sides =
      diff.from_receipt.ruleset == diff.to_receipt.ruleset
          ? fmt::format("{} on {} and on {}", diff.to_receipt.ruleset,
                        diff.from_receipt.as_of.to_string(), diff.to_receipt.as_of.to_string())
          : fmt::format("{} ({}) and {} ({})", diff.from_receipt.ruleset,
                        diff.from_receipt.as_of.to_string(), diff.to_receipt.ruleset,
                        diff.to_receipt.as_of.to_string());
  map.title = power.empty() ? "What changes between two rule sets"
                            : fmt::format("What changes for the power {}", power);
  map.subtitle = fmt::format("Between {}", sides);
  map.frame = box_of(outline_rings(*atlas.shapes, every_district(atlas)));
  const auto keys = change_keys(!power.empty());
  std::map<Change, std::size_t> key_of;
  std::map<Change, std::size_t> count;
  std::vector<Change> change_of(atlas.districts.size(), Change::unchanged);
  for (DistrictIndex district = 0; district < atlas.districts.size(); ++district) {
    const auto found = changes.find(covering(atlas, institution_of, district));
    if (found != changes.end()) {
      change_of[district] = power.empty() ? tier_change(*diff.to, *found->second)
                                          : power_change(*found->second, power);
    }
    ++count[change_of[district]];
  }
  for (const ChangeKey& key : keys) {
    if (count[key.change] == 0) {
      continue;
    }
    key_of[key.change] =
        add_key(map, fmt::format("{} ({})", key.words, districts_count(count[key.change])),
                key.colour, key.pattern);
  }
  for (DistrictIndex district = 0; district < atlas.districts.size(); ++district) {
    const ChangeKey& key = *std::find_if(keys.begin(), keys.end(), [&](const ChangeKey& k) {
      return k.change == change_of[district];
    });
    map.areas.push_back(
        MapArea{atlas.districts[district].code, district_title(atlas, district, key.words),
                key_of[change_of[district]], district_rings(*atlas.shapes, district)});
  }
  outline_institutions(atlas, map);
  map.notes.push_back(
      "Each district is coloured by the change to the institution it is in (elsewhere to its "
      "county council, or to its own council where there is no county council).");
  map.description = fmt::format(
      "A map of England's {} districts, coloured by what changes {}.", atlas.districts.size(),
      power.empty() ? std::string("in the tier reached") : fmt::format("for the power {}", power));
  map.attribution = attribution_of(atlas);
  map.receipt = receipt_lines(diff.from_receipt);
  for (std::string& line : receipt_lines(diff.to_receipt)) {
    // Both sides on the same data: its line once.
    if (std::find(map.receipt.begin(), map.receipt.end(), line) == map.receipt.end()) {
      map.receipt.push_back(std::move(line));
    }
  }
  return map;
}

namespace {

bool reports_no_shapes(const Geography& england, const Given& data, Diagnostics& diags) {
  if (geography::atlas_of(england).shapes) {
    return false;
  }
  diags.error(data.at, std::string(codes::no_shapes),
              fmt::format("the data in '{}' has no districts' shapes (arcs.csv and "
                          "district_rings.csv), so there is no map to draw; devo's built-in "
                          "data has them",
                          data.text));
  return true;
}

// `reachable` colours England, `change` a diff: neither fits a subject's map.
bool colour_fits(const MapRequest& request, Diagnostics& diags) {
  const bool fits = request.colour != MapColour::change &&
                    (request.all || request.colour != MapColour::reachable);
  if (!fits) {
    diags.error(request.colour_at, std::string(codes::usage),
                request.colour == MapColour::change
                    ? "the colouring 'change' is for a map of a diff between two rule sets"
                    : "the colouring 'reachable' is for a map of all England: a subject's map "
                      "shows the tier it reaches");
  }
  return fits;
}

std::optional<Map> map_of_england(const MapRequest& request, Diagnostics& diags) {
  const auto as_of = resolve_date(request.inputs.as_of, diags);
  auto rules = as_of ? resolve_rules(request.inputs.rules, *as_of, diags) : nullptr;
  auto england = rules ? resolve_geography(request.inputs.data, diags) : std::nullopt;
  if (!england || diags.has_errors() || reports_no_shapes(*england, request.inputs.data, diags)) {
    return std::nullopt;
  }
  EnglandEvaluation evaluation = evaluate_every_authority(*england, rules, *as_of, diags);
  if (diags.has_errors()) {
    return std::nullopt;
  }
  evaluation.receipt = make_receipt(*rules, *as_of, england->info());
  return england_map(*england, evaluation, request.colour);
}

}  // namespace

const std::vector<std::string>& map_colour_names() {
  static const std::vector<std::string> names = {"tier", "reachable", "institution", "police",
                                                 "fire", "icb",       "change"};
  return names;
}

std::optional<MapColour> map_colour(std::string_view name) {
  const auto& names = map_colour_names();
  const auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) {
    return std::nullopt;
  }
  return static_cast<MapColour>(found - names.begin());
}

std::optional<Map> map(const MapRequest& request, Diagnostics& diags) {
  if (!colour_fits(request, diags)) {
    return std::nullopt;
  }
  if (request.all) {
    return map_of_england(request, diags);
  }
  const auto evaluation = evaluate(EvaluateRequest{request.subject, request.inputs, {}}, diags);
  auto england = evaluation ? resolve_geography(request.inputs.data, diags) : std::nullopt;
  if (!england || reports_no_shapes(*england, request.inputs.data, diags)) {
    return std::nullopt;
  }
  auto drawn = subject_map(*england, *evaluation, request.colour);
  if (!drawn) {
    diags.error(request.subject.name.at, std::string(codes::usage),
                fmt::format("'{}' gives facts, not councils: there is no place to draw",
                            request.subject.name.text));
  }
  return drawn;
}

std::optional<Map> map_of(const EvaluateResult& evaluation, const Given& data) {
  Diagnostics ignored;
  const auto england = resolve_geography(data, ignored);
  return england ? subject_map(*england, evaluation, MapColour::tier) : std::nullopt;
}

std::optional<Map> map_of(const ValidateRequest& request) {
  // The map is an extra: problems with the proposal are the validation's to
  // report.
  Diagnostics ignored;
  const auto as_of = resolve_date(request.inputs.as_of, ignored);
  auto rules = as_of ? resolve_rules(request.inputs.rules, *as_of, ignored) : nullptr;
  auto subject =
      rules ? resolve_subject(request.proposal, request.inputs.data, *rules, *as_of, ignored)
            : std::nullopt;
  auto england = subject ? resolve_geography(request.inputs.data, ignored) : std::nullopt;
  if (!england) {
    return std::nullopt;
  }
  const CompiledRules compiled(rules);
  Decision decision = compiled.evaluate(subject->facts, EvaluateOptions{false, *as_of});
  const Receipt receipt = make_receipt(*rules, *as_of, subject->data);
  const EvaluateResult evaluation{rules, std::move(subject->facts), std::move(decision), receipt};
  return subject_map(*england, evaluation, MapColour::tier);
}

std::optional<Map> map_of(const DiffResult& diff, const Given& data, const Given& power,
                          Diagnostics& diags) {
  if (!power.empty()) {
    const auto has = [](const RuleSet& rules, std::string_view id) {
      return std::any_of(rules.powers.begin(), rules.powers.end(),
                         [&](const Power& p) { return p.id == id; });
    };
    if (!has(*diff.from, power.text) || !has(*diff.to, power.text)) {
      std::vector<std::string> both;
      for (const Power& p : diff.to->powers) {
        if (has(*diff.from, p.id)) {
          both.push_back(p.id);
        }
      }
      diags.error(power.at, std::string(codes::undefined_power),
                  fmt::format("'{}' is not a power of both {} and {}; a map of a change needs "
                              "one they share{}",
                              power.text, diff.from->id, diff.to->id,
                              support::did_you_mean(power.text, both)));
      return std::nullopt;
    }
  }
  auto england = resolve_geography(data, diags);
  if (!england || reports_no_shapes(*england, data, diags)) {
    return std::nullopt;
  }
  return diff_map(*england, diff, power.text);
}

}  // namespace devo::app
