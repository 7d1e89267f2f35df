#pragma once

#include <devo/ruleset.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Words every stage that speaks to people shares: explanations, reports and
// the notes on computed facts.
namespace devo::support {

// The first C0 control character or DEL in `text` (a line break, an escape
// code), if any: a name or a cell that holds one is not one line of
// printable text.
std::optional<char> first_control_character(std::string_view text);

// "\x1B": a control character as messages name it.
std::string escaped_byte(char byte);

// "a", "a and b", "a, b and c" (or "a, b or c").
std::string join_words(const std::vector<std::string>& words, std::string_view last_joiner = "and");

// The words for a bool fact's value: its declared words for true and false,
// else yes or no.
std::string bool_words(const FactDeclaration& fact, bool value);

// The fact's `says` with "{value}" replaced by `value`; "{title} is {value}"
// when it has none.
std::string state_fact(const FactDeclaration& fact, const std::string& value);

// A value of `fact` as people read it: an integer with thousands separators,
// an enum value or a bool by its label, anything else as written.
std::string literal_words(const FactDeclaration& fact, const Literal& literal);

// How an enum comparison names its values: by their labels alone ("a combined
// authority"), as reasons do after "requires", or after the fact's title
// ("institution: a combined authority"), as the catalogue does.
enum class EnumWording { labels, title_and_labels };

// What a comparison asks for, in words: "population of at least 500,000",
// "that the area is exactly one whole police force area", "no devolution
// islands". `fact` is the compared fact.
std::string comparison_words(const FactDeclaration& fact, const Condition& condition,
                             EnumWording enums);

}  // namespace devo::support
