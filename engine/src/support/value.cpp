#include <devo/codes.hpp>
#include <devo/value.hpp>

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <type_traits>

namespace devo {
namespace {

// Days since 1970-01-01 from a proleptic Gregorian date (Howard Hinnant's
// days_from_civil), so that dates compare and subtract as integers.
std::int32_t days_from_civil(int year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const unsigned year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<int>(day_of_era) - 719468;
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(int year, unsigned month) {
  static constexpr unsigned k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : k_days[month - 1];
}

template <typename Number>
bool parse_digits(std::string_view text, Number& out) {
  for (char c : text) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (!parse_digits(text.substr(0, 4), year) || !parse_digits(text.substr(5, 2), month) ||
      !parse_digits(text.substr(8, 2), day)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return from_civil(year, month, day);
}

Date Date::from_civil(int year, unsigned month, unsigned day) {
  return Date{days_from_civil(year, month, day)};
}

Date Date::today() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date{static_cast<std::int32_t>(now.time_since_epoch().count())};
}

namespace {

struct Civil {
  int year;
  unsigned month;
  unsigned day;
};

// civil_from_days, the inverse of days_from_civil.
Civil civil_from_days(std::int32_t days) {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned day_of_era = static_cast<unsigned>(z - era * 146097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned mp = (5 * day_of_year + 2) / 153;
  const unsigned day = day_of_year - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const int year = static_cast<int>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0);
  return Civil{year, month, day};
}

}  // namespace

std::string Date::to_string() const {
  const Civil date = civil_from_days(days);
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

int Date::whole_months_until(Date later) const {
  const Civil from = civil_from_days(days);
  const Civil to = civil_from_days(later.days);
  int months =
      (to.year - from.year) * 12 + static_cast<int>(to.month) - static_cast<int>(from.month);
  // A month is whole only once its day has come round again.
  if (months > 0 && to.day < from.day) {
    --months;
  } else if (months < 0 && to.day > from.day) {
    ++months;
  }
  return months;
}

std::string_view to_string(FactType type) {
  switch (type) {
    case FactType::boolean:
      return "bool";
    case FactType::integer:
      return "integer";
    case FactType::enumeration:
      return "enum";
    case FactType::date:
      return "date";
    case FactType::codes:
      return "codes";
  }
  return "bool";
}

std::optional<FactType> fact_type_from_string(std::string_view text) {
  for (FactType type : {FactType::boolean, FactType::integer, FactType::enumeration, FactType::date,
                        FactType::codes}) {
    if (to_string(type) == text) {
      return type;
    }
  }
  return std::nullopt;
}

std::string_view to_string(Literal::Kind kind) {
  switch (kind) {
    case Literal::Kind::null:
      return "null";
    case Literal::Kind::boolean:
      return "bool";
    case Literal::Kind::integer:
      return "integer";
    case Literal::Kind::real:
      return "number";
    case Literal::Kind::string:
      return "string";
    case Literal::Kind::list:
      return "list";
  }
  return "null";
}

std::string to_text(const FactValue& value) {
  return std::visit(
      [](const auto& item) -> std::string {
        using Item = std::decay_t<decltype(item)>;
        if constexpr (std::is_same_v<Item, bool>) {
          return item ? "true" : "false";
        } else if constexpr (std::is_same_v<Item, std::int64_t>) {
          return std::to_string(item);
        } else if constexpr (std::is_same_v<Item, std::string>) {
          return item;
        } else if constexpr (std::is_same_v<Item, Date>) {
          return item.to_string();
        } else {
          return fmt::format("[{}]", fmt::join(item, ", "));
        }
      },
      value);
}

std::string invalid_date_message(std::string_view text) {
  return fmt::format("'{}' is not a real date in the form YYYY-MM-DD", text);
}

std::optional<Date> parse_date(std::string_view text, const Location& where, Diagnostics& diags) {
  auto date = Date::parse(text);
  if (!date) {
    diags.error(where, std::string(codes::invalid_date), invalid_date_message(text));
  }
  return date;
}

std::string format_integer(std::int64_t value) {
  // Work on the magnitude as unsigned so that the most negative value is safe.
  const bool negative = value < 0;
  std::uint64_t magnitude =
      negative ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
  std::string digits = std::to_string(magnitude);
  std::string grouped;
  const std::size_t first_group = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  grouped += digits.substr(0, first_group);
  for (std::size_t i = first_group; i < digits.size(); i += 3) {
    grouped += ',';
    grouped += digits.substr(i, 3);
  }
  return negative ? "-" + grouped : grouped;
}

}  // namespace devo
