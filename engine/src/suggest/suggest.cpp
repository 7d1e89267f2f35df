// `devo suggest`: the connected groupings around a subject that would reach a
// target tier, found by growing the subject one neighbouring council at a time
// (geography/groupings) and deciding each grouping with the compiled rules.

#include "support/suggest.hpp"

#include "geography/access.hpp"
#include "geography/area_facts.hpp"
#include "geography/atlas.hpp"
#include "geography/groupings.hpp"
#include "support/words.hpp"

#include <devo/codes.hpp>
#include <devo/computed_facts.hpp>
#include <devo/suggest.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <set>

namespace devo {
namespace {

using geography::DistrictIndex;

// A council the search can add: a single-tier district, or a county council
// with its districts (less any the subject already holds). Place 0 is the
// subject itself.
struct Place {
  std::string code;
  std::string name;
  std::vector<DistrictIndex> districts;
  // The subject's own councils, for place 0.
  std::vector<std::string> councils;
};

struct Places {
  std::vector<Place> places;
  geography::Adjacency adjacency;
  std::vector<bool> allowed;
};

// The strategic institution `subject` is, if it is one of devo's.
const geography::Institution* institution_of(const detail::Atlas& atlas, const Subject& subject) {
  for (const geography::Institution& institution : atlas.institutions) {
    if (institution.kind != "single_council_deal" &&
        (institution.code.empty() ? institution.name == subject.name
                                  : institution.code == subject.code)) {
      return &institution;
    }
  }
  return nullptr;
}

// The combined authority or GLA that already holds every district of the
// subject, if one does: the subject's own, whose other councils it may join
// with, and which a grouping around it would reshape rather than overlap.
const geography::Institution* institution_holding(const detail::Atlas& atlas,
                                                  const std::vector<DistrictIndex>& districts) {
  for (const geography::Institution& institution : atlas.institutions) {
    if (institution.kind == "single_council_deal" || districts.empty()) {
      continue;
    }
    const bool holds_all = std::all_of(districts.begin(), districts.end(), [&](DistrictIndex d) {
      return std::find(institution.districts.begin(), institution.districts.end(), d) !=
             institution.districts.end();
    });
    if (holds_all) {
      return &institution;
    }
  }
  return nullptr;
}

std::vector<DistrictIndex> districts_of(const detail::Atlas& atlas, const Subject& subject) {
  std::vector<DistrictIndex> districts;
  for (const std::string& code : subject.districts) {
    if (auto it = atlas.district_by_code.find(code); it != atlas.district_by_code.end()) {
      districts.push_back(it->second);
    }
  }
  std::sort(districts.begin(), districts.end());
  return districts;
}

Places build_places(const detail::Atlas& atlas, const std::vector<DistrictIndex>& own,
                    const Subject& subject, const geography::Institution* itself) {
  std::vector<bool> in_subject(atlas.districts.size(), false);
  for (DistrictIndex district : own) {
    in_subject[district] = true;
  }
  // Districts already in a combined authority or the GLA cannot be added.
  std::vector<bool> taken(atlas.districts.size(), false);
  for (const geography::Institution& institution : atlas.institutions) {
    if (&institution != itself && institution.kind != "single_council_deal") {
      for (DistrictIndex district : institution.districts) {
        taken[district] = true;
      }
    }
  }
  Places result;
  std::vector<std::uint32_t> place_of(atlas.districts.size(), 0);
  result.places.push_back(Place{subject.code, subject.name, own, subject.councils});
  result.allowed.push_back(false);
  const auto add_place = [&](std::string code, std::string name,
                             const std::vector<DistrictIndex>& districts) {
    Place place{std::move(code), std::move(name), {}, {}};
    bool free = true;
    for (DistrictIndex district : districts) {
      if (!in_subject[district]) {
        place.districts.push_back(district);
        free = free && !taken[district];
      }
    }
    if (place.districts.empty()) {
      return;
    }
    for (DistrictIndex district : place.districts) {
      place_of[district] = static_cast<std::uint32_t>(result.places.size());
    }
    result.places.push_back(std::move(place));
    result.allowed.push_back(free);
  };
  for (const geography::Area& county : atlas.counties) {
    add_place(county.code, county.name + " County Council", county.districts);
  }
  for (DistrictIndex i = 0; i < atlas.districts.size(); ++i) {
    if (!atlas.districts[i].county) {
      add_place(atlas.districts[i].code, atlas.districts[i].name, {i});
    }
  }
  result.adjacency.resize(result.places.size());
  for (DistrictIndex district = 0; district < atlas.districts.size(); ++district) {
    for (DistrictIndex neighbour : atlas.graph->neighbours(district)) {
      const std::uint32_t from = place_of[district];
      const std::uint32_t to = place_of[neighbour];
      auto& list = result.adjacency[from];
      if (from != to && std::find(list.begin(), list.end(), to) == list.end()) {
        list.push_back(to);
      }
    }
  }
  for (auto& list : result.adjacency) {
    std::sort(list.begin(), list.end());
  }
  return result;
}

// Public-service areas of one kind that `members` covers only in part.
std::size_t split_count(const std::vector<geography::Area>& areas,
                        const std::vector<std::vector<std::size_t>>& areas_of,
                        const std::vector<DistrictIndex>& districts,
                        const std::vector<bool>& members) {
  std::set<std::size_t> touched;
  for (DistrictIndex district : districts) {
    touched.insert(areas_of[district].begin(), areas_of[district].end());
  }
  return static_cast<std::size_t>(std::count_if(touched.begin(), touched.end(), [&](std::size_t a) {
    return std::any_of(areas[a].districts.begin(), areas[a].districts.end(),
                       [&](DistrictIndex d) { return !members[d]; });
  }));
}

std::size_t split_areas(const detail::Atlas& atlas, const std::vector<DistrictIndex>& districts) {
  std::vector<bool> members(atlas.districts.size(), false);
  for (DistrictIndex district : districts) {
    members[district] = true;
  }
  return split_count(atlas.police_force_areas, atlas.police_force_areas_of, districts, members) +
         split_count(atlas.fire_authorities, atlas.fire_authorities_of, districts, members) +
         split_count(atlas.icbs, atlas.icbs_of, districts, members);
}

bool is_computed(std::string_view fact) {
  const auto facts = computed_facts();
  return std::any_of(facts.begin(), facts.end(),
                     [&](const ComputedFact& computed) { return computed.name == fact; });
}

// The facts every grouping is given: the subject's own that are not computed
// from the area, what a new grouping of a single council would be, and the
// caller's assumptions over both.
std::map<std::string, FactValue, std::less<>> given_facts(const FactInput& subject,
                                                          const geography::Institution* itself,
                                                          const SuggestOptions& options) {
  std::map<std::string, FactValue, std::less<>> given;
  for (const auto& [name, value] : subject.values) {
    // A decision to transfer police or fire functions is about the
    // institution's own area, not a grouping's.
    if (!is_computed(name) && name != "police_transfer_decided" &&
        name != "fire_transfer_decided") {
      given[name] = value;
    }
  }
  const bool single_council = subject.subject.kind == "local_authority_district" ||
                              subject.subject.kind == "county_council";
  if (single_council && itself == nullptr) {
    given["institution"] = std::string("combined_authority");
    given["mayor"] = std::string("elected_mayor");
  }
  for (const auto& [name, value] : options.assumptions) {
    given[name] = value;
  }
  // A grouping around an existing institution keeps its mayor, in office or
  // not; any other grouping with a mayor is shown as it would be once its
  // mayor is in office.
  if (options.assumptions.contains("mayor_in_office")) {
    return given;
  }
  if (const auto in_office = subject.values.find("mayor_in_office");
      itself != nullptr && in_office != subject.values.end()) {
    given["mayor_in_office"] = in_office->second;
  } else if (const auto mayor = given.find("mayor"); mayor != given.end()) {
    const std::string* form = std::get_if<std::string>(&mayor->second);
    given["mayor_in_office"] = form != nullptr && *form != "none";
  }
  return given;
}

struct Found {
  std::vector<std::uint32_t> places;
  std::size_t split_areas = 0;
  std::vector<std::string> codes;
};

// Fewest councils added, then fewest split areas, then by council codes.
bool better(const Found& a, const Found& b) {
  if (a.places.size() != b.places.size()) {
    return a.places.size() < b.places.size();
  }
  if (a.split_areas != b.split_areas) {
    return a.split_areas < b.split_areas;
  }
  return a.codes < b.codes;
}

class Search {
 public:
  Search(const detail::Atlas& atlas, const CompiledRules& rules, const SuggestOptions& options,
         std::size_t target_tier, std::vector<std::size_t> wanted, const Places& places,
         std::map<std::string, FactValue, std::less<>> given, const geography::Institution* itself)
      : m_atlas(atlas),
        m_rules(rules),
        m_options(options),
        m_target_tier(target_tier),
        m_wanted(std::move(wanted)),
        m_places(places),
        m_given(std::move(given)),
        m_itself(itself),
        m_subject_councils(places.places.front().councils) {}

