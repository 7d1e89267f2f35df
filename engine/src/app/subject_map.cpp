// The map of one subject (an authority or a proposal): its districts by the
// tier it reaches, its neighbours, the devolution islands it would leave,
// the police, fire and ICB areas it splits and the institutions it
// overlaps, from the same facts its evaluation has.

#include "app/map_drawing.hpp"
#include "geography/access.hpp"
#include "support/words.hpp"

#include <devo/app.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace devo::app {
namespace {

using namespace drawing;

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

}  // namespace

std::optional<Map> subject_map(const Geography& england, const Evaluation& evaluation,
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
                      ? fmt::format("Reaches {}", tier_title(evaluation.rules, reach.tier))
                  : reach.kind == Reached::Kind::unknown ? std::string("Tier undecided")
                                                         : std::string("Reaches no tier"),
                  evaluation.rules.id, evaluation.receipt.as_of.to_string());
  map.frame = scene.frame;
  const Grouped grouped{atlas, scene.shapes, scene.drawn, scene.member, subject.name, scene.frame};
  if (const auto kind = service_area_of(colour)) {
    fill_by_groups(grouped, service_groups(atlas, *kind),
                   fmt::format("in no {} drawn", words_of(*kind).label), map);
  } else if (colour == MapColour::institution) {
    fill_by_groups(grouped, institution_groups(atlas), "in no devolution institution", map);
  } else {
    fill_by_tier(scene, evaluation.rules, evaluation.decision, map);
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

}  // namespace devo::app
