// The CSV form of each report (OutputFormat::csv): a header row, then a row
// per thing the report lists, in the order the text gives them.

#include "support/catch.hpp"

#include <devo/decision.hpp>
#include <devo/diagnostic.hpp>
#include <devo/diff.hpp>
#include <devo/facts.hpp>
#include <devo/report.hpp>
#include <devo/ruleset.hpp>
#include <devo/testing.hpp>

#include <memory>
#include <string>
#include <vector>

namespace {

using devo::OutputFormat;
using devo::PowerStatus;
using devo::Status;

devo::Subject subject(std::string kind, std::string name, std::string code) {
  devo::Subject result;
  result.kind = std::move(kind);
  result.name = std::move(name);
  result.code = std::move(code);
  return result;
}

}  // namespace

TEST_CASE("a diff as CSV: a row per changed power, with the subject's tiers", "[report][csv]") {
  devo::DiffReport report;
  report.subjects = 3;
  devo::SubjectChange tier_only;
  tier_only.subject = subject("combined_authority", "North East, \"NECA\"", "E47000014");
  tier_only.from_tier = "level-2";
  tier_only.to_tier = "level-3";
  devo::SubjectChange powers;
  powers.subject = subject("local_authority_district", "=Cornwall", "E06000052");
  powers.from_tier = "";
  powers.to_tier = "";
  powers.powers.push_back(
      devo::PowerChange{"adult-skills", PowerStatus::unknown, PowerStatus::available, {}, {}});
  powers.powers.push_back(devo::PowerChange{
      "bus-franchising", PowerStatus::available, PowerStatus::unavailable, {}, {}});
  report.changes = {tier_only, powers};
  const devo::Receipt from{"luwp-2022", "aa", {}, "0.1.0", devo::Date::from_civil(2024, 1, 1),
                           {},          {}};
  const devo::Receipt to{"edwp-2024", "bb", {}, "0.1.0", devo::Date::from_civil(2025, 1, 1),
                         {},          {}};
  CHECK(devo::render_diff(report, from, to, OutputFormat::csv) ==
        "subject_code,subject_name,subject_kind,tier_before,tier_after,power,status_before,"
        "status_after\n"
        "E47000014,\"North East, \"\"NECA\"\"\",combined_authority,level-2,level-3,,,\n"
        "E06000052,'=Cornwall,local_authority_district,,,adult-skills,unknown,available\n"
        "E06000052,'=Cornwall,local_authority_district,,,bus-franchising,available,"
        "unavailable\n");
  // No change, no rows but the header.
  CHECK(devo::render_diff(devo::DiffReport{}, from, to, OutputFormat::csv) ==
        "subject_code,subject_name,subject_kind,tier_before,tier_after,power,status_before,"
        "status_after\n");
}

TEST_CASE("a diff as Markdown escapes every cell", "[report][markdown]") {
  devo::DiffReport report;
  devo::SubjectChange change;
  change.subject = subject("combined_authority", "A | B <script>", "E1");
  change.from_tier = "level-1";
  change.to_tier = "";
  change.to_tier_reasons = {{Status::fails, "population *is* below 500,000", false}};
  report.changes = {change};
  const devo::Receipt side{"r|s", "aa", {}, "0.1.0", devo::Date::from_civil(2024, 1, 1), {}, {}};
  const std::string out = devo::render_diff(report, side, side, OutputFormat::markdown);
  CHECK(out.find("| A \\| B \\<script\\> (combined\\_authority, E1) | tier | level-1 | none<br>"
                 "population \\*is\\* below 500,000 |\n") != std::string::npos);
  CHECK(out.find("| Rule set | r\\|s | r\\|s |\n") != std::string::npos);
  CHECK(out.find("| | r|s") == std::string::npos);
}

TEST_CASE("diagnostics as CSV: a row each, notes after theirs", "[report][csv]") {
  devo::Diagnostics diags;
  diags.error({"rules/bad.yaml", 2, 18}, "undefined-condition", "condition 'x, y' is not defined")
      .note({"rules/bad.yaml", 1, 0}, "first defined here");
  diags.warning({"rules/bad.yaml", 0, 0}, "unused-fact", "fact \"x\" is never used");
  CHECK(devo::render_diagnostics(diags, OutputFormat::csv) ==
        "file,line,column,severity,code,message\n"
        "rules/bad.yaml,,,warning,unused-fact,\"fact \"\"x\"\" is never used\"\n"
        "rules/bad.yaml,2,18,error,undefined-condition,\"condition 'x, y' is not defined\"\n"
        "rules/bad.yaml,1,,note,undefined-condition,first defined here\n");
  CHECK(devo::render_diagnostics(devo::Diagnostics{}, OutputFormat::csv) ==
        "file,line,column,severity,code,message\n");
}

TEST_CASE("an evaluation as CSV: its tiers, then its powers", "[report][csv]") {
  devo::RuleSet rules;
  devo::Tier tier;
  tier.id = "level-1";
  tier.title = "Level 1, the first";
  rules.tiers = {tier};
  devo::Power power;
  power.id = "pcc";
  power.title = "Police and crime commissioner functions";
  rules.powers = {power, power};
  rules.powers[1].id = "fire";
  rules.powers[1].title = "Fire";
  devo::FactInput facts;
  devo::Decision decision;
  decision.tier = 0;
  decision.tiers = {{"level-1", Status::holds, {}, {}}};
  decision.powers = {{"pcc", PowerStatus::available, {}, {}, devo::Holding{true, {}, {}, {}, {}}},
                     {"fire", PowerStatus::unknown, {}, {}, {}}};
  const devo::Receipt receipt{"r", "aa", {}, "0.1.0", devo::Date::from_civil(2024, 1, 1), {}, {}};
  CHECK(devo::render_evaluation(devo::Evaluation{receipt, rules, facts, decision},
                                OutputFormat::csv) ==
        "kind,id,title,status,held\n"
        "tier,level-1,\"Level 1, the first\",holds,\n"
        "power,pcc,Police and crime commissioner functions,available,true\n"
        "power,fire,Fire,unknown,\n");
}

TEST_CASE("a test report as CSV: a row per case", "[report][csv]") {
  devo::TestReport report;
  devo::TestCaseResult passed;
  passed.name = "passes";
  passed.location = {"tests/cases/a.yaml", 4, 3};
  passed.ruleset = "luwp-2022";
  passed.as_of = devo::Date::from_civil(2024, 5, 1);
  passed.passed = true;
  devo::TestCaseResult failed = passed;
  failed.name = "fails, twice";
  failed.passed = false;
  failed.mismatches = {"tier: expected level-2, got level-1", "fact x: expected 1, got 2"};
  report.cases = {passed, failed};
  CHECK(devo::render_test_report(report, OutputFormat::csv, std::nullopt) ==
        "file,line,name,ruleset,as_of,passed,mismatches\n"
        "tests/cases/a.yaml,4,passes,luwp-2022,2024-05-01,true,\n"
        "tests/cases/a.yaml,4,\"fails, twice\",luwp-2022,2024-05-01,false,\"tier: expected "
        "level-2, got level-1\nfact x: expected 1, got 2\"\n");
}