  // Every grouping, fewest added councils first, deciding each until the
  // budget is spent: a search cut short has then decided every grouping of
  // the sizes before, which are the ones ranked first. Each size is a walk of
  // its own that passes over the smaller groupings without deciding them;
  // there are far fewer of those than of the groupings one council larger.
  void run(SuggestReport& report, const SuggestProgress& progress) {
    const auto start = std::chrono::steady_clock::now();
    const auto seconds_spent = [&] {
      return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const std::uint32_t seed[] = {0};
    for (std::size_t added = 1; added <= m_options.max_councils; ++added) {
      std::size_t at_this_size = 0;
      const bool finished =
          geography::for_each_grouping(m_places.adjacency, seed, added, m_places.allowed,
                                       [&](std::span<const std::uint32_t> members) {
                                         if (members.size() != added + 1) {
                                           return true;
                                         }
                                         if (report.examined == m_options.max_groupings) {
                                           report.stopped_by = SuggestReport::Stop::groupings;
                                           return false;
                                         }
                                         ++report.examined;
                                         ++at_this_size;
                                         if (reaches_target(members)) {
                                           ++report.matching;
                                           keep(members);
                                         }
                                         if (report.examined % 1024 == 0) {
                                           if (progress) {
                                             progress(report.examined);
                                           }
                                           if (seconds_spent() > m_options.time_limit_seconds) {
                                             report.stopped_by = SuggestReport::Stop::time;
                                             return false;
                                           }
                                         }
                                         return true;
                                       });
      if (!finished) {
        report.complete = false;
        report.sizes_covered = added - 1;
        report.examined_at_stop = at_this_size;
        break;
      }
      report.sizes_covered = added;
      if (at_this_size == 0) {
        break;  // Nothing of this size: nothing larger either.
      }
    }
    report.seconds = seconds_spent();
  }

  const std::vector<Found>& best() const { return m_best; }

  FactInput facts_of(std::span<const std::uint32_t> members, bool notes) const {
    geography::AreaSubject area;
    area.notes = notes;
    area.itself = m_itself;
    for (std::uint32_t place : members) {
      const Place& p = m_places.places[place];
      area.districts.insert(area.districts.end(), p.districts.begin(), p.districts.end());
      if (place == 0) {
        area.councils.insert(area.councils.end(), m_subject_councils.begin(),
                             m_subject_councils.end());
      } else {
        area.councils.push_back(p.code);
      }
    }
    std::sort(area.districts.begin(), area.districts.end());
    FactInput facts;
    facts.subject.kind = "grouping";
    facts.subject.councils = area.councils;
    for (DistrictIndex district : area.districts) {
      facts.subject.districts.push_back(m_atlas.districts[district].code);
    }
    facts.values.insert(m_given.begin(), m_given.end());
    geography::add_area_facts(m_atlas, area, facts);
    // Assumptions hold for every grouping, over the facts computed from its
    // area too (whose notes would explain another value).
    for (const auto& [name, value] : m_options.assumptions) {
      facts.values.insert_or_assign(name, value);
      facts.notes.erase(name);
    }
    return facts;
  }

  std::vector<DistrictIndex> districts_of(std::span<const std::uint32_t> members) const {
    std::vector<DistrictIndex> districts;
    for (std::uint32_t place : members) {
      const auto& own = m_places.places[place].districts;
      districts.insert(districts.end(), own.begin(), own.end());
    }
    return districts;
  }

 private:
  bool reaches_target(std::span<const std::uint32_t> members) {
    m_rules.decide(m_rules.bind(facts_of(members, false)), m_outcome);
    if (m_outcome.tiers[m_target_tier] != Status::holds) {
      return false;
    }
    return std::all_of(m_wanted.begin(), m_wanted.end(), [&](std::size_t power) {
      return m_outcome.powers[power] == PowerStatus::available;
    });
  }

  // Keeps the best options.top groupings found so far.
  void keep(std::span<const std::uint32_t> members) {
    if (m_options.top == 0) {
      return;
    }
    Found found;
    found.places.assign(members.begin() + 1, members.end());
    for (std::uint32_t place : found.places) {
      found.codes.push_back(m_places.places[place].code);
    }
    std::sort(found.codes.begin(), found.codes.end());
    if (m_best.size() == m_options.top && !better(found, m_best.back())) {
      return;
    }
    found.split_areas = split_areas(m_atlas, districts_of(members));
    const auto at = std::upper_bound(m_best.begin(), m_best.end(), found, better);
    m_best.insert(at, std::move(found));
    if (m_best.size() > m_options.top) {
      m_best.pop_back();
    }
  }

  const detail::Atlas& m_atlas;
  const CompiledRules& m_rules;
  const SuggestOptions& m_options;
  std::size_t m_target_tier;
  std::vector<std::size_t> m_wanted;
  const Places& m_places;
  std::map<std::string, FactValue, std::less<>> m_given;
  const geography::Institution* m_itself;
  std::vector<std::string> m_subject_councils;
  Outcome m_outcome;
  std::vector<Found> m_best;
};

std::optional<std::size_t> find_tier(const RuleSet& rules, const std::string& id,
                                     const Location& named_at, Diagnostics& diags) {
  if (auto index = rules.tier_index(id)) {
    return index;
  }
  std::vector<std::string> ids;
  for (const Tier& tier : rules.tiers) {
    ids.push_back(tier.id);
  }
  diags.error(named_at, std::string(codes::undefined_tier),
              fmt::format("'{}' is not a tier of {}{}; its tiers are {}", id, rules.id,
                          support::did_you_mean(id, ids), support::quoted_list(ids, "and")));
  return std::nullopt;
}

std::optional<std::size_t> find_power(const RuleSet& rules, const std::string& id,
                                      const Location& named_at, Diagnostics& diags) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < rules.powers.size(); ++i) {
    if (rules.powers[i].id == id) {
      return i;
    }
    ids.push_back(rules.powers[i].id);
  }
  diags.error(named_at, std::string(codes::undefined_power),
              fmt::format("'{}' is not a power of {}{}; it has {} powers, each listed in its "
                          "catalogue",
                          id, rules.id, support::did_you_mean(id, ids), ids.size()));
  return std::nullopt;
}

}  // namespace

