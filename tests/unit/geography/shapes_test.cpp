// The districts' shapes in the built-in data (arcs.csv, district_rings.csv),
// and the geometry computed from them: areas, islands, outlines.

#include "geography/shapes.hpp"

#include "geography/access.hpp"
#include "geography/atlas.hpp"
#include "support/catch.hpp"
#include "support/subjects.hpp"

#include <algorithm>
#include <set>

namespace {

using devo::geography::outline;
using devo::geography::Point;
using devo::geography::Ring;
using devo::geography::ring_points;
using devo::geography::Shapes;
using devo::geography::twice_signed_area;

// The built-in data's atlas, loaded once for every test.
const devo::detail::Atlas& atlas() {
  return devo::geography::atlas_of(devo::test::england());
}

const Shapes& shapes() {
  REQUIRE(atlas().shapes.has_value());
  return *atlas().shapes;
}

std::size_t district(std::string_view code) {
  return atlas().district_by_code.at(std::string(code));
}

std::vector<std::size_t> districts_of(std::string_view institution) {
  for (const auto& candidate : atlas().institutions) {
    if (candidate.id == institution) {
      return candidate.districts;
    }
  }
  FAIL("no institution " << institution);
  return {};
}

std::int64_t twice_area(const Ring& ring) {
  const auto area = twice_signed_area(ring_points(shapes(), ring));
  REQUIRE(area.has_value());
  return *area;
}

// Twice the area of some districts: their rings' signed areas added up.
std::int64_t twice_area_of(const std::vector<std::size_t>& districts) {
  std::int64_t total = 0;
  for (const std::size_t d : districts) {
    for (const auto& polygon : shapes().districts[d]) {
      total += twice_area(polygon.outer);
      for (const Ring& hole : polygon.holes) {
        total += twice_area(hole);
      }
    }
  }
  return total;
}

std::int64_t twice_area_of(const std::vector<Ring>& rings) {
  std::int64_t total = 0;
  for (const Ring& ring : rings) {
    total += twice_area(ring);
  }
  return total;
}

std::set<Point> points_of(std::size_t d) {
  std::set<Point> points;
  for (const auto& polygon : shapes().districts[d]) {
    for (const Point& point : ring_points(shapes(), polygon.outer)) {
      points.insert(point);
    }
    for (const Ring& hole : polygon.holes) {
      for (const Point& point : ring_points(shapes(), hole)) {
        points.insert(point);
      }
    }
  }
  return points;
}

std::vector<std::size_t> all_districts() {
  std::vector<std::size_t> all(atlas().districts.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    all[i] = i;
  }
  return all;
}

// Whether `p` lies inside `rings` by the even-odd rule: an odd number of
// their edges cross the line to its right.
bool inside_rings(const std::vector<std::vector<Point>>& rings, const Point& p) {
  std::size_t count = 0;
  for (const auto& ring : rings) {
    for (std::size_t i = 1; i < ring.size(); ++i) {
      const Point& a = ring[i - 1];
      const Point& b = ring[i];
      if ((a.y > p.y) != (b.y > p.y)) {
        const double x = static_cast<double>(a.x) + static_cast<double>(p.y - a.y) *
                                                        static_cast<double>(b.x - a.x) /
                                                        static_cast<double>(b.y - a.y);
        count += x > static_cast<double>(p.x) ? 1 : 0;
      }
    }
  }
  return count % 2 == 1;
}

}  // namespace

TEST_CASE("every district has a shape: outer rings counter-clockwise, holes clockwise",
          "[geography][shapes]") {
  REQUIRE(shapes().districts.size() == atlas().districts.size());
  for (std::size_t d = 0; d < atlas().districts.size(); ++d) {
    INFO(atlas().districts[d].code);
    REQUIRE_FALSE(shapes().districts[d].empty());
    for (const auto& polygon : shapes().districts[d]) {
      CHECK(twice_area(polygon.outer) > 0);
      for (const Ring& hole : polygon.holes) {
        CHECK(twice_area(hole) < 0);
      }
    }
  }
}

