#include "support/catch.hpp"

#include <devo/value.hpp>

#include <limits>

using devo::Date;

TEST_CASE("dates parse only when they are on the calendar", "[value]") {
  CHECK(Date::parse("2024-02-29").has_value());
  CHECK_FALSE(Date::parse("2023-02-29").has_value());
  CHECK_FALSE(Date::parse("2023-02-30").has_value());
  CHECK_FALSE(Date::parse("2023-13-01").has_value());
  CHECK_FALSE(Date::parse("2023-00-10").has_value());
  CHECK_FALSE(Date::parse("2023-1-10").has_value());
  CHECK_FALSE(Date::parse("2023-01-10x").has_value());
  CHECK_FALSE(Date::parse("").has_value());
  CHECK_FALSE(Date::parse("+023-01-10").has_value());
  CHECK(Date::parse("1900-02-28").has_value());
  CHECK_FALSE(Date::parse("1900-02-29").has_value());
  CHECK(Date::parse("2000-02-29").has_value());
}

TEST_CASE("dates count days from 1970 and print back as written", "[value]") {
  CHECK(Date::parse("1970-01-01")->days == 0);
  CHECK(Date::parse("1970-01-02")->days == 1);
  CHECK(Date::parse("1969-12-31")->days == -1);
  for (const char* text : {"2022-02-02", "2000-02-29", "1899-12-31", "2099-12-31"}) {
    CHECK(Date::parse(text)->to_string() == text);
  }
  CHECK(*Date::parse("2024-05-02") == Date::from_civil(2024, 5, 2));
  CHECK(*Date::parse("2023-12-31") < *Date::parse("2024-01-01"));
}

TEST_CASE("integers print with thousands separators", "[value]") {
  CHECK(devo::format_integer(0) == "0");
  CHECK(devo::format_integer(999) == "999");
  CHECK(devo::format_integer(1000) == "1,000");
  CHECK(devo::format_integer(3009664) == "3,009,664");
  CHECK(devo::format_integer(-1234567) == "-1,234,567");
  CHECK(devo::format_integer(std::numeric_limits<std::int64_t>::min()) ==
        "-9,223,372,036,854,775,808");
}

TEST_CASE("fact types round-trip through their names", "[value]") {
  for (auto type : {devo::FactType::boolean, devo::FactType::integer, devo::FactType::enumeration,
                    devo::FactType::date, devo::FactType::codes}) {
    CHECK(devo::fact_type_from_string(devo::to_string(type)) == type);
  }
  CHECK_FALSE(devo::fact_type_from_string("string").has_value());
}

TEST_CASE("a fact's value as a file writes it", "[value]") {
  CHECK(devo::to_text(devo::FactValue(true)) == "true");
  CHECK(devo::to_text(devo::FactValue(false)) == "false");
  CHECK(devo::to_text(devo::FactValue(std::int64_t{3009664})) == "3009664");
  CHECK(devo::to_text(devo::FactValue(std::int64_t{-5})) == "-5");
  CHECK(devo::to_text(devo::FactValue(std::string("mayoral_combined_authority"))) ==
        "mayoral_combined_authority");
  CHECK(devo::to_text(devo::FactValue(Date::from_civil(2024, 5, 2))) == "2024-05-02");
  CHECK(devo::to_text(devo::FactValue(devo::Codes{"E06000001", "E06000002", "E06000003"})) ==
        "[E06000001, E06000002, E06000003]");
  CHECK(devo::to_text(devo::FactValue(devo::Codes{})) == "[]");
}

TEST_CASE("a date that is not one is reported in one set of words", "[value]") {
  CHECK(devo::invalid_date_message("2023-02-30") ==
        "'2023-02-30' is not a real date in the form YYYY-MM-DD");
  devo::Diagnostics diags;
  CHECK(devo::parse_date("2024-02-29", devo::Location{"a.yaml", 2, 7}, diags) ==
        Date::from_civil(2024, 2, 29));
  CHECK(diags.empty());
  CHECK_FALSE(devo::parse_date("1 May 2024", devo::Location{"a.yaml", 3, 9}, diags).has_value());
  const auto found = diags.sorted();
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == devo::Severity::error);
  CHECK(found[0].code == "invalid-date");
  CHECK(found[0].location == devo::Location{"a.yaml", 3, 9});
  CHECK(found[0].message == "'1 May 2024' is not a real date in the form YYYY-MM-DD");
}