std::optional<SuggestReport> suggest(const Geography& geography, const CompiledRules& rules,
                                     const FactInput& subject, const SuggestOptions& options,
                                     Diagnostics& diags, const SuggestProgress& progress) {
  const RuleSet& model = rules.rules();
  const auto target = find_tier(model, options.target_tier, options.target_tier_at, diags);
  std::vector<std::size_t> wanted;
  for (std::size_t i = 0; i < options.wanted_powers.size(); ++i) {
    const Location named_at =
        i < options.wanted_powers_at.size() ? options.wanted_powers_at[i] : Location{};
    if (auto index = find_power(model, options.wanted_powers[i], named_at, diags)) {
      wanted.push_back(*index);
    }
  }
  const detail::Atlas& atlas = geography::atlas_of(geography);
  const std::vector<DistrictIndex> own = districts_of(atlas, subject.subject);
  if (own.empty()) {
    diags.error(Location{subject.subject.name, 0, 0}, std::string(codes::unknown_council),
                "the subject has no districts in devo's data to grow a grouping from");
  }
  if (!target || diags.has_errors()) {
    return std::nullopt;
  }
  const geography::Institution* itself = institution_of(atlas, subject.subject);
  const geography::Institution* own_institution =
      itself != nullptr ? itself : institution_holding(atlas, own);
  const Places places = build_places(atlas, own, subject.subject, own_institution);
  auto given = given_facts(subject, itself, options);

  SuggestReport report;
  report.subject = subject;
  report.subject_decision = rules.evaluate(subject, EvaluateOptions{true, options.as_of});
  for (const auto& [name, value] : given) {
    if (subject.values.find(name) == subject.values.end() || subject.values.at(name) != value) {
      report.assumed.push_back(fmt::format("{}: {}", name, to_text(value)));
    }
  }
  Search search(atlas, rules, options, *target, wanted, places, std::move(given), own_institution);
  search.run(report, progress);
  for (const Found& found : search.best()) {
    std::vector<std::uint32_t> members{0};
    members.insert(members.end(), found.places.begin(), found.places.end());
    Suggestion suggestion;
    for (std::uint32_t place : found.places) {
      suggestion.added.push_back(places.places[place].code);
      suggestion.added_names.push_back(places.places[place].name);
    }
    suggestion.facts = search.facts_of(members, true);
    suggestion.facts.subject.name = fmt::format("{} with {}", subject.subject.name,
                                                support::join_words(suggestion.added_names));
    suggestion.decision = rules.evaluate(suggestion.facts, EvaluateOptions{true, options.as_of});
    suggestion.split_areas = found.split_areas;
    report.suggestions.push_back(std::move(suggestion));
  }
  return report;
}

}  // namespace devo
