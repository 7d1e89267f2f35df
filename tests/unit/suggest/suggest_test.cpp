// devo suggest (devo/suggest.hpp) on real subjects: every suggestion reaches
// the target, the ranking is as documented, a short list is the head of a long
// one, and assumptions hold for every grouping.

#include "support/catch.hpp"
#include "support/fixtures.hpp"
#include "support/subjects.hpp"

#include <devo/engine.hpp>
#include <devo/suggest.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace {

const devo::Date k_as_of = *devo::Date::parse("2026-06-01");

const devo::CompiledRules& luwp() {
  static const devo::CompiledRules k_rules(devo::test::builtin_rules("luwp-2022"));
  return k_rules;
}

devo::FactInput authority(const std::string& name) {
  devo::Diagnostics diags;
  auto facts = devo::test::england().authority(name, k_as_of, diags);
  REQUIRE(facts.has_value());
  return *facts;
}

devo::SuggestOptions options(const std::string& tier, std::size_t top = 5) {
  devo::SuggestOptions result;
  result.target_tier = tier;
  result.top = top;
  result.as_of = k_as_of;
  return result;
}

devo::SuggestReport run(const devo::FactInput& subject, const devo::SuggestOptions& options) {
  devo::Diagnostics diags;
  auto report = devo::suggest(devo::test::england(), luwp(), subject, options, diags);
  INFO(devo::test::codes_of(diags).size());
  REQUIRE(report.has_value());
  CHECK_FALSE(diags.has_errors());
  return *report;
}

// Fewest councils added, then fewest split areas, then council codes.
auto rank_key(const devo::Suggestion& suggestion) {
  std::vector<std::string> codes = suggestion.added;
  std::sort(codes.begin(), codes.end());
  return std::tuple(suggestion.added.size(), suggestion.split_areas, codes);
}

}  // namespace

TEST_CASE("every suggestion reaches the target, ranked as documented", "[suggest]") {
  const devo::FactInput subject = authority("Warrington");
  devo::SuggestOptions wanted = options("level-3", 100);
  const devo::SuggestReport report = run(subject, wanted);
  REQUIRE_FALSE(report.suggestions.empty());
  CHECK(report.complete);
  CHECK(report.matching >= report.suggestions.size());
  CHECK(report.examined >= report.matching);
  const std::size_t level_3 = *luwp().rules().tier_index("level-3");
  std::set<std::vector<std::string>> seen;
  for (std::size_t i = 0; i < report.suggestions.size(); ++i) {
    const devo::Suggestion& suggestion = report.suggestions[i];
    INFO(suggestion.facts.subject.name);
    CHECK(suggestion.decision.tiers[level_3].status == devo::Status::holds);
    CHECK(suggestion.added.size() == suggestion.added_names.size());
    CHECK(suggestion.added.size() >= 1);
    CHECK(suggestion.added.size() <= wanted.max_councils);
    CHECK(std::find(suggestion.added.begin(), suggestion.added.end(), subject.subject.code) ==
          suggestion.added.end());
    CHECK(seen.insert(std::get<2>(rank_key(suggestion))).second);
    // The grouping holds the subject's district, and is connected.
    const auto& districts = suggestion.facts.subject.districts;
    CHECK(std::find(districts.begin(), districts.end(), "E06000007") != districts.end());
    CHECK(std::get<bool>(suggestion.facts.values.at("contiguous")));
    // Its decision is what evaluating its facts gives.
    const devo::Decision again = luwp().evaluate(suggestion.facts, {false, k_as_of});
    CHECK(again.tier == suggestion.decision.tier);
    if (i > 0) {
      CHECK(rank_key(report.suggestions[i - 1]) < rank_key(suggestion));
    }
  }
}

