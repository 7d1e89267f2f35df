#include "support/catch.hpp"
#include "support/fixtures.hpp"
#include "support/suggest.hpp"

#include <devo/codes.hpp>
#include <devo/diagnostic.hpp>

#include <set>

using devo::Diagnostics;
using devo::Location;

TEST_CASE("diagnostics come out in file, line and column order", "[diagnostic]") {
  Diagnostics diags;
  diags.error(Location{"b.yaml", 1, 1}, "x", "third");
  diags.warning(Location{"a.yaml", 9, 2}, "y", "second");
  diags.error(Location{"a.yaml", 2, 5}, "z", "first");
  diags.error(Location{"a.yaml", 9, 2}, "w", "same place, errors before warnings");
  const auto sorted = diags.sorted();
  REQUIRE(sorted.size() == 4);
  CHECK(sorted[0].message == "first");
  CHECK(sorted[1].message == "same place, errors before warnings");
  CHECK(sorted[2].message == "second");
  CHECK(sorted[3].message == "third");
  CHECK(diags.error_count() == 3);
  CHECK(diags.warning_count() == 1);
}

TEST_CASE("past the error limit, one diagnostic says how many were left out", "[diagnostic]") {
  Diagnostics diags(2);
  for (std::uint32_t line = 1; line <= 5; ++line) {
    diags.error(Location{"f.yaml", line, 1}, "bad", "problem");
  }
  diags.warning(Location{"f.yaml", 9, 1}, "meh", "a warning is always kept");
  const auto sorted = diags.sorted();
  REQUIRE(sorted.size() == 4);
  CHECK(sorted[0].location.line == 1);
  CHECK(sorted[1].location.line == 2);
  CHECK(sorted[2].code == "meh");
  CHECK(sorted[3].code == devo::codes::too_many_errors);
  CHECK(sorted[3].message == "3 more errors not shown (the limit is 2)");
}

TEST_CASE("notes stay with their diagnostic", "[diagnostic]") {
  Diagnostics diags;
  diags.error(Location{"f.yaml", 3, 1}, "duplicate-id", "again")
      .note(Location{"f.yaml", 1, 1}, "first used here");
  const auto sorted = diags.sorted();
  REQUIRE(sorted.front().notes.size() == 1);
  CHECK(sorted.front().notes.front().location.line == 1);
}

TEST_CASE("every diagnostic code is kebab-case and listed once", "[diagnostic]") {
  std::set<std::string_view> seen;
  for (const auto& info : devo::diagnostic_codes()) {
    CHECK(seen.insert(info.code).second);
    CHECK_FALSE(info.summary.empty());
    for (char c : info.code) {
      CHECK(((c >= 'a' && c <= 'z') || c == '-'));
    }
  }
}

TEST_CASE("suggestions catch typos and nothing else", "[suggest]") {
  using devo::support::closest_match;
  const std::vector<std::string> keys = {"name", "institution", "mayor", "councils"};
  CHECK(closest_match("councel", keys) == "councils");
  CHECK(closest_match("mayr", keys) == "mayor");
  CHECK(closest_match("institutions", keys) == "institution");
  CHECK_FALSE(closest_match("population", keys).has_value());
  CHECK_FALSE(closest_match("x", {"y"}).has_value());
  CHECK(devo::support::quoted_list({"a", "b", "c"}) == "'a', 'b' or 'c'");
  CHECK(devo::support::did_you_mean("mayr", keys) == " (did you mean 'mayor'?)");
}

TEST_CASE("suggestions pick the nearest candidate, in any case, within a third of the word",
          "[suggest]") {
  using devo::support::closest_match;
  const std::vector<std::string> names = {"manchester", "manchesterr", "westminster", "winchester"};
  // Case does not count; the first of two at the same distance wins.
  CHECK(closest_match("MANCHESTER", names) == "manchester");
  CHECK(closest_match("winchestr", names) == "winchester");
  CHECK(closest_match("manchestre", names) == "manchester");
  // Four edits in a word of twelve is the limit; five is not a typo.
  CHECK(closest_match("westmxxxxter", {"westminster"}) == "westminster");
  CHECK_FALSE(closest_match("wexxxxxxster", {"westminster"}).has_value());
  // A name that starts with the word counts as one step away, however long.
  CHECK(closest_match("Manc", {"mancunian way", "manchester"}) == std::nullopt);
  CHECK(closest_match("manc", {"manchester and salford"}) == "manchester and salford");
}

TEST_CASE("docs/diagnostics.md documents every diagnostic code", "[diagnostic]") {
  const std::string docs = devo::test::read_project_file("docs/diagnostics.md");
  for (const auto& info : devo::diagnostic_codes()) {
    INFO(info.code);
    CHECK(docs.find("| `" + std::string(info.code) + "` |") != std::string::npos);
  }
}
