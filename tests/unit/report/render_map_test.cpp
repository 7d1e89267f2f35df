// A map as SVG (render_map_svg): well-formed and escaped whatever the names,
// accessible, the same bytes each time, and laid out on the page as drawn.

#include "support/catch.hpp"

#include <devo/map.hpp>
#include <devo/report.hpp>

#include <string>

namespace {

using devo::Map;
using devo::MapPoint;
using devo::MapRing;

MapRing square(std::int64_t x, std::int64_t y, std::int64_t side) {
  return {{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}};
}

// A map of one square district 10 km across, in a frame of 20 km.
Map small_map() {
  Map map;
  map.title = "A test map";
  map.subtitle = "of one square";
  map.description = "One square district.";
  map.frame = devo::MapBox{{400'000, 300'000}, {420'000, 320'000}};
  map.legend.push_back(devo::MapKey{"the subject", {"#41b6c4", devo::MapPattern::none}, {}});
  map.legend.push_back(devo::MapKey{"an island", {"#d55e00", devo::MapPattern::hatch}, {}});
  map.legend.push_back(devo::MapKey{"its boundary", {}, devo::MapLine::subject});
  map.areas.push_back(devo::MapArea{
      "E00000001", "Square (E00000001): the subject", 0, {square(405'000, 305'000, 10'000)}});
  map.outlines.push_back(
      devo::MapOutline{"the boundary", devo::MapLine::subject, {square(405'000, 305'000, 10'000)}});
  map.labels.push_back(devo::MapLabel{{410'000, 310'000}, "Square", devo::MapLabelStyle::subject});
  map.attribution = "Contains OS data © Crown copyright and database right 2024.";
  map.receipt = {"Rule set test (SHA-256 0), as of 2026-06-01; devo 0"};
  return map;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t found = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++found;
  }
  return found;
}

}  // namespace

TEST_CASE("a map's SVG is accessible and carries its title, legend, attribution and receipt",
          "[report][map]") {
  const std::string svg = devo::render_map_svg(small_map());
  CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK(svg.ends_with("</svg>\n"));
  CHECK(svg.find("role=\"img\" aria-labelledby=\"devo-map-title devo-map-desc\"") !=
        std::string::npos);
  CHECK(svg.find("<title id=\"devo-map-title\">A test map</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"devo-map-desc\">One square district.</desc>") != std::string::npos);
  CHECK(svg.find("<title>Square (E00000001): the subject</title>") != std::string::npos);
  CHECK(svg.find(">the subject</text>") != std::string::npos);
  CHECK(svg.find(">its boundary</text>") != std::string::npos);
  CHECK(svg.find("Contains OS data © Crown copyright") != std::string::npos);
  CHECK(svg.find("Rule set test") != std::string::npos);
  // The hatched legend row has its pattern, and only that row.
  CHECK(count(svg, "<pattern ") == 1);
  CHECK(svg.find("<pattern id=\"devo-map-fill-1\"") != std::string::npos);
  CHECK(svg.find(" km</text>") != std::string::npos);  // the scale bar
}

TEST_CASE("a map's SVG is the same bytes each time", "[report][map]") {
  CHECK(devo::render_map_svg(small_map()) == devo::render_map_svg(small_map()));
}

TEST_CASE("every name on a map is escaped and made printable", "[report][map]") {
  Map map = small_map();
  map.title = "<script>alert(1)</script> & \"Co\"";
  map.areas.front().title = "Square\x1B]0;x\x07 <b>";
  map.labels.front().text = "A&B <i>";
  map.notes.push_back("a note with <tags> & a \x1B[31m colour");
  const std::string svg = devo::render_map_svg(map);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;") !=
        std::string::npos);
  CHECK(svg.find('\x1B') == std::string::npos);
  CHECK(svg.find('\x07') == std::string::npos);
  CHECK(svg.find("Square\\x1B]0;x\\x07 &lt;b&gt;") != std::string::npos);
  CHECK(svg.find("A&amp;B &lt;i&gt;") != std::string::npos);
  CHECK(svg.find("<tags>") == std::string::npos);
}

TEST_CASE("a district is drawn where the frame puts it, in the page's units", "[report][map]") {
  const std::string svg = devo::render_map_svg(small_map());
  // The frame, 20 km square, fills a panel 768 units square (the page's
  // width less its margins) whose top is at 66, under one line of subtitle:
  // 38.4 units a km. The square's south-west corner, 5 km west and south of
  // the frame's middle, is 192 units left of the panel's middle (x 400) and
  // 192 below it (y 450); its sides are 384 units, drawn east, north, west.
  CHECK(svg.find("d=\"M208 642l 384 0 0 -384 -384 0z\" fill=\"#41b6c4\">") !=
        std::string::npos);
}

TEST_CASE("a ring smaller than the page can show is left out", "[report][map]") {
  Map map = small_map();
  map.areas.front().rings.push_back(square(401'000, 301'000, 1));
  const std::string svg = devo::render_map_svg(map);
  CHECK(count(svg, "z\" fill=\"#41b6c4\"") == 1);
  CHECK(count(svg, "M") == count(devo::render_map_svg(small_map()), "M"));
}