TEST_CASE("a short list of suggestions is the head of a long one", "[suggest]") {
  for (const char* name : {"Warrington", "Cumberland", "Shropshire"}) {
    INFO(name);
    const devo::FactInput subject = authority(name);
    const devo::SuggestReport all = run(subject, options("level-2", 100));
    for (std::size_t top : {0u, 1u, 3u, 5u}) {
      const devo::SuggestReport head = run(subject, options("level-2", top));
      CHECK(head.examined == all.examined);
      CHECK(head.matching == all.matching);
      REQUIRE(head.suggestions.size() == std::min(top, all.suggestions.size()));
      for (std::size_t i = 0; i < head.suggestions.size(); ++i) {
        CHECK(head.suggestions[i].added == all.suggestions[i].added);
        CHECK(head.suggestions[i].split_areas == all.suggestions[i].split_areas);
      }
    }
  }
}

TEST_CASE("wanted powers narrow the suggestions to those that make them available", "[suggest]") {
  const devo::FactInput subject = authority("Cumberland");
  devo::SuggestOptions wanted = options("level-3");
  wanted.wanted_powers = {"pcc-functions"};
  const devo::SuggestReport with = run(subject, wanted);
  const devo::SuggestReport without = run(subject, options("level-3"));
  CHECK(with.examined == without.examined);
  CHECK(with.matching <= without.matching);
  const auto& powers = luwp().rules().powers;
  const std::size_t pcc = static_cast<std::size_t>(
      std::find_if(powers.begin(), powers.end(),
                   [](const devo::Power& power) { return power.id == "pcc-functions"; }) -
      powers.begin());
  REQUIRE(pcc < powers.size());
  for (const devo::Suggestion& suggestion : with.suggestions) {
    CHECK(suggestion.decision.powers[pcc].status == devo::PowerStatus::available);
  }
}

TEST_CASE("assumptions hold for every grouping, computed facts too", "[suggest]") {
  const devo::FactInput subject = authority("Warrington");
  SECTION("a population too small for Level 1 leaves nothing to suggest") {
    devo::SuggestOptions assumed = options("level-1");
    assumed.assumptions["population"] = std::int64_t{400'000};
    const devo::SuggestReport report = run(subject, assumed);
    CHECK(report.examined > 1);
    CHECK(report.matching == 0);
    CHECK(report.suggestions.empty());
  }
  SECTION("an assumed value replaces the computed one, and its note") {
    devo::SuggestOptions assumed = options("level-3");
    assumed.assumptions["population"] = std::int64_t{5'000'000};
    assumed.assumptions["functional_economic_area"] = true;
    const devo::SuggestReport report = run(subject, assumed);
    REQUIRE_FALSE(report.suggestions.empty());
    for (const devo::Suggestion& suggestion : report.suggestions) {
      CHECK(std::get<std::int64_t>(suggestion.facts.values.at("population")) == 5'000'000);
      CHECK(std::get<bool>(suggestion.facts.values.at("functional_economic_area")));
      CHECK_FALSE(suggestion.facts.notes.contains("population"));
    }
    CHECK(std::find(report.assumed.begin(), report.assumed.end(), "population: 5000000") !=
          report.assumed.end());
  }
  SECTION("a single council's grouping is a mayoral combined authority unless assumed otherwise") {
    devo::SuggestOptions assumed = options("level-1");
    assumed.assumptions["mayor"] = std::string("none");
    const devo::SuggestReport report = run(subject, assumed);
    for (const devo::Suggestion& suggestion : report.suggestions) {
      CHECK(std::get<std::string>(suggestion.facts.values.at("institution")) ==
            "combined_authority");
      CHECK(std::get<std::string>(suggestion.facts.values.at("mayor")) == "none");
    }
  }
}

TEST_CASE("a proposal grows from all its councils at once", "[suggest]") {
  // Shropshire and Telford and Wrekin, the whole county of Shropshire: their
  // neighbours outside an institution are Herefordshire, Worcestershire and
  // Staffordshire (Cheshire's councils are in Cheshire and Warrington, the
  // Black Country's in the West Midlands; Wales is not in the data). With one
  // more council, 3 groupings; with two, those joined by a fourth council
  // reached from them: Herefordshire and Worcestershire, Staffordshire and
  // Stoke-on-Trent, Gloucestershire (from Herefordshire or Worcestershire),
  // Warwickshire (from Worcestershire or Staffordshire), Herefordshire or
  // Worcestershire with Staffordshire, and Leicestershire: 9. Every one is
  // whole counties of over 500,000 people, so Level 1.
  const std::string text = R"(name: Shropshire and Telford
institution: combined_authority
mayor: elected_mayor
councils: [Shropshire, Telford and Wrekin]
)";
  devo::Diagnostics diags;
  auto proposal = devo::test::england().proposal(devo::SourceFile::from_text("proposal.yaml", text),
                                                 luwp().rules(), k_as_of, diags);
  REQUIRE(proposal.has_value());
  REQUIRE_FALSE(diags.has_errors());
  devo::SuggestOptions wanted = options("level-1", 20);
  wanted.max_councils = 2;
  const devo::SuggestReport report = run(proposal->facts, wanted);
  CHECK(proposal->findings.empty());  // a valid proposal: contiguous, overlapping nothing
  CHECK(report.examined == 12);  // the groupings adding a council; the proposal alone is not one
  CHECK(report.matching == 12);
  std::set<std::string> added;
  for (const devo::Suggestion& suggestion : report.suggestions) {
    added.insert(suggestion.added.begin(), suggestion.added.end());
  }
  // Herefordshire, Worcestershire, Staffordshire, Stoke-on-Trent,
  // Gloucestershire, Warwickshire, Leicestershire.
  CHECK(added == std::set<std::string>{"E06000019", "E10000034", "E10000028", "E06000021",
                                       "E10000013", "E10000031", "E10000018"});
}

