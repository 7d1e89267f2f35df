#include "geography/shape_tables.hpp"

#include "geography/data_fields.hpp"

#include <devo/codes.hpp>
#include <devo/limits.hpp>
#include <devo/value.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <tuple>

namespace devo::geography {

const std::vector<std::string_view> k_arc_columns = {"arc", "points"};
const std::vector<std::string_view> k_district_ring_columns = {"district_code", "polygon", "ring",
                                                               "arcs"};

namespace {

// An integer written as an optional '-' and digits, nothing else.
std::optional<std::int64_t> parse_integer(std::string_view text) {
  const std::string_view digits = !text.empty() && text[0] == '-' ? text.substr(1) : text;
  if (digits.empty() ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

// Calls `item(text, offset)` for each ';'-separated item of `cell`, with where
// it starts in the cell, until it returns false; nothing is stored, so a cell
// of millions of items costs no memory.
template <typename Item>
void for_each_item(std::string_view cell, Item item) {
  std::size_t start = 0;
  while (true) {
    const std::size_t end = cell.find(';', start);
    const std::string_view text =
        cell.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!item(text, start) || end == std::string_view::npos) {
      return;
    }
    start = end + 1;
  }
}

std::string point_words(Point point) {
  return fmt::format("({}, {})", point.x, point.y);
}

bool within_grid(Point point) {
  return point.x >= 0 && point.x <= k_grid_max_x && point.y >= 0 && point.y <= k_grid_max_y;
}

// Where a ring row's arc was named, to report a second use of it there.
struct ArcUser {
  std::size_t district = 0;
  bool reversed = false;
  Location where;
};

class ShapeReader {
 public:
  ShapeReader(const CsvTable& arcs, const CsvTable& rings, const ShapeDistricts& districts,
              Diagnostics& diags)
      : m_arcs_csv(arcs), m_rings_csv(rings), m_districts(districts), m_diags(diags) {}

  std::optional<Shapes> read() {
    const std::size_t errors_before = m_diags.error_count();
    read_arcs();
    read_rings();
    check_polygon_numbers();
    check_every_district_has_a_shape();
    check_every_arc_is_used();
    if (m_diags.error_count() > errors_before) {
      return std::nullopt;
    }
    Shapes shapes;
    for (auto& arc : m_arcs) {
      if (!arc) {
        return std::nullopt;  // a gap in the numbers, reported
      }
      shapes.arcs.push_back(std::move(*arc));
    }
    shapes.districts.resize(m_districts.rows.size());
    for (auto& [key, ring] : m_rings) {
      const auto& [district, polygon, number] = key;
      auto& polygons = shapes.districts[district];
      if (number == 1) {
        polygons.push_back(Polygon{std::move(ring.ring), {}});
      } else {
        polygons.back().holes.push_back(std::move(ring.ring));
      }
    }
    return shapes;
  }

 private:
  struct ReadRing {
    Ring ring;
    Location where;
  };
  // (district, polygon, ring): the map keeps them sorted so.
  using RingKey = std::tuple<std::size_t, std::int64_t, std::int64_t>;

  void bad(Location where, std::string message) {
    m_diags.error(std::move(where), std::string(codes::invalid_data), std::move(message));
  }

  // Where `offset` characters into a cell are. The cells of points and arcs
  // hold ASCII up to any fault, so characters are bytes there; a cell in
  // quotes (the tool writes none) is one column off.
  static Location at(const CsvTable& csv, const CsvRow& row, std::size_t cell, std::size_t offset) {
    Location where = csv.where(row, cell);
    where.column += static_cast<std::uint32_t>(offset);
    return where;
  }

  void read_arcs() {
    m_arcs_complete = m_arcs_csv.complete;
    std::int64_t previous = 0;
    bool reported_order = false;
    for (const CsvRow& row : m_arcs_csv.rows) {
      const WholeNumber number = parse_whole_number(row.cells[0]);
      if (number.fault != WholeNumber::Fault::none || number.value < 1 ||
          number.value > static_cast<std::int64_t>(limits::k_max_data_rows)) {
        bad(m_arcs_csv.where(row, 0),
            number.fault != WholeNumber::Fault::none
                ? fmt::format("arc '{}' {}", row.cells[0], whole_number_fault_words(number.fault))
                : fmt::format("arc '{}' must be a number from 1 to {}, one per row", row.cells[0],
                              limits::k_max_data_rows));
        m_arcs_complete = false;
        ++previous;  // taken as the arc expected, so the next is not reported as well
        continue;
      }
      const auto index = static_cast<std::size_t>(number.value - 1);
      if (index < m_arcs.size() && m_arcs[index]) {
        bad(m_arcs_csv.where(row, 0), fmt::format("arc {} is listed twice", number.value));
        continue;
      }
      if (number.value != previous + 1 && !reported_order) {
        reported_order = true;
        bad(m_arcs_csv.where(row, 0),
            fmt::format("the arcs are numbered 1, 2, 3, ... in order: after arc {} comes arc {}, "
                        "not {}",
                        previous, previous + 1, number.value));
      }
      previous = number.value;
      auto points = read_points(row);
      if (!points) {
        m_arcs_complete = false;
        continue;
      }
      if (index >= m_arcs.size()) {
        m_arcs.resize(index + 1);
        m_arc_rows.resize(index + 1);
        m_arc_users.resize(index + 1);
      }
      m_arcs[index] = std::move(*points);
      m_arc_rows[index] = m_arcs_csv.where(row, 0);
    }
  }

  // The points of an arc's cell, or nothing (reported) at the first fault.
  std::optional<std::vector<Point>> read_points(const CsvRow& row) {
    std::vector<Point> points;
    bool fault = false;
    for_each_item(row.cells[1], [&](std::string_view text, std::size_t offset) {
      const Location where = at(m_arcs_csv, row, 1, offset);
      const std::size_t space = text.find(' ');
      const auto x =
          space == std::string_view::npos ? std::nullopt : parse_integer(text.substr(0, space));
      const auto y =
          space == std::string_view::npos ? std::nullopt : parse_integer(text.substr(space + 1));
      if (!x || !y) {
        bad(where, fmt::format("'{}' is not a point: two whole numbers of metres, 'x y' ('-120 45' "
                               "after the first point)",
                               text.substr(0, 40)));
        fault = true;
        return false;
      }
      if (m_points_total >= limits::k_max_data_points) {
        bad(where,
            fmt::format("the arcs up to here hold more than {} points in all, the most "
                        "devo reads",
                        format_integer(static_cast<std::int64_t>(limits::k_max_data_points))));
        fault = true;
        return false;
      }
      // Each point after the first is a step from the one before; a step
      // longer than the grid would leave it, and is not added up.
      Point point{*x, *y};
      if (!points.empty()) {
        const bool step_fits =
            *x >= -k_grid_max_x && *x <= k_grid_max_x && *y >= -k_grid_max_y && *y <= k_grid_max_y;
        point = step_fits ? Point{points.back().x + *x, points.back().y + *y} : Point{-1, -1};
      }
      if (!within_grid(point)) {
        bad(where,
            fmt::format("point {} of the arc lies outside the British National Grid "
                        "(x 0 to {} m, y 0 to {} m){}",
                        points.size() + 1, format_integer(k_grid_max_x),
                        format_integer(k_grid_max_y),
                        points.empty() ? ""
                                       : "; each point after the first is its step from the one "
                                         "before"));
        fault = true;
        return false;
      }
      if (!points.empty() && point == points.back()) {
        bad(where, fmt::format("point {} of the arc repeats the point before it (a step of '0 0')",
                               points.size() + 1));
        fault = true;
        return false;
      }
      points.push_back(point);
      ++m_points_total;
      return true;
    });
    if (fault) {
      return std::nullopt;
    }
    if (points.size() < 2 || (points.front() == points.back() && points.size() < 4)) {
      bad(m_arcs_csv.where(row, 1),
          points.size() < 2
              ? std::string("an arc has at least two points")
              : std::string("an arc that closes on its first point (a ring of its own) "
                            "has at least three points besides the last"));
      return std::nullopt;
    }
    return points;
  }

  void read_rings() {
    m_rings_complete = m_rings_csv.complete;
    for (const CsvRow& row : m_rings_csv.rows) {
      const auto district = m_districts.by_code.find(row.cells[0]);
      if (district == m_districts.by_code.end()) {
        if (m_districts.complete) {
          bad(m_rings_csv.where(row, 0),
              fmt::format("district '{}' is not in districts.csv", row.cells[0]));
        }
        m_rings_complete = false;
        continue;
      }
      const auto polygon = ring_number(row, 1, "polygon");
      const auto number = ring_number(row, 2, "ring");
      auto ring = read_ring_arcs(row, district->second);
      if (!polygon || !number || !ring) {
        m_rings_complete = false;
        continue;
      }
      check_orientation(row, *ring, *number);
      const RingKey key{district->second, *polygon, *number};
      if (!m_rings.emplace(key, ReadRing{std::move(*ring), m_rings_csv.where(row, 0)}).second) {
        bad(m_rings_csv.where(row, 1), fmt::format("district '{}' has polygon {} ring {} twice",
                                                   row.cells[0], *polygon, *number));
      }
    }
  }

  // A polygon or ring number: a whole number from 1 (no district has more
  // polygons or rings than a table has rows).
  std::optional<std::int64_t> ring_number(const CsvRow& row, std::size_t cell,
                                          std::string_view what) {
    const WholeNumber number = parse_whole_number(row.cells[cell]);
    if (number.fault != WholeNumber::Fault::none || number.value < 1 ||
        number.value > static_cast<std::int64_t>(limits::k_max_data_rows)) {
      bad(m_rings_csv.where(row, cell),
          fmt::format("{} '{}' must be a whole number from 1 to {}", what, row.cells[cell],
                      limits::k_max_data_rows));
      return std::nullopt;
    }
    return number.value;
  }

  // The arcs a ring row names, checked one by one: each is in arcs.csv,
  // starts where the one before ends, and is not used a third time, nor twice
  // the same way or by the same district. Nothing (reported, unless the arc is
  // missing from an incomplete arcs.csv) at the first fault.
  std::optional<Ring> read_ring_arcs(const CsvRow& row, std::size_t district) {
    Ring ring;
    std::vector<std::size_t> offsets;
    bool fault = false;
    for_each_item(row.cells[3], [&](std::string_view text, std::size_t offset) {
      const Location where = at(m_rings_csv, row, 3, offset);
      const auto signed_number = parse_integer(text);
      if (!signed_number || *signed_number == 0 || *signed_number < -1'000'000'000 ||
          *signed_number > 1'000'000'000) {
        bad(where, fmt::format("'{}' is not an arc: a number from arcs.csv, negative to walk the "
                               "arc backwards",
                               text.substr(0, 40)));
        fault = true;
        return false;
      }
      const auto index = static_cast<std::size_t>(std::abs(*signed_number) - 1);
      if (index >= m_arcs.size() || !m_arcs[index]) {
        if (m_arcs_complete) {
          bad(where, fmt::format("arc {} is not in arcs.csv", std::abs(*signed_number)));
        }
        fault = true;
        return false;
      }
      const ArcUse use{static_cast<std::uint32_t>(index), *signed_number < 0};
      if (!ring.arcs.empty() && end_of(ring.arcs.back()) != start_of(use)) {
        bad(where, fmt::format("arc {} starts at {}, but the arc before it ends at {}; each arc "
                               "starts where the one before ends",
                               *signed_number, point_words(start_of(use)),
                               point_words(end_of(ring.arcs.back()))));
        fault = true;
        return false;
      }
      if (!add_user(use, district, where, row.cells[0], *signed_number)) {
        fault = true;
        return false;
      }
      ring.arcs.push_back(use);
      offsets.push_back(offset);
      return true;
    });
    if (fault) {
      return std::nullopt;
    }
    if (ring.arcs.empty() || row.cells[3].empty()) {
      bad(m_rings_csv.where(row, 3), "the row lists no arcs");
      return std::nullopt;
    }
    if (end_of(ring.arcs.back()) != start_of(ring.arcs.front())) {
      bad(at(m_rings_csv, row, 3, offsets.back()),
          fmt::format("the ring does not close: its last arc ends at {}, but its first starts "
                      "at {}",
                      point_words(end_of(ring.arcs.back())),
                      point_words(start_of(ring.arcs.front()))));
      return std::nullopt;
    }
    return ring;
  }

  // Records a use of an arc; false (reported) when it is one too many.
  bool add_user(ArcUse use, std::size_t district, const Location& where, const std::string& code,
                std::int64_t signed_number) {
    auto& users = m_arc_users[use.arc];
    const std::int64_t number = std::abs(signed_number);
    if (users.size() == 2) {
      bad(where,
          fmt::format("arc {} is used a third time; an arc bounds one district, or two", number));
      return false;
    }
    if (users.size() == 1) {
      const ArcUser& first = users.front();
      const std::string first_at = fmt::format("{}:{}", first.where.file, first.where.line);
      if (first.district == district) {
        bad(where, fmt::format("arc {} is used twice by district '{}' (also at {}); an arc shared "
                               "by two districts bounds each of them once",
                               number, code, first_at));
        return false;
      }
      if (first.reversed == use.reversed) {
        bad(where, fmt::format("arc {} is walked the same way as at {}; the two districts an arc "
                               "separates walk it in opposite directions (one of them as {})",
                               number, first_at, -signed_number));
        return false;
      }
    }
    users.push_back(ArcUser{district, use.reversed, where});
    return true;
  }

  Point start_of(ArcUse use) const {
    const auto& points = *m_arcs[use.arc];
    return use.reversed ? points.back() : points.front();
  }

  Point end_of(ArcUse use) const {
    const auto& points = *m_arcs[use.arc];
    return use.reversed ? points.front() : points.back();
  }

  // An outer ring (ring 1) runs counter-clockwise and a hole clockwise, so
  // that its district lies on the left of its arcs; either has an area.
  void check_orientation(const CsvRow& row, const Ring& ring, std::int64_t number) {
    std::vector<Point> points;
    for (const ArcUse& use : ring.arcs) {
      const auto& arc = *m_arcs[use.arc];
      const std::size_t skip = points.empty() ? 0 : 1;
      if (use.reversed) {
        points.insert(points.end(), arc.rbegin() + static_cast<std::ptrdiff_t>(skip), arc.rend());
      } else {
        points.insert(points.end(), arc.begin() + static_cast<std::ptrdiff_t>(skip), arc.end());
      }
    }
    const auto area = twice_signed_area(points);
    const Location where = m_rings_csv.where(row, 3);
    if (!area) {
      bad(where, "the ring is too large to measure in 64 bits");
    } else if (*area == 0) {
      bad(where, "the ring has no area");
    } else if (number == 1 && *area < 0) {
      bad(where,
          "ring 1 is the polygon's outer boundary and runs counter-clockwise (with y "
          "north); this one runs clockwise");
    } else if (number > 1 && *area > 0) {
      bad(where, fmt::format("ring {} is a hole and runs clockwise (with y north); this one runs "
                             "counter-clockwise",
                             number));
    }
  }

  // Each district's polygons are numbered 1, 2, 3, ... and each polygon's
  // rings too, ring 1 being its outer boundary.
  void check_polygon_numbers() {
    std::size_t district = static_cast<std::size_t>(-1);
    std::int64_t polygon = 0;
    std::int64_t ring = 0;
    for (const auto& [key, read] : m_rings) {
      const auto& [d, p, r] = key;
      if (d != district) {
        district = d;
        polygon = 0;
      }
      if (p != polygon) {
        if (p != polygon + 1) {
          bad(read.where, fmt::format("the district has polygon {} but no polygon {}; they are "
                                      "numbered 1, 2, 3, ...",
                                      p, polygon + 1));
        }
        polygon = p;
        ring = 0;
      }
      if (r != ring + 1) {
        bad(read.where,
            fmt::format("polygon {} has ring {} but no ring {}{}; they are numbered 1, 2, 3, ...",
                        p, r, ring + 1, ring == 0 ? " (its outer boundary)" : ""));
      }
      ring = r;
    }
  }

  void check_every_district_has_a_shape() {
    if (!m_rings_complete || !m_districts.complete) {
      return;
    }
    std::vector<bool> shaped(m_districts.rows.size(), false);
    for (const auto& [key, read] : m_rings) {
      shaped[std::get<0>(key)] = true;
    }
    for (const auto& [code, index] : m_districts.by_code) {
      if (index < shaped.size() && !shaped[index]) {
        bad(m_districts.rows[index],
            fmt::format("district '{}' has no shape: no row of district_rings.csv names it", code));
      }
    }
  }

  void check_every_arc_is_used() {
    if (!m_rings_complete) {
      return;
    }
    for (std::size_t i = 0; i < m_arcs.size(); ++i) {
      if (m_arcs[i] && m_arc_users[i].empty()) {
        bad(m_arc_rows[i], fmt::format("arc {} is used by no ring of district_rings.csv", i + 1));
      }
    }
  }

  const CsvTable& m_arcs_csv;
  const CsvTable& m_rings_csv;
  const ShapeDistricts& m_districts;
  Diagnostics& m_diags;
  std::vector<std::optional<std::vector<Point>>> m_arcs;
  std::vector<Location> m_arc_rows;
  std::vector<std::vector<ArcUser>> m_arc_users;
  std::size_t m_points_total = 0;
  bool m_arcs_complete = true;
  bool m_rings_complete = true;
  std::map<RingKey, ReadRing> m_rings;
};

}  // namespace

std::optional<Shapes> read_shape_tables(const CsvTable& arcs, const CsvTable& rings,
                                        const ShapeDistricts& districts, Diagnostics& diags) {
  return ShapeReader(arcs, rings, districts, diags).read();
}

}  // namespace devo::geography
