// The maps of all England: every district by the tier reached by the
// institution it is in (or its own council), by what its council could reach
// alone, by institution or public-service area; and a diff, by what changes.

#include "app/map_drawing.hpp"
#include "geography/access.hpp"

#include <devo/app.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace devo::app {
namespace {

using namespace drawing;

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

}  // namespace devo::app
