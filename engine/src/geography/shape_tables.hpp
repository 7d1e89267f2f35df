#pragma once

#include "geography/csv.hpp"
#include "geography/shapes.hpp"

#include <devo/diagnostic.hpp>
#include <devo/source.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace devo::geography {

// The columns of arcs.csv and district_rings.csv (data/README.md).
extern const std::vector<std::string_view> k_arc_columns;
extern const std::vector<std::string_view> k_district_ring_columns;

// What the shape tables refer to: the districts already read.
struct ShapeDistricts {
  const std::map<std::string, std::size_t, std::less<>>& by_code;
  // Where each district's row is, to report a district without a shape.
  const std::vector<Location>& rows;
  // False when districts.csv could not be read whole: a code not found may
  // have been in a row left out, and is then not reported.
  bool complete = true;
};

// The shapes in `arcs` and `rings` (arcs.csv and district_rings.csv, parsed
// with their columns). Every cell is checked and each fault reported as
// invalid-data at its row and column -- within a cell of points or arcs, at
// the point or arc at fault -- and only once: a ring naming an arc whose row
// could not be read is not reported again. Checks that each arc's points lie
// within the grid, that each ring is closed and turns the right way, that an
// arc is used once, or twice in opposite directions by two districts, and that
// every district has a polygon. Gives nothing when any fault was found.
std::optional<Shapes> read_shape_tables(const CsvTable& arcs, const CsvTable& rings,
                                        const ShapeDistricts& districts, Diagnostics& diags);

}  // namespace devo::geography
