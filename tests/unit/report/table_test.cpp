// render_table() and render_sweep() (devo/report.hpp): a plain table in every
// format, and a sweep of England, which is one.

#include "support/catch.hpp"

#include <devo/decision.hpp>
#include <devo/facts.hpp>
#include <devo/report.hpp>
#include <devo/ruleset.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace {

using devo::OutputFormat;
using devo::PowerStatus;
using devo::Status;

const devo::Table k_tiers{{"id", "title", "evidence", "summary"},
                          {{"level-1", "Level 1", "secondary", "A first step"},
                           {"level-2", "Level 2 — wider", "confirmed", ""},
                           {"level-3", "Level 3", "reconstructed", "Mayors | more"}}};

}  // namespace

TEST_CASE("a table as text: padded columns, the last one unpadded", "[report][table]") {
  // Widths are counted in bytes and fmt pads in columns, as `devo list` has
  // always done: a column with a multi-byte character is a little wider.
  CHECK(devo::render_table(k_tiers, OutputFormat::text) ==
        "id       title              evidence       summary\n"
        "level-1  Level 1            secondary      A first step\n"
        "level-2  Level 2 — wider    confirmed      \n"
        "level-3  Level 3            reconstructed  Mayors | more\n");
  // With colour the header is bold, and the columns still line up.
  const std::string coloured = devo::render_table(devo::Table{{"a", "b"}, {{"xyz", "1"}}},
                                                  OutputFormat::text, devo::TextStyle{true});
  CHECK(coloured == "\x1b[1ma  \x1b[0m  \x1b[1mb\x1b[0m\nxyz  1\n");
}

TEST_CASE("a table as text writes out control characters", "[report][table]") {
  const devo::Table table{{"name"}, {{"evil\x1b[2J"}, {"ok"}}};
  CHECK(devo::render_table(table, OutputFormat::text) == "name\nevil\\x1B[2J\nok\n");
  // Not even with colour on: a cell's escape code is not one of the reports'.
  const devo::Table bold{{"n"}, {{"\x1b[1mx"}}};
  CHECK(devo::render_table(bold, OutputFormat::text, devo::TextStyle{true}).find("\x1b[1mx") ==
        std::string::npos);
}

TEST_CASE("a table as JSON: an object per row keyed by the header", "[report][table]") {
  CHECK(devo::render_table(k_tiers, OutputFormat::json) ==
        "[\n"
        "  {\n"
        "    \"id\": \"level-1\",\n"
        "    \"title\": \"Level 1\",\n"
        "    \"evidence\": \"secondary\",\n"
        "    \"summary\": \"A first step\"\n"
        "  },\n"
        "  {\n"
        "    \"id\": \"level-2\",\n"
        "    \"title\": \"Level 2 — wider\",\n"
        "    \"evidence\": \"confirmed\",\n"
        "    \"summary\": \"\"\n"
        "  },\n"
        "  {\n"
        "    \"id\": \"level-3\",\n"
        "    \"title\": \"Level 3\",\n"
        "    \"evidence\": \"reconstructed\",\n"
        "    \"summary\": \"Mayors | more\"\n"
        "  }\n"
        "]\n");
  CHECK(devo::render_table(devo::Table{{"a"}, {}}, OutputFormat::json) == "[]\n");
  // Short rows are filled in, long ones cut to the header.
  const auto rows = nlohmann::json::parse(
      devo::render_table(devo::Table{{"a", "b"}, {{"1"}, {"2", "3", "4"}}}, OutputFormat::json));
  CHECK(rows == nlohmann::json::parse(R"([{"a":"1","b":""},{"a":"2","b":"3"}])"));
}

TEST_CASE("a table as Markdown escapes every cell", "[report][table]") {
  CHECK(devo::render_table(k_tiers, OutputFormat::markdown) ==
        "| id | title | evidence | summary |\n"
        "|---|---|---|---|\n"
        "| level-1 | Level 1 | secondary | A first step |\n"
        "| level-2 | Level 2 — wider | confirmed |  |\n"
        "| level-3 | Level 3 | reconstructed | Mayors \\| more |\n");
}

