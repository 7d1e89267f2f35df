#include "report/markup.hpp"

#include <fmt/format.h>

namespace devo::report {

std::string escape_markup(std::string_view text, MarkupPlace place) {
  const bool attribute = place == MarkupPlace::attribute;
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

// What every page of devo's starts from: the system's fonts, a readable
// measure, headings; each page's own sheet follows and may override it.
constexpr std::string_view k_base_stylesheet = R"(:root { color-scheme: light; }
body { margin: 0; color: #0b0c0c; background: #fff;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1, h2, h3 { line-height: 1.25; margin: 2rem 0 0.75rem; }
h1 { font-size: 2rem; margin-top: 0; }
h2 { font-size: 1.5rem; border-bottom: 1px solid #b1b4b6; padding-bottom: 0.25rem; }
h3 { font-size: 1.2rem; }
@media print {
  main { max-width: none; padding: 0; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
}
)";

}  // namespace

std::string html_page(std::string_view title, std::string_view stylesheet, std::string_view body) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\" />\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
      "<meta name=\"generator\" content=\"devo\" />\n<title>{}</title>\n<style>\n{}</style>\n"
      "</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
      escape_markup(title), fmt::format("{}{}", k_base_stylesheet, stylesheet), body);
}

}  // namespace devo::report
