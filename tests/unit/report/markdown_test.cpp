// report/markdown.hpp: the one Markdown escaper and table writer behind every
// Markdown report. A cell holds text from users' files, which must show as
// written and never as markup, a broken table or a terminal control.

#include "report/markdown.hpp"

#include "support/catch.hpp"

#include <devo/report.hpp>

#include <string>

using devo::report::Align;
using devo::report::LineBreaks;
using devo::report::markdown_cell;
using devo::report::markdown_code;
using devo::report::markdown_line_start;
using devo::report::markdown_table;
using devo::report::markdown_table_of_markup;
using devo::report::markdown_text;
using devo::report::MarkdownTable;

TEST_CASE("a cell's pipe is escaped so that it does not end the cell", "[report][markdown]") {
  CHECK(markdown_cell("a|b") == "a\\|b");
  CHECK(markdown_cell("|") == "\\|");
  CHECK(markdown_cell("a || b") == "a \\|\\| b");
}

TEST_CASE("a cell's line breaks become <br>, whichever the line ending", "[report][markdown]") {
  CHECK(markdown_cell("line\nbreak") == "line<br>break");
  CHECK(markdown_cell("line\r\nbreak") == "line<br>break");
  CHECK(markdown_cell("line\rbreak") == "line<br>break");
  CHECK(markdown_cell("two\n\nbreaks") == "two<br><br>breaks");
  // Outside a table a line break is a space.
  CHECK(markdown_text("line\nbreak") == "line break");
  CHECK(markdown_text("line\r\nbreak", LineBreaks::space) == "line break");
}

TEST_CASE("HTML in a cell is shown, not run", "[report][markdown]") {
  CHECK(markdown_cell("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>");
  CHECK(markdown_cell("<b>bold</b>") == "\\<b\\>bold\\</b\\>");
  // An autolink would be one too.
  CHECK(markdown_cell("<https://example.org>") == "\\<https://example.org\\>");
  // Only what could be a character reference gets a backslash.
  CHECK(markdown_cell("&lt;") == "\\&lt;");
  CHECK(markdown_cell("&#60;") == "\\&\\#60;");
  CHECK(markdown_cell("&#x3C;") == "\\&\\#x3C;");
  CHECK(markdown_cell("Trowers & Hamlins") == "Trowers & Hamlins");
  CHECK(markdown_cell("R&D") == "R&D");
  CHECK(markdown_cell("a &b c;") == "a &b c;");
}

TEST_CASE("Markdown's own markup in a cell is escaped", "[report][markdown]") {
  CHECK(markdown_cell("*not emphasis*") == "\\*not emphasis\\*");
  CHECK(markdown_cell("_not emphasis_") == "\\_not emphasis\\_");
  CHECK(markdown_cell("[a link](https://example.org)") == "\\[a link\\](https://example.org)");
  CHECK(markdown_cell("![image](x.png)") == "!\\[image\\](x.png)");
  CHECK(markdown_cell("`code`") == "\\`code\\`");
  CHECK(markdown_cell("~~struck~~") == "\\~\\~struck\\~\\~");
  CHECK(markdown_cell("# heading") == "\\# heading");
}

TEST_CASE("backslashes in a cell stay backslashes", "[report][markdown]") {
  CHECK(markdown_cell("a\\b") == "a\\\\b");
  // A backslash at the end would otherwise escape the cell's closing pipe.
  CHECK(markdown_cell("ends in \\") == "ends in \\\\");
  CHECK(markdown_cell("\\|") == "\\\\\\|");
}

TEST_CASE("a cell loses its leading and trailing white space", "[report][markdown]") {
  CHECK(markdown_cell("  padded  ") == "padded");
  CHECK(markdown_cell("\tand\n") == "and");
  CHECK(markdown_cell("\n\nlines\n\n") == "lines");
  CHECK(markdown_cell("inner  spaces stay") == "inner  spaces stay");
  CHECK(markdown_cell("") == "");
  CHECK(markdown_cell("   ") == "");
}

TEST_CASE("control characters in a cell are written out", "[report][markdown]") {
  // printable() writes the escape byte out; its backslash is then escaped,
  // so that the cell shows "\x1B" and not a terminal command.
  CHECK(markdown_cell("title\x1b]0;pwned\x07") == "title\\\\x1B\\]0;pwned\\\\x07");
  CHECK(markdown_cell("a\xe2\x80\xae"
                      "b") == "a\\\\u{202E}b");
  CHECK(markdown_cell("Latin-1 \xe9") == "Latin-1 \\\\xE9");
  const std::string cell = markdown_cell(std::string("nul\0byte", 8));
  CHECK(cell == "nul\\\\x00byte");
  CHECK(cell.find('\0') == std::string::npos);
}

TEST_CASE("code spans are fenced past their own backticks", "[report][markdown]") {
  CHECK(markdown_code("id") == "`id`");
  CHECK(markdown_code("a`b") == "``a`b``");
  CHECK(markdown_code("`x`") == "`` `x` ``");
  CHECK(markdown_code("a|b") == "`a\\|b`");
  CHECK(markdown_code("two\nlines") == "`two lines`");
}

TEST_CASE("a line that would start a list or a numbered item is escaped", "[report][markdown]") {
  CHECK(markdown_line_start("- not a bullet") == "\\- not a bullet");
  CHECK(markdown_line_start("+ plus") == "\\+ plus");
  CHECK(markdown_line_start("=== underline") == "\\=== underline");
  CHECK(markdown_line_start("2021. A year") == "2021\\. A year");
  CHECK(markdown_line_start("3) three") == "3\\) three");
  CHECK(markdown_line_start("2021 was a year") == "2021 was a year");
  CHECK(markdown_line_start("") == "");
}

TEST_CASE("a table of hostile cells stays one table of whole rows", "[report][markdown]") {
  const MarkdownTable table{{"name", "note|s"},
                            {{"a|b", "line\nbreak"},
                             {"<script>", "back\\slash"},
                             {"", ""},
                             {"short row"},
                             {"too", "many", "cells"}},
                            {}};
  const std::string out = markdown_table(table);
  CHECK(out ==
        "| name | note\\|s |\n"
        "|---|---|\n"
        "| a\\|b | line<br>break |\n"
        "| \\<script\\> | back\\\\slash |\n"
        "|  |  |\n"
        "| short row |  |\n"
        "| too | many |\n");
  // Every line is a row: as many unescaped pipes as the header has.
  std::size_t start = 0;
  while (start < out.size()) {
    const std::size_t end = out.find('\n', start);
    std::size_t pipes = 0;
    for (std::size_t i = start; i < end; ++i) {
      const bool escaped = i > start && out[i - 1] == '\\' && (i < 2 || out[i - 2] != '\\');
      pipes += out[i] == '|' && !escaped ? 1 : 0;
    }
    CHECK(pipes == 3);
    start = end + 1;
  }
}

TEST_CASE("columns can be right-aligned", "[report][markdown]") {
  const MarkdownTable table{{"id", "from", "to"}, {{"x", "1", "2"}}, {Align::left, Align::right}};
  CHECK(markdown_table(table) == "| id | from | to |\n|---|---:|---|\n| x | 1 | 2 |\n");
  CHECK(markdown_table_of_markup({"**a**"}, {{"`b`"}}, {Align::right}) ==
        "| **a** |\n|---:|\n| `b` |\n");
}
