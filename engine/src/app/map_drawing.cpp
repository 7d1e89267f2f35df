// What the maps share: see map_drawing.hpp.

#include "app/map_drawing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace devo::app::drawing {
namespace {

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

}  // namespace

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

MapPoint label_at(const std::vector<MapRing>& rings) {
  const geography::Point point = geography::label_point(grid_rings(rings));
  return MapPoint{point.x, point.y};
}

MapBox box_of(const std::vector<MapRing>& rings) {
  const geography::Box box = geography::bounds(grid_rings(rings));
  return MapBox{MapPoint{box.min.x, box.min.y}, MapPoint{box.max.x, box.max.y}};
}

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

std::size_t add_key(Map& map, std::string label, std::string_view colour, MapPattern pattern) {
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

std::string_view tier_colour(std::size_t tier, std::size_t count) {
  const std::size_t last = k_tier_ramp.size() - 1;
  return k_tier_ramp[count <= 1 ? last / 2 : std::min(last, tier * last / (count - 1))];
}

Reached reached(const Decision& decision) {
  if (decision.tier) {
    return Reached{Reached::Kind::tier, *decision.tier};
  }
  if (!decision.tiers.empty() && decision.tiers.front().status == Status::unknown) {
    return Reached{Reached::Kind::unknown, 0};
  }
  return Reached{};
}

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

bool strategic(const Institution& institution) {
  return institution.kind != "single_council_deal";
}

// ------------------------------------------------- who decides for a district

std::string subject_key(const Subject& subject) {
  return subject.code.empty() ? subject.name : subject.code;
}

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

std::string own_council(const Atlas& atlas, DistrictIndex district) {
  const auto& county = atlas.districts[district].county;
  return county ? atlas.counties[*county].code : atlas.districts[district].code;
}

std::string covering(const Atlas& atlas, const std::vector<const Institution*>& institution_of,
                     DistrictIndex district) {
  if (const Institution* institution = institution_of[district]) {
    return institution->code.empty() ? institution->name : institution->code;
  }
  return own_council(atlas, district);
}

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

std::string district_title(const Atlas& atlas, DistrictIndex district, std::string_view status) {
  const auto& d = atlas.districts[district];
  return fmt::format("{} ({}): {}", d.name, d.code, status);
}

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

std::string districts_count(std::size_t count) {
  return fmt::format("{} {}", count, count == 1 ? "district" : "districts");
}

}  // namespace devo::app::drawing