TEST_CASE("unknown tiers and powers are reported with their codes", "[suggest]") {
  const devo::FactInput subject = authority("Warrington");
  devo::Diagnostics diags;
  devo::SuggestOptions wanted = options("level-9");
  wanted.wanted_powers = {"pcc-function"};
  CHECK_FALSE(devo::suggest(devo::test::england(), luwp(), subject, wanted, diags).has_value());
  const auto codes = devo::test::codes_of(diags);
  CHECK(std::find(codes.begin(), codes.end(), "undefined-tier") != codes.end());
  CHECK(std::find(codes.begin(), codes.end(), "undefined-power") != codes.end());
  const auto power = devo::test::find_code(diags, "undefined-power");
  REQUIRE(power.has_value());
  CHECK(power->message.find("pcc-functions") != std::string::npos);
}

TEST_CASE("a search stopped by its budget of groupings stops at the same place every run",
          "[suggest]") {
  const devo::FactInput subject = authority("Oxfordshire");
  devo::SuggestOptions wide = options("level-3", 10);
  wide.max_councils = 12;
  wide.max_groupings = 3'000;
  const devo::SuggestReport first = run(subject, wide);
  const devo::SuggestReport second = run(subject, wide);
  CHECK_FALSE(first.complete);
  CHECK(first.stopped_by == devo::SuggestReport::Stop::groupings);
  CHECK(first.examined == wide.max_groupings);
  // By size: every grouping of the sizes covered was decided, so the same
  // search with max_councils at that size finds the same groupings.
  REQUIRE(first.sizes_covered >= 1);
  devo::SuggestOptions covered = wide;
  covered.max_councils = first.sizes_covered;
  covered.max_groupings = 1'000'000;
  const devo::SuggestReport whole = run(subject, covered);
  CHECK(whole.complete);
  CHECK(whole.examined + first.examined_at_stop == first.examined);
  // The same groupings, in the same order, every run.
  REQUIRE(first.suggestions.size() == second.suggestions.size());
  for (std::size_t i = 0; i < first.suggestions.size(); ++i) {
    CHECK(first.suggestions[i].added == second.suggestions[i].added);
  }
  CHECK(first.matching == second.matching);
}

TEST_CASE("a search within its budget is complete and says so", "[suggest]") {
  const devo::SuggestReport report = run(authority("Warrington"), options("level-3"));
  CHECK(report.complete);
  CHECK(report.stopped_by == devo::SuggestReport::Stop::none);
  CHECK(report.examined < devo::SuggestOptions{}.max_groupings);
}
