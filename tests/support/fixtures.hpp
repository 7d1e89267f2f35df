#pragma once

#include <devo/diagnostic.hpp>
#include <devo/engine.hpp>
#include <devo/ruleset.hpp>

#include <optional>
#include <string>
#include <vector>

namespace devo::test {

// The codes of `diags`, in report order.
std::vector<std::string> codes_of(const Diagnostics& diags);

// The first diagnostic with `code`, or nothing.
std::optional<Diagnostic> find_code(const Diagnostics& diags, std::string_view code);

// A small valid rule set in the rule language, to build test rule files from:
// facts of every type, two named conditions, two tiers and three powers.
std::string small_ruleset_text();

// Loads rule text that must be valid; fails the test with the diagnostics if
// it is not.
RuleSet load_valid_ruleset(const std::string& text);

// Loads rule text expected to have problems and gives the diagnostics.
Diagnostics ruleset_diagnostics(const std::string& text);

// Reads a file of the project (relative to the source tree).
std::string read_project_file(const std::string& path);

}  // namespace devo::test
