// report/csv.hpp: the one CSV writer (RFC 4180, LF line ends), with its guard
// against cells a spreadsheet would run as formulas.

#include "report/csv.hpp"

#include "support/catch.hpp"

#include <string>
#include <vector>

using devo::report::csv_field;
using devo::report::csv_rows;

TEST_CASE("plain fields are written as they are", "[report][csv]") {
  CHECK(csv_field("E47000001") == "E47000001");
  CHECK(csv_field("Greater Manchester") == "Greater Manchester");
  CHECK(csv_field("") == "");
  CHECK(csv_field("it's £5 — é") == "it's £5 — é");
}

TEST_CASE("fields with a comma, a quote or a line break are quoted", "[report][csv]") {
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("\"") == "\"\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  // Every line ending is kept as LF, and no carriage return is written.
  CHECK(csv_field("two\r\nlines") == "\"two\nlines\"");
  CHECK(csv_field("two\rlines") == "\"two\nlines\"");
}

TEST_CASE("fields a spreadsheet would run as a formula are made text", "[report][csv]") {
  CHECK(csv_field("=1+1") == "'=1+1");
  CHECK(csv_field("=HYPERLINK(\"http://x\",\"y\")") ==
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0");
  CHECK(csv_field("-2+3") == "'-2+3");
  CHECK(csv_field("-") == "'-");
  CHECK(csv_field("\t=1") == "'\t=1");
  CHECK(csv_field("+44 20 7946 0000") == "'+44 20 7946 0000");
  // A formula further in is not one.
  CHECK(csv_field("a=1") == "a=1");
}

TEST_CASE("numbers keep their sign and stay numbers", "[report][csv]") {
  CHECK(csv_field("-1") == "-1");
  CHECK(csv_field("+2") == "+2");
  CHECK(csv_field("-2.5") == "-2.5");
  CHECK(csv_field("-.5") == "-.5");
  CHECK(csv_field("3009664") == "3009664");
  CHECK(csv_field("-1.2.3") == "'-1.2.3");
  CHECK(csv_field("-1e5") == "'-1e5");
}

TEST_CASE("control characters are written out", "[report][csv]") {
  CHECK(csv_field("bell\x07") == "bell\\x07");
  CHECK(csv_field("\x1b[2Jclear") == "\\x1B[2Jclear");
  CHECK(csv_field("a\xe2\x80\xae"
                  "b") == "a\\u{202E}b");
}

TEST_CASE("rows end in LF and fields are separated by commas", "[report][csv]") {
  CHECK(csv_rows({}) == "");
  CHECK(csv_rows({{"a", "b"}, {"1", ""}, {}}) == "a,b\n1,\n\n");
  CHECK(csv_rows({{"x,y", "=z"}}) == "\"x,y\",'=z\n");
}
