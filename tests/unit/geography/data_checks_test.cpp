// The checks on the England data tables: checked sums, the shapes of single
// cells, the CSV reader's faults, and the atlas reporting each fault once, at
// its row and column, without the knock-on errors of a table that failed.

#include "geography/atlas.hpp"
#include "geography/checked_arithmetic.hpp"
#include "geography/csv.hpp"
#include "geography/data_fields.hpp"
#include "support/catch.hpp"

#include <devo/embedded.hpp>

#include <filesystem>
#include <limits>
#include <map>

namespace {

using devo::geography::checked_add;
using devo::geography::checked_multiply;
using devo::geography::CheckedTotal;
using devo::geography::WholeNumber;

constexpr std::int64_t k_max = std::numeric_limits<std::int64_t>::max();

std::vector<devo::Diagnostic> errors_of(const devo::Diagnostics& diags) {
  return diags.sorted();
}

std::string place(const devo::Diagnostic& diagnostic) {
  return diagnostic.location.file + ":" + std::to_string(diagnostic.location.line) + ":" +
         std::to_string(diagnostic.location.column);
}

// The built-in data, with some files replaced or removed.
std::map<std::string, devo::SourceFile> builtin_files() {
  std::map<std::string, devo::SourceFile> files;
  for (const auto& file : devo::builtin_data_files()) {
    const std::string name = std::filesystem::path(file.path).filename().string();
    files.emplace(name, devo::SourceFile::from_text("mydata/" + name, std::string(file.bytes)));
  }
  return files;
}

// The text of a built-in file with line `line` (from 1) replaced.
std::string with_line(const std::map<std::string, devo::SourceFile>& files, const std::string& name,
                      std::size_t line, const std::string& text) {
  const std::string& all = *files.at(name).text;
  std::size_t start = 0;
  for (std::size_t i = 1; i < line; ++i) {
    start = all.find('\n', start) + 1;
  }
  const std::size_t end = all.find('\n', start);
  return all.substr(0, start) + text + all.substr(end);
}

void replace(std::map<std::string, devo::SourceFile>& files, const std::string& name,
             std::string text) {
  files.insert_or_assign(name, devo::SourceFile::from_text("mydata/" + name, std::move(text)));
}

std::vector<devo::Diagnostic> build_errors(const std::map<std::string, devo::SourceFile>& files) {
  devo::Diagnostics diags(0);
  const auto atlas = devo::geography::build_atlas(files, diags, "mydata");
  CHECK(atlas == nullptr);
  for (const auto& diagnostic : diags.sorted()) {
    CHECK(diagnostic.code == "invalid-data");
  }
  return errors_of(diags);
}

}  // namespace

