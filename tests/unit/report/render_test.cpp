#include "report/text_table.hpp"
#include "support/catch.hpp"

#include <devo/decision.hpp>
#include <devo/diagnostic.hpp>
#include <devo/facts.hpp>
#include <devo/report.hpp>
#include <devo/ruleset.hpp>
#include <devo/value.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using devo::OutputFormat;
using devo::PowerStatus;
using devo::Status;
using Json = nlohmann::json;

devo::Citation citation(std::string source, std::string section = {}, std::string page = {},
                        std::vector<std::string> via = {}) {
  devo::Citation result;
  result.source = std::move(source);
  result.section = std::move(section);
  result.page = std::move(page);
  result.via = std::move(via);
  return result;
}

devo::FactDeclaration fact(std::string name, devo::FactType type, std::string title,
                           std::vector<std::pair<std::string, std::string>> values = {}) {
  devo::FactDeclaration result;
  result.name = std::move(name);
  result.type = type;
  result.title = std::move(title);
  result.values = std::move(values);
  return result;
}

devo::Tier tier(std::string id, std::string title) {
  devo::Tier result;
  result.id = std::move(id);
  result.title = std::move(title);
  result.citation = citation("luwp", "Table 2.3", "140");
  result.evidence = devo::Evidence::secondary;
  return result;
}

devo::Power power(std::string id, std::string title, std::string group, std::string tier_id,
                  devo::Citation where, devo::Evidence evidence) {
  devo::Power result;
  result.id = std::move(id);
  result.title = std::move(title);
  result.group = std::move(group);
  result.tier = std::move(tier_id);
  result.citation = std::move(where);
  result.evidence = evidence;
  return result;
}

// A small rule set: three tiers, three powers in two groups (the first group
// appearing again after the second), and one fact of each type.
devo::RuleSet sample_rules() {
  devo::RuleSet rules;
  rules.id = "test-2022";
  rules.title = "Test devolution framework";
  rules.effective_from = devo::Date::from_civil(2022, 2, 2);
  rules.sources = {
      devo::Source{"luwp",
                   "Levelling Up the United Kingdom (CP 604)",
                   "HM Government",
                   "https://www.gov.uk/luwp",
                   std::nullopt,
                   {}},
      devo::Source{"new-local", "New Local summary", "", "", std::nullopt, {}},
  };
  using devo::FactType;
  rules.facts = {
      fact(
          "institution", FactType::enumeration, "institution",
          {{"combined_authority", "a combined authority"}, {"county_council", "a county council"}}),
      fact("population", FactType::integer, "population"),
      fact("police_coterminous", FactType::boolean, "coterminosity with one police force area",
           {{"true", "is exactly one whole police force area"},
            {"false", "is not exactly one whole police force area"}}),
      fact("has_mayor", FactType::boolean, "directly elected mayor"),
      fact("established", FactType::date, "established on"),
      fact("islands", FactType::codes, "devolution islands"),
      fact("member_councils", FactType::codes, "member councils"),
      fact("mayor", FactType::enumeration, "mayor", {{"elected_mayor", "an elected mayor"}}),
  };
  rules.tiers = {tier("level-1", "Level 1"), tier("level-2", "Level 2"),
                 tier("level-3", "Level 3")};
  rules.powers = {
      power("adult-skills", "Devolved adult education functions", "Skills", "level-1",
            citation("luwp", "Table 2.3", "140", {"new-local"}), devo::Evidence::secondary),
      power("bus-franchising", "Bus franchising powers", "Transport", "level-2",
            citation("new-local"), devo::Evidence::reconstructed),
      power("careers-hubs", "Input into careers hubs", "Skills", "level-3",
            citation("luwp", "", "139-140"), devo::Evidence::confirmed),
  };
  return rules;
}

