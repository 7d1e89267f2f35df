#include "report/report_common.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

#include <devo/diagnostic.hpp>
#include <devo/engine.hpp>
#include <devo/report.hpp>
#include <devo/ruleset.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace {

using devo::CatalogueFormat;

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::size_t count_of(const std::string& text, std::string_view part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

// The text from `from` up to the next `to` (or the end).
std::string section(const std::string& text, std::string_view from, std::string_view to) {
  const std::size_t start = text.find(from);
  REQUIRE(start != std::string::npos);
  const std::size_t end = text.find(to, start + from.size());
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// The lines of `text` that start with `prefix`, without it.
std::vector<std::string> lines_starting(const std::string& text, std::string_view prefix) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end;
    const std::string_view line(text.data() + start, end - start);
    if (line.starts_with(prefix)) {
      lines.emplace_back(line.substr(prefix.size()));
    }
    start = end + 1;
  }
  return lines;
}

devo::RuleSet load_builtin(const std::string& id) {
  devo::Diagnostics diags;
  auto source = devo::find_ruleset_source(id, diags);
  REQUIRE(source.has_value());
  auto rules = devo::load_ruleset(*source, diags);
  INFO(devo::render_diagnostics(diags, devo::OutputFormat::text));
  REQUIRE(rules.has_value());
  return std::move(*rules);
}

// The small fixture with a title and a power that HTML and Markdown must
// escape, and a source with a web address.
std::string awkward_ruleset_text() {
  std::string text = devo::test::small_ruleset_text();
  const std::string title = "  title: A small rule set\n";
  text.replace(text.find(title), title.size(),
               "  title: \"Rules <script>alert(1)</script> & \\\"quoted\\\" it's\"\n");
  const std::string pool = "    title: Pool services\n";
  text.replace(text.find(pool), pool.size(), "    title: Pool | *services* <b>now</b>\n");
  const std::string source = "    title: The document\n";
  text.replace(text.find(source), source.size(),
               "    title: The document\n    url: https://example.org/doc?a=1&b=2\n");
  return text;
}

}  // namespace

TEST_CASE("the Markdown catalogue gives the rule set's header and evidence overview",
          "[report][catalogue]") {
  const devo::RuleSet rules = devo::test::load_valid_ruleset(devo::test::small_ruleset_text());
  const std::string md = devo::render_catalogue(rules, CatalogueFormat::markdown);

  CHECK(md.starts_with("# A small rule set\n\n"));
  CHECK(contains(md, "**Rule set:** `small`\\\n"));
  CHECK(contains(md, "**In force:** from 2020-01-01 to 2030-12-31\\\n"));
  CHECK(contains(md,
                 "**Contents:** 2 tiers; 3 powers in 2 groups; 2 named conditions; "
                 "5 facts; 1 source\n"));
  CHECK_FALSE(contains(md, "**Extends:**"));
  CHECK(md.ends_with("|\n"));
  CHECK_FALSE(md.ends_with("\n\n"));

  // The marks a reviewer checks first stand out, reconstructed before secondary.
  CHECK(contains(md,
                 "- ⚠ **reconstructed** (2): powers `precept`, `early`\n"
                 "- ◐ **secondary** (1): tier `mayoral`\n"
                 "- confirmed (2): tier `basic`; power `pool`\n"));
}