TEST_CASE("a table as CSV: the header row, then the rows", "[report][table]") {
  CHECK(devo::render_table(k_tiers, OutputFormat::csv) ==
        "id,title,evidence,summary\n"
        "level-1,Level 1,secondary,A first step\n"
        "level-2,Level 2 — wider,confirmed,\n"
        "level-3,Level 3,reconstructed,Mayors | more\n");
  CHECK(devo::render_table(devo::Table{{"a", "b"}, {{"=x"}}}, OutputFormat::csv) == "a,b\n'=x,\n");
}

namespace {

devo::RuleSet sweep_rules() {
  devo::RuleSet rules;
  rules.id = "test";
  for (const char* id : {"adult-skills", "bus-franchising", "housing"}) {
    devo::Power power;
    power.id = id;
    rules.powers.push_back(power);
  }
  return rules;
}

devo::Decision decision(std::optional<std::size_t> tier, std::vector<PowerStatus> statuses) {
  devo::Decision result;
  result.tiers = {{"level-1", Status::holds, {}, {}}, {"level-2", Status::fails, {}, {}}};
  result.tier = tier;
  const char* ids[] = {"adult-skills", "bus-franchising", "housing"};
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    result.powers.push_back(devo::PowerResult{ids[i], statuses[i], {}, {}, {}});
  }
  return result;
}

}  // namespace

TEST_CASE("a sweep is a row per subject and a column per power", "[report][sweep]") {
  const devo::RuleSet rules = sweep_rules();
  const devo::Subject manchester{
      "combined_authority", "Greater Manchester, \"GMCA\"", "E47000001", {}, {}, {}, {}, {}};
  const devo::Subject rutland{
      "local_authority_district", "=Rutland", "E06000017", {}, {}, {}, {}, {}};
  const devo::Decision first =
      decision(0, {PowerStatus::available, PowerStatus::unavailable, PowerStatus::unknown});
  // A decision without the last power (made under other rules) leaves it empty.
  const devo::Decision second =
      decision(std::nullopt, {PowerStatus::unavailable, PowerStatus::unavailable});
  const std::vector<devo::SweepRow> rows{{manchester, first}, {rutland, second}};

  CHECK(devo::render_sweep(rules, rows, OutputFormat::csv) ==
        "code,name,kind,tier,adult-skills,bus-franchising,housing\n"
        "E47000001,\"Greater Manchester, \"\"GMCA\"\"\",combined_authority,level-1,available,"
        "unavailable,unknown\n"
        "E06000017,'=Rutland,local_authority_district,,unavailable,unavailable,\n");

  const auto json =
      nlohmann::ordered_json::parse(devo::render_sweep(rules, rows, OutputFormat::json));
  REQUIRE(json.size() == 2);
  CHECK(json[0].dump() ==
        R"({"code":"E47000001","name":"Greater Manchester, \"GMCA\"","kind":"combined_authority",)"
        R"("tier":"level-1","powers":{"adult-skills":"available","bus-franchising":"unavailable",)"
        R"("housing":"unknown"}})");
  CHECK(json[1]["tier"].is_null());
  CHECK(json[1]["powers"]["housing"].is_null());

  const std::string text = devo::render_sweep(rules, rows, OutputFormat::text);
  CHECK(text.starts_with("code       name"));
  CHECK(text.find("E06000017  =Rutland") != std::string::npos);
  const std::string markdown = devo::render_sweep(rules, rows, OutputFormat::markdown);
  CHECK(markdown.starts_with(
      "| code | name | kind | tier | adult-skills | bus-franchising | housing |\n|---|"));

  CHECK(devo::render_sweep(rules, {}, OutputFormat::csv) ==
        "code,name,kind,tier,adult-skills,bus-franchising,housing\n");
  CHECK(devo::render_sweep(rules, {}, OutputFormat::json) == "[]\n");
}