devo::FactInput sample_facts() {
  devo::FactInput facts;
  facts.subject = {"combined_authority",
                   "Greater Manchester Combined Authority",
                   "E47000001",
                   {},
                   {},
                   {},
                   {},
                   {}};
  // Inserted out of declaration order, and with a fact the rules do not
  // declare, to show that the rules decide both.
  facts.values["stray"] = true;
  facts.values["member_councils"] = devo::Codes{"E08000001", "E08000002"};
  facts.values["islands"] = devo::Codes{};
  facts.values["established"] = devo::Date::from_civil(2011, 4, 1);
  facts.values["has_mayor"] = false;
  facts.values["police_coterminous"] = true;
  facts.values["population"] = std::int64_t{3009664};
  facts.values["institution"] = std::string("combined_authority");
  return facts;
}

devo::Decision sample_decision() {
  devo::Decision decision;
  decision.tier = 1;
  decision.tiers = {
      {"level-1", Status::holds, {{Status::holds, "this is a combined authority", false}}, {}},
      {"level-2",
       Status::holds,
       {{Status::holds, "the area is exactly one whole police force area", false},
        {Status::fails, "there are devolution islands | checked", true}},
       {}},
      {"level-3",
       Status::unknown,
       {{Status::unknown, "whether there is a mayor is not known", false}},
       {"mayor"}},
  };
  decision.powers = {
      {"adult-skills", PowerStatus::available, {{Status::holds, "level-1 holds", false}}, {}, {}},
      {"bus-franchising",
       PowerStatus::unavailable,
       {{Status::fails, "there is no directly elected mayor", false}},
       {},
       {}},
      {"careers-hubs",
       PowerStatus::unknown,
       {{Status::unknown, "level-3 is unknown", false}},
       {"mayor", "population"},
       {}},
  };
  decision.warnings = {{"expectation-fails", "level-2 expects no devolution islands"}};
  return decision;
}

// Owns what an Evaluation refers to.
struct Sample {
  devo::RuleSet rules = sample_rules();
  devo::FactInput facts = sample_facts();
  devo::Decision decision = sample_decision();
  devo::Receipt receipt{"test-2022", "ab12cd", {}, "0.1.0", devo::Date::from_civil(2024, 5, 1),
                        {},          {}};

  devo::Evaluation evaluation() const { return devo::Evaluation{receipt, rules, facts, decision}; }
  std::string render(OutputFormat format, bool colour = false) const {
    return devo::render_evaluation(evaluation(), format, devo::TextStyle{colour});
  }
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) {
    lines.push_back(line);
  }
  return lines;
}

// Columns on a terminal: UTF-8 continuation bytes take none.
std::size_t columns(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return count;
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> keys_of(const nlohmann::ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) {
    keys.push_back(item.key());
  }
  return keys;
}

}  // namespace

TEST_CASE("evaluation JSON keeps the contract's keys in order", "[report][json]") {
  const Sample sample;
  const std::string out = sample.render(OutputFormat::json);
  REQUIRE(!out.empty());
  CHECK(out.back() == '\n');
  CHECK(out.find("\n  \"receipt\": {") != std::string::npos);  // two-space indentation

  const auto json = nlohmann::ordered_json::parse(out);
  CHECK(keys_of(json) == std::vector<std::string>{"receipt", "subject", "applicable", "valid",
                                                  "problems", "facts", "tier", "tiers", "powers",
                                                  "warnings"});
  CHECK(keys_of(json["receipt"]) ==
        std::vector<std::string>{"ruleset", "ruleset_sha256", "devo_version", "as_of"});
  CHECK(keys_of(json["subject"]) == std::vector<std::string>{"kind", "name", "code", "member_of"});
  CHECK(keys_of(json["tiers"][2]) == std::vector<std::string>{"id", "title", "status", "reasons",
                                                              "settled_by", "citation",
                                                              "evidence"});
  CHECK(keys_of(json["powers"][0]) ==
        std::vector<std::string>{"id", "title", "group", "tier", "status", "held", "held_since",
                                 "held_note", "reasons", "citation", "evidence"});
  CHECK(keys_of(json["powers"][0]["citation"]) ==
        std::vector<std::string>{"source", "document", "section", "page", "url", "via"});
  // Facts follow the rule set's declarations, not the input's order; facts the rules
  // do not declare come after them, and unsupplied facts are left out.
  CHECK(keys_of(json["facts"]) ==
        std::vector<std::string>{"institution", "population", "police_coterminous", "has_mayor",
                                 "established", "islands", "member_councils", "stray"});
}