TEST_CASE("the Markdown catalogue words every tier, power and condition", "[report][catalogue]") {
  const devo::RuleSet rules = devo::test::load_valid_ruleset(devo::test::small_ruleset_text());
  const std::string md = devo::render_catalogue(rules, CatalogueFormat::markdown);

  SECTION("tiers, in order, with requirements, expectations, citation and evidence") {
    const std::string basic = section(md, "### Basic (`basic`)\n", "###");
    CHECK(contains(basic, "**Citation:** The document, Table 1, p.3\\\n**Evidence:** confirmed\n"));
    CHECK(contains(basic, "Holds when:\n\n- population of at least 500,000\n"));
    CHECK(contains(basic, "Expects (a failure only warns):\n\n- no devolution islands\n"));

    const std::string mayoral = section(md, "### Mayoral (`mayoral`)\n", "## Powers");
    CHECK(contains(mayoral, "**Evidence:** ◐ **secondary**\n"));
    CHECK(contains(mayoral, "Holds when Basic holds and:\n\n- that it has a mayor\n"));
    CHECK(md.find("### Basic") < md.find("### Mayoral"));
  }

  SECTION("powers by group, with their tier, further requirements, citation and evidence") {
    const std::string powers = section(md, "## Powers\n", "## Named conditions");
    CHECK(contains(powers,
                   "### Services\n\n| Power | Tier | Further requirements | Citation | "
                   "Evidence |\n|---|---|---|---|---|\n"
                   "| Pool services (`pool`) | Basic | — | The document, p.4 | "
                   "confirmed |\n"));
    CHECK(contains(powers,
                   "| Precept (`precept`) | Mayoral | a mayoral combined authority "
                   "(`mayoral`) | The document | ⚠ **reconstructed** |\n"));
    // A compound condition without a title is spelled out, a date as written
    // and a negation with "not".
    CHECK(contains(powers,
                   "| Early election bonus (`early`) | Basic | any of: date of the first "
                   "election before 2020-01-01; not devolution islands including "
                   "E06000001 | The document | ⚠ **reconstructed** |\n"));
    CHECK(powers.find("### Services") < powers.find("### Money"));
  }

  SECTION("named conditions, with what they mean in words") {
    const std::string conditions = section(md, "## Named conditions\n", "## Facts");
    CHECK(contains(conditions,
                   "| a combined authority (`combined`) | kind: a combined authority "
                   "| — | — |\n"));
    CHECK(contains(conditions,
                   "| a mayoral combined authority (`mayoral`) | all of: a combined "
                   "authority (`combined`); that it has a mayor | — | — |\n"));
  }

  SECTION("facts, with their types and values, and sources") {
    const std::string facts = section(md, "## Facts\n", "## Sources");
    CHECK(contains(facts,
                   "| kind (`kind`) | enum | — | `council`: a council; `combined`: a "
                   "combined authority |\n"));
    CHECK(contains(facts,
                   "| mayor (`mayor`) | bool | — | `true`: has a mayor; `false`: has no "
                   "mayor |\n"));
    CHECK(contains(facts, "| population (`population`) | integer | — | — |\n"));
    CHECK(contains(md, "| `doc` | The document | — | — | — |\n"));
  }

  SECTION("each citation reads as the reports' citations do") {
    // The small rule set's sources have no addresses, so no links come between.
    for (const devo::Tier& tier : rules.tiers) {
      CHECK(contains(
          md, "**Citation:** " + devo::report::citation_in_words(rules, tier.citation) + "\\\n"));
    }
    for (const devo::Power& power : rules.powers) {
      CHECK(contains(md, " | " + devo::report::citation_in_words(rules, power.citation) + " | "));
    }
  }
}

TEST_CASE("the catalogue words each kind of comparison", "[report][catalogue]") {
  std::string text = devo::test::small_ruleset_text();
  const std::string powers = "powers:\n";
  text.replace(text.find(powers), powers.size(), R"(powers:
  - id: words
    title: Words
    group: Test
    tier: basic
    requires:
      - {fact: kind, ne: council}
      - {fact: kind, in: [council, combined]}
      - {fact: population, lt: 1000}
      - {fact: population, in: [1000, 2000000]}
      - {fact: elected, gte: 2021-05-06}
      - {fact: mayor, exists: true}
      - {fact: mayor, ne: true}
      - {fact: islands, eq: [E06000001, E06000002]}
      - {fact: islands, ne: []}
      - not: {all: [combined, {fact: population, gt: 10}]}
      - {condition: combined, title: a combined authority of any kind, evidence: secondary,
         citation: {source: doc, page: 7-9}}
    citation: {source: doc}
    evidence: confirmed
)");
  const devo::RuleSet rules = devo::test::load_valid_ruleset(text);
  const std::string md = devo::render_catalogue(rules, CatalogueFormat::markdown);
  const std::vector<std::string> rows = lines_starting(md, "| Words (`words`) | Basic | ");
  REQUIRE(rows.size() == 1);
  const std::string& row = rows[0];
  for (std::string_view words : {
           "kind other than a council **and** ",
           "kind: a council or a combined authority **and** ",
           "population below 1,000 **and** ",
           "population of 1,000 or 2,000,000 **and** ",
           "date of the first election on or after 2021-05-06 **and** ",
           "a known mayor **and** ",
           "that it has no mayor **and** ",
           "devolution islands of exactly E06000001 and E06000002 **and** ",
           "some devolution islands **and** ",
           "not (all of: a combined authority (`combined`); population above 10) **and** ",
           "a combined authority of any kind (`combined`) — ◐ **secondary**; The document, "
           "pp.7-9 |",
       }) {
    INFO(row);
    CHECK(contains(row, words));
  }
}

