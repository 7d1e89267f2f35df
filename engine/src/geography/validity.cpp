// Whether a proposal can exist as the institution it names: one set of checks
// for `devo evaluate` and `devo validate`, so that the two never disagree. A
// proposal that fails one is not valid and reaches no tier.

#include "geography/validity.hpp"

#include "geography/area_facts.hpp"
#include "support/words.hpp"

#include <devo/codes.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace devo::geography {
namespace {

bool is_london(const detail::Atlas& atlas, std::string_view code) {
  const auto it = atlas.district_by_code.find(code);
  if (it == atlas.district_by_code.end()) {
    return false;
  }
  const std::string& kind = atlas.districts[it->second].kind;
  return kind == "london_borough" || kind == "city_of_london";
}

class Checks {
 public:
  Checks(const detail::Atlas& atlas, const ProposalShape& shape,
         const std::vector<DistrictIndex>& districts, const FactInput& facts)
      : m_atlas(atlas), m_shape(shape), m_districts(districts), m_facts(facts) {}

  std::vector<Diagnostic> run() {
    const std::vector<ListedCouncil> distinct = distinct_councils();
    check_london(distinct);
    check_upper_tier(distinct);
    check_institution(distinct);
    if (!distinct.empty()) {
      check_overlaps(distinct);
      if (m_shape.all_councils_known) {
        check_contiguity();
      }
    }
    return std::move(m_findings);
  }

 private:
  Diagnostic& finding(Severity severity, const Location& where, std::string_view code,
                      std::string message) {
    m_findings.push_back(Diagnostic{severity, std::string(code), std::move(message), where, {}});
    return m_findings.back();
  }
  Diagnostic& problem(const Location& where, std::string_view code, std::string message) {
    return finding(Severity::error, where, code, std::move(message));
  }

  // The councils once each; a repeat is a problem of its own.
  std::vector<ListedCouncil> distinct_councils() {
    std::map<std::string, Location> first;
    std::vector<ListedCouncil> distinct;
    for (const ListedCouncil& council : m_shape.councils) {
      auto [it, inserted] = first.emplace(council.code, council.location);
      if (inserted) {
        distinct.push_back(council);
        continue;
      }
      problem(
          council.location, codes::duplicate_council,
          fmt::format("{} ({}) is listed twice", council_name(m_atlas, council.code), council.code))
          .note(it->second, "first listed here");
    }
    return distinct;
  }

  // London boroughs are not strategic authorities; London's is the GLA.
  void check_london(const std::vector<ListedCouncil>& councils) {
    for (const ListedCouncil& council : councils) {
      if (!is_london(m_atlas, council.code)) {
        continue;
      }
      const std::string name = council_name(m_atlas, council.code);
      problem(council.location, codes::london_borough,
              council.code == "E09000001"
                  ? fmt::format("{} is in London, whose strategic authority is the Greater London "
                                "Authority; it cannot be part of another",
                                name)
                  : fmt::format("{} is a London borough: London's strategic authority is the "
                                "Greater London Authority, and London boroughs are not strategic "
                                "authorities, alone or grouped",
                                name));
    }
  }

  // A district of a two-tier county without the county council, which holds
  // the upper-tier functions there.
  void check_upper_tier(const std::vector<ListedCouncil>& councils) {
    std::set<std::string> listed;
    for (const ListedCouncil& council : councils) {
      listed.insert(council.code);
    }
    for (const ListedCouncil& council : councils) {
      const auto it = m_atlas.district_by_code.find(council.code);
      if (it == m_atlas.district_by_code.end() ||
          m_atlas.districts[it->second].kind != "non_metropolitan_district") {
        continue;
      }
      const District& district = m_atlas.districts[it->second];
      const Area& county = m_atlas.counties[*district.county];
      if (m_shape.institution == "combined_county_authority") {
        problem(council.location, codes::cca_district_member,
                fmt::format("{} is a district council; a combined county authority's members "
                            "are county councils and unitary authorities",
                            district.name));
      } else if (!listed.contains(county.code)) {
        // Districts may work together in a joint committee; a single
        // institution needs the council that holds the upper-tier functions.
        const bool joint = m_shape.institution == "joint_committee";
        finding(joint ? Severity::warning : Severity::error, council.location,
                codes::incoherent_upper_tier,
                fmt::format("{} is a district of {}, but {} County Council ({}), which holds the "
                            "upper-tier functions there, is not listed{}",
                            district.name, county.name, county.name, county.code,
                            joint ? "; a joint committee of district councils leaves the county "
                                    "council's functions with it"
                                  : ""));
      }
    }
  }