TEST_CASE("England's area is about 130,300 km², and its outline encloses exactly that",
          "[geography][shapes]") {
  double area = 0;
  for (std::size_t d = 0; d < atlas().districts.size(); ++d) {
    area += devo::geography::district_area(shapes(), d);
  }
  const double km2 = area / 1e6;
  CHECK(km2 > 130'300 * 0.97);
  CHECK(km2 < 130'300 * 1.03);
  // Each shared arc is walked once each way, so it adds nothing to the sum:
  // the outline's rings enclose the districts' area to the square metre.
  const auto all = all_districts();
  CHECK(twice_area_of(outline(shapes(), all)) == twice_area_of(all));
}

TEST_CASE("the Isle of Wight and the Isles of Scilly are pieces of their own",
          "[geography][shapes]") {
  const std::size_t wight = district("E06000046");
  const std::size_t scilly = district("E06000053");
  const std::size_t cornwall = district("E06000052");
  CHECK(shapes().districts[wight].size() == 1);
  CHECK(shapes().districts[scilly].size() == 5);
  for (const std::size_t island : {wight, scilly}) {
    INFO(atlas().districts[island].code);
    // Not a point in common with any other district.
    const auto own = points_of(island);
    for (std::size_t other = 0; other < atlas().districts.size(); ++other) {
      if (other == island) {
        continue;
      }
      const auto theirs = points_of(other);
      CHECK(std::none_of(own.begin(), own.end(),
                         [&](const Point& point) { return theirs.contains(point); }));
    }
  }
  // Each island is a ring of the outline of any area that holds it.
  const auto cornwall_alone = outline(shapes(), std::vector<std::size_t>{cornwall});
  CHECK(outline(shapes(), std::vector<std::size_t>{cornwall, scilly}).size() ==
        cornwall_alone.size() + 5);
  const auto hampshire = districts_of("hampshire-and-the-solent");
  auto without_wight = hampshire;
  std::erase(without_wight, wight);
  CHECK(outline(shapes(), hampshire).size() == outline(shapes(), without_wight).size() + 1);
}

TEST_CASE("an institution's outline is the border its districts do not share",
          "[geography][shapes]") {
  for (const std::string_view id :
       {"greater-manchester", "west-yorkshire", "south-yorkshire", "west-midlands", "tees-valley",
        "east-midlands", "greater-london-authority"}) {
    INFO(id);
    const auto members = districts_of(id);
    const auto rings = outline(shapes(), members);
    REQUIRE(rings.size() == 1);
    CHECK(twice_area(rings[0]) == twice_area_of(members));
    // Its arcs are each some member's, walked as that member walks it.
    CHECK(ring_points(shapes(), rings[0]).front() == ring_points(shapes(), rings[0]).back());
  }
  // Wirral lies across the Mersey from the rest of the Liverpool City Region.
  CHECK(outline(shapes(), districts_of("liverpool-city-region")).size() > 1);
}

TEST_CASE("Cambridge fills the hole in South Cambridgeshire", "[geography][shapes]") {
  const std::size_t cambridge = district("E07000008");
  const std::size_t south = district("E07000012");
  REQUIRE(shapes().districts[south].size() == 1);
  REQUIRE(shapes().districts[south][0].holes.size() == 1);
  const auto alone = outline(shapes(), std::vector<std::size_t>{south});
  REQUIRE(alone.size() == 2);
  CHECK(twice_area(alone[0]) * twice_area(alone[1]) < 0);  // an outer ring and a hole
  const auto both = outline(shapes(), std::vector<std::size_t>{south, cambridge});
  REQUIRE(both.size() == 1);
  CHECK(twice_area(both[0]) == twice_area_of(std::vector<std::size_t>{south, cambridge}));
  CHECK(twice_area(both[0]) == twice_area(shapes().districts[south][0].outer));
}

TEST_CASE("a district's points, bounds and the place for its name", "[geography][shapes]") {
  using devo::geography::bounds;
  using devo::geography::district_points;
  using devo::geography::label_point;
  // South Cambridgeshire: one polygon with a hole (Cambridge); the place for
  // its name is inside it and not in the hole.
  const auto rings = district_points(shapes(), district("E07000012"));
  REQUIRE(rings.size() == 2);
  const auto box = bounds(rings);
  for (const auto& ring : rings) {
    CHECK(ring.front() == ring.back());
    for (const Point& point : ring) {
      CHECK((point.x >= box.min.x && point.x <= box.max.x));
      CHECK((point.y >= box.min.y && point.y <= box.max.y));
    }
  }
  CHECK(inside_rings(rings, label_point(rings)));
  const auto cambridge = district_points(shapes(), district("E07000008"));
  // Cambridge's own place is in South Cambridgeshire's hole.
  CHECK_FALSE(inside_rings(rings, label_point(cambridge)));
}

TEST_CASE("the place for a name is inside every district", "[geography][shapes]") {
  using devo::geography::district_points;
  using devo::geography::label_point;
  for (std::size_t d = 0; d < atlas().districts.size(); ++d) {
    const auto rings = district_points(shapes(), d);
    INFO(atlas().districts[d].name);
    CHECK(inside_rings(rings, label_point(rings)));
  }
}