TEST_CASE("the catalogue says what a rule set extends", "[report][catalogue]") {
  devo::RuleSet rules = devo::test::load_valid_ruleset(devo::test::small_ruleset_text());
  rules.extends = "luwp-2022";
  rules.effective_to.reset();
  const std::string md = devo::render_catalogue(rules, CatalogueFormat::markdown);
  CHECK(contains(md, "**In force:** from 2020-01-01, with no end date\\\n"));
  CHECK(contains(md,
                 "**Extends:** `luwp-2022`: its sources, facts, named conditions, tiers and "
                 "powers come first, then this file's own\\\n"));
}

TEST_CASE("the catalogue escapes what Markdown and HTML would read as markup",
          "[report][catalogue]") {
  const devo::RuleSet rules = devo::test::load_valid_ruleset(awkward_ruleset_text());

  SECTION("HTML: a standalone page with everything escaped") {
    const std::string html = devo::render_catalogue(rules, CatalogueFormat::html);
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"));
    CHECK(contains(html, "<meta charset=\"utf-8\" />"));
    CHECK(contains(html, "<style>\n"));
    CHECK(contains(html, "@media print"));
    CHECK(html.ends_with("</main>\n</body>\n</html>\n"));

    const std::string escaped =
        "Rules &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; it&#39;s";
    CHECK(contains(html, "<title>" + escaped + " — rule catalogue</title>"));
    CHECK(contains(html, "<h1>" + escaped + "</h1>"));
    CHECK_FALSE(contains(html, "<script>"));
    CHECK_FALSE(contains(html, "<b>"));
    CHECK(contains(html, "Pool | *services* &lt;b&gt;now&lt;/b&gt; (<code>pool</code>)"));
    // Addresses are escaped in attributes too.
    CHECK(contains(html, "<a href=\"https://example.org/doc?a=1&amp;b=2\">The document</a>"));
    // Rows and headings carry anchors, and references link to them.
    CHECK(contains(html, "<tr id=\"power-precept\">"));
    CHECK(contains(html, "<h3 id=\"tier-basic\">Basic (<code>basic</code>)</h3>"));
    CHECK(contains(html, "<a href=\"#condition-mayoral\"><code>mayoral</code></a>"));
    CHECK(contains(html, "<span class=\"evidence evidence-reconstructed\">⚠ reconstructed</span>"));
    CHECK(contains(html, "<span class=\"evidence evidence-secondary\">◐ secondary</span>"));
  }

  SECTION("Markdown: markup characters are escaped and no HTML is written") {
    const std::string md = devo::render_catalogue(rules, CatalogueFormat::markdown);
    CHECK(md.starts_with("# Rules \\<script\\>alert(1)\\</script\\> & \"quoted\" it's\n"));
    CHECK(contains(md, "| Pool \\| \\*services\\* \\<b\\>now\\</b\\> (`pool`) |"));
    CHECK(contains(md, "[The document](https://example.org/doc?a=1&b=2)"));
    CHECK(contains(md, "| `doc` | The document | — | — | <https://example.org/doc?a=1&b=2> |"));
  }
}

