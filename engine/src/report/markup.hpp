#pragma once

// Escaping for HTML and XML, and the page every HTML report is written in: the
// catalogue's HTML, the printable reports of render_html.cpp and devo test's
// JUnit XML.

#include <string>
#include <string_view>

namespace devo::report {

enum class MarkupPlace { text, attribute };

// `text` with the five characters markup gives meaning written as references
// (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, which HTML and XML both read);
// in an attribute value tab and newline too, which a parser would otherwise
// turn into spaces. The caller makes the text printable first.
std::string escape_markup(std::string_view text, MarkupPlace place = MarkupPlace::text);

// One self-contained HTML page: `title` (plain text, escaped here), devo's
// base style sheet and then `stylesheet` inline, and `body` (HTML already)
// inside <main>. Every element
// is closed and every attribute quoted, so that the page is well-formed XML
// as well as HTML5, and nothing is fetched: no scripts, fonts or images.
std::string html_page(std::string_view title, std::string_view stylesheet, std::string_view body);

}  // namespace devo::report