  void check_institution(const std::vector<ListedCouncil>& councils) {
    const std::string& institution = m_shape.institution;
    if (m_shape.mayor == "elected_leader" && institution != "county_council") {
      problem(m_shape.mayor_location, codes::elected_leader_not_county,
              "a directly elected leader is for a county council; a combined authority or a "
              "unitary has a directly elected mayor");
    }
    if (!m_shape.all_councils_known) {
      return;
    }
    const bool one = councils.size() == 1;
    if (institution == "county_council" && !(one && councils.front().code.starts_with("E10"))) {
      problem(m_shape.institution_location, codes::institution_mismatch,
              "a county council proposal lists exactly one county council (E10)");
    } else if (institution == "unitary_authority" &&
               !(one && councils.front().code.starts_with("E06"))) {
      problem(m_shape.institution_location, codes::institution_mismatch,
              "a unitary authority proposal lists exactly one unitary council (E06)");
    } else if ((institution == "combined_authority" || institution == "combined_county_authority" ||
                institution == "joint_committee") &&
               councils.size() < 2) {
      problem(
          m_shape.institution_location, codes::institution_mismatch,
          fmt::format("a {} is made of at least two councils; {} alone is not one",
                      institution == "joint_committee" ? "joint committee" : "combined authority",
                      councils.empty() ? std::string("one council")
                                       : council_name(m_atlas, councils.front().code)));
    }
  }

  bool reshaped(const Institution& institution) const {
    return std::find(m_shape.reshapes.begin(), m_shape.reshapes.end(), &institution) !=
           m_shape.reshapes.end();
  }

  // Councils already in an institution: the same area as one is that
  // institution (a warning); an institution it says it reshapes is expected;
  // any other is a problem. London boroughs are reported on their own.
  void check_overlaps(const std::vector<ListedCouncil>& councils) {
    std::set<const Institution*> touched;
    for (const Institution& institution : m_atlas.institutions) {
      if (institution.kind == "single_council_deal") {
        continue;
      }
      std::vector<std::string> inside;
      for (const ListedCouncil& council : councils) {
        const auto own = districts_of_council(m_atlas, council.code);
        const bool in = std::any_of(own.begin(), own.end(), [&](DistrictIndex d) {
          return std::binary_search(institution.districts.begin(), institution.districts.end(), d);
        });
        if (in && !is_london(m_atlas, council.code)) {
          inside.push_back(council_name(m_atlas, council.code));
        }
      }
      if (inside.empty()) {
        continue;
      }
      touched.insert(&institution);
      if (institution.districts == m_districts) {
        finding(Severity::warning, m_shape.councils_location, codes::same_as_institution,
                fmt::format("its area is exactly that of {}, an existing institution{}; "
                            "evaluate that institution as an authority to see what it holds",
                            institution.name,
                            institution.verified ? "" : " (whose data is not verified)"));
      } else if (!reshaped(institution)) {
        problem(m_shape.councils_location, codes::overlaps_institution,
                fmt::format("{} {} already in {}; list it under 'reshapes' if the proposal "
                            "would change that institution",
                            support::join_words(inside), inside.size() == 1 ? "is" : "are",
                            institution.name));
      }
    }
    for (std::size_t i = 0; i < m_shape.reshapes.size(); ++i) {
      if (!touched.contains(m_shape.reshapes[i])) {
        finding(Severity::warning, m_shape.reshape_locations[i], codes::reshapes_nothing,
                fmt::format("none of the proposal's councils is in {}", m_shape.reshapes[i]->name));
      }
    }
  }

  void check_contiguity() {
    const auto contiguous = m_facts.values.find("contiguous");
    if (contiguous != m_facts.values.end() && !std::get<bool>(contiguous->second)) {
      const auto note = m_facts.notes.find("contiguous");
      problem(m_shape.councils_location, codes::not_contiguous,
              note != m_facts.notes.end() ? note->second : "the area is in more than one piece");
    }
  }

  const detail::Atlas& m_atlas;
  const ProposalShape& m_shape;
  const std::vector<DistrictIndex>& m_districts;
  const FactInput& m_facts;
  std::vector<Diagnostic> m_findings;
};

}  // namespace

std::vector<Diagnostic> validity_findings(const detail::Atlas& atlas, const ProposalShape& shape,
                                          const std::vector<DistrictIndex>& districts,
                                          const FactInput& facts) {
  return Checks(atlas, shape, districts, facts).run();
}

std::vector<Problem> problems_of(const std::vector<Diagnostic>& findings) {
  std::vector<const Diagnostic*> errors;
  for (const Diagnostic& finding : findings) {
    if (finding.severity == Severity::error) {
      errors.push_back(&finding);
    }
  }
  // In the order of the file, as a reader meets them.
  std::stable_sort(errors.begin(), errors.end(), [](const Diagnostic* a, const Diagnostic* b) {
    return a->location < b->location;
  });
  std::vector<Problem> problems;
  for (const Diagnostic* error : errors) {
    const Diagnostic& finding = *error;
    problems.push_back(Problem{finding.code, finding.message, finding.location.file,
                               finding.location.line, finding.location.column});
  }
  return problems;
}

}  // namespace devo::geography