TEST_CASE("evaluation JSON values", "[report][json]") {
  const Sample sample;
  const Json json = Json::parse(sample.render(OutputFormat::json));

  CHECK(json["receipt"] == Json{{"ruleset", "test-2022"},
                                {"ruleset_sha256", "ab12cd"},
                                {"devo_version", "0.1.0"},
                                {"as_of", "2024-05-01"}});
  CHECK(json["subject"] == Json{{"kind", "combined_authority"},
                                {"name", "Greater Manchester Combined Authority"},
                                {"code", "E47000001"},
                                {"member_of", Json::array()}});
  CHECK(json["applicable"] == true);
  CHECK(json["valid"] == true);
  CHECK(json["problems"] == Json::array());

  const Json& facts = json["facts"];
  CHECK(facts["institution"] == "combined_authority");
  CHECK(facts["population"].is_number_integer());
  CHECK(facts["population"] == 3009664);
  CHECK(facts["police_coterminous"] == true);
  CHECK(facts["has_mayor"] == false);
  CHECK(facts["established"] == "2011-04-01");
  CHECK(facts["islands"] == Json::array());
  CHECK(facts["member_councils"] == Json{"E08000001", "E08000002"});

  CHECK(json["tier"] == "level-2");

  const Json& tiers = json["tiers"];
  REQUIRE(tiers.size() == 3);
  CHECK(tiers[0] == Json::parse(R"json({"id": "level-1", "title": "Level 1", "status": "holds",
      "reasons": [{"status": "holds", "message": "this is a combined authority"}],
      "citation": {"source": "luwp", "document": "Levelling Up the United Kingdom (CP 604)",
                   "section": "Table 2.3", "page": "140", "url": "https://www.gov.uk/luwp"},
      "evidence": "secondary"})json"));
  CHECK(tiers[1]["reasons"][1] ==
        Json::parse(R"json({"status": "fails", "message": "there are devolution islands | checked",
                        "expectation": true})json"));
  CHECK(tiers[2]["status"] == "unknown");
  CHECK(tiers[2]["settled_by"] == Json{"mayor"});

  const Json& powers = json["powers"];
  REQUIRE(powers.size() == 3);
  CHECK(powers[0] == Json::parse(R"json({
      "id": "adult-skills", "title": "Devolved adult education functions", "group": "Skills",
      "tier": "level-1", "status": "available",
      "held": null, "held_since": null, "held_note": "",
      "reasons": [{"status": "holds", "message": "level-1 holds"}],
      "citation": {"source": "luwp", "document": "Levelling Up the United Kingdom (CP 604)",
                   "section": "Table 2.3", "page": "140", "url": "https://www.gov.uk/luwp",
                   "via": ["new-local"]},
      "evidence": "secondary"})json"));
  CHECK(powers[1]["status"] == "unavailable");
  // Only the citation's non-empty fields, and no url when the source has none.
  CHECK(powers[1]["citation"] == Json{{"source", "new-local"}, {"document", "New Local summary"}});
  CHECK(powers[1]["evidence"] == "reconstructed");
  CHECK(powers[2]["status"] == "unknown");
  CHECK(powers[2]["settled_by"] == Json{"mayor", "population"});
  CHECK(powers[2]["citation"]["page"] == "139-140");
  CHECK_FALSE(powers[2]["citation"].contains("section"));

  CHECK(json["warnings"] == Json::parse(R"json([{"code": "expectation-fails",
                         "message": "level-2 expects no devolution islands"}])json"));
}

TEST_CASE("evaluation JSON with no tier reached and no subject code", "[report][json]") {
  Sample sample;
  sample.decision.tier.reset();
  sample.decision.warnings.clear();
  sample.facts.subject.code.clear();
  const std::string out = sample.render(OutputFormat::json);
  const Json json = Json::parse(out);
  CHECK(json["tier"].is_null());
  CHECK_FALSE(json["subject"].contains("code"));
  CHECK(json["warnings"] == Json::array());
  // Deterministic: the same input gives the same bytes.
  CHECK(sample.render(OutputFormat::json) == out);
}

