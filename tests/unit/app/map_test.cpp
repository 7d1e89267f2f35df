// The maps' use cases (app::map and the maps of an evaluation and a diff) as
// a front end calls them: what a subject's map shows comes from the same
// facts the evaluation has; England's map has every district; a colouring
// that does not fit, facts with no place, and a power one side lacks are
// diagnostics at the place the caller gave.

#include "support/catch.hpp"
#include "support/fixtures.hpp"

#include <devo/app.hpp>
#include <devo/codes.hpp>

#include <algorithm>
#include <numeric>
#include <string>

namespace {

using devo::app::Given;
using Kind = devo::app::SubjectRequest::Kind;

devo::Location field(const std::string& name) {
  return devo::Location{name, 0, 0};
}

devo::app::Inputs on_edwp() {
  return devo::app::Inputs{Given{"2026-06-01", field("/as_of")},
                           Given{"edwp-2024", field("/rules")}, Given{}};
}

devo::app::MapRequest subject(const std::string& name) {
  devo::app::MapRequest request;
  request.subject = {Kind::authority, Given{name, field("/authority")}, {}};
  request.inputs = on_edwp();
  request.colour_at = field("/colour");
  return request;
}

bool has_note(const devo::Map& map, const std::string& words) {
  return std::any_of(map.notes.begin(), map.notes.end(), [&](const std::string& note) {
    return note.find(words) != std::string::npos;
  });
}

const devo::MapArea& area(const devo::Map& map, const std::string& code) {
  const auto found = std::find_if(map.areas.begin(), map.areas.end(),
                                  [&](const devo::MapArea& a) { return a.code == code; });
  REQUIRE(found != map.areas.end());
  return *found;
}

}  // namespace

TEST_CASE("map: a subject, its neighbours and the police area Halton breaks", "[app][map]") {
  devo::Diagnostics diags;
  const auto map = devo::app::map(subject("Liverpool City Region"), diags);
  INFO(devo::test::codes_of(diags).size());
  REQUIRE(map.has_value());
  CHECK(map->title == "Liverpool City Region Combined Authority");
  CHECK(map->subtitle.find("under edwp-2024 on 2026-06-01") != std::string::npos);
  // Liverpool is the subject's, Warrington a neighbour's, each as its row of
  // the legend says.
  CHECK(map->legend[area(*map, "E08000012").key].label.find("which reaches") != std::string::npos);
  CHECK(map->legend[area(*map, "E06000007").key].label == "a neighbouring district");
  // Halton, in the Cheshire police force area, has a row of its own (dotted).
  const auto& halton = map->legend[area(*map, "E06000006").key];
  CHECK(halton.fill.pattern == devo::MapPattern::dots);
  CHECK(has_note(*map, "Halton is in the Cheshire police force area"));
  CHECK(has_note(*map,
                 "Neighbours: Cheshire West and Chester, Warrington, West Lancashire and Wigan."));
  const bool cheshire_outlined =
      std::any_of(map->outlines.begin(), map->outlines.end(), [](const devo::MapOutline& o) {
        return o.line == devo::MapLine::split &&
               o.title.starts_with("Cheshire (police force area)");
      });
  CHECK(cheshire_outlined);
  CHECK(map->outlines.back().line == devo::MapLine::subject);  // drawn over the others
  REQUIRE(map->inset.has_value());
  CHECK(map->attribution.find("Contains OS data") != std::string::npos);
  CHECK(map->receipt.front().starts_with("Rule set edwp-2024"));
}

TEST_CASE("map: all England, every district once, counted in the legend", "[app][map]") {
  devo::app::MapRequest request;
  request.all = true;
  request.inputs = on_edwp();
  devo::Diagnostics diags;
  const auto map = devo::app::map(request, diags);
  REQUIRE(map.has_value());
  CHECK(map->areas.size() == 296);
  // Each fill row of the legend ends "(N districts)"; the Ns add up to 296.
  std::size_t counted = 0;
  for (const devo::MapKey& key : map->legend) {
    const auto open = key.label.rfind('(');
    if (!key.line && open != std::string::npos) {
      counted += std::stoul(key.label.substr(open + 1));
    }
  }
  CHECK(counted == 296);
}

TEST_CASE("map: a colouring that does not fit is blamed on where it was given", "[app][map]") {
  auto request = subject("Norfolk");
  request.colour = devo::app::MapColour::reachable;
  devo::Diagnostics diags;
  CHECK_FALSE(devo::app::map(request, diags).has_value());
  const auto usage = devo::test::find_code(diags, devo::codes::usage);
  REQUIRE(usage.has_value());
  CHECK(usage->location.file == "/colour");
  CHECK(devo::app::map_colour("reachable") == devo::app::MapColour::reachable);
  CHECK_FALSE(devo::app::map_colour("rainbow").has_value());
}

TEST_CASE("map: facts given by hand have no place to draw", "[app][map]") {
  devo::app::MapRequest request;
  request.subject = {Kind::facts,
                     Given{std::string(DEVO_SOURCE_DIR) + "/examples/04-missing-facts/facts.yaml",
                           field("/facts")},
                     {}};
  request.inputs = devo::app::Inputs{Given{"2026-06-01", {}}, Given{"luwp-2022", {}}, Given{}};
  devo::Diagnostics diags;
  CHECK_FALSE(devo::app::map(request, diags).has_value());
  const auto usage = devo::test::find_code(diags, devo::codes::usage);
  REQUIRE(usage.has_value());
  CHECK(usage->location.file == "/facts");
}

TEST_CASE("map of a diff: a power both rule sets have, or undefined-power at its field",
          "[app][map]") {
  devo::app::DiffRequest request;
  request.from = Given{"luwp-2022", {}};
  request.to = Given{"edwp-2024", {}};
  request.from_as_of = Given{"2026-06-01", {}};
  request.to_as_of = request.from_as_of;
  devo::Diagnostics diags;
  const auto diff = devo::app::diff(request, diags);
  REQUIRE(diff.has_value());
  const auto by_tier = devo::app::map_of(*diff, Given{}, Given{}, diags);
  REQUIRE(by_tier.has_value());
  CHECK(by_tier->areas.size() == 296);
  const auto precept = devo::app::map_of(*diff, Given{}, Given{"mayoral-precept", {}}, diags);
  REQUIRE(precept.has_value());
  CHECK(precept->title == "What changes for the power mayoral-precept");
  CHECK_FALSE(
      devo::app::map_of(*diff, Given{}, Given{"adult-skills", field("/power")}, diags).has_value());
  const auto undefined = devo::test::find_code(diags, devo::codes::undefined_power);
  REQUIRE(undefined.has_value());
  CHECK(undefined->location.file == "/power");
}
