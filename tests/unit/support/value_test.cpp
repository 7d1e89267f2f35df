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
