// Authorities and proposals on the real England data: the computed facts and
// the words that explain them.

#include "support/catch.hpp"
#include "support/fixtures.hpp"

#include <devo/codes.hpp>
#include <devo/engine.hpp>
#include <devo/geography.hpp>

#include <variant>

namespace {

const devo::Geography& england() {
  static const devo::Geography k_england = [] {
    devo::Diagnostics diags;
    auto geography = devo::Geography::load_builtin(diags);
    REQUIRE(geography.has_value());
    return *geography;
  }();
  return k_england;
}

const devo::RuleSet& luwp() {
  static const devo::RuleSet k_rules = [] {
    devo::Diagnostics diags;
    auto rules = devo::load_ruleset(*devo::find_ruleset_source("luwp-2022", diags), diags);
    REQUIRE(rules.has_value());
    return *rules;
  }();
  return k_rules;
}

const devo::Date k_june_2026 = *devo::Date::parse("2026-06-01");

devo::FactInput authority(std::string_view name, devo::Date as_of = k_june_2026) {
  devo::Diagnostics diags;
  auto facts = england().authority(name, as_of, diags);
  INFO(name);
  REQUIRE(facts.has_value());
  return *facts;
}

template <typename Value>
Value fact(const devo::FactInput& facts, const std::string& name) {
  INFO(name);
  REQUIRE(facts.values.contains(name));
  return std::get<Value>(facts.values.at(name));
}

devo::ProposalFacts proposal(const std::string& text, devo::Diagnostics& diags) {
  auto result = england().proposal(devo::SourceFile::from_text("proposal.yaml", text), luwp(),
                                   k_june_2026, diags);
  REQUIRE(result.has_value());
  return *result;
}

std::vector<std::string> finding_codes(const devo::ProposalFacts& result) {
  std::vector<std::string> codes;
  for (const auto& finding : result.findings) {
    codes.push_back(finding.code);
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

}  // namespace

TEST_CASE("an authority is found by code or by name, whatever the case", "[geography][subjects]") {
  CHECK(authority("E47000001").subject.name == "Greater Manchester Combined Authority");
  CHECK(authority("e47000001").subject.code == "E47000001");
  CHECK(authority("Greater Manchester").subject.code == "E47000001");
  CHECK(authority("greater manchester combined authority").subject.code == "E47000001");
  CHECK(authority("Hull and East Yorkshire").subject.code == "E47000016");
  CHECK(authority("Kingston upon Hull").subject.code == "E06000010");
  CHECK(authority("E10000017").subject.name == "Lancashire County Council");
  CHECK(authority("Lancashire County Council").subject.kind == "county_council");
  CHECK(authority("E61000001").subject.kind == "greater_london_authority");
  CHECK(authority("Cheltenham").subject.kind == "local_authority_district");
}

TEST_CASE("an ambiguous or unknown name lists the candidates", "[geography][subjects]") {
  devo::Diagnostics diags;
  CHECK_FALSE(england().authority("Lancashire", k_june_2026, diags).has_value());
  auto found = devo::test::find_code(diags, devo::codes::ambiguous_authority);
  REQUIRE(found.has_value());
  CHECK(found->message ==
        "'Lancashire' could be Lancashire (county council, E10000017) and Lancashire Combined "
        "County Authority (combined county authority, E47000018); name one by its full name or "
        "GSS code");

  devo::Diagnostics unknown;
  CHECK_FALSE(england().authority("Manchestr", k_june_2026, unknown).has_value());
  found = devo::test::find_code(unknown, devo::codes::unknown_authority);
  REQUIRE(found.has_value());
  CHECK(found->message.find("Manchester (metropolitan district, E08000003)") != std::string::npos);
}

TEST_CASE("Greater Manchester is one whole police force area, contiguous, with no islands",
          "[geography][facts]") {
  const auto gm = authority("Greater Manchester");
  CHECK(fact<std::string>(gm, "institution") == "combined_authority");
  CHECK(fact<std::string>(gm, "mayor") == "elected_mayor");
  CHECK(fact<std::int64_t>(gm, "population") == 3009664);
  CHECK(fact<bool>(gm, "contiguous"));
  CHECK(fact<bool>(gm, "whole_counties"));
  CHECK(fact<bool>(gm, "police_coterminous"));
  CHECK(fact<bool>(gm, "fire_coterminous"));
  CHECK(fact<bool>(gm, "icb_coterminous"));
  CHECK(fact<devo::Codes>(gm, "devolution_islands").empty());
  CHECK(fact<devo::Codes>(gm, "overlaps").empty());
  CHECK(gm.notes.at("police_coterminous") == "the Greater Manchester police force area");
  CHECK(gm.subject.districts.size() == 10);
}

TEST_CASE("Halton breaks the Liverpool City Region's police coterminosity", "[geography][facts]") {
  const auto lcr = authority("E47000004");
  CHECK_FALSE(fact<bool>(lcr, "police_coterminous"));
  CHECK(fact<devo::Codes>(lcr, "police_force_areas").size() == 2);
  CHECK(lcr.notes.at("police_coterminous") ==
        "Halton is in the Cheshire police force area; the rest in the Merseyside police force "
        "area");
  // Wirral touches Liverpool and Sefton only across the Mersey: still contiguous.
  CHECK(fact<bool>(lcr, "contiguous"));
}

TEST_CASE("a district alone splits its county and may sit in an institution",
          "[geography][facts]") {
  const auto cheltenham = authority("Cheltenham");
  CHECK_FALSE(fact<bool>(cheltenham, "whole_counties"));
  // The county of Gloucestershire includes South Gloucestershire.
  CHECK(cheltenham.notes.at("whole_counties") ==
        "Gloucestershire is split: South Gloucestershire, Cotswold, Forest of Dean, Gloucester, "
        "Stroud and Tewkesbury are left out");
  const auto manchester = authority("Manchester");
  CHECK(fact<devo::Codes>(manchester, "overlaps") == devo::Codes{"E08000003"});
  CHECK(manchester.notes.at("overlaps") ==
        "Manchester is already in Greater Manchester Combined Authority");
}

TEST_CASE("whether a mayor is in post depends on the date", "[geography][facts]") {
  // Before its first mayoral election the data cannot say whether Hull and
  // East Yorkshire was mayoral yet, but its mayor was certainly not in office.
  const auto before = authority("Hull and East Yorkshire", *devo::Date::parse("2025-04-30"));
  CHECK_FALSE(before.values.contains("mayor"));
  CHECK_FALSE(fact<bool>(before, "mayor_in_office"));
  const auto after = authority("Hull and East Yorkshire", *devo::Date::parse("2025-05-01"));
  CHECK(fact<std::string>(after, "mayor") == "elected_mayor");
  CHECK(fact<devo::Date>(after, "mayor_first_elected").to_string() == "2025-05-01");
  // The data knows only the year of Greater Manchester's first mayoral
  // election, so during 2017 whether a mayor was in post is unknown.
  const auto during = authority("Greater Manchester", *devo::Date::parse("2017-06-01"));
  CHECK_FALSE(during.values.contains("mayor"));
  CHECK_FALSE(during.values.contains("mayor_first_elected"));
  // Cumbria has been a mayoral authority since February 2026; its first mayor
  // takes office on 10 May 2027.
  const auto cumbria = authority("Cumbria Combined Authority");
  CHECK(fact<std::string>(cumbria, "mayor") == "elected_mayor");
  CHECK_FALSE(fact<bool>(cumbria, "mayor_in_office"));
  const auto cumbria_later =
      authority("Cumbria Combined Authority", *devo::Date::parse("2027-05-10"));
  CHECK(fact<bool>(cumbria_later, "mayor_in_office"));
}

TEST_CASE("a first election known only to the year gives a range of months", "[geography][facts]") {
  // Greater Manchester's first mayor is known only as elected in 2017.
  const auto manchester = authority("Greater Manchester", *devo::Date::parse("2018-09-01"));
  CHECK(fact<std::int64_t>(manchester, "mayor_months_in_post") == 8);
  CHECK(manchester.upper.at("mayor_months_in_post") == 20);
  // The North East's first election is known to the day.
  const auto north_east = authority("North East", *devo::Date::parse("2026-04-15"));
  CHECK(fact<std::int64_t>(north_east, "mayor_months_in_post") == 23);
  CHECK_FALSE(north_east.upper.contains("mayor_months_in_post"));
}

TEST_CASE("holdings are read on the date asked for", "[geography][facts]") {
  const auto before = authority("Liverpool City Region", *devo::Date::parse("2026-03-31"));
  CHECK(before.holdings.at("integrated-settlement").held == std::optional<bool>(false));
  const auto after = authority("Liverpool City Region", *devo::Date::parse("2026-04-01"));
  CHECK(after.holdings.at("integrated-settlement").held == std::optional<bool>(true));
  CHECK(after.holdings.at("integrated-settlement").since == "2026-04-01");
  // The West Midlands: not held, and a transfer decided for May 2028.
  const auto west_midlands = authority("West Midlands Combined Authority");
  const devo::Holding& pcc = west_midlands.holdings.at("pcc-functions");
  CHECK(pcc.held == std::optional<bool>(false));
  CHECK(pcc.note.find("quashed") != std::string::npos);
  CHECK(pcc.note.find("decided: ") != std::string::npos);
  // After the planned date, whether the transfer happened is not known.
  const auto later =
      authority("West Midlands Combined Authority", *devo::Date::parse("2028-06-01"));
  CHECK_FALSE(later.holdings.at("pcc-functions").held.has_value());
}

TEST_CASE("a council is told the institution it is in", "[geography][facts]") {
  const auto leeds = authority("Leeds");
  REQUIRE(leeds.subject.member_of.size() == 1);
  CHECK(leeds.subject.member_of.front().id == "west-yorkshire");
  CHECK(leeds.subject.member_of.front().constituent);
  const auto preston = authority("Preston");
  REQUIRE(preston.subject.member_of.size() == 1);
  CHECK(preston.subject.member_of.front().id == "lancashire");
  CHECK_FALSE(preston.subject.member_of.front().constituent);
  CHECK(preston.subject.member_of.front().through == "Lancashire County Council");
  CHECK(authority("Cheltenham").subject.member_of.empty());
}

TEST_CASE("a district split between ICBs is not coterminous with one", "[geography][facts]") {
  const auto north_yorkshire = authority("E06000065");
  CHECK(fact<devo::Codes>(north_yorkshire, "icbs").size() >= 2);
  CHECK_FALSE(fact<bool>(north_yorkshire, "icb_coterminous"));
}

TEST_CASE("Cheshire East and Cheshire West and Chester alone leave Warrington an island",
          "[geography][proposal]") {
  devo::Diagnostics diags;
  const auto result = proposal(
      "name: Cheshire\ninstitution: combined_authority\nmayor: elected_mayor\n"
      "councils: [Cheshire East, E06000050]\n",
      diags);
  CHECK(diags.empty());
  const auto& facts = result.facts;
  CHECK(fact<devo::Codes>(facts, "devolution_islands") == devo::Codes{"E06000007"});
  CHECK(facts.notes.at("devolution_islands").starts_with("Warrington would be left"));
  CHECK(fact<devo::Codes>(facts, "overlaps") == devo::Codes{"E06000049", "E06000050"});
  CHECK(finding_codes(result) == std::vector<std::string>{"overlaps-institution"});
  CHECK(facts.subject.councils == std::vector<std::string>{"E06000049", "E06000050"});
}

TEST_CASE("two councils that do not touch are in two pieces", "[geography][proposal]") {
  devo::Diagnostics diags;
  const auto result = proposal(
      "name: Apart\ninstitution: joint_committee\nmayor: none\ncouncils: [Cornwall, Norfolk]\n",
      diags);
  CHECK_FALSE(fact<bool>(result.facts, "contiguous"));
  CHECK(result.facts.notes.at("contiguous") ==
        "the area is in 2 pieces that do not touch: Norfolk; Cornwall");
  CHECK(finding_codes(result) ==
        std::vector<std::string>{"not-contiguous", "overlaps-institution"});
  // A county council stands for its districts.
  CHECK(result.facts.subject.districts.size() == 8);
}

TEST_CASE("every proposal finding has its code", "[geography][proposal]") {
  devo::Diagnostics diags;
  const auto result = proposal(
      "name: Messy\ninstitution: combined_county_authority\nmayor: elected_leader\n"
      "councils: [Cheltenham, Gloucestershire, Cheltenham]\n",
      diags);
  CHECK(diags.empty());
  CHECK(finding_codes(result) == std::vector<std::string>{"cca-district-member",
                                                          "duplicate-council",
                                                          "elected-leader-not-county"});
  devo::Diagnostics more;
  const auto upper = proposal(
      "name: Upper\ninstitution: county_council\nmayor: none\ncouncils: [Cheltenham, Tewkesbury]\n",
      more);
  CHECK(finding_codes(upper) == std::vector<std::string>{"incoherent-upper-tier",
                                                         "incoherent-upper-tier",
                                                         "institution-mismatch"});
}

TEST_CASE("unknown councils and computed facts are errors in the file", "[geography][proposal]") {
  devo::Diagnostics diags;
  proposal(
      "name: Bad\ninstitution: joint_committee\nmayor: none\ncouncils: [Norfolk, Atlantis]\n"
      "facts:\n  population: 5\n",
      diags);
  CHECK(devo::test::codes_of(diags) ==
        std::vector<std::string>{"unknown-council", "computed-fact"});
}

TEST_CASE("assertions carry the proposers' evidence into the explanation",
          "[geography][proposal]") {
  devo::Diagnostics diags;
  const auto result = proposal(
      "name: Solent\ninstitution: joint_committee\nmayor: none\n"
      "councils: [Portsmouth, Southampton]\nassertions:\n  functional_economic_area:\n"
      "    value: true\n    evidence: the Solent travel-to-work area\n",
      diags);
  CHECK(diags.empty());
  CHECK(fact<bool>(result.facts, "functional_economic_area"));
  CHECK(result.facts.notes.at("functional_economic_area") ==
        "asserted by the proposers: the Solent travel-to-work area");
}