TEST_CASE("checked sums and products report overflow instead of wrapping", "[geography][data]") {
  CHECK(checked_add(2, 3) == 5);
  CHECK(checked_add(k_max, 0) == k_max);
  CHECK_FALSE(checked_add(k_max, 1).has_value());
  CHECK_FALSE(checked_add(std::numeric_limits<std::int64_t>::min(), -1).has_value());
  CHECK(checked_multiply(3'000'000'000, 3) == 9'000'000'000);
  CHECK_FALSE(checked_multiply(3'037'000'500, 3'037'000'500).has_value());
  CHECK_FALSE(checked_multiply(k_max, -2).has_value());

  CheckedTotal total;
  CHECK(total.add(k_max - 1));
  CHECK(total.add(1));
  CHECK(total.value() == k_max);
  CHECK_FALSE(total.add(1));
  // Once past the limit it stays there, even if a later value would fit.
  CHECK_FALSE(total.add(0));
  CHECK_FALSE(total.value().has_value());
}

TEST_CASE("cells of the data have the shapes data/README.md gives", "[geography][data]") {
  using devo::geography::is_gss_code;
  CHECK(is_gss_code("E06000001", {"E06", "E07"}));
  CHECK_FALSE(is_gss_code("E10000003", {"E06", "E07"}));
  CHECK_FALSE(is_gss_code("E0600001", {"E06"}));
  CHECK_FALSE(is_gss_code("E06 00001", {"E06"}));
  CHECK_FALSE(is_gss_code("", {"E06"}));

  using devo::geography::is_kebab_case;
  CHECK(is_kebab_case("greater-manchester"));
  CHECK(is_kebab_case("level-4"));
  CHECK_FALSE(is_kebab_case(""));
  CHECK_FALSE(is_kebab_case("-north"));
  CHECK_FALSE(is_kebab_case("north-"));
  CHECK_FALSE(is_kebab_case("north--east"));
  CHECK_FALSE(is_kebab_case("North"));

  using devo::geography::parse_whole_number;
  CHECK(parse_whole_number("98180").value == 98180);
  CHECK(parse_whole_number("9223372036854775807").value == k_max);
  CHECK(parse_whole_number("9223372036854775808").fault == WholeNumber::Fault::too_large);
  CHECK(parse_whole_number("").fault == WholeNumber::Fault::empty);
  CHECK(parse_whole_number("-5").fault == WholeNumber::Fault::not_digits);
  CHECK(parse_whole_number("+5").fault == WholeNumber::Fault::not_digits);
  CHECK(parse_whole_number(" 5").fault == WholeNumber::Fault::not_digits);
  CHECK(parse_whole_number("12O000").fault == WholeNumber::Fault::not_digits);

  using devo::geography::parse_share;
  CHECK(parse_share("1.0000") == 1.0);
  CHECK(parse_share("0.4521") == 0.4521);
  CHECK_FALSE(parse_share("0.0000").has_value());
  CHECK_FALSE(parse_share("1.0001").has_value());
  CHECK_FALSE(parse_share("-0.5").has_value());
  CHECK_FALSE(parse_share("1").has_value());
  CHECK_FALSE(parse_share("nan").has_value());
  CHECK_FALSE(parse_share("1e-3").has_value());

  using devo::geography::parse_yes_no;
  CHECK(parse_yes_no("yes") == true);
  CHECK(parse_yes_no("no") == false);
  CHECK_FALSE(parse_yes_no("Yes").has_value());
}

TEST_CASE("the CSV reader reports each fault at its line and column", "[geography][data]") {
  const std::vector<std::string_view> columns = {"code", "name"};
  const auto parse = [&](std::string text, devo::Diagnostics& diags) {
    return devo::geography::parse_csv(devo::SourceFile::from_text("t.csv", std::move(text)),
                                      columns, diags);
  };
  SECTION("a BOM and CRLF are fine; quoted fields keep commas and quotes") {
    devo::Diagnostics diags;
    const auto table = parse(
        "\xEF\xBB\xBF"
        "code,name\r\nE1,\"a, \"\"b\"\"\"\r\n",
        diags);
    REQUIRE(table.has_value());
    CHECK(table->complete);
    REQUIRE(table->rows.size() == 1);
    CHECK(table->rows[0].cells[1] == "a, \"b\"");
    CHECK(table->rows[0].columns == std::vector<std::uint32_t>{1, 4});
    CHECK(diags.empty());
  }
  SECTION("an empty file") {
    devo::Diagnostics diags;
    CHECK_FALSE(parse("", diags).has_value());
    CHECK(place(diags.sorted().at(0)) == "t.csv:1:1");
  }
  SECTION("a missing column in the header") {
    devo::Diagnostics diags;
    CHECK_FALSE(parse("name\nx\n", diags).has_value());
    CHECK(diags.sorted().at(0).message.find("no column 'code'") != std::string::npos);
  }
  SECTION("an extra cell, at the cell; the other rows are kept") {
    devo::Diagnostics diags;
    const auto table = parse("code,name\nE1,a\nE2,b,c\nE3,d\n", diags);
    REQUIRE(table.has_value());
    CHECK_FALSE(table->complete);
    CHECK(table->rows.size() == 2);
    REQUIRE(diags.error_count() == 1);
    CHECK(place(diags.sorted().at(0)) == "t.csv:3:6");
  }
  SECTION("an unclosed quote, where it opens") {
    devo::Diagnostics diags;
    const auto table = parse("code,name\nE1,a\nE2,\"b\nE3,d\n", diags);
    REQUIRE(table.has_value());
    CHECK_FALSE(table->complete);
    REQUIRE(diags.error_count() == 1);
    CHECK(place(diags.sorted().at(0)) == "t.csv:3:4");
  }
  SECTION("text after a closing quote") {
    devo::Diagnostics diags;
    const auto table = parse("code,name\nE2,\"b\"c\nE3,d\n", diags);
    REQUIRE(table.has_value());
    CHECK(table->rows.size() == 1);
    CHECK(place(diags.sorted().at(0)) == "t.csv:2:7");
  }
  SECTION("a NUL or a Latin-1 byte, as invalid-data") {
    devo::Diagnostics nul;
    CHECK_FALSE(parse(std::string("code,name\nE1,a\0b\n", 16), nul).has_value());
    CHECK(nul.sorted().at(0).code == "invalid-data");
    CHECK(place(nul.sorted().at(0)) == "t.csv:2:5");
    devo::Diagnostics latin1;
    CHECK_FALSE(parse("code,name\nE1,Gl\xE9n\n", latin1).has_value());
    CHECK(latin1.sorted().at(0).code == "invalid-data");
    CHECK(place(latin1.sorted().at(0)) == "t.csv:2:6");
  }
  SECTION("a row of many commas keeps only what it needs") {
    devo::Diagnostics diags;
    const auto table = parse("code,name\n" + std::string(100'000, ',') + "\n", diags);
    REQUIRE(table.has_value());
    CHECK(diags.sorted().at(0).message.find("100001 cells") != std::string::npos);
  }
}

TEST_CASE("the built-in data passes every check", "[geography][data]") {
  devo::Diagnostics diags;
  CHECK(devo::geography::build_atlas(builtin_files(), diags, "mydata") != nullptr);
  CHECK(diags.empty());
}

TEST_CASE("a damaged districts.csv gives its own error and no knock-on ones", "[geography][data]") {
  auto files = builtin_files();
  SECTION("a row missing a cell") {
    replace(files, "districts.csv",
            with_line(files, "districts.csv", 3,
                      "E06000002,Middlesbrough,unitary_authority,,E23000013,156161"));
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 1);
    CHECK(place(errors[0]) == "mydata/districts.csv:3:54");
  }
  SECTION("an empty file") {
    replace(files, "districts.csv", "");
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 1);
    CHECK(place(errors[0]) == "mydata/districts.csv:1:1");
  }
  SECTION("a missing file") {
    files.erase("districts.csv");
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 1);
    CHECK(place(errors[0]) == "mydata/districts.csv:0:0");
  }
  SECTION("a bad county code drops the county, and its districts are not reported") {
    replace(files, "counties.csv", with_line(files, "counties.csv", 2, "E1000003,Cambridgeshire"));
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 1);
    CHECK(place(errors[0]) == "mydata/counties.csv:2:1");
  }
}

