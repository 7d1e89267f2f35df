// The built-in England data: its invariants, checked on what devo loads.

#include "geography/access.hpp"
#include "geography/atlas.hpp"
#include "support/catch.hpp"
#include "support/subjects.hpp"


#include <algorithm>
#include <map>
#include <numeric>

namespace {

// The built-in data's atlas, loaded once for every test.
const devo::detail::Atlas& atlas() {
  return devo::geography::atlas_of(devo::test::england());
}

std::size_t district(std::string_view code) {
  return atlas().district_by_code.at(std::string(code));
}

}  // namespace

TEST_CASE("England has 296 districts and 21 county councils", "[geography][data]") {
  CHECK(atlas().districts.size() == 296);
  CHECK(atlas().counties.size() == 21);
  std::map<std::string, int> kinds;
  for (const auto& d : atlas().districts) {
    ++kinds[d.kind];
  }
  CHECK(kinds["unitary_authority"] == 63);
  CHECK(kinds["non_metropolitan_district"] == 164);
  CHECK(kinds["metropolitan_district"] == 36);
  CHECK(kinds["london_borough"] == 32);
  CHECK(kinds["city_of_london"] == 1);
}

TEST_CASE("district populations sum to the England total", "[geography][data]") {
  const auto total =
      std::accumulate(atlas().districts.begin(), atlas().districts.end(), std::int64_t{0},
                      [](std::int64_t sum, const auto& d) { return sum + d.population; });
  // ONS mid-2024 estimate for England.
  CHECK(total == 58620101);
}

TEST_CASE("every district lies in one police force area and fire authority, and some ICB",
          "[geography][data]") {
  std::size_t police_total = 0;
  for (const auto& area : atlas().police_force_areas) {
    police_total += area.districts.size();
  }
  CHECK(police_total == 296);
  CHECK(atlas().police_force_areas.size() == 39);
  CHECK(atlas().fire_authorities.size() == 44);
  CHECK(atlas().icbs.size() == 42);
  for (const auto& d : atlas().districts) {
    INFO(d.code);
    CHECK_FALSE(d.icbs.empty());
  }
}

TEST_CASE("every existing combined authority is contiguous", "[geography][data]") {
  std::size_t checked = 0;
  for (const auto& institution : atlas().institutions) {
    INFO(institution.id);
    CHECK(atlas().graph->pieces(institution.districts).size() == 1);
    ++checked;
  }
  CHECK(checked == atlas().institutions.size());
  CHECK(checked >= 16);  // the 15 E47 bodies and the GLA at least
}

// A test's name holds no ';' or ',': ctest would cut the name at the one and
// Catch2 read the other as two names, so the test would run nothing.
TEST_CASE("the two island authorities are joined by sea and England is one connected piece",
          "[geography][data]") {
  const auto neighbours_of = [](std::string_view code) {
    return atlas().graph->neighbours(district(code));
  };
  const auto has = [](const auto& neighbours, std::string_view code) {
    return std::find(neighbours.begin(), neighbours.end(), district(code)) != neighbours.end();
  };
  // Each island, to the other districts of its police force area.
  CHECK(has(neighbours_of("E06000053"), "E06000052"));  // Isles of Scilly: Cornwall
  CHECK(has(neighbours_of("E06000046"), "E06000044"));  // Isle of Wight: Portsmouth
  std::vector<std::size_t> all;
  for (std::size_t i = 0; i < atlas().districts.size(); ++i) {
    CHECK_FALSE(atlas().graph->neighbours(i).empty());
    all.push_back(i);
  }
  CHECK(atlas().graph->pieces(all).size() == 1);
}

TEST_CASE("known neighbours and non-neighbours", "[geography][data]") {
  const auto touches = [](std::string_view a, std::string_view b) {
    const auto& n = atlas().graph->neighbours(district(a));
    return std::find(n.begin(), n.end(), district(b)) != n.end();
  };
  CHECK(touches("E08000003", "E08000006"));        // Manchester, Salford
  CHECK(touches("E06000063", "E06000064"));        // Cumberland, Westmorland and Furness
  CHECK(touches("E08000012", "E08000015"));        // Liverpool, Wirral: across the Mersey
  CHECK_FALSE(touches("E08000035", "E08000003"));  // Leeds, Manchester
  CHECK_FALSE(touches("E06000017", "E06000031"));  // Rutland, Peterborough
}

TEST_CASE("the GLA is the 33 London districts and carries its GSS code", "[geography][data]") {
  const auto gla = std::find_if(atlas().institutions.begin(), atlas().institutions.end(),
                                [](const auto& i) { return i.code == "E61000001"; });
  REQUIRE(gla != atlas().institutions.end());
  CHECK(gla->districts.size() == 33);
  CHECK(gla->kind == "greater_london_authority");
}

TEST_CASE("partial dates keep only the precision they were given", "[geography][data]") {
  using devo::geography::PartialDate;
  const auto year = PartialDate::parse("2017");
  REQUIRE(year.has_value());
  CHECK(year->earliest.to_string() == "2017-01-01");
  CHECK(year->latest.to_string() == "2017-12-31");
  CHECK_FALSE(year->exact());
  const auto month = PartialDate::parse("2024-02");
  CHECK(month->latest.to_string() == "2024-02-29");
  CHECK(PartialDate::parse("2025-05-01")->exact());
  CHECK_FALSE(PartialDate::parse("2024-13").has_value());
  CHECK_FALSE(PartialDate::parse("May 2024").has_value());
}
