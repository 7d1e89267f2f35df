#pragma once

#include "geography/graph.hpp"
#include "geography/shapes.hpp"

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
  // An island with no boundary with any other district (the Isle of Wight,
  // the Isles of Scilly): it is joined by sea to the rest of its police force
  // area (see Atlas::graph).
  bool island = false;
};

// A county council, police force area, fire and rescue authority or ICB, and
// the districts it covers (for an ICB, every district with any part in it).
struct Area {
  std::string code;
  std::string name;
  std::vector<DistrictIndex> districts;
};

// A date known to a year, a month or a day: the sources do not always say
// more than "May 2017". `earliest` and `latest` bound it. "A..B" is a range
// between two such dates ("2023-12..2024-02": December 2023 or February 2024).
struct PartialDate {
  std::string text;
  Date earliest;
  Date latest;

  static std::optional<PartialDate> parse(std::string_view text);
  bool exact() const { return earliest == latest; }
  // The text as people read it: "2017", "2024-05-02", "between 2023-12 and
  // 2024-02".
  std::string words() const;
  // The same after a verb: "on 2024-05-02", "in 2017", "between ...".
  std::string when() const;
};

// What a row of holdings.csv says of one power of one institution over the
// period [from, to): held, a transfer or deal decided (planned for `to`), or
// not held.
struct HoldingRecord {
  enum class Status { held, decided, not_held };
  std::string holding;
  Status status = Status::not_held;
  std::optional<PartialDate> from;
  std::optional<PartialDate> to;
  std::string source;
  std::string evidence;
  std::string note;
};

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
  std::optional<PartialDate> established;
  // Since when it has been a mayoral institution, where the sources say.
  std::optional<PartialDate> mayoral_from;
  std::optional<PartialDate> first_mayoral_election;
  // The day its first mayor takes (took) office, where the sources say.
  std::optional<PartialDate> mayor_takes_office;
  std::vector<std::string> constituents;
  std::vector<DistrictIndex> districts;
  std::string source;
  bool verified = false;
  std::string note;
  std::vector<HoldingRecord> holdings;
};

// A county of the Lieutenancies Act 1997 (a ceremonial county): its
// districts, those only partly inside it (Stockton-on-Tees, split by the
// Tees), and the districts of its county council -- an E10 county council, or
// the unitary council for the county area -- when it has one.
struct CeremonialCounty {
  std::string id;
  std::string name;
  std::vector<DistrictIndex> districts;
  std::vector<DistrictIndex> partly;
  std::string county_council;
  std::vector<DistrictIndex> county_council_districts;
  bool verified = false;
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
  std::vector<geography::CeremonialCounty> ceremonial_counties;
  std::map<std::string, std::size_t, std::less<>> district_by_code;
  std::map<std::string, std::size_t, std::less<>> county_by_code;
  // For each district, the police force area, fire and rescue authority and
  // ICBs it lies in (indexes into the tables above), computed once.
  std::vector<std::vector<std::size_t>> police_force_areas_of;
  std::vector<std::vector<std::size_t>> fire_authorities_of;
  std::vector<std::vector<std::size_t>> icbs_of;
  std::vector<std::vector<std::size_t>> ceremonial_counties_of;
  // Districts that share a boundary, and each island district joined by sea
  // to the other districts of its police force area.
  std::unique_ptr<geography::DistrictGraph> graph;
  // Every name an authority can be looked up by, built once.
  std::vector<geography::Candidate> candidates;
  // The districts' shapes (arcs.csv, district_rings.csv), by district index;
  // nothing when the data has neither table (a --data folder may leave them
  // out: only maps need them).
  std::optional<geography::Shapes> shapes;
  // Whose the shapes are and when they are from (the manifest's
  // `boundaries`), for every map drawn with them.
  std::string boundaries_attribution;
  std::string boundaries_vintage;
};

}  // namespace devo::detail

namespace devo::geography {

// The names of the files an atlas is built from.
const std::vector<std::string>& data_file_names();

// Builds the atlas from the data files, keyed by file name
// ("districts.csv"). Every fault (a malformed cell, an unknown code, a sum
// past 64 bits) is reported as invalid-data at its row and column, and only
// the fault itself: not what follows from a table that could not be read
// whole. Gives nothing if any was. A missing file is reported as `folder`/name.
std::shared_ptr<const detail::Atlas> build_atlas(const std::map<std::string, SourceFile>& files,
                                                 Diagnostics& diags, std::string_view folder = {});

}  // namespace devo::geography