TEST_CASE("evaluation text for people", "[report][text]") {
  const Sample sample;
  const std::string out = sample.render(OutputFormat::text);
  const std::vector<std::string> lines = lines_of(out);

  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.back() == '\n');
  REQUIRE(lines.size() > 3);
  CHECK(lines[0] == "Greater Manchester Combined Authority (combined_authority, E47000001)");
  CHECK(lines[1] == "Rule set: test-2022 — Test devolution framework");
  CHECK(lines[2] == "As of: 2024-05-01");
  CHECK(contains(out, "\nTier: level-2 — Level 2\n"));

  // Facts in words: labels, separators, the fact's own words for a bool.
  CHECK(contains(out, "\nFacts\n  institution: a combined authority\n  population: 3,009,664\n"));
  CHECK(contains(out,
                 "\n  coterminosity with one police force area: "
                 "is exactly one whole police force area\n"));
  CHECK(contains(out, "\n  directly elected mayor: no\n"));
  CHECK(contains(out, "\n  established on: 2011-04-01\n"));
  CHECK(contains(out, "\n  devolution islands: none\n"));
  CHECK(contains(out, "\n  member councils: E08000001, E08000002\n"));
  // A fact the rules do not declare (one devo computed, say) comes after the
  // declared ones.
  CHECK(contains(out, "  stray: yes\n"));
  CHECK(out.find("stray: yes") > out.find("population: 3,009,664"));

  CHECK(contains(out,
                 "\nTiers\n  ✓ level-1 — Level 1 (holds)\n"
                 "      ✓ this is a combined authority\n"));
  CHECK(contains(out, "      ✗ there are devolution islands | checked (expectation only"));
  CHECK(contains(out,
                 "  ? level-3 — Level 3 (unknown)\n"
                 "      ? whether there is a mayor is not known\n"
                 "      would be settled by: mayor\n"));

  CHECK(contains(
      out,
      "\nPowers\n  Skills\n"
      "    ✓ adult-skills — Devolved adult education functions (available; held: not recorded)\n"
      "        ✓ level-1 holds\n"
      // Too long for one line: the evidence moves to its own.
      "        Levelling Up the United Kingdom (CP 604), Table 2.3, p.140, "
      "via New Local summary\n"
      "        · evidence: secondary\n"));
  CHECK(contains(out,
                 "    ? careers-hubs — Input into careers hubs (unknown; held: not recorded)\n"
                 "        ? level-3 is unknown\n"
                 "        would be settled by: mayor; population\n"
                 "        Levelling Up the United Kingdom (CP 604), pp.139-140 · "
                 "evidence: confirmed\n"));
  CHECK(contains(
      out,
      "    ✗ bus-franchising — Bus franchising powers (not available; held: not recorded)\n"
      "        ✗ there is no directly elected mayor\n"
      "        New Local summary · evidence: reconstructed\n"));
  // Groups in order of first appearance: both Skills powers before Transport.
  CHECK(out.find("careers-hubs") < out.find("  Transport\n"));

  CHECK(contains(out, "\n1 available, 1 unavailable, 1 unknown\n"));
  CHECK(contains(out,
                 "\nWarnings\n  warning: level-2 expects no devolution islands "
                 "[expectation-fails]\n"));
  CHECK(out.find("Warnings") > out.find("1 available"));
}

TEST_CASE("evaluation text colours only when asked", "[report][text]") {
  const Sample sample;
  const std::string plain = sample.render(OutputFormat::text, false);
  const std::string coloured = sample.render(OutputFormat::text, true);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(coloured.find('\x1b') != std::string::npos);
  CHECK(contains(coloured, "\x1b[32m✓\x1b[0m adult-skills"));
  CHECK(contains(coloured, "\x1b[31m✗\x1b[0m bus-franchising"));
  CHECK(contains(coloured, "\x1b[33m?\x1b[0m careers-hubs"));
  CHECK(contains(coloured, "\x1b[1mTiers\x1b[0m\n"));
  CHECK(contains(coloured, "\x1b[2mNew Local summary · evidence: reconstructed\x1b[0m\n"));
}

