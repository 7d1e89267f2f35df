#pragma once

#include "load/decode.hpp"

#include <devo/diagnostic.hpp>
#include <devo/facts.hpp>
#include <devo/ruleset.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace devo::check {

// Reports every problem with the meaning of `rules`: repeated ids, references
// that do not resolve (conditions, facts, tiers, sources), cycles among named
// conditions, and comparisons whose operator or value does not fit the fact's
// type.
void check_ruleset(const RuleSet& rules, Diagnostics& diags);

// Warns about named conditions and facts that nothing uses. Run it only on a
// rule set without errors: a condition that failed to load would otherwise
// make the names it uses look unused.
void warn_unused(const RuleSet& rules, Diagnostics& diags);

// Types each raw fact by the declaration in `rules`. Undeclared facts are
// warnings (unknown-fact); values of the wrong type are errors. Gives nothing
// if any error was reported.
std::optional<FactInput> check_facts(const load::RawFacts& raw, const RuleSet& rules,
                                     Diagnostics& diags);

// "fact=value" as one of `rules`' facts, typed as check_facts() types a facts
// file's value (devo::parse_fact_assignment).
std::optional<std::pair<std::string, FactValue>> parse_fact_assignment(std::string_view text,
                                                                       const RuleSet& rules,
                                                                       const Location& where,
                                                                       Diagnostics& diags);

// "the string 'lots'", "the integer 5", "a list": how messages name a value.
std::string describe(const Literal& literal);

}  // namespace devo::check
