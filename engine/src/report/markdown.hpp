#pragma once

#include <string>
#include <string_view>
#include <vector>

// The one way devo writes Markdown (GitHub-flavoured): text from users' files
// escaped so that it shows as written and never as markup, and tables. Every
// Markdown report (an evaluation, a diff, a catalogue, a plain table) builds
// its tables and inline text here.
namespace devo::report {

// How a line break in text is written: a space (in headings and paragraphs),
// or `<br>` (in a table cell, where a newline would end the row; GitHub's way
// of breaking a line inside a cell).
enum class LineBreaks { space, html };

// Plain text as inline Markdown that shows exactly that text: a backslash
// before each character Markdown or HTML could read as markup (\ ` * _ [ ] <
// > | # ~) and before a `&` that could start a character reference ("&amp;",
// "&#60;"); "\r\n", "\r" and "\n" as `breaks` says. Control characters are
// left for printable(), which every Markdown report ends in.
std::string markdown_text(std::string_view text, LineBreaks breaks = LineBreaks::space);

// A code span fenced by more backticks than `text` holds in a row. A `|` is
// escaped even here, or GitHub ends a table cell at it; a line break is a space.
std::string markdown_code(std::string_view text);

// A line that starts like a list item, a setext underline or a numbered item
// ("2021. A year") would be read as one; a backslash stops that. For a
// paragraph or a bullet's text, already escaped.
std::string markdown_line_start(std::string text);

// One table cell from plain text: made printable() (a line break as "\n"
// first), escaped by markdown_text() with line breaks as `<br>`, and without
// leading or trailing white space, which GitHub would drop anyway.
std::string markdown_cell(std::string_view text);

// How a column's cells line up.
enum class Align { left, right };

// A table of plain text: every header and body cell goes through
// markdown_cell(). A row shorter than the header gets empty cells; cells past
// the header's width are dropped. `align` may be shorter than the header
// (the rest are left-aligned).
struct MarkdownTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<Align> align;
};

// "| a | b |", "|---|---:|", then a line per row, each ending in a newline.
std::string markdown_table(const MarkdownTable& table);

// The same layout for cells that are Markdown already, each made only of
// markdown_text(..., LineBreaks::html), markdown_code() and markup of the
// caller's own (emphasis, links): for the catalogue, whose cells mix them.
std::string markdown_table_of_markup(const std::vector<std::string>& header,
                                     const std::vector<std::vector<std::string>>& rows,
                                     const std::vector<Align>& align = {});

}  // namespace devo::report
