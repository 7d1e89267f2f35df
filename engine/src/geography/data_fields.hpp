#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

// The shapes of single cells of the England data tables (data/README.md). Each
// check looks at the cell alone; what a cell refers to is checked by the atlas.
namespace devo::geography {

// A GSS code of one of the kinds named by their three-character prefix
// ("E06"): the prefix and six digits.
bool is_gss_code(std::string_view text, std::initializer_list<std::string_view> prefixes);

// kebab-case: lower-case letters and digits in words joined by single hyphens.
bool is_kebab_case(std::string_view text);

// A whole number as the tables write it: digits only, no sign, no spaces.
struct WholeNumber {
  enum class Fault { none, empty, not_digits, too_large };
  Fault fault = Fault::none;
  std::int64_t value = 0;
};
WholeNumber parse_whole_number(std::string_view text);
// "is empty", "is not a whole number", ...: what is wrong, after the value.
std::string_view whole_number_fault_words(WholeNumber::Fault fault);

// A share in (0, 1] written as a decimal: digits, a point and digits
// ("0.4521", "1.0000"). Nothing for any other text or value.
std::optional<double> parse_share(std::string_view text);

// "yes" or "no"; nothing for anything else.
std::optional<bool> parse_yes_no(std::string_view text);

}  // namespace devo::geography
