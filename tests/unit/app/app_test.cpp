// The use cases (devo/app.hpp) as any front end calls them: the place a
// request gives a value is the place its diagnostic points at, whatever the
// front end; a proposal's text can come with the request; the verdicts are
// the ones the command line prints.

#include "support/catch.hpp"
#include "support/fixtures.hpp"
#include "support/subjects.hpp"

#include <devo/app.hpp>
#include <devo/codes.hpp>

#include <string>

namespace {

using devo::app::Given;
using Kind = devo::app::SubjectRequest::Kind;

// A place that is no option of the command line: a web form's field, say.
devo::Location field(const std::string& name) {
  return devo::Location{name, 0, 0};
}

devo::app::Inputs on(const std::string& date, const std::string& rules = "") {
  return devo::app::Inputs{Given{date, field("/as_of")}, Given{rules, field("/rules")}, Given{},
                           std::nullopt};
}

const std::string k_norfolk_and_suffolk =
    "name: Norfolk and Suffolk\n"
    "institution: combined_county_authority\n"
    "mayor: elected_mayor\n"
    "councils: [Norfolk, Suffolk]\n";

}  // namespace

TEST_CASE("evaluate: an authority, with the receipt of the rules and data it used") {
  devo::app::EvaluateRequest request;
  request.subject = {Kind::authority, Given{"Greater Manchester", field("/authority")}, {}};
  request.inputs = on("2026-12-01", "edwp-2024");
  devo::Diagnostics diags;
  const auto result = devo::app::evaluate(request, diags);
  REQUIRE(result.has_value());
  CHECK_FALSE(diags.has_errors());
  REQUIRE(result->decision.tier.has_value());
  CHECK(result->decision.tiers[*result->decision.tier].id == "mayoral");
  CHECK(result->receipt.ruleset == "edwp-2024");
  CHECK(result->receipt.as_of.to_string() == "2026-12-01");
  CHECK_FALSE(result->receipt.data_vintage.empty());
}

TEST_CASE("evaluate: an unknown authority is reported at the place the caller gave") {
  devo::app::EvaluateRequest request;
  request.subject = {Kind::authority, Given{"Nowhere", field("/authority")}, {}};
  request.inputs = on("2026-12-01");
  devo::Diagnostics diags;
  CHECK_FALSE(devo::app::evaluate(request, diags).has_value());
  const auto unknown = devo::test::find_code(diags, devo::codes::unknown_authority);
  REQUIRE(unknown.has_value());
  CHECK(unknown->location.file == "/authority");
}

TEST_CASE("evaluate: a wrong date, rule set or assumption is blamed on its own field") {
  devo::app::EvaluateRequest request;
  request.subject = {Kind::authority, Given{"Leeds", field("/authority")}, {}};
  request.inputs = on("2026-02-30");
  devo::Diagnostics bad_date;
  CHECK_FALSE(devo::app::evaluate(request, bad_date).has_value());
  REQUIRE(devo::test::find_code(bad_date, devo::codes::invalid_date).has_value());
  CHECK(devo::test::find_code(bad_date, devo::codes::invalid_date)->location.file == "/as_of");

  request.inputs = on("2026-12-01", "luwp-2021");
  devo::Diagnostics bad_rules;
  CHECK_FALSE(devo::app::evaluate(request, bad_rules).has_value());
  REQUIRE(devo::test::find_code(bad_rules, devo::codes::unknown_ruleset).has_value());
  CHECK(devo::test::find_code(bad_rules, devo::codes::unknown_ruleset)->location.file == "/rules");

  request.inputs = on("2026-12-01", "luwp-2022");
  request.assumptions = {Given{"population=many", field("/assume/0")}};
  devo::Diagnostics bad_assumption;
  CHECK_FALSE(devo::app::evaluate(request, bad_assumption).has_value());
  REQUIRE(bad_assumption.has_errors());
  CHECK(bad_assumption.sorted().front().location.file == "/assume/0");
}

TEST_CASE("evaluate: an assumption is taken over what the data says, with the caller's note") {
  devo::app::EvaluateRequest request;
  request.subject = {Kind::authority, Given{"Leeds", field("/authority")}, {}};
  request.inputs = on("2026-12-01", "luwp-2022");
  request.assumptions = {Given{"population=5000000", field("/assume/0")}};
  request.assumption_note = "assumed in the form";
  devo::Diagnostics diags;
  const auto result = devo::app::evaluate(request, diags);
  REQUIRE(result.has_value());
  CHECK(std::get<std::int64_t>(result->facts.values.at("population")) == 5'000'000);
  CHECK(result->facts.notes.at("population") == "assumed in the form");
}

