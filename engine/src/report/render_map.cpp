// A map as SVG: the title, the map itself (districts, outlines, names), an
// inset locating it in England, a scale bar, the legend, the notes, the
// attribution and the receipt, one under the other on a page 800 wide.
// Accessible (role="img", a <title> and <desc>, a <title> on every district)
// and the same bytes for the same map.

#include "report/markup.hpp"

#include <devo/map.hpp>
#include <devo/report.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace devo {
namespace {

using report::escape_markup;

constexpr double k_width = 800;
constexpr double k_margin = 16;
// The title's baseline, and the subtitle's first; the panel starts below
// the subtitle's last line.
constexpr double k_title_y = 30;
constexpr double k_subtitle_y = 52;
constexpr double k_subtitle_line = 17;
constexpr std::size_t k_subtitle_characters = 100;
constexpr double k_panel_width = k_width - 2 * k_margin;
constexpr double k_panel_min_height = 420;
constexpr double k_panel_max_height = 900;
constexpr double k_inset_width = 130;
constexpr double k_inset_height = 150;
// Characters a line of notes holds at 12 px before it is wrapped.
constexpr std::size_t k_note_characters = 118;
constexpr std::size_t k_small_characters = 140;
constexpr std::string_view k_font = "DejaVu Sans, Verdana, Arial, sans-serif";
constexpr std::string_view k_id = "devo-map";

std::string text(std::string_view words) {
  return escape_markup(printable(words));
}

// A length in tenths of a unit, as "12.3", "12" or "-0.4": enough for a
// page, and the same text for the same value on every machine.
std::string number(double value) {
  const auto tenths = static_cast<std::int64_t>(std::llround(value * 10));
  const std::int64_t whole = std::abs(tenths) / 10;
  const std::int64_t fraction = std::abs(tenths) % 10;
  const std::string_view sign = tenths < 0 ? "-" : "";
  return fraction == 0 ? fmt::format("{}{}", sign, whole)
                       : fmt::format("{}{}.{}", sign, whole, fraction);
}

// From the grid to the page: a uniform scale, y turned to run down.
struct Projection {
  double scale = 1;
  double centre_x = 0;
  double centre_y = 0;
  double page_x = 0;
  double page_y = 0;

  static Projection fit(const MapBox& box, double left, double top, double width, double height) {
    const double box_width = std::max<double>(1, static_cast<double>(box.max.x - box.min.x));
    const double box_height = std::max<double>(1, static_cast<double>(box.max.y - box.min.y));
    Projection projection;
    projection.scale = std::min(width / box_width, height / box_height);
    projection.centre_x = static_cast<double>(box.min.x + box.max.x) / 2;
    projection.centre_y = static_cast<double>(box.min.y + box.max.y) / 2;
    projection.page_x = left + width / 2;
    projection.page_y = top + height / 2;
    return projection;
  }
  // In tenths of a page unit, rounded, so that a path can be written with
  // whole steps.
  std::int64_t x(std::int64_t grid) const {
    return std::llround((page_x + (static_cast<double>(grid) - centre_x) * scale) * 10);
  }
  std::int64_t y(std::int64_t grid) const {
    return std::llround((page_y - (static_cast<double>(grid) - centre_y) * scale) * 10);
  }
  // The part of the grid a page box shows.
  MapBox visible(double left, double top, double width, double height) const {
    const auto grid_x = [&](double page) {
      return static_cast<std::int64_t>(std::floor(centre_x + (page - page_x) / scale));
    };
    const auto grid_y = [&](double page) {
      return static_cast<std::int64_t>(std::floor(centre_y - (page - page_y) / scale));
    };
    return MapBox{MapPoint{grid_x(left), grid_y(top + height)},
                  MapPoint{grid_x(left + width) + 1, grid_y(top) + 1}};
  }
};

std::string tenths(std::int64_t value) {
  return number(static_cast<double>(value) / 10);
}

// An SVG path of rings: an absolute move to each ring's start, then relative
// steps, leaving out the points that fall on the point before at this scale.
std::string path_data(const std::vector<MapRing>& rings, const Projection& projection) {
  std::string d;
  for (const MapRing& ring : rings) {
    if (ring.size() < 3) {
      continue;
    }
    std::int64_t x = projection.x(ring.front().x);
    std::int64_t y = projection.y(ring.front().y);
    std::string steps;
    std::size_t count = 0;
    for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
      const std::int64_t next_x = projection.x(ring[i].x);
      const std::int64_t next_y = projection.y(ring[i].y);
      if (next_x == x && next_y == y) {
        continue;
      }
      steps += fmt::format(" {} {}", tenths(next_x - x), tenths(next_y - y));
      x = next_x;
      y = next_y;
      ++count;
    }
    // A ring smaller than a tenth of a unit at this scale is not drawn.
    if (count < 2) {
      continue;
    }
    d += fmt::format("{}M{} {}l{}z", d.empty() ? "" : " ", tenths(projection.x(ring.front().x)),
                     tenths(projection.y(ring.front().y)), steps);
  }
  return d;
}

