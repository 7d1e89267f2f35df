// printable() (devo/report.hpp): the one escaper every text, Markdown and
// HTML rendering goes through, so that nothing in a user's file or argument
// can drive the terminal that shows devo's output.

#include "support/catch.hpp"

#include <devo/report.hpp>

#include <string>

TEST_CASE("control characters are written out, newlines and tabs kept", "[report][printable]") {
  CHECK(devo::printable("plain text, £ and é") == "plain text, £ and é");
  CHECK(devo::printable("two\nlines\tand a tab") == "two\nlines\tand a tab");
  CHECK(devo::printable("title\x1b]0;pwned\x07") == "title\\x1B]0;pwned\\x07");
  CHECK(devo::printable("clear\x1b[2J") == "clear\\x1B[2J");
  CHECK(devo::printable("back\rspace\b del\x7f") == "back\\x0Dspace\\x08 del\\x7F");
  CHECK(devo::printable(std::string("nul\0byte", 8)) == "nul\\x00byte");
}

TEST_CASE("C1 controls and invisible characters are written out", "[report][printable]") {
  CHECK(devo::printable("next\xc2\x85line") == "next\\u{0085}line");  // NEL
  CHECK(devo::printable("csi\xc2\x9b"
                        "2J") == "csi\\u{009B}2J");  // C1 CSI
  CHECK(devo::printable("a\xe2\x80\xae"
                        "cba") == "a\\u{202E}cba");  // right-to-left override
  CHECK(devo::printable("zero\xe2\x80\x8bwidth") == "zero\\u{200B}width");  // zero-width space
  CHECK(devo::printable("\xef\xbb\xbf"
                        "bom") == "\\u{FEFF}bom");                      // byte order mark
  CHECK(devo::printable("line\xe2\x80\xa8sep") == "line\\u{2028}sep");  // line separator
}

TEST_CASE("bytes that are not UTF-8 are written out byte by byte", "[report][printable]") {
  CHECK(devo::printable("Latin-1 \xe9t\xe9") == "Latin-1 \\xE9t\\xE9");
  CHECK(devo::printable("cut \xe2\x80") == "cut \\xE2\\x80");
  CHECK(devo::printable("overlong \xc0\xaf") == "overlong \\xC0\\xAF");
  CHECK(devo::printable("surrogate \xed\xa0\x80") == "surrogate \\xED\\xA0\\x80");
}

TEST_CASE("with colour, only the reports' own colour codes pass", "[report][printable]") {
  const devo::TextStyle colour{true};
  CHECK(devo::printable("\x1b[1mbold\x1b[0m", colour) == "\x1b[1mbold\x1b[0m");
  CHECK(devo::printable("\x1b[31mred\x1b[0m", colour) == "\x1b[31mred\x1b[0m");
  // Not one of the reports' codes: escaped even with colour on.
  CHECK(devo::printable("\x1b[2J", colour) == "\\x1B[2J");
  CHECK(devo::printable("\x1b]0;x\x07", colour) == "\\x1B]0;x\\x07");
  // Without colour, no escape byte at all.
  CHECK(devo::printable("\x1b[1mbold\x1b[0m") == "\\x1B[1mbold\\x1B[0m");
}

TEST_CASE("printable text is printable already", "[report][printable]") {
  const std::string once = devo::printable("a\x1b[2Jb\xc2\x85\xe9");
  CHECK(devo::printable(once) == once);
}