TEST_CASE("validate: a proposal given as text, valid, with the tier it reaches") {
  devo::app::ValidateRequest request;
  request.proposal = {Kind::proposal, Given{"request body", field("/proposal")},
                      k_norfolk_and_suffolk};
  request.inputs = on("2026-12-01", "edwp-2024");
  devo::Diagnostics diags;
  const auto result = devo::app::validate(request, diags);
  REQUIRE(result.has_value());
  CHECK(result->valid());
  CHECK_FALSE(result->tier.empty());
  CHECK(result->facts.subject.name == "Norfolk and Suffolk");
}

TEST_CASE("validate: a proposal in pieces is not valid, and says why at its lines") {
  devo::app::ValidateRequest request;
  request.proposal = {Kind::proposal, Given{"pieces.yaml", field("pieces.yaml")},
                      std::string("name: Pieces\ninstitution: combined_authority\n"
                                  "mayor: elected_mayor\ncouncils: [Cornwall, Shropshire]\n")};
  request.inputs = on("2026-12-01", "luwp-2022");
  devo::Diagnostics diags;
  const auto result = devo::app::validate(request, diags);
  REQUIRE(result.has_value());
  CHECK_FALSE(result->valid());
  CHECK(result->tier.empty());
  const auto pieces = devo::test::find_code(result->findings, devo::codes::not_contiguous);
  REQUIRE(pieces.has_value());
  CHECK(pieces->location.file == "pieces.yaml");
  CHECK(pieces->location.line == 4);
}

TEST_CASE("check_rule_files: each file, what it holds when it has no errors") {
  devo::Diagnostics diags;
  const auto checked = devo::app::check_rule_files(
      {std::string(DEVO_SOURCE_DIR) + "/rules/luwp-2022.yaml", "no-such-file.yaml"}, diags);
  REQUIRE(checked.size() == 2);
  CHECK(checked[0].ok);
  CHECK(checked[0].ruleset == "luwp-2022");
  CHECK(checked[0].tiers == 3);
  CHECK_FALSE(checked[1].ok);
  CHECK(devo::test::find_code(diags, devo::codes::file_not_found).has_value());
}

TEST_CASE("list: the built-in rule sets, and a rule set's powers") {
  devo::Diagnostics diags;
  const auto rulesets = devo::app::list(devo::app::ListWhat::rulesets, {}, diags);
  REQUIRE(rulesets.has_value());
  CHECK(rulesets->header == std::vector<std::string>{"id", "in force", "title"});
  CHECK(rulesets->rows.size() == devo::builtin_ruleset_ids().size());
  const auto powers =
      devo::app::list(devo::app::ListWhat::powers, Given{"luwp-2022", field("/rules")}, diags);
  REQUIRE(powers.has_value());
  CHECK(powers->rows.size() == devo::test::builtin_rules("luwp-2022")->powers.size());
}

TEST_CASE("suggest: an unknown target tier is reported at the caller's place") {
  devo::app::SuggestRequest request;
  request.subject = {Kind::authority, Given{"Warrington", field("/authority")}, {}};
  request.inputs = on("2026-12-01", "luwp-2022");
  request.target_tier = Given{"level-9", field("/target_tier")};
  devo::Diagnostics diags;
  CHECK_FALSE(devo::app::suggest(request, diags).has_value());
  const auto unknown = devo::test::find_code(diags, devo::codes::undefined_tier);
  REQUIRE(unknown.has_value());
  CHECK(unknown->location.file == "/target_tier");
}

TEST_CASE("suggest: facts given by hand cannot be grown into a grouping") {
  devo::app::SuggestRequest request;
  request.subject = {Kind::facts, Given{"facts.yaml", field("facts.yaml")}, std::string("{}")};
  request.target_tier = Given{"level-3", field("/target_tier")};
  devo::Diagnostics diags;
  CHECK_FALSE(devo::app::suggest(request, diags).has_value());
  CHECK(devo::test::find_code(diags, devo::codes::usage).has_value());
}

TEST_CASE("evaluate_england: every authority, evaluated under one rule set") {
  devo::Diagnostics diags;
  const auto england = devo::app::evaluate_england(on("2026-12-01", "luwp-2022"), false, diags);
  REQUIRE(england.has_value());
  CHECK(england->facts.size() > 300);
  CHECK(england->facts.size() == england->decisions.size());
  CHECK(england->subjects().size() == england->facts.size());
  const auto rules_only = devo::app::evaluate_england(on("2026-12-01", "luwp-2022"), true, diags);
  REQUIRE(rules_only.has_value());
  CHECK(rules_only->facts.empty());
  CHECK(rules_only->receipt.data_vintage.empty());
}
