#include "geography/graph.hpp"

#include "support/catch.hpp"

using devo::geography::DistrictGraph;

// A small map:  0 - 1 - 2    3 - 4    5 (no neighbours)
TEST_CASE("pieces are judged on the boundaries inside the area", "[geography][graph]") {
  const DistrictGraph graph(6, {{0, 1}, {1, 2}, {3, 4}});
  using Pieces = std::vector<std::vector<std::size_t>>;
  CHECK(graph.pieces({0, 1, 2}) == Pieces{{0, 1, 2}});
  // Without 1, 0 and 2 do not touch.
  CHECK(graph.pieces({0, 2}) == Pieces{{0}, {2}});
  // The largest piece comes first.
  CHECK(graph.pieces({5, 3, 4, 0}) == Pieces{{3, 4}, {0}, {5}});
  CHECK(graph.pieces({5}) == Pieces{{5}});
  CHECK(graph.pieces({}).empty());
}

TEST_CASE("neighbours are listed in index order", "[geography][graph]") {
  const DistrictGraph graph(4, {{2, 1}, {1, 0}, {3, 1}});
  CHECK(graph.neighbours(1) == std::vector<std::size_t>{0, 2, 3});
  CHECK(graph.neighbours(0) == std::vector<std::size_t>{1});
}
