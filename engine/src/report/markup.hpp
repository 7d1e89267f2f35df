#pragma once

// Escaping for HTML and XML: the catalogue's HTML and devo test's JUnit XML.

#include <string>
#include <string_view>

namespace devo::report {

enum class MarkupPlace { text, attribute };

// `text` with the five characters markup gives meaning written as references
// (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, which HTML and XML both read);
// in an attribute value tab and newline too, which a parser would otherwise
// turn into spaces. The caller makes the text printable first.
std::string escape_markup(std::string_view text, MarkupPlace place = MarkupPlace::text);

}  // namespace devo::report
