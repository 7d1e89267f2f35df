#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// A map, described for drawing: what `devo map` draws and the printable
// reports embed. The use cases in <devo/app.hpp> decide what is on it (which
// districts are filled how, what is outlined, what is named); render_map_svg()
// in <devo/report.hpp> lays it out on the page. Coordinates are British
// National Grid (EPSG:27700) metres, x east and y north, as in devo's data.
namespace devo {

struct MapPoint {
  std::int64_t x = 0;
  std::int64_t y = 0;
  friend bool operator==(const MapPoint&, const MapPoint&) = default;
};

// A closed ring of points, its first point repeated at the end. A shape is
// a list of rings filled by the even-odd rule, so a hole is a ring inside
// another.
using MapRing = std::vector<MapPoint>;

struct MapBox {
  MapPoint min;
  MapPoint max;
};

// Drawn over a fill so that a meaning does not rest on colour alone.
enum class MapPattern { none, hatch, dots };

struct MapFill {
  std::string colour;  // "#rrggbb"
  MapPattern pattern = MapPattern::none;
};

// How an outline is stroked.
enum class MapLine {
  subject,      // the subject's own boundary
  institution,  // an existing devolution institution
  split,        // a police, fire or ICB area the subject splits
  overlap,      // an institution the subject overlaps
};

// A row of the legend: a fill, or a line.
struct MapKey {
  std::string label;
  MapFill fill;
  std::optional<MapLine> line;
};

// A district on the map: its fill is the legend row `key`; `title` names it
// and its status, for a screen reader and a pointer hovering over it.
struct MapArea {
  std::string code;
  std::string title;
  std::size_t key = 0;
  std::vector<MapRing> rings;
};

struct MapOutline {
  std::string title;
  MapLine line = MapLine::subject;
  std::vector<MapRing> rings;
};

enum class MapLabelStyle { subject, neighbour, warning, area };

struct MapLabel {
  MapPoint at;
  std::string text;
  MapLabelStyle style = MapLabelStyle::neighbour;
};

// A small map of England locating the subject.
struct MapInset {
  std::vector<MapRing> england;
  std::vector<MapRing> subject;
};

struct Map {
  std::string title;
  std::string subtitle;
  // What the map shows, in sentences: the SVG's <desc>.
  std::string description;
  // The part of England drawn: every point of it is shown.
  MapBox frame;
  std::vector<MapArea> areas;
  std::vector<MapOutline> outlines;
  std::vector<MapLabel> labels;
  std::vector<MapKey> legend;
  std::optional<MapInset> inset;
  // Sentences printed under the legend (what a split area is split by).
  std::vector<std::string> notes;
  std::string attribution;
  // The receipt, a line each: rule set, date, devo, data.
  std::vector<std::string> receipt;
};

}  // namespace devo
