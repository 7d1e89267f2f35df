#pragma once

#include <devo/ruleset.hpp>

#include <string>
#include <string_view>
#include <vector>

// Words every stage that speaks to people shares: explanations, reports and
// the notes on computed facts.
namespace devo::support {

// "a", "a and b", "a, b and c" (or "a, b or c").
std::string join_words(const std::vector<std::string>& words, std::string_view last_joiner = "and");

// The words for a bool fact's value: its declared words for true and false,
// else yes or no.
std::string bool_words(const FactDeclaration& fact, bool value);

// The fact's `says` with "{value}" replaced by `value`; "{title} is {value}"
// when it has none.
std::string state_fact(const FactDeclaration& fact, const std::string& value);

}  // namespace devo::support