TEST_CASE("faults in single cells and sums are reported at their cell", "[geography][data]") {
  auto files = builtin_files();
  SECTION("a population that takes the England total past 64 bits") {
    replace(files, "districts.csv",
            with_line(files, "districts.csv", 3,
                      "E06000002,Middlesbrough,unitary_authority,,E23000013,E31000007,"
                      "9223372036854775807"));
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 1);
    CHECK(place(errors[0]) == "mydata/districts.csv:3:64");
    CHECK(errors[0].message.find("9,223,372,036,854,775,807") != std::string::npos);
  }
  SECTION("an LSOA share outside (0, 1]") {
    replace(files, "district_icbs.csv",
            with_line(files, "district_icbs.csv", 2, "E06000001,E54000050,57,1.5000"));
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 1);
    CHECK(place(errors[0]) == "mydata/district_icbs.csv:2:24");
  }
  SECTION("a district with no ICB row is reported at its districts.csv row") {
    replace(files, "district_icbs.csv", with_line(files, "district_icbs.csv", 2, ""));
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 1);
    CHECK(place(errors[0]) == "mydata/districts.csv:2:1");
  }
  SECTION("an institution listed twice") {
    const std::string& text = *files.at("institutions.csv").text;
    const std::size_t second = text.find('\n') + 1;
    const std::string row = text.substr(second, text.find('\n', second) + 1 - second);
    replace(files, "institutions.csv", text + row);
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 1);
    CHECK(place(errors[0]) == "mydata/institutions.csv:25:1");
  }
}

