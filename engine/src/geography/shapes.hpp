#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

// The districts' shapes as a topology (data/README.md, arcs.csv and
// district_rings.csv): every stretch of boundary between two junctions is one
// arc, stored once, and a district's rings name the arcs they walk. Two
// neighbours therefore meet exactly, and the outline of any group of districts
// is the arcs only one of them uses.
namespace devo::geography {

// A point of the British National Grid (EPSG:27700), in whole metres: x east,
// y north.
struct Point {
  std::int64_t x = 0;
  std::int64_t y = 0;
  friend auto operator<=>(const Point&, const Point&) = default;
};

// The grid's extent: every point of the data lies within it, so that areas and
// sums of them fit in 64 bits (data/README.md).
inline constexpr std::int64_t k_grid_max_x = 700'000;
inline constexpr std::int64_t k_grid_max_y = 1'300'000;

// An arc of a ring: `arc` indexes Shapes::arcs (from 0, where the file counts
// from 1); `reversed` walks it from its last point to its first.
struct ArcUse {
  std::uint32_t arc = 0;
  bool reversed = false;
  friend bool operator==(const ArcUse&, const ArcUse&) = default;
};

// A closed ring: each arc starts where the one before ends, and the last ends
// where the first starts.
struct Ring {
  std::vector<ArcUse> arcs;
};

// One piece of a district: its outer boundary, counter-clockwise (y north),
// and its holes, clockwise; the district lies on the left of every arc walked.
struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};

struct Shapes {
  // Each arc's points: two or more, the first and last different unless the
  // arc is a closed ring of its own (then it has at least four, three of them
  // different).
  std::vector<std::vector<Point>> arcs;
  // Each district's polygons, by district index, the largest first.
  std::vector<std::vector<Polygon>> districts;
};

// The points a ring walks, its first point repeated at the end.
std::vector<Point> ring_points(const Shapes& shapes, const Ring& ring);

// Twice the signed area of a closed list of points, in square metres
// (positive when it runs counter-clockwise), computed exactly; nothing when it
// does not fit in 64 bits (no ring of valid data comes near).
std::optional<std::int64_t> twice_signed_area(std::span<const Point> closed);

// A district's area in square metres: its polygons' outer rings less their
// holes.
double district_area(const Shapes& shapes, std::size_t district);

// The outline of the area `districts` (indices; each counted once): the arcs
// that only one of them uses, walked as their district walks them, joined end
// to end into rings. An outer ring runs counter-clockwise and a hole (a
// district of another area surrounded by this one) clockwise, so the rings'
// signed areas add up to the area's. Where the outline touches itself at a
// point, the rings there are split at it, the same way each time.
std::vector<Ring> outline(const Shapes& shapes, std::span<const std::size_t> districts);

// Every ring of a district as points: each polygon's outer ring, then its
// holes.
std::vector<std::vector<Point>> district_points(const Shapes& shapes, std::size_t district);

struct Box {
  Point min;
  Point max;
};

// The smallest box holding every point of `rings` (none: an empty box at 0).
Box bounds(std::span<const std::vector<Point>> rings);

// Where to write a shape's name: a point inside it, away from its edges where
// it can be. The shape is `rings` (closed, filled by the even-odd rule); the
// point is the middle of the longest stretch inside it along one of a few
// horizontal lines across its largest ring, the lines nearest that ring's
// middle tried first.
Point label_point(std::span<const std::vector<Point>> rings);

}  // namespace devo::geography
