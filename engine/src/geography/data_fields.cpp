#include "geography/data_fields.hpp"

#include <algorithm>
#include <charconv>

namespace devo::geography {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

}  // namespace

bool is_gss_code(std::string_view text, std::initializer_list<std::string_view> prefixes) {
  if (text.size() != 9 || !all_digits(text.substr(3))) {
    return false;
  }
  return std::find(prefixes.begin(), prefixes.end(), text.substr(0, 3)) != prefixes.end();
}

bool is_kebab_case(std::string_view text) {
  bool after_hyphen = true;  // no hyphen first, and none twice running
  for (char c : text) {
    if (c == '-') {
      if (after_hyphen) {
        return false;
      }
      after_hyphen = true;
    } else if ((c >= 'a' && c <= 'z') || is_digit(c)) {
      after_hyphen = false;
    } else {
      return false;
    }
  }
  return !after_hyphen;
}

WholeNumber parse_whole_number(std::string_view text) {
  if (text.empty()) {
    return {WholeNumber::Fault::empty, 0};
  }
  if (!all_digits(text)) {
    return {WholeNumber::Fault::not_digits, 0};
  }
  std::int64_t value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc()) {
    return {WholeNumber::Fault::too_large, 0};
  }
  return {WholeNumber::Fault::none, value};
}

std::string_view whole_number_fault_words(WholeNumber::Fault fault) {
  switch (fault) {
    case WholeNumber::Fault::none:
      break;
    case WholeNumber::Fault::empty:
      return "is empty; it must be a whole number";
    case WholeNumber::Fault::not_digits:
      return "is not a whole number (digits only, no sign)";
    case WholeNumber::Fault::too_large:
      return "is too large: devo counts up to 9,223,372,036,854,775,807";
  }
  return "";
}

std::optional<double> parse_share(std::string_view text) {
  const auto point = text.find('.');
  if (point == std::string_view::npos || !all_digits(text.substr(0, point)) ||
      !all_digits(text.substr(point + 1))) {
    return std::nullopt;
  }
  double value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size() || !(value > 0) ||
      value > 1) {
    return std::nullopt;
  }
  return value;
}

std::optional<bool> parse_yes_no(std::string_view text) {
  if (text == "yes") {
    return true;
  }
  if (text == "no") {
    return false;
  }
  return std::nullopt;
}

}  // namespace devo::geography