TEST_CASE("evaluation text with no tier, no facts and long reasons", "[report][text]") {
  Sample sample;
  sample.decision.tier.reset();
  sample.facts.values.clear();
  std::string long_reason;
  for (int i = 0; i < 40; ++i) {
    long_reason += "word" + std::to_string(i) + " ";
  }
  long_reason += "end";
  sample.decision.powers[0].reasons = {{Status::holds, long_reason, false}};

  const std::string out = sample.render(OutputFormat::text);
  CHECK(contains(out, "\nTier: none reached\n"));
  CHECK(contains(out, "\nFacts\n  none supplied\n"));

  // Wrapped at 100 columns, continuation lines hanging under the reason's text.
  const std::vector<std::string> lines = lines_of(out);
  std::size_t first = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CHECK(columns(lines[i]) <= 100);
    if (lines[i].rfind("        ✓ word0 ", 0) == 0) {
      first = i;
    }
  }
  REQUIRE(first + 1 < lines.size());
  CHECK(lines[first + 1].rfind("          word", 0) == 0);
  CHECK(contains(out, " end\n"));
}

TEST_CASE("text layout counts columns, not bytes", "[report][text]") {
  using devo::report::display_width;
  using devo::report::hanging_indent;
  using devo::report::pad_right;
  using devo::report::wrap_words;
  using Lines = std::vector<std::string>;

  CHECK(display_width("✓ ok") == 4);
  CHECK(display_width("\x1b[32m✓\x1b[0m ok") == 4);  // escapes take no columns
  CHECK(pad_right("✓", 3) == "✓  ");
  CHECK(pad_right("wide", 2) == "wide");

  CHECK(wrap_words("aa bb cc", 5) == Lines{"aa bb", "cc"});
  CHECK(wrap_words("aa  bb", 10) == Lines{"aa bb"});
  CHECK(wrap_words("a\nb", 10) == Lines{"a", "b"});
  CHECK(wrap_words("", 10) == Lines{""});
  CHECK(wrap_words("abcdefgh ij", 4) == Lines{"abcdefgh", "ij"});  // a long word is not cut
  CHECK(wrap_words("✓✓✓ ✓✓", 6) == Lines{"✓✓✓ ✓✓"});

  CHECK(hanging_indent("  ✓ ", "alpha beta gamma delta epsilon zeta eta theta iota kappa", 50) ==
        "  ✓ alpha beta gamma delta epsilon zeta eta theta\n"
        "    iota kappa\n");
}

TEST_CASE("evaluation Markdown", "[report][markdown]") {
  const Sample sample;
  const std::string out = sample.render(OutputFormat::markdown);
  CHECK(out.rfind("# Greater Manchester Combined Authority\n", 0) == 0);
  CHECK(contains(out, "| Rule set SHA-256 | ab12cd |\n"));
  CHECK(contains(out, "| As of | 2024-05-01 |\n"));
  CHECK(contains(out, "\nTier: **level-2** — Level 2\n"));
  CHECK(contains(out, "| population | 3,009,664 |  |\n"));
  CHECK(contains(out,
                 "| Tier | Status | Reasons |\n|---|---|---|\n"
                 "| level-1 | ✓ holds | ✓ this is a combined authority |\n"));
  // A `|` inside a cell is escaped so that it does not end the cell.
  CHECK(contains(out, "✗ there are devolution islands \\| checked (expectation only)"));
  CHECK(contains(out,
                 "| level-3 | ? unknown | ? whether there is a mayor is not known<br>"
                 "would be settled by: mayor |\n"));
  CHECK(contains(out,
                 "### Skills\n\n| Power | Title | Status | Held | Reasons | Citation | Evidence |\n"
                 "|---|---|---|---|---|---|---|\n"
                 "| adult-skills | Devolved adult education functions | ✓ available | "
                 "held: not recorded | "
                 "✓ level-1 holds | Levelling Up the United Kingdom (CP 604), Table 2.3, "
                 "p.140, via New Local summary | secondary |\n"));
  CHECK(contains(out, "| bus-franchising | Bus franchising powers | ✗ not available |"));
  CHECK(out.find("### Skills") < out.find("### Transport"));
  CHECK(contains(out, "1 available, 1 unavailable, 1 unknown\n"));
  CHECK(contains(out, "level-2 expects no devolution islands"));
  CHECK(out.find('\x1b') == std::string::npos);
}