TEST_CASE("faults in the shape tables are reported at the point or arc at fault",
          "[geography][data][shapes]") {
  auto files = builtin_files();
  // The start of arc 1, on line 2 of arcs.csv, replaced by `start`.
  const auto replace_arc_1 = [&](const std::string& start) {
    const std::string_view old_start = "1,440055 527808;2968 -1361;";
    const std::string& text = *files.at("arcs.csv").text;
    const std::size_t line = text.find('\n') + 1;
    REQUIRE(text.compare(line, old_start.size(), old_start) == 0);
    replace(files, "arcs.csv", text.substr(0, line) + start + text.substr(line + old_start.size()));
  };
  SECTION("a point that is not two whole numbers") {
    replace_arc_1("1,440055 527808;2968 x1361;");
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 1);
    CHECK(place(errors[0]) == "mydata/arcs.csv:2:17");
  }
  SECTION("a step that leaves the grid") {
    replace_arc_1("1,440055 527808;2968 -999999;");
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 1);
    CHECK(place(errors[0]) == "mydata/arcs.csv:2:17");
    CHECK(errors[0].message.find("outside the British National Grid") != std::string::npos);
  }
  SECTION("an arc that does not start where the one before ends") {
    replace(files, "district_rings.csv",
            with_line(files, "district_rings.csv", 2, "E06000001,1,1,1;-3;-2"));
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 1);
    CHECK(place(errors[0]) == "mydata/district_rings.csv:2:17");
  }
  SECTION("an arc that is not in arcs.csv") {
    replace(files, "district_rings.csv",
            with_line(files, "district_rings.csv", 2, "E06000001,1,1,1;-2;-3000"));
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 1);
    CHECK(place(errors[0]) == "mydata/district_rings.csv:2:20");
  }
  SECTION("an outer ring that runs clockwise") {
    replace(files, "district_rings.csv",
            with_line(files, "district_rings.csv", 61, "E06000046,1,1,198"));
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 1);
    CHECK(place(errors[0]) == "mydata/district_rings.csv:61:15");
  }
  SECTION("a shared arc walked the same way by both its districts") {
    replace(files, "district_rings.csv",
            with_line(files, "district_rings.csv", 5, "E06000004,1,1,1;13;-7;-6;-12;-11;10"));
    const auto errors = build_errors(files);
    CHECK(std::any_of(errors.begin(), errors.end(), [](const devo::Diagnostic& error) {
      return error.message.find("walked the same way") != std::string::npos;
    }));
  }
  SECTION("a district without a shape, and the arc no ring uses") {
    replace(files, "district_rings.csv", with_line(files, "district_rings.csv", 61, ""));
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 2);
    CHECK(place(errors[0]) == "mydata/arcs.csv:199:1");
    CHECK(place(errors[1]) == "mydata/districts.csv:45:1");
  }
  SECTION("one of the two tables without the other") {
    files.erase("district_rings.csv");
    const auto errors = build_errors(files);
    REQUIRE(errors.size() == 1);
    CHECK(place(errors[0]) == "mydata/district_rings.csv:0:0");
  }
  SECTION("a folder without either table has no shapes, and nothing else is missing") {
    files.erase("arcs.csv");
    files.erase("district_rings.csv");
    devo::Diagnostics diags;
    const auto atlas = devo::geography::build_atlas(files, diags, "mydata");
    REQUIRE(atlas != nullptr);
    CHECK_FALSE(atlas->shapes.has_value());
    CHECK(diags.empty());
  }
}
