#include "support/catch.hpp"
#include "support/fixtures.hpp"

#include <devo/codes.hpp>

using devo::test::find_code;
using devo::test::ruleset_diagnostics;
using devo::test::small_ruleset_text;

namespace {

std::string fmt_codes(const devo::Diagnostics& diags) {
  std::string text;
  for (const auto& code : devo::test::codes_of(diags)) {
    text += code + " ";
  }
  return text;
}

// The small rule set with the first `from` replaced by `to`.
std::string small_with(std::string_view from, std::string_view to) {
  std::string text = small_ruleset_text();
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

devo::Diagnostic only_error(const devo::Diagnostics& diags, std::string_view code) {
  INFO("codes: " << fmt_codes(diags));
  REQUIRE(diags.error_count() == 1);
  const auto found = find_code(diags, code);
  REQUIRE(found.has_value());
  return *found;
}

}  // namespace

TEST_CASE("the small rule set is valid and loads whole", "[check]") {
  const devo::RuleSet rules = devo::test::load_valid_ruleset(small_ruleset_text());
  CHECK(rules.id == "small");
  CHECK(rules.tiers.size() == 2);
  CHECK(rules.powers.size() == 3);
  CHECK(rules.conditions.size() == 2);
  CHECK(rules.facts.size() == 5);
  CHECK(rules.sha256.size() == 64);
  CHECK(rules.effective_to->to_string() == "2030-12-31");
}

TEST_CASE("repeated tier, power and source ids point at both places", "[check]") {
  const auto diags = ruleset_diagnostics(small_with("  - id: early", "  - id: pool"));
  const auto found = only_error(diags, devo::codes::duplicate_id);
  CHECK(found.message == "power 'pool' is already defined");
  REQUIRE(found.notes.size() == 1);
  CHECK(found.notes[0].location.line < found.location.line);
}

TEST_CASE("references to undefined names are reported with a suggestion", "[check]") {
  SECTION("named condition") {
    const auto found =
        only_error(ruleset_diagnostics(small_with("      - mayoral\n", "      - mayorl\n")),
                   devo::codes::undefined_condition);
    CHECK(found.message == "condition 'mayorl' is not defined (did you mean 'mayoral'?)");
  }
  SECTION("fact") {
    const auto found = only_error(ruleset_diagnostics(small_with("{fact: population, gte: 500000}",
                                                                 "{fact: populaton, gte: 500000}")),
                                  devo::codes::undefined_fact);
    CHECK(found.message ==
          "fact 'populaton' is not declared under 'facts' (did you mean 'population'?)");
  }
  SECTION("tier") {
    const auto found = only_error(ruleset_diagnostics(small_with("tier: mayoral", "tier: mayorl")),
                                  devo::codes::undefined_tier);
    CHECK(found.message == "tier 'mayorl' is not defined (did you mean 'mayoral'?)");
  }
  SECTION("source") {
    const auto found = only_error(
        ruleset_diagnostics(small_with("{source: doc, page: 4}", "{source: docs, page: 4}")),
        devo::codes::undefined_source);
    CHECK(found.message == "source 'docs' is not listed under 'sources' (did you mean 'doc'?)");
  }
}

TEST_CASE("named conditions that refer to each other in a cycle are reported once", "[check]") {
  SECTION("through another condition") {
    const auto diags =
        ruleset_diagnostics(small_with("when: {fact: kind, eq: combined}", "when: mayoral"));
    const auto found = only_error(diags, devo::codes::condition_cycle);
    CHECK(found.message ==
          "named conditions refer to each other in a cycle: 'combined' -> 'mayoral' -> "
          "'combined'");
  }
  SECTION("to itself") {
    const auto diags =
        ruleset_diagnostics(small_with("when: {fact: kind, eq: combined}", "when: combined"));
    CHECK(only_error(diags, devo::codes::condition_cycle).message ==
          "condition 'combined' refers to itself");
  }
}

TEST_CASE("operators and values must fit the fact's type", "[check]") {
  SECTION("an ordering on an enum") {
    const auto found = only_error(
        ruleset_diagnostics(small_with("{fact: kind, eq: combined}", "{fact: kind, lt: combined}")),
        devo::codes::type_mismatch);
    CHECK(found.message ==
          "'lt' does not apply to the enum fact 'kind'; use 'eq', 'ne', 'in' or 'exists'");
  }
  SECTION("a string for an integer") {
    const auto found = only_error(ruleset_diagnostics(small_with("gte: 500000", "gte: \"500000\"")),
                                  devo::codes::type_mismatch);
    CHECK(found.message ==
          "'population' is an integer, so compare it with a whole number, not the string '500000'");
  }
  SECTION("a value the enum does not have") {
    const auto found = only_error(
        ruleset_diagnostics(small_with("{fact: kind, eq: combined}", "{fact: kind, eq: combind}")),
        devo::codes::unknown_enum_value);
    CHECK(found.message ==
          "'combind' is not a value of 'kind' (did you mean 'combined'?); its values are "
          "'council' and 'combined'");
  }
  SECTION("a date that is not on the calendar") {
    const auto found =
        only_error(ruleset_diagnostics(small_with("lt: 2020-01-01", "lt: 2019-02-29")),
                   devo::codes::invalid_date);
    CHECK(found.message == "'2019-02-29' is not a real date in the form YYYY-MM-DD");
  }
  SECTION("codes compared with a single code") {
    const auto found = only_error(
        ruleset_diagnostics(small_with("{fact: islands, eq: []", "{fact: islands, eq: E1")),
        devo::codes::type_mismatch);
    CHECK(found.message ==
          "'islands' is a list of codes, so compare it with a list of codes, not the string 'E1'");
  }
}

TEST_CASE("a condition needs exactly one form and a comparison exactly one operator", "[check]") {
  SECTION("two operators") {
    const auto found =
        only_error(ruleset_diagnostics(small_with("{fact: population, gte: 500000}",
                                                  "{fact: population, gte: 500000, lt: 9}")),
                   devo::codes::condition_form);
    CHECK(found.message ==
          "the comparison of fact 'population' has 2 operators ('lt' and 'gte'); it needs exactly "
          "one (combine comparisons with 'all')");
  }
  SECTION("no operator") {
    const auto found = only_error(
        ruleset_diagnostics(small_with("{fact: population, gte: 500000}", "{fact: population}")),
        devo::codes::condition_form);
    CHECK(found.message ==
          "the comparison of fact 'population' needs an operator: eq, ne, in, lt, lte, gt, gte, "
          "exists or contains");
  }
  SECTION("two forms") {
    const auto found =
        only_error(ruleset_diagnostics(
                       small_with("{fact: mayor, eq: true}\n    citation",
                                  "{fact: mayor, eq: true, condition: combined}\n    citation")),
                   devo::codes::condition_form);
    CHECK(found.message ==
          "a condition has 'condition' and 'fact'; it needs exactly one of 'all', 'any', 'not', "
          "'condition' or 'fact' (nest them with 'all' to combine)");
  }
  SECTION("an operator without a fact") {
    const auto found =
        only_error(ruleset_diagnostics(
                       small_with("      - mayoral\n", "      - {condition: mayoral, eq: 1}\n")),
                   devo::codes::condition_form);
    CHECK(found.message == "'eq' compares a fact, so it needs 'fact' beside it, not 'condition'");
  }
}

TEST_CASE("a rule set may not end before it starts", "[check]") {
  const auto found = only_error(
      ruleset_diagnostics(small_with("effective_to: 2030-12-31", "effective_to: 2019-12-31")),
      devo::codes::effective_dates);
  CHECK(found.message == "the rule set ends (2019-12-31) before it starts (2020-01-01)");
}

TEST_CASE("unused named conditions and facts are warnings, not errors", "[check]") {
  const auto diags = ruleset_diagnostics(small_with(
      "conditions:\n",
      "conditions:\n  spare:\n    title: spare\n    when: {fact: kind, exists: true}\n"));
  CHECK(diags.error_count() == 0);
  CHECK(diags.warning_count() == 1);
  CHECK(find_code(diags, devo::codes::unused_condition)->message ==
        "condition 'spare' is never used");

  const auto facts = ruleset_diagnostics(
      small_with("facts:\n", "facts:\n  spare:\n    type: bool\n    title: spare\n"));
  CHECK(facts.error_count() == 0);
  CHECK(find_code(facts, devo::codes::unused_fact)->message ==
        "fact 'spare' is declared but no condition uses it");
}

TEST_CASE("enum facts need values, and only enums and bools have them", "[check]") {
  const auto diags =
      ruleset_diagnostics(small_with("  population:\n    type: integer\n",
                                     "  population:\n    type: integer\n    values: {a: b}\n"));
  CHECK(only_error(diags, devo::codes::invalid_value).message ==
        "only enum and bool facts have 'values'; 'population' is integer");
}

TEST_CASE("problems at every stage are reported in one run", "[check]") {
  std::string text = small_with("      - mayoral\n", "      - mayorl\n");
  text.replace(text.find("title: Precept"), 14, "titel: Precept");
  const auto diags = ruleset_diagnostics(text);
  CHECK(find_code(diags, devo::codes::undefined_condition).has_value());
  CHECK(find_code(diags, devo::codes::unknown_key).has_value());
  CHECK(find_code(diags, devo::codes::missing_key).has_value());
}
