#include "geography/shapes.hpp"

#include "geography/checked_arithmetic.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace devo::geography {

namespace {

const std::vector<Point>& points_of(const Shapes& shapes, ArcUse use) {
  return shapes.arcs[use.arc];
}

Point first_point(const Shapes& shapes, ArcUse use) {
  const auto& points = points_of(shapes, use);
  return use.reversed ? points.back() : points.front();
}

Point last_point(const Shapes& shapes, ArcUse use) {
  const auto& points = points_of(shapes, use);
  return use.reversed ? points.front() : points.back();
}

double ring_area(const Shapes& shapes, const Ring& ring) {
  const auto twice = twice_signed_area(ring_points(shapes, ring));
  return twice ? static_cast<double>(*twice) / 2 : 0.0;
}

}  // namespace

std::vector<Point> ring_points(const Shapes& shapes, const Ring& ring) {
  std::vector<Point> points;
  for (const ArcUse& use : ring.arcs) {
    const auto& arc = points_of(shapes, use);
    // Each arc starts where the one before ended: that point is there already.
    const std::size_t skip = points.empty() ? 0 : 1;
    if (use.reversed) {
      points.insert(points.end(), arc.rbegin() + static_cast<std::ptrdiff_t>(skip), arc.rend());
    } else {
      points.insert(points.end(), arc.begin() + static_cast<std::ptrdiff_t>(skip), arc.end());
    }
  }
  return points;
}

std::optional<std::int64_t> twice_signed_area(std::span<const Point> closed) {
  CheckedTotal total;
  for (std::size_t i = 1; i < closed.size(); ++i) {
    const Point& a = closed[i - 1];
    const Point& b = closed[i];
    const auto first = checked_multiply(a.x, b.y);
    const auto second = checked_multiply(b.x, a.y);
    if (!first || !second || !total.add(*first) || !total.add(-*second)) {
      return std::nullopt;
    }
  }
  return total.value();
}

double district_area(const Shapes& shapes, std::size_t district) {
  double area = 0;
  for (const Polygon& polygon : shapes.districts[district]) {
    area += ring_area(shapes, polygon.outer);
    for (const Ring& hole : polygon.holes) {
      area += ring_area(shapes, hole);  // negative: a hole runs clockwise
    }
  }
  return area;
}

std::vector<Ring> outline(const Shapes& shapes, std::span<const std::size_t> districts) {
  // How often the area's districts use each arc, and the way the first walks
  // it. An arc two of them share is inside the area.
  std::vector<std::uint8_t> count(shapes.arcs.size(), 0);
  std::vector<ArcUse> way(shapes.arcs.size());
  std::vector<bool> seen(shapes.districts.size(), false);
  for (const std::size_t district : districts) {
    if (district >= shapes.districts.size() || seen[district]) {
      continue;
    }
    seen[district] = true;
    for (const Polygon& polygon : shapes.districts[district]) {
      const auto add = [&](const Ring& ring) {
        for (const ArcUse& use : ring.arcs) {
          if (count[use.arc]++ == 0) {
            way[use.arc] = use;
          }
        }
      };
      add(polygon.outer);
      std::for_each(polygon.holes.begin(), polygon.holes.end(), add);
    }
  }
  std::vector<ArcUse> edges;
  for (std::uint32_t arc = 0; arc < count.size(); ++arc) {
    if (count[arc] == 1) {
      edges.push_back(way[arc]);
    }
  }
  // The outline's arcs by the point each starts at, in arc order.
  std::multimap<Point, std::size_t> starting;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    starting.emplace(first_point(shapes, edges[i]), i);
  }
  std::vector<Ring> rings;
  std::vector<bool> used(edges.size(), false);
  for (std::size_t first = 0; first < edges.size(); ++first) {
    if (used[first]) {
      continue;
    }
    Ring ring;
    const Point start = first_point(shapes, edges[first]);
    std::size_t current = first;
    while (true) {
      used[current] = true;
      ring.arcs.push_back(edges[current]);
      const Point end = last_point(shapes, edges[current]);
      if (end == start) {
        break;
      }
      // The first arc not yet walked that starts here. Valid data always has
      // one; should it not, the ring is left open rather than looping.
      auto [from, to] = starting.equal_range(end);
      const auto next =
          std::find_if(from, to, [&](const auto& entry) { return !used[entry.second]; });
      if (next == to) {
        break;
      }
      current = next->second;
    }
    rings.push_back(std::move(ring));
  }
  return rings;
}

std::vector<std::vector<Point>> district_points(const Shapes& shapes, std::size_t district) {
  std::vector<std::vector<Point>> rings;
  for (const Polygon& polygon : shapes.districts[district]) {
    rings.push_back(ring_points(shapes, polygon.outer));
    for (const Ring& hole : polygon.holes) {
      rings.push_back(ring_points(shapes, hole));
    }
  }
  return rings;
}

Box bounds(std::span<const std::vector<Point>> rings) {
  bool first = true;
  Box box;
  for (const auto& ring : rings) {
    for (const Point& point : ring) {
      if (first) {
        box = Box{point, point};
        first = false;
      }
      box.min = Point{std::min(box.min.x, point.x), std::min(box.min.y, point.y)};
      box.max = Point{std::max(box.max.x, point.x), std::max(box.max.y, point.y)};
    }
  }
  return box;
}

namespace {

// The stretches of the horizontal line at `y` inside `rings` (even-odd), as
// pairs of x.
std::vector<std::pair<double, double>> inside_along(std::span<const std::vector<Point>> rings,
                                                    double y) {
  std::vector<double> crossings;
  for (const auto& ring : rings) {
    for (std::size_t i = 1; i < ring.size(); ++i) {
      const Point& a = ring[i - 1];
      const Point& b = ring[i];
      if ((static_cast<double>(a.y) > y) != (static_cast<double>(b.y) > y)) {
        const double t = (y - static_cast<double>(a.y)) / static_cast<double>(b.y - a.y);
        crossings.push_back(static_cast<double>(a.x) + t * static_cast<double>(b.x - a.x));
      }
    }
  }
  std::sort(crossings.begin(), crossings.end());
  std::vector<std::pair<double, double>> stretches;
  for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
    stretches.emplace_back(crossings[i], crossings[i + 1]);
  }
  return stretches;
}

}  // namespace

Point label_point(std::span<const std::vector<Point>> rings) {
  const std::vector<Point>* largest = nullptr;
  std::int64_t largest_area = -1;
  for (const auto& ring : rings) {
    const std::int64_t area = twice_signed_area(ring).value_or(0);
    if (area > largest_area) {
      largest_area = area;
      largest = &ring;
    }
  }
  if (largest == nullptr || largest->empty()) {
    return Point{};
  }
  const Box box = bounds(std::span(largest, 1));
  const double height = static_cast<double>(box.max.y - box.min.y);
  // A long stretch near the middle reads best; a line a little off the middle
  // is taken only when it is clearly longer (a crescent, a U shape).
  double best_length = -1;
  Point best = box.min;
  for (const double fraction : {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8}) {
    // Half a metre off the grid, so that the line never runs through a point.
    const double y = std::floor(static_cast<double>(box.min.y) + height * fraction) + 0.5;
    const double weight = 1.0 - std::abs(fraction - 0.5);
    for (const auto& [from, to] : inside_along(rings, y)) {
      const double length = (to - from) * weight;
      if (length > best_length) {
        best_length = length;
        best = Point{static_cast<std::int64_t>(std::llround((from + to) / 2)),
                     static_cast<std::int64_t>(std::floor(y))};
      }
    }
  }
  return best;
}

}  // namespace devo::geography
