#pragma once

#include <devo/diagnostic.hpp>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace devo {

// A calendar date, stored as days since 1970-01-01.
struct Date {
  std::int32_t days = 0;

  // Parses "YYYY-MM-DD"; only dates that exist on the calendar (no 2023-02-30).
  static std::optional<Date> parse(std::string_view text);
  static Date from_civil(int year, unsigned month, unsigned day);
  // Today in UTC.
  static Date today();

  std::string to_string() const;

  // Whole calendar months from this date to `later` (2025-05-01 to
  // 2026-06-01 is 13); negative when `later` is earlier.
  int whole_months_until(Date later) const;

  friend auto operator<=>(Date, Date) = default;
};

// The types a fact can have, as rule files spell them: bool, integer, enum,
// date, codes (a list of codes such as GSS codes).
enum class FactType { boolean, integer, enumeration, date, codes };

std::string_view to_string(FactType type);
std::optional<FactType> fact_type_from_string(std::string_view text);

// A list of codes, kept sorted and without repeats so that comparisons are set
// comparisons.
using Codes = std::vector<std::string>;

// The value of one fact. The string alternative holds an enum value.
using FactValue = std::variant<bool, std::int64_t, std::string, Date, Codes>;

// A fact's value as a rule or facts file writes it, for messages and tables:
// "true", "600000", an enum value's id ("mayoral_combined_authority"),
// "2024-05-02", "[E06000001, E06000002]" ("[]" for no codes). Not the words
// the reports use for people (labels, thousands separators), nor JSON.
std::string to_text(const FactValue& value);

// The one wording of a date that is not "YYYY-MM-DD" or not on the calendar:
// "'2023-02-30' is not a real date in the form YYYY-MM-DD".
std::string invalid_date_message(std::string_view text);

// `text` as a date, or nothing after reporting an `invalid-date` error at
// `where` in the words of invalid_date_message().
std::optional<Date> parse_date(std::string_view text, const Location& where, Diagnostics& diags);

// A value as written in a rule or facts file, before it is given a fact's type.
// `text` holds the string itself, or the source spelling of any other scalar.
struct Literal {
  enum class Kind { null, boolean, integer, real, string, list };

  Kind kind = Kind::null;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0;
  std::string text;
  std::vector<Literal> items;
  Location location;
};

std::string_view to_string(Literal::Kind kind);

// Formats an integer with thousands separators: 3009664 -> "3,009,664".
std::string format_integer(std::int64_t value);

}  // namespace devo