namespace {

const char* const k_bad_rules =
    "ruleset:\n"
    "    - condition: mayoral-ca\n";

devo::Diagnostics bad_rules_diagnostics() {
  devo::Diagnostics diags;
  diags.add_source("rules/bad.yaml", std::make_shared<const std::string>(k_bad_rules));
  diags
      .error({"rules/bad.yaml", 2, 18}, "undefined-condition",
             "condition 'mayoral-ca' is not defined")
      .note({"rules/bad.yaml", 1, 1}, "first defined here");
  return diags;
}

}  // namespace

TEST_CASE("diagnostics text quotes the line with a caret", "[report][diagnostics]") {
  const devo::Diagnostics diags = bad_rules_diagnostics();
  CHECK(devo::render_diagnostics(diags, OutputFormat::text) ==
        "rules/bad.yaml:2:18: error: condition 'mayoral-ca' is not defined [undefined-condition]\n"
        "    2 |     - condition: mayoral-ca\n"
        "      |                  ^\n"
        "rules/bad.yaml:1:1: note: first defined here\n"
        "    1 | ruleset:\n"
        "      | ^\n");
}

TEST_CASE("diagnostics text for whole files, unknown sources and no column",
          "[report][diagnostics]") {
  devo::Diagnostics diags;
  diags.add_source("rules/crlf.yaml",
                   std::make_shared<const std::string>("a: 1\r\n\tkey: value\r\n"));
  diags.warning({"rules/crlf.yaml", 2, 2}, "unused-fact", "fact 'key' is never used");
  diags.error({"rules/crlf.yaml", 1, 0}, "yaml-syntax", "something is wrong on this line");
  diags.error({"rules/crlf.yaml", 3, 1}, "yaml-syntax", "unexpected end of file");
  diags.error({"rules/missing.yaml", 0, 0}, "file-not-found", "the file does not exist");
  diags.error({"rules/other.yaml", 4, 2}, "duplicate-key", "key 'id' is given twice")
      .note({"rules/other.yaml", 2, 2}, "first given here");

  CHECK(devo::render_diagnostics(diags, OutputFormat::text) ==
        // Line known, column not: the line, no caret.
        "rules/crlf.yaml:1: error: something is wrong on this line [yaml-syntax]\n"
        "    1 | a: 1\n"
        // A tab expands to 8 columns and the caret follows it; the \r is dropped.
        "rules/crlf.yaml:2:2: warning: fact 'key' is never used [unused-fact]\n"
        "    2 |         key: value\n"
        "      |         ^\n"
        // A line past the end of the text is not quoted.
        "rules/crlf.yaml:3:1: error: unexpected end of file [yaml-syntax]\n"
        "rules/missing.yaml: error: the file does not exist [file-not-found]\n"
        // No text for the file: location only, for the note too.
        "rules/other.yaml:4:2: error: key 'id' is given twice [duplicate-key]\n"
        "rules/other.yaml:2:2: note: first given here\n");
}

TEST_CASE("diagnostics text shows a window of a long line around the caret",
          "[report][diagnostics]") {
  // 200 columns: a tab (8 columns), "é" (two bytes, one column), 140 letters,
  // an 'X' (byte column 144, screen column 149) and 50 letters.
  std::string line = "\t\xc3\xa9";
  line += std::string(140, 'a') + "X" + std::string(50, 'b');
  devo::Diagnostics diags;
  diags.add_source("long.yaml", std::make_shared<const std::string>(line + "\nshort\n"));
  diags.error({"long.yaml", 1, 144}, "yaml-syntax", "at the X");
  diags.error({"long.yaml", 1, 2}, "yaml-syntax", "at the start");
  const std::vector<std::string> lines =
      lines_of(devo::render_diagnostics(diags, OutputFormat::text));
  REQUIRE(lines.size() == 6);
  // At the start: the tab's spaces, the two-byte character whole, 120 columns
  // in all, then "…"; the caret under the "é".
  CHECK(lines[1] == "    1 |         \xc3\xa9" + std::string(111, 'a') + "…");
  CHECK(lines[2] == "      |         ^");
  // Around the X: 60 columns before it, and the rest of the line, which ends
  // before the 120 columns are used up.
  CHECK(lines[4] == "    1 | …" + std::string(60, 'a') + "X" + std::string(50, 'b'));
  CHECK(lines[5] == "      | " + std::string(61, ' ') + "^");
}

