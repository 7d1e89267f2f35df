#pragma once

#include "geography/graph.hpp"

#include <devo/diagnostic.hpp>
#include <devo/geography.hpp>
#include <devo/source.hpp>
#include <devo/value.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace devo::geography {

using DistrictIndex = std::size_t;

struct IcbShare {
  std::size_t icb = 0;
  double share = 0;
};

struct District {
  std::string code;
  std::string name;
  // unitary_authority, non_metropolitan_district, metropolitan_district,
  // london_borough or city_of_london.
  std::string kind;
  std::optional<std::size_t> county;
  std::size_t police_force_area = 0;
  std::size_t fire_authority = 0;
  std::vector<IcbShare> icbs;
  std::int64_t population = 0;
};

// A county council, police force area, fire and rescue authority or ICB, and
// the districts it covers (for an ICB, every district with any part in it).
struct Area {
  std::string code;
  std::string name;
  std::vector<DistrictIndex> districts;
};

// A date known to a year, a month or a day: the sources do not always say
// more than "May 2017". `earliest` and `latest` bound it.
struct PartialDate {
  std::string text;
  Date earliest;
  Date latest;

  static std::optional<PartialDate> parse(std::string_view text);
  bool exact() const { return earliest == latest; }
};

enum class Answer { yes, no, unknown };

// An existing devolution institution: a combined authority, a combined county
// authority, the GLA, or a single council with a deal.
struct Institution {
  std::string id;
  std::string code;
  std::string name;
  // combined_authority, combined_county_authority, greater_london_authority
  // or single_council_deal.
  std::string kind;
  bool mayoral = false;
  std::optional<PartialDate> first_mayoral_election;
  Answer mayor_pcc = Answer::unknown;
  Answer mayor_fire = Answer::unknown;
  std::vector<std::string> constituents;
  std::vector<DistrictIndex> districts;
  std::string source;
  bool verified = false;
  std::string note;
};

// Something --authority can name: a district, a county council or an
// institution, with the normalised names it answers to.
struct Candidate {
  enum class Kind { district, county, institution };
  Kind kind = Kind::district;
  std::size_t index = 0;
  std::string code;
  std::string name;
  std::string description;  // "Lancashire (county council, E10000017)"
  std::vector<std::string> keys;
};

}  // namespace devo::geography

namespace devo::detail {

// All of devo's England data, indexed for lookups.
struct Atlas {
  DatasetInfo info;
  std::vector<geography::District> districts;
  std::vector<geography::Area> counties;
  std::vector<geography::Area> police_force_areas;
  std::vector<geography::Area> fire_authorities;
  std::vector<geography::Area> icbs;
  std::vector<geography::Institution> institutions;
  std::map<std::string, std::size_t, std::less<>> district_by_code;
  std::map<std::string, std::size_t, std::less<>> county_by_code;
  // For each district, the police force area, fire and rescue authority and
  // ICBs it lies in (indexes into the tables above), computed once.
  std::vector<std::vector<std::size_t>> police_force_areas_of;
  std::vector<std::vector<std::size_t>> fire_authorities_of;
  std::vector<std::vector<std::size_t>> icbs_of;
  std::unique_ptr<geography::DistrictGraph> graph;
  // Every name an authority can be looked up by, built once.
  std::vector<geography::Candidate> candidates;
};

}  // namespace devo::detail

namespace devo::geography {

// The names of the files an atlas is built from.
const std::vector<std::string>& data_file_names();

// Builds the atlas from the data files, keyed by file name
// ("districts.csv"). Every malformed row or unknown code is reported as
// invalid-data at its line; gives nothing if any was.
std::shared_ptr<const detail::Atlas> build_atlas(const std::map<std::string, SourceFile>& files,
                                                 Diagnostics& diags);

}  // namespace devo::geography
