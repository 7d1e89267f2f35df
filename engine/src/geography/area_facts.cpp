#include "geography/area_facts.hpp"

#include "geography/checked_arithmetic.hpp"
#include "support/words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace devo::geography {
namespace {

// Long lists are cut: a reader needs the first few names and the count.
constexpr std::size_t k_longest_list = 8;

using Members = std::vector<bool>;

Members membership(const detail::Atlas& atlas, const std::vector<DistrictIndex>& districts) {
  Members members(atlas.districts.size(), false);
  for (DistrictIndex district : districts) {
    members[district] = true;
  }
  return members;
}

std::vector<DistrictIndex> outside(const std::vector<DistrictIndex>& districts,
                                   const Members& members) {
  std::vector<DistrictIndex> result;
  for (DistrictIndex district : districts) {
    if (!members[district]) {
      result.push_back(district);
    }
  }
  return result;
}

// The sum of the districts' populations. The atlas refuses data whose
// England total passes 64 bits, and populations are not negative, so no sum
// of some districts can: the saturated value is never reached.
std::int64_t population_of(const detail::Atlas& atlas, const std::vector<DistrictIndex>& list) {
  CheckedTotal total;
  for (DistrictIndex district : list) {
    total.add(atlas.districts[district].population);
  }
  return total.value().value_or(std::numeric_limits<std::int64_t>::max());
}

std::string is_or_are(std::size_t count) {
  return count == 1 ? "is" : "are";
}

// "; the Isle of Wight, which has no land boundary, is joined to the rest
// by sea", for an area holding an island and the mainland it is linked to.
std::string joined_by_sea(const detail::Atlas& atlas, const std::vector<DistrictIndex>& districts) {
  std::vector<std::string> islands;
  std::vector<std::string> police;
  for (DistrictIndex district : districts) {
    if (atlas.districts[district].island) {
      islands.push_back(atlas.districts[district].name);
      police.push_back(atlas.police_force_areas[atlas.districts[district].police_force_area].name);
    }
  }
  if (islands.empty()) {
    return "";
  }
  std::sort(police.begin(), police.end());
  police.erase(std::unique(police.begin(), police.end()), police.end());
  return fmt::format(
      "; {}, which {} no land boundary, {} joined to the rest by sea, as part of the {} police "
      "force area{}",
      support::join_words(islands), islands.size() == 1 ? "has" : "have",
      islands.size() == 1 ? "is" : "are", support::join_words(police),
      police.size() == 1 ? "" : "s");
}

void add_population(const detail::Atlas& atlas, const AreaSubject& area, FactInput& facts) {
  facts.values["population"] = population_of(atlas, area.districts);
  if (!area.notes) {
    return;
  }
  facts.notes["population"] =
      area.districts.size() == 1
          ? "the ONS estimate for the district"
          : fmt::format("the sum of the ONS estimates for its {} districts", area.districts.size());
}

void add_contiguity(const detail::Atlas& atlas, const AreaSubject& area, FactInput& facts) {
  const auto pieces = atlas.graph->pieces(area.districts);
  facts.values["contiguous"] = pieces.size() <= 1;
  if (!area.notes) {
    return;
  }
  if (pieces.size() <= 1) {
    facts.notes["contiguous"] =
        area.districts.size() == 1
            ? "a single district"
            : fmt::format("its {} districts form one connected area{}", area.districts.size(),
                          joined_by_sea(atlas, area.districts));
    return;
  }
  std::vector<std::string> parts;
  for (const auto& piece : pieces) {
    parts.push_back(districts_in_words(atlas, piece));
  }
  facts.notes["contiguous"] = fmt::format("the area is in {} pieces that do not touch: {}",
                                          pieces.size(), fmt::join(parts, "; "));
}

// Whole county geography: every county of the Lieutenancies Act the area
// touches is covered whole, or its county council's whole area is (with any of
// the county's other councils); or the area is an existing institution's.
// A county touched only by a district split between two (Stockton-on-Tees)
// does not count against it.
void add_whole_counties(const detail::Atlas& atlas, const AreaSubject& area, const Members& members,
                        const Institution* same_as, FactInput& facts) {
  std::set<std::size_t> touched;
  for (DistrictIndex district : area.districts) {
    for (std::size_t county : atlas.ceremonial_counties_of[district]) {
      const auto& partly = atlas.ceremonial_counties[county].partly;
      if (std::find(partly.begin(), partly.end(), district) == partly.end()) {
        touched.insert(county);
      }
    }
  }
  std::vector<std::string> whole;
  std::vector<std::string> split;
  for (std::size_t index : touched) {
    const CeremonialCounty& county = atlas.ceremonial_counties[index];
    const auto missing = outside(county.districts, members);
    const bool council_whole = !county.county_council_districts.empty() &&
                               outside(county.county_council_districts, members).empty();
    if (!area.notes) {
      if (!missing.empty() && !council_whole) {
        split.emplace_back();
        break;
      }
      continue;
    }
    if (missing.empty()) {
      whole.push_back(county.name);
    } else if (council_whole) {
      whole.push_back(fmt::format("{} (its county council's whole area, without {})", county.name,
                                  districts_in_words(atlas, missing)));
    } else {
      split.push_back(
          fmt::format("{} is split: {} left out", county.name, districts_are(atlas, missing)));
    }
  }
  const bool institution_area = same_as != nullptr;
  facts.values["whole_counties"] = split.empty() || institution_area;
  if (!area.notes) {
    return;
  }
  if (split.empty()) {
    facts.notes["whole_counties"] =
        fmt::format("it covers whole county areas: {}", support::join_words(whole));
  } else if (institution_area) {
    facts.notes["whole_counties"] =
        fmt::format("it is the area of {}, an existing institution; on county lines, {}",
                    same_as->name, fmt::join(split, "; "));
  } else {
    facts.notes["whole_counties"] = fmt::format("{}", fmt::join(split, "; "));
  }
}

// Which areas of one kind (police force areas, say) each district lies in.
// "the Cheshire police force area", but "the Metropolitan Police area": a name
// that already says what it is does not need the label again.
std::string area_in_words(const Area& area, std::string_view label) {
  for (std::string_view kind : {" Police", " Authority", " Board"}) {
    if (area.name.ends_with(kind)) {
      return fmt::format("the {} area", area.name);
    }
  }
  return fmt::format("the {} {}", area.name, label);
}

// The facts about one kind of public-service area (police force areas, fire
// and rescue authorities, ICBs).
struct AreaKind {
  const std::vector<Area>& areas;
  const AreasOf& areas_of;
  // The facts: the codes touched, exactly one whole area, and (for police and
  // fire, whose areas hold whole districts) how the area aligns.
  std::string_view codes_fact;
  std::string_view fact;
  std::string_view alignment_fact;
  std::string_view label;
};

// How an area lines up with areas of one kind: exactly one whole area, two or
// more whole areas together, or parts of areas.
std::string_view alignment_of(std::size_t touched, bool all_whole) {
  if (!all_whole) {
    return "partial";
  }
  return touched == 1 ? "one_area" : "several_whole_areas";
}

// How many of the subject's people live in each area touched (by index).
std::map<std::size_t, std::int64_t> population_by_area(const detail::Atlas& atlas,
                                                       const std::vector<DistrictIndex>& districts,
                                                       const AreasOf& areas_of) {
  std::map<std::size_t, std::int64_t> population_in;
  for (DistrictIndex district : districts) {
    for (std::size_t touched : areas_of[district]) {
      // Saturates rather than wraps; see population_of.
      std::int64_t& sum = population_in[touched];
      sum = checked_add(sum, atlas.districts[district].population)
                .value_or(std::numeric_limits<std::int64_t>::max());
    }
  }
  return population_in;
}

// The main area (most of the subject's people, the first in order on a tie),
// the districts in each other area, and what the main area also covers.
AreaSplit split_around_main(const std::vector<DistrictIndex>& districts, const Members& members,
                            const std::vector<Area>& areas, const AreasOf& areas_of,
                            const std::map<std::size_t, std::int64_t>& population_in) {
  AreaSplit split;
  for (const auto& [index, population] : population_in) {
    split.touched.push_back(index);
  }
  split.main = population_in.begin()->first;
  for (const auto& [index, population] : population_in) {
    if (population > population_in.at(split.main)) {
      split.main = index;
    }
  }
  for (DistrictIndex district : districts) {
    for (std::size_t touched : areas_of[district]) {
      if (touched != split.main) {
        split.breakers[touched].push_back(district);
      }
    }
  }
  split.missing = outside(areas[split.main].districts, members);
  return split;
}

// Coterminosity with exactly one whole area of a kind: the codes touched, and
// when it fails, the councils that break it and what the main area also covers.
void add_coterminosity(const detail::Atlas& atlas, const AreaSubject& area, const Members& members,
                       const AreaKind& kind, FactInput& facts) {
  const std::vector<Area>& areas = kind.areas;
  const AreasOf& areas_of = kind.areas_of;
  const std::string_view label = kind.label;
  const std::string fact(kind.fact);
  const auto population_in = population_by_area(atlas, area.districts, areas_of);
  Codes codes;
  bool all_whole = true;
  for (const auto& [index, population] : population_in) {
    codes.push_back(areas[index].code);
    all_whole = all_whole && outside(areas[index].districts, members).empty();
  }
  std::sort(codes.begin(), codes.end());
  facts.values[std::string(kind.codes_fact)] = codes;
  const std::string_view alignment = alignment_of(population_in.size(), all_whole);
  if (!kind.alignment_fact.empty()) {
    facts.values[std::string(kind.alignment_fact)] = std::string(alignment);
  }
  if (!area.notes) {
    // Coterminous: one area touched, and all of it.
    facts.values[fact] = alignment == "one_area";
    return;
  }
  std::vector<std::string> names;
  for (const auto& [index, population] : population_in) {
    names.push_back(areas[index].name);
  }
  std::sort(names.begin(), names.end());
  facts.notes[std::string(kind.codes_fact)] = support::join_words(names);

  const AreaSplit split =
      split_around_main(area.districts, members, areas, areas_of, population_in);
  const Area& main_area = areas[split.main];
  const auto& breakers = split.breakers;
  const auto& missing = split.missing;
  const bool coterminous = breakers.empty() && missing.empty();
  facts.values[fact] = coterminous;
  if (coterminous) {
    facts.notes[fact] = area_in_words(main_area, label);
    if (!kind.alignment_fact.empty()) {
      facts.notes[std::string(kind.alignment_fact)] = facts.notes[fact];
    }
    return;
  }
  if (alignment == "several_whole_areas") {
    std::vector<std::string> whole;
    for (const auto& [index, population] : population_in) {
      whole.push_back(area_in_words(areas[index], label));
    }
    std::sort(whole.begin(), whole.end());
    const std::string words =
        fmt::format("the area is exactly {} together", support::join_words(whole));
    facts.notes[fact] = words;
    if (!kind.alignment_fact.empty()) {
      facts.notes[std::string(kind.alignment_fact)] = words;
    }
    return;
  }
  std::vector<std::string> clauses;
  for (const auto& [index, districts] : breakers) {
    // A district the data puts in two areas is only partly in this one.
    std::vector<DistrictIndex> wholly;
    std::vector<DistrictIndex> partly;
    for (DistrictIndex district : districts) {
      const auto& touched = areas_of[district];
      const bool also_in_main =
          std::find(touched.begin(), touched.end(), split.main) != touched.end();
      (also_in_main ? partly : wholly).push_back(district);
    }
    if (!wholly.empty()) {
      clauses.push_back(fmt::format("{} in {}", districts_are(atlas, wholly),
                                    area_in_words(areas[index], label)));
    }
    if (!partly.empty()) {
      clauses.push_back(fmt::format("{} partly in {}", districts_are(atlas, partly),
                                    area_in_words(areas[index], label)));
    }
  }
  if (!breakers.empty()) {
    clauses.push_back(fmt::format("the rest in {}", area_in_words(main_area, label)));
  }
  if (!missing.empty()) {
    clauses.push_back(fmt::format("{} also covers {}", area_in_words(main_area, label),
                                  districts_in_words(atlas, missing)));
  }
  facts.notes[fact] = fmt::format("{}", fmt::join(clauses, "; "));
  if (!kind.alignment_fact.empty()) {
    facts.notes[std::string(kind.alignment_fact)] = facts.notes[fact];
  }
}

bool intersects(const std::vector<DistrictIndex>& sorted, const Members& members) {
  return std::any_of(sorted.begin(), sorted.end(),
                     [&](DistrictIndex district) { return members[district]; });
}

// Strategic institutions (combined authorities and the GLA), other than the
// subject itself, that share districts with it. A single council's own deal
// is not one: that council may still join a combined authority.
std::vector<const Institution*> overlapping(const detail::Atlas& atlas, const AreaSubject& area,
                                            const Members& members) {
  std::vector<const Institution*> result;
  for (const Institution& institution : atlas.institutions) {
    if (&institution != area.itself && institution.kind != "single_council_deal" &&
        intersects(institution.districts, members)) {
      result.push_back(&institution);
    }
  }
  return result;
}

void add_overlaps(const detail::Atlas& atlas, const AreaSubject& area,
                  const std::vector<const Institution*>& others, FactInput& facts) {
  Codes codes;
  std::vector<std::string> clauses;
  for (const Institution* institution : others) {
    const Members theirs = membership(atlas, institution->districts);
    std::vector<std::string> names;
    for (const std::string& council : area.councils) {
      if (intersects(districts_of_council(atlas, council), theirs)) {
        codes.push_back(council);
        if (area.notes) {
          names.push_back(council_name(atlas, council));
        }
      }
    }
    if (!names.empty()) {
      clauses.push_back(fmt::format("{} {} already in {}", support::join_words(names),
                                    is_or_are(names.size()), institution->name));
    }
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  facts.values["overlaps"] = codes;
  if (!area.notes) {
    return;
  }
  facts.notes["overlaps"] = clauses.empty()
                                ? "none of its councils is in another devolution institution"
                                : fmt::format("{}", fmt::join(clauses, "; "));
}

// A district outside the subject and outside every institution is stranded
// when each of its neighbours is in the subject or in an institution, and the
// subject is one of them. Institutions the subject overlaps would be
// reshaped by it, so their other members do not count as covered.
void add_islands(const detail::Atlas& atlas, const AreaSubject& area, const Members& members,
                 const std::vector<const Institution*>& others, FactInput& facts) {
  Members covered(atlas.districts.size(), false);
  for (const Institution& institution : atlas.institutions) {
    const bool reshaped = std::find(others.begin(), others.end(), &institution) != others.end();
    if (&institution == area.itself || reshaped) {
      continue;
    }
    for (DistrictIndex district : institution.districts) {
      covered[district] = true;
    }
  }
  Codes codes;
  std::vector<std::string> clauses;
  for (DistrictIndex district = 0; district < atlas.districts.size(); ++district) {
    const auto& neighbours = atlas.graph->neighbours(district);
    if (members[district] || covered[district] || neighbours.empty()) {
      continue;
    }
    const bool stranded = std::all_of(neighbours.begin(), neighbours.end(),
                                      [&](DistrictIndex n) { return members[n] || covered[n]; });
    if (stranded && intersects(neighbours, members)) {
      codes.push_back(atlas.districts[district].code);
      if (!area.notes) {
        continue;
      }
      clauses.push_back(fmt::format(
          "{} would be left with no neighbour outside a devolution institution (its neighbours: "
          "{})",
          atlas.districts[district].name, districts_in_words(atlas, neighbours)));
    }
  }
  facts.values["devolution_islands"] = codes;
  if (!area.notes) {
    return;
  }
  facts.notes["devolution_islands"] =
      clauses.empty() ? "no neighbouring district is left surrounded by devolution institutions"
                      : fmt::format("{}", fmt::join(clauses, "; "));
}

}  // namespace

std::string districts_in_words(const detail::Atlas& atlas,
                               const std::vector<DistrictIndex>& districts) {
  std::size_t named = 0;
  return districts_in_words(atlas, districts, named);
}

std::string districts_in_words(const detail::Atlas& atlas,
                               const std::vector<DistrictIndex>& districts, std::size_t& named) {
  const Members members = membership(atlas, districts);
  std::set<std::size_t> whole_counties;
  for (DistrictIndex district : districts) {
    const auto county = atlas.districts[district].county;
    if (county && outside(atlas.counties[*county].districts, members).empty()) {
      whole_counties.insert(*county);
    }
  }
  std::vector<std::string> names;
  for (std::size_t county : whole_counties) {
    names.push_back(atlas.counties[county].name);
  }
  for (DistrictIndex district : districts) {
    const auto county = atlas.districts[district].county;
    if (!county || !whole_counties.contains(*county)) {
      names.push_back(atlas.districts[district].name);
    }
  }
  if (names.size() > k_longest_list) {
    const std::size_t rest = names.size() - (k_longest_list - 1);
    names.resize(k_longest_list - 1);
    names.push_back(fmt::format("{} more", rest));
  }
  named = names.size();
  return support::join_words(names);
}

std::string districts_are(const detail::Atlas& atlas, const std::vector<DistrictIndex>& districts) {
  std::size_t named = 0;
  std::string words = districts_in_words(atlas, districts, named);
  return fmt::format("{} {}", words, is_or_are(named));
}

std::vector<DistrictIndex> districts_of_council(const detail::Atlas& atlas, std::string_view code) {
  if (auto district = atlas.district_by_code.find(code); district != atlas.district_by_code.end()) {
    return {district->second};
  }
  if (auto county = atlas.county_by_code.find(code); county != atlas.county_by_code.end()) {
    return atlas.counties[county->second].districts;
  }
  return {};
}

std::string council_name(const detail::Atlas& atlas, std::string_view code) {
  if (auto district = atlas.district_by_code.find(code); district != atlas.district_by_code.end()) {
    return atlas.districts[district->second].name;
  }
  if (auto county = atlas.county_by_code.find(code); county != atlas.county_by_code.end()) {
    return atlas.counties[county->second].name + " County Council";
  }
  return std::string(code);
}

const Institution* institution_with_area(const detail::Atlas& atlas,
                                         const std::vector<DistrictIndex>& districts) {
  for (const Institution& institution : atlas.institutions) {
    if (institution.districts == districts) {
      return &institution;
    }
  }
  return nullptr;
}

const std::vector<Area>& service_areas(const detail::Atlas& atlas, ServiceArea kind) {
  switch (kind) {
    case ServiceArea::police:
      return atlas.police_force_areas;
    case ServiceArea::fire:
      return atlas.fire_authorities;
    case ServiceArea::icb:
      break;
  }
  return atlas.icbs;
}

const AreasOf& service_areas_of(const detail::Atlas& atlas, ServiceArea kind) {
  switch (kind) {
    case ServiceArea::police:
      return atlas.police_force_areas_of;
    case ServiceArea::fire:
      return atlas.fire_authorities_of;
    case ServiceArea::icb:
      break;
  }
  return atlas.icbs_of;
}

std::optional<AreaSplit> split_of(const detail::Atlas& atlas,
                                  const std::vector<DistrictIndex>& districts, ServiceArea kind) {
  const AreasOf& areas_of = service_areas_of(atlas, kind);
  const auto population_in = population_by_area(atlas, districts, areas_of);
  if (population_in.empty()) {
    return std::nullopt;
  }
  return split_around_main(districts, membership(atlas, districts), service_areas(atlas, kind),
                           areas_of, population_in);
}

void add_area_facts(const detail::Atlas& atlas, const AreaSubject& area, FactInput& facts) {
  if (area.districts.empty()) {
    return;
  }
  const Institution* same_as =
      area.itself != nullptr ? area.itself : institution_with_area(atlas, area.districts);
  const Members members = membership(atlas, area.districts);
  add_population(atlas, area, facts);
  add_contiguity(atlas, area, facts);
  add_whole_counties(atlas, area, members, same_as, facts);
  add_coterminosity(
      atlas, area, members,
      AreaKind{atlas.police_force_areas, atlas.police_force_areas_of, "police_force_areas",
               "police_coterminous", "police_alignment", "police force area"},
      facts);
  add_coterminosity(
      atlas, area, members,
      AreaKind{atlas.fire_authorities, atlas.fire_authorities_of, "fire_authorities",
               "fire_coterminous", "fire_alignment", "fire and rescue authority area"},
      facts);
  add_coterminosity(atlas, area, members,
                    AreaKind{atlas.icbs, atlas.icbs_of, "icbs", "icb_coterminous", "",
                             "integrated care board area"},
                    facts);
  const auto others = overlapping(atlas, area, members);
  add_overlaps(atlas, area, others, facts);
  add_islands(atlas, area, members, others, facts);
}

}  // namespace devo::geography