TEST_CASE("diagnostics text is empty without diagnostics", "[report][diagnostics]") {
  const devo::Diagnostics diags;
  CHECK(devo::render_diagnostics(diags, OutputFormat::text).empty());
  CHECK(devo::render_diagnostics(diags, OutputFormat::markdown).empty());
  CHECK(devo::render_diagnostics(diags, OutputFormat::json) == "[]\n");
}

TEST_CASE("diagnostics beyond the limit end with too-many-errors", "[report][diagnostics]") {
  devo::Diagnostics diags(1);
  diags.error({"a.yaml", 1, 1}, "duplicate-id", "first");
  diags.error({"a.yaml", 2, 1}, "duplicate-id", "second");
  const std::vector<std::string> lines =
      lines_of(devo::render_diagnostics(diags, OutputFormat::text));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "a.yaml:1:1: error: first [duplicate-id]");
  // A finding about no file has no location prefix at all.
  CHECK(lines[1].rfind("error: ", 0) == 0);
  CHECK(contains(lines[1], "[too-many-errors]"));
}

TEST_CASE("diagnostics text in colour", "[report][diagnostics]") {
  devo::Diagnostics diags = bad_rules_diagnostics();
  diags.warning({"rules/bad.yaml", 0, 0}, "unused-fact", "fact 'x' is never used");
  const std::string plain = devo::render_diagnostics(diags, OutputFormat::text);
  const std::string coloured =
      devo::render_diagnostics(diags, OutputFormat::text, devo::TextStyle{true});
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(contains(coloured, "\x1b[1mrules/bad.yaml:2:18:\x1b[0m \x1b[31merror\x1b[0m: "));
  CHECK(contains(coloured, "\x1b[35mwarning\x1b[0m: fact 'x' is never used [unused-fact]\n"));
  CHECK(contains(coloured, "\x1b[36mnote\x1b[0m: first defined here\n"));
  CHECK(contains(coloured, "      |                  \x1b[32m^\x1b[0m\n"));
}

TEST_CASE("diagnostics JSON", "[report][diagnostics][json]") {
  devo::Diagnostics diags = bad_rules_diagnostics();
  diags.warning({"rules/bad.yaml", 0, 0}, "unused-fact", "fact 'x' is never used");
  const std::string out = devo::render_diagnostics(diags, OutputFormat::json);
  REQUIRE(!out.empty());
  CHECK(out.back() == '\n');

  const auto json = nlohmann::ordered_json::parse(out);
  REQUIRE(json.is_array());
  REQUIRE(json.size() == 2);
  // Sorted: the whole-file warning comes first; it has no line or column,
  // which JSON says with null rather than 0.
  CHECK(json[0] ==
        nlohmann::ordered_json::parse(R"json({"code": "unused-fact", "severity": "warning",
      "message": "fact 'x' is never used", "file": "rules/bad.yaml", "line": null, "column": null})json"));
  CHECK(keys_of(json[1]) ==
        std::vector<std::string>{"code", "severity", "message", "file", "line", "column", "notes"});
  CHECK(json[1]["code"] == "undefined-condition");
  CHECK(json[1]["severity"] == "error");
  CHECK(json[1]["line"] == 2);
  CHECK(json[1]["column"] == 18);
  CHECK(json[1]["notes"] == nlohmann::ordered_json::parse(R"json([{"message": "first defined here",
      "file": "rules/bad.yaml", "line": 1, "column": 1}])json"));
}

TEST_CASE("diagnostics Markdown is the text in a fence", "[report][diagnostics][markdown]") {
  const devo::Diagnostics diags = bad_rules_diagnostics();
  const std::string text = devo::render_diagnostics(diags, OutputFormat::text);
  CHECK(devo::render_diagnostics(diags, OutputFormat::markdown, devo::TextStyle{true}) ==
        "```text\n" + text + "```\n");
}