TEST_CASE("the catalogue is the same bytes every time", "[report][catalogue]") {
  const devo::RuleSet small = devo::test::load_valid_ruleset(devo::test::small_ruleset_text());
  const devo::RuleSet luwp = load_builtin("luwp-2022");
  for (const devo::RuleSet* rules : {&small, &luwp}) {
    const devo::RuleSet copy = *rules;
    for (CatalogueFormat format : {CatalogueFormat::markdown, CatalogueFormat::html}) {
      const std::string first = devo::render_catalogue(*rules, format);
      CHECK(devo::render_catalogue(*rules, format) == first);
      CHECK(devo::render_catalogue(copy, format) == first);
    }
  }
}

TEST_CASE("the luwp-2022 catalogue lists its 23 powers under their 8 groups",
          "[report][catalogue]") {
  const devo::RuleSet rules = load_builtin("luwp-2022");
  const std::string md = devo::render_catalogue(rules, CatalogueFormat::markdown);

  CHECK(md.starts_with("# Levelling Up White Paper (2022) devolution framework\n"));
  CHECK(contains(md, "**Contents:** 3 tiers; 23 powers in 8 groups;"));

  const std::string powers = section(md, "## Powers\n", "## Named conditions");
  const std::vector<std::string> groups = lines_starting(powers, "### ");
  CHECK(groups == std::vector<std::string>{
                      "Strategic role in delivering services", "Supporting local businesses",
                      "Local control of sustainable transport", "Investment spending",
                      "Giving adults the skills for the labour market",
                      "Local control of infrastructure decisions",
                      "Keeping the public safe and healthy", "Financial autonomy"});
  REQUIRE(rules.powers.size() == 23);
  std::size_t rows = 0;
  for (const devo::Power& power : rules.powers) {
    INFO(power.id);
    // One row each, under its own group's heading.
    const std::string group = section(powers, "### " + power.group + "\n", "###");
    CHECK(count_of(powers, "(`" + power.id + "`)") == 1);
    CHECK(contains(group, "| " + power.title + " (`" + power.id + "`)"));
    ++rows;
  }
  CHECK(rows == 23);

  // Requirements and flags in words, with the flags' own (reconstructed) marks.
  CHECK(contains(powers,
                 "| a mayoral combined authority (`mayoral-combined-authority`) — ⚠ "
                 "**reconstructed** **and** a mayor in office (`mayor-in-office`) — ⚠ "
                 "**reconstructed** **and** boundaries that align (one whole police force area "
                 "by default; two or more whole ones by decision) |"));
  CHECK(contains(powers, "**Held:** recorded in devo's data as `pcc-functions`"));
  const std::string excluded = section(md, "## Where it does not apply\n", "## Tiers");
  CHECK(contains(excluded, "the 2022 levels were offered to areas outside London"));
  CHECK(contains(powers,
                 "**Note:** Using it needs the consent of the host local planning "
                 "authority."));
  CHECK(contains(powers,
                 "[Levelling Up the United Kingdom (CP 604)](https://www.gov.uk/"
                 "government/publications/levelling-up-the-united-kingdom), Table 2.3, "
                 "p.140, via [Devolution: What's new in the Levelling Up White Paper?]"
                 "(https://www.newlocal.org.uk/articles/devolution-levelling-up-white-"
                 "paper/)"));

  const std::string conditions = section(md, "## Named conditions\n", "## Facts");
  CHECK(contains(conditions,
                 "| institution: a combined authority or a combined county "
                 "authority |"));
  CHECK(contains(conditions,
                 "any of: directly elected leadership: a mayoral institution (one led by a "
                 "directly elected mayor); (all of: directly elected leadership: led by a directly "
                 "elected leader; institution: a county council)"));

  const std::string tiers = section(md, "## Tiers\n", "## Powers");
  CHECK(contains(tiers, "- a combined population of at least 500,000 — ◐ **secondary**; "));
  CHECK(contains(tiers,
                 "Holds when Level 2 holds and:\n\n- a directly elected mayor, or a "
                 "directly elected leader of a county council "
                 "(`directly-elected-leadership`) — confirmed\n"));

  // Markdown without raw HTML: the only `<` open autolinks; the rest are escaped.
  for (std::size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
    INFO(md.substr(at, 40));
    const bool autolink = md.compare(at, 9, "<https://") == 0;
    const bool escaped = at > 0 && md[at - 1] == '\\';
    CHECK((autolink || escaped));
  }
}