MapBox bounds_of(const std::vector<MapRing>& rings) {
  MapBox box{MapPoint{INT64_MAX, INT64_MAX}, MapPoint{INT64_MIN, INT64_MIN}};
  for (const MapRing& ring : rings) {
    for (const MapPoint& point : ring) {
      box.min = MapPoint{std::min(box.min.x, point.x), std::min(box.min.y, point.y)};
      box.max = MapPoint{std::max(box.max.x, point.x), std::max(box.max.y, point.y)};
    }
  }
  return box;
}

bool overlaps(const MapBox& a, const MapBox& b) {
  return a.min.x <= b.max.x && b.min.x <= a.max.x && a.min.y <= b.max.y && b.min.y <= a.max.y;
}

bool inside(const MapPoint& point, const MapBox& box) {
  return point.x >= box.min.x && point.x <= box.max.x && point.y >= box.min.y &&
         point.y <= box.max.y;
}

// The words of `text`, in lines of at most `width` characters (a longer
// word is a line of its own).
std::vector<std::string> wrap(std::string_view words, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start < words.size()) {
    std::size_t end = words.find(' ', start);
    if (end == std::string_view::npos) {
      end = words.size();
    }
    const std::string_view word = words.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!word.empty()) {
      line += line.empty() ? "" : " ";
      line += word;
    }
    start = end + 1;
  }
  if (!line.empty()) {
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string fill_reference(const MapKey& key, std::size_t index) {
  return key.fill.pattern == MapPattern::none ? key.fill.colour
                                              : fmt::format("url(#{}-fill-{})", k_id, index);
}

// A patterned fill is its colour with dark lines or dots over it, so that it
// reads the same in grey and to a reader who cannot tell the colours apart.
std::string pattern_definition(const MapKey& key, std::size_t index) {
  if (key.fill.pattern == MapPattern::hatch) {
    return fmt::format(
        "<pattern id=\"{}-fill-{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{}\"/>"
        "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#1a1a1a\" stroke-opacity=\"0.6\" "
        "stroke-width=\"1.6\"/></pattern>\n",
        k_id, index, key.fill.colour);
  }
  return fmt::format(
      "<pattern id=\"{}-fill-{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
      "<rect width=\"6\" height=\"6\" fill=\"{}\"/><circle cx=\"3\" cy=\"3\" r=\"1.3\" "
      "fill=\"#1a1a1a\" fill-opacity=\"0.6\"/></pattern>\n",
      k_id, index, key.fill.colour);
}

struct LineStyle {
  std::string_view colour;
  std::string_view width;
  std::string_view dashes;
};

LineStyle line_style(MapLine line) {
  switch (line) {
    case MapLine::subject:
      return {"#000000", "2.4", ""};
    case MapLine::institution:
      return {"#333333", "1.3", ""};
    case MapLine::split:
      return {"#7a0177", "2.2", "7 3"};
    case MapLine::overlap:
      break;
  }
  return {"#0072b2", "2", "2 2"};
}

std::string stroke_attributes(MapLine line) {
  const LineStyle style = line_style(line);
  return fmt::format(
      "stroke=\"{}\" stroke-width=\"{}\"{}", style.colour, style.width,
      style.dashes.empty() ? std::string() : fmt::format(" stroke-dasharray=\"{}\"", style.dashes));
}

// A box on the page, for keeping names apart.
struct PageBox {
  double left;
  double top;
  double right;
  double bottom;
  bool meets(const PageBox& other) const {
    return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
  }
};

struct LabelStyle {
  double size;
  std::string_view weight;
  std::string_view colour;
  std::string_view slant;
};

LabelStyle label_style(MapLabelStyle style) {
  switch (style) {
    case MapLabelStyle::subject:
      return {12, "bold", "#000000", "normal"};
    case MapLabelStyle::neighbour:
      return {11, "normal", "#404040", "normal"};
    case MapLabelStyle::warning:
      return {11, "bold", "#a33a00", "normal"};
    case MapLabelStyle::area:
      break;
  }
  return {12, "bold", "#7a0177", "italic"};
}

class SvgWriter {
 public:
  explicit SvgWriter(const Map& map) : m_map(map) {}

  std::string write() {
    const double panel_height = panel_height_for(m_map.frame);
    m_subtitle = wrap(printable(m_map.subtitle), k_subtitle_characters);
    m_panel_top = k_subtitle_y + k_subtitle_line * static_cast<double>(m_subtitle.size()) - 3;
    m_panel_height = panel_height;
    m_projection = Projection::fit(m_map.frame, k_margin, m_panel_top, k_panel_width, panel_height);
    m_visible = m_projection.visible(k_margin, m_panel_top, k_panel_width, panel_height);
    std::string body;
    body += heading();
    body += panel(panel_height);
    double y = m_panel_top + panel_height + 24;
    body += legend(y);
    body += notes(y);
    body += footer(y);
    const double height = std::ceil(y + 8);
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" "
        "viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" "
        "font-family=\"{font}\">\n",
        fmt::arg("w", number(k_width)), fmt::arg("h", number(height)), fmt::arg("id", k_id),
        fmt::arg("font", k_font));
    svg += fmt::format("<title id=\"{}-title\">{}</title>\n", k_id, text(m_map.title));
    svg += fmt::format("<desc id=\"{}-desc\">{}</desc>\n", k_id, text(m_map.description));
    svg += definitions(panel_height);
    svg += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", number(k_width),
                       number(height));
    svg += body;
    svg += "</svg>\n";
    return svg;
  }

 private:
  // As tall as the frame needs at the page's width, within bounds: a wide
  // frame is shown with space above and below, a tall one narrower.
  static double panel_height_for(const MapBox& frame) {
    const double width = std::max<double>(1, static_cast<double>(frame.max.x - frame.min.x));
    const double height = std::max<double>(1, static_cast<double>(frame.max.y - frame.min.y));
    return std::clamp(std::round(k_panel_width * height / width), k_panel_min_height,
                      k_panel_max_height);
  }

  std::string definitions(double panel_height) const {
    std::string defs = "<defs>\n";
    defs += fmt::format(
        "<clipPath id=\"{}-panel\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>"
        "</clipPath>\n",
        k_id, number(k_margin), number(m_panel_top), number(k_panel_width), number(panel_height));
    for (std::size_t i = 0; i < m_map.legend.size(); ++i) {
      if (m_map.legend[i].fill.pattern != MapPattern::none) {
        defs += pattern_definition(m_map.legend[i], i);
      }
    }
    defs += "</defs>\n";
    return defs;
  }

  std::string heading() const {
    std::string out = fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"20\" font-weight=\"bold\" "
        "fill=\"#0b0c0c\">{}</text>\n",
        number(k_margin), number(k_title_y), text(m_map.title));
    double y = k_subtitle_y;
    for (const std::string& line : m_subtitle) {
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#0b0c0c\">{}</text>\n",
                         number(k_margin), number(y), escape_markup(line));
      y += k_subtitle_line;
    }
    return out;
  }

  std::string panel(double panel_height) const {
    std::string out = fmt::format(
        "<rect class=\"panel\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#eaf2f8\"/>\n"
        "<g clip-path=\"url(#{}-panel)\">\n",
        number(k_margin), number(m_panel_top), number(k_panel_width), number(panel_height), k_id);
    out += areas();
    out += outlines();
    out += labels();
    out += "</g>\n";
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#505a5f\" "
        "stroke-width=\"1\"/>\n",
        number(k_margin), number(m_panel_top), number(k_panel_width), number(panel_height));
    out += scale_bar(m_panel_top + panel_height);
    out += inset();
    return out;
  }

  std::string areas() const {
    std::string out =
        "<g class=\"areas\" fill-rule=\"evenodd\" stroke=\"#ffffff\" stroke-width=\"0.6\" "
        "stroke-linejoin=\"round\">\n";
    for (const MapArea& area : m_map.areas) {
      if (!overlaps(bounds_of(area.rings), m_visible) || area.key >= m_map.legend.size()) {
        continue;
      }
      const std::string d = path_data(area.rings, m_projection);
      if (d.empty()) {
        continue;
      }
      // The GSS code lets a page that shows the map pick districts on it.
      out += fmt::format("<path data-code=\"{}\" d=\"{}\" fill=\"{}\"><title>{}</title></path>\n",
                         text(area.code), d, fill_reference(m_map.legend[area.key], area.key),
                         text(area.title));
    }
    out += "</g>\n";
    return out;
  }

  std::string outlines() const {
    std::string out =
        "<g class=\"outlines\" fill=\"none\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n";
    for (const MapOutline& outline : m_map.outlines) {
      if (!overlaps(bounds_of(outline.rings), m_visible)) {
        continue;
      }
      const std::string d = path_data(outline.rings, m_projection);
      if (d.empty()) {
        continue;
      }
      out += fmt::format("<path d=\"{}\" {}><title>{}</title></path>\n", d,
                         stroke_attributes(outline.line), text(outline.title));
    }
    out += "</g>\n";
    return out;
  }

  // Names, each with a white halo so that it reads over any fill. A name
  // that would cover one written before is moved a line up or down where
  // that is free (two areas with one outline have one place for a name).
  std::string labels() const {
    std::string out =
        "<g class=\"labels\" text-anchor=\"middle\" stroke=\"#ffffff\" stroke-width=\"3\" "
        "stroke-linejoin=\"round\" paint-order=\"stroke\">\n";
    std::vector<PageBox> taken;
    for (const MapLabel& label : m_map.labels) {
      if (!inside(label.at, m_visible)) {
        continue;
      }
      const LabelStyle style = label_style(label.style);
      const double x = static_cast<double>(label_x(label, style)) / 10;
      const double y = static_cast<double>(m_projection.y(label.at.y)) / 10 + 4;
      const double half = text_width(label.text, style) / 2;
      double chosen = y;
      for (const double shift : {0.0, 1.0, -1.0, 2.0, -2.0}) {
        const double candidate = y + shift * (style.size + 2);
        const PageBox box{x - half, candidate - style.size, x + half, candidate + 2};
        if (std::none_of(taken.begin(), taken.end(),
                         [&](const PageBox& other) { return other.meets(box); })) {
          chosen = candidate;
          break;
        }
      }
      taken.push_back(PageBox{x - half, chosen - style.size, x + half, chosen + 2});
      out += fmt::format(
          "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{}\" font-style=\"{}\" "
          "fill=\"{}\">{}</text>\n",
          number(x), number(chosen), number(style.size), style.weight, style.slant, style.colour,
          text(label.text));
    }
    out += "</g>\n";
    return out;
  }

  // A rough width of a text: 0.62 of the font size a character.
  static double text_width(std::string_view words, const LabelStyle& style) {
    return static_cast<double>(words.size()) * style.size * 0.62;
  }

  // A label's middle, moved in where its text (at a rough 0.62 of the font
  // size a character) would run past the panel's side.
  std::int64_t label_x(const MapLabel& label, const LabelStyle& style) const {
    const double half = text_width(label.text, style) / 2 + 4;
    const double left = k_margin + half;
    const double right = k_margin + k_panel_width - half;
    const double x = static_cast<double>(m_projection.x(label.at.x)) / 10;
    return std::llround((left > right ? k_margin + k_panel_width / 2 : std::clamp(x, left, right)) *
                        10);
  }

  // A bar of a round length (1, 2 or 5 times a power of ten kilometres) near
  // a fifth of the panel's width, in its bottom left corner.
  std::string scale_bar(double panel_bottom) const {
    const double metres_per_unit = 1 / m_projection.scale;
    const double wanted = k_panel_width / 5 * metres_per_unit / 1000;
    double kilometres = 1;
    for (double power = 1e-3; power < 1e5; power *= 10) {
      for (const double step : {1.0, 2.0, 5.0}) {
        if (step * power <= wanted) {
          kilometres = step * power;
        }
      }
    }
    const double length = kilometres * 1000 / metres_per_unit;
    const double x = k_margin + 12;
    const double y = panel_bottom - 16;
    const std::string words = fmt::format("{} km", number(kilometres));
    return fmt::format(
        "<g font-size=\"11\" fill=\"#0b0c0c\">"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"26\" fill=\"#ffffff\" fill-opacity=\"0.8\"/>"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"5\" fill=\"#0b0c0c\"/>"
        "<text x=\"{}\" y=\"{}\">{}</text></g>\n",
        number(x - 6), number(y - 16), number(length + 60), number(x), number(y), number(length),
        number(x + length + 6), number(y + 5), words);
  }

  // The inset goes in the top right corner, or where it hides none of the
  // subject: the top left, then the bottom right (the scale bar has the
  // bottom left).
  std::pair<double, double> inset_corner() const {
    const double right = k_margin + k_panel_width - k_inset_width - 8;
    const double bottom = m_panel_top + m_panel_height - k_inset_height - 8;
    const std::pair<double, double> corners[] = {
        {right, m_panel_top + 8}, {k_margin + 8, m_panel_top + 8}, {right, bottom}};
    for (const auto& [left, top] : corners) {
      const PageBox box{left, top, left + k_inset_width, top + k_inset_height};
      const bool hides = std::any_of(
          m_map.inset->subject.begin(), m_map.inset->subject.end(), [&](const MapRing& ring) {
            return std::any_of(ring.begin(), ring.end(), [&](const MapPoint& point) {
              const double x = static_cast<double>(m_projection.x(point.x)) / 10;
              const double y = static_cast<double>(m_projection.y(point.y)) / 10;
              return x > box.left && x < box.right && y > box.top && y < box.bottom;
            });
          });
      if (!hides) {
        return {left, top};
      }
    }
    return corners[0];
  }

  std::string inset() const {
    if (!m_map.inset) {
      return {};
    }
    const auto [left, top] = inset_corner();
    const MapBox england = bounds_of(m_map.inset->england);
    const Projection projection =
        Projection::fit(england, left + 6, top + 6, k_inset_width - 12, k_inset_height - 12);
    std::string out = fmt::format(
        "<g><title>Where the map lies in England</title>"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" stroke=\"#505a5f\" "
        "stroke-width=\"1\"/>\n",
        number(left), number(top), number(k_inset_width), number(k_inset_height));
    out += fmt::format("<path d=\"{}\" fill=\"#bfc1c3\" fill-rule=\"evenodd\"/>\n",
                       path_data(m_map.inset->england, projection));
    const std::string subject = path_data(m_map.inset->subject, projection);
    if (!subject.empty()) {
      out += fmt::format(
          "<path d=\"{}\" fill=\"#d55e00\" stroke=\"#d55e00\" stroke-width=\"0.8\" "
          "fill-rule=\"evenodd\"/>\n",
          subject);
    }
    const std::int64_t x0 = projection.x(m_visible.min.x);
    const std::int64_t x1 = projection.x(m_visible.max.x);
    const std::int64_t y0 = projection.y(m_visible.max.y);
    const std::int64_t y1 = projection.y(m_visible.min.y);
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#0b0c0c\" "
        "stroke-width=\"1\"/></g>\n",
        tenths(x0), tenths(y0), tenths(x1 - x0), tenths(y1 - y0));
    return out;
  }

  // The legend in two columns when it is long.
  std::string legend(double& y) const {
    if (m_map.legend.empty()) {
      return {};
    }
    std::string out = fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\" "
        "fill=\"#0b0c0c\">Key</text>\n",
        number(k_margin), number(y));
    y += 10;
    const std::size_t columns = m_map.legend.size() > 6 ? 2 : 1;
    const std::size_t rows = (m_map.legend.size() + columns - 1) / columns;
    const double column_width = k_panel_width / static_cast<double>(columns);
    const std::size_t characters = columns == 1 ? k_note_characters : k_note_characters / 2 - 6;
    double bottom = y;
    for (std::size_t column = 0; column < columns; ++column) {
      double row_y = y;
      for (std::size_t row = 0; row < rows; ++row) {
        const std::size_t index = column * rows + row;
        if (index >= m_map.legend.size()) {
          break;
        }
        const MapKey& key = m_map.legend[index];
        const double x = k_margin + column_width * static_cast<double>(column);
        if (key.line) {
          out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {}/>\n", number(x),
                             number(row_y + 7), number(x + 22), number(row_y + 7),
                             stroke_attributes(*key.line));
        } else {
          out += fmt::format(
              "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"14\" fill=\"{}\" stroke=\"#505a5f\" "
              "stroke-width=\"0.6\"/>\n",
              number(x), number(row_y), fill_reference(key, index));
        }
        const auto lines = wrap(printable(key.label), characters);
        double line_y = row_y + 11;
        for (const std::string& line : lines) {
          out +=
              fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#0b0c0c\">{}</text>\n",
                          number(x + 30), number(line_y), escape_markup(line));
          line_y += 15;
        }
        row_y += std::max<double>(20, 15 * static_cast<double>(lines.size()) + 5);
      }
      bottom = std::max(bottom, row_y);
    }
    y = bottom + 10;
    return out;
  }

  std::string notes(double& y) const {
    std::string out;
    for (const std::string& note : m_map.notes) {
      for (const std::string& line : wrap(printable(note), k_note_characters)) {
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#0b0c0c\">{}</text>\n",
                           number(k_margin), number(y), escape_markup(line));
        y += 15;
      }
      y += 4;
    }
    return out;
  }

  std::string footer(double& y) const {
    std::string out;
    y += 6;
    const auto small = [&](std::string_view words, std::string_view colour) {
      for (const std::string& line : wrap(printable(words), k_small_characters)) {
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"{}\">{}</text>\n",
                           number(k_margin), number(y), colour, escape_markup(line));
        y += 13;
      }
    };
    small(m_map.attribution, "#0b0c0c");
    for (const std::string& line : m_map.receipt) {
      small(line, "#505a5f");
    }
    return out;
  }

  const Map& m_map;
  std::vector<std::string> m_subtitle;
  double m_panel_top = 0;
  double m_panel_height = 0;
  Projection m_projection;
  MapBox m_visible;
};

}  // namespace

std::string render_map_svg(const Map& map) {
  return SvgWriter(map).write();
}

}  // namespace devo
