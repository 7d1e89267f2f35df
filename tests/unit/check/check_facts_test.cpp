#include "support/catch.hpp"
#include "support/fixtures.hpp"
#include "support/subjects.hpp"

#include <devo/codes.hpp>
#include <devo/engine.hpp>

#include <variant>

using devo::Diagnostics;
using devo::SourceFile;

namespace {

std::optional<devo::FactInput> load(const std::string& facts, Diagnostics& diags) {
  static const devo::RuleSet rules =
      devo::test::load_valid_ruleset(devo::test::small_ruleset_text());
  return devo::load_facts(SourceFile::from_text("facts.yaml", facts), rules, diags);
}

}  // namespace

TEST_CASE("facts are typed by the rule set's declarations", "[check][facts]") {
  Diagnostics diags;
  auto input = load(
      "subject: {kind: proposal, name: North, code: E47000099}\n"
      "facts:\n  kind: combined\n  mayor: true\n  population: 600000\n"
      "  elected: 2024-05-02\n  islands: [E2, E1, E2]\n",
      diags);
  REQUIRE(input.has_value());
  CHECK(diags.empty());
  CHECK(input->subject.kind == "proposal");
  CHECK(input->subject.name == "North");
  CHECK(input->subject.code == "E47000099");
  CHECK(std::get<std::string>(input->values.at("kind")) == "combined");
  CHECK(std::get<bool>(input->values.at("mayor")));
  CHECK(std::get<std::int64_t>(input->values.at("population")) == 600000);
  CHECK(std::get<devo::Date>(input->values.at("elected")).to_string() == "2024-05-02");
  CHECK(std::get<devo::Codes>(input->values.at("islands")) == devo::Codes{"E1", "E2"});
}

TEST_CASE("a fact the rule set does not know is a warning with a suggestion", "[check][facts]") {
  Diagnostics diags;
  auto input = load("subject: {kind: a, name: b}\nfacts:\n  populaton: 5\n", diags);
  REQUIRE(input.has_value());
  CHECK(input->values.empty());
  CHECK(diags.error_count() == 0);
  const auto found = devo::test::find_code(diags, devo::codes::unknown_fact);
  REQUIRE(found.has_value());
  CHECK(found->severity == devo::Severity::warning);
  CHECK(found->message ==
        "rule set 'small' has no fact 'populaton' (did you mean 'population'?); it is ignored");
  CHECK(found->location.line == 3);
}

TEST_CASE("values of the wrong type are errors at the value", "[check][facts]") {
  Diagnostics diags;
  auto input = load(
      "subject: {kind: a, name: b}\nfacts:\n  population: lots\n  mayor: 1\n"
      "  kind: combind\n  elected: 2023-02-29\n  islands: E1\n",
      diags);
  CHECK_FALSE(input.has_value());
  const auto sorted = diags.sorted();
  REQUIRE(sorted.size() == 5);
  CHECK(sorted[0].code == "wrong-type");
  CHECK(sorted[0].message ==
        "fact 'population' (integer) needs a whole number, not the string 'lots'");
  CHECK(sorted[0].location.line == 3);
  CHECK(sorted[0].location.column == 15);
  CHECK(sorted[1].message == "fact 'mayor' (bool) needs true or false, not the integer 1");
  CHECK(sorted[2].code == "unknown-enum-value");
  CHECK(sorted[2].message ==
        "'combind' is not a value of 'kind' (did you mean 'combined'?); its values are 'council' "
        "and 'combined'");
  CHECK(sorted[3].code == "invalid-date");
  CHECK(sorted[4].message == "fact 'islands' (codes) needs a list of codes, not the string 'E1'");
}

TEST_CASE("fact=value text is typed as a facts file's value is", "[check][facts]") {
  const auto rules = devo::test::builtin_rules("edwp-2024");
  const devo::Location where{"--assume", 0, 0};
  const auto typed = [&](std::string_view text) {
    devo::Diagnostics diags;
    auto result = devo::parse_fact_assignment(text, *rules, where, diags);
    return std::pair{result, devo::test::codes_of(diags)};
  };
  const auto [flag, flag_codes] = typed("police_transfer_decided=true");
  REQUIRE(flag.has_value());
  CHECK(flag->first == "police_transfer_decided");
  CHECK(flag->second == devo::FactValue(true));
  CHECK(flag_codes.empty());

  const auto [count, count_codes] = typed("population=600000");
  REQUIRE(count.has_value());
  CHECK(count->second == devo::FactValue(std::int64_t{600000}));

  // The same codes a facts file gets for the same faults.
  CHECK(typed("police_transfer_decided=maybe").second == std::vector<std::string>{"wrong-type"});
  CHECK(typed("population=-5").second == std::vector<std::string>{"invalid-value"});
  CHECK(typed("population=lots").second == std::vector<std::string>{"wrong-type"});
  CHECK(typed("populaton=5").second == std::vector<std::string>{"undefined-fact"});
  CHECK(typed("population").second == std::vector<std::string>{"usage"});
}
