// The printable HTML reports (render_evaluation_html(), render_validation_html()
// and render_diff_html() in devo/report.hpp): a subject's name and a
// proposal's text come from users' files, so everything is made printable and
// escaped; the map is embedded as given, or left out; nothing is missing.

#include "support/catch.hpp"
#include "support/subjects.hpp"

#include <devo/diff.hpp>
#include <devo/engine.hpp>
#include <devo/report.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

// A name that would run a script, end an attribute or a reference, and drive
// a terminal, were it written as it is.
constexpr std::string_view k_hostile_name = "<script>alert(\"Tom & Jerry's\")</script>\x1b[31m";

constexpr std::string_view k_map =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><path d=\"M0 0L10 10\" "
    "/></svg>";

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

devo::Receipt sample_receipt(std::string ruleset) {
  return devo::Receipt{ruleset,
                       "ab12cd34",
                       {{"rules/" + ruleset + ".yaml", "ef56ab78"}},
                       "9.8.7",
                       devo::Date::from_civil(2026, 6, 1),
                       "ONS 2025 vintage",
                       "0123abcd"};
}

devo::Subject hostile_subject() {
  devo::Subject subject;
  subject.kind = "combined_authority";
  subject.name = std::string(k_hostile_name);
  subject.code = "E47000001";
  return subject;
}

// The built-in 2022 rules, evaluated for a subject with a hostile name and a
// population, the rest unknown.
struct EvaluationSample {
  std::shared_ptr<const devo::RuleSet> rules = devo::test::builtin_rules("luwp-2022");
  devo::FactInput facts = make_facts();
  devo::Decision decision = devo::CompiledRules(rules).evaluate(facts);
  devo::Receipt receipt = sample_receipt("luwp-2022");

  static devo::FactInput make_facts() {
    devo::FactInput facts;
    facts.subject = hostile_subject();
    facts.values["population"] = std::int64_t{2867800};
    facts.notes["population"] = "the ONS estimate & more";
    return facts;
  }

  std::string render(std::string_view map = {}) const {
    return devo::render_evaluation_html(devo::Evaluation{receipt, *rules, facts, decision}, map);
  }
};

void check_hostile_name_escaped(const std::string& html) {
  CHECK_FALSE(contains(html, "<script"));
  CHECK(contains(html, "&lt;script&gt;alert(&quot;Tom &amp; Jerry&#39;s&quot;)&lt;/script&gt;"));
  // The escape byte is written out, never sent.
  CHECK(html.find('\x1b') == std::string::npos);
  CHECK(contains(html, "\\x1B[31m"));
}

void check_page(const std::string& html) {
  CHECK(
      html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
                       "<meta charset=\"utf-8\" />\n"));
  CHECK(html.ends_with("</html>\n"));
  CHECK(contains(html, "@page { size: A4; margin: 15mm; }"));
  // Self-contained: nothing to run and nothing to fetch.
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "<link"));
  CHECK_FALSE(contains(html, "<img"));
  CHECK_FALSE(contains(html, "http://"));
  CHECK_FALSE(contains(html, "https://"));
}

void check_receipt(const std::string& html, const devo::Receipt& receipt) {
  CHECK(contains(html, "<h2>Receipt</h2>"));
  for (const std::string& value :
       {receipt.ruleset, receipt.ruleset_sha256, receipt.devo_version, receipt.as_of.to_string(),
        receipt.data_vintage, receipt.data_sha256, receipt.ruleset_files.front().path,
        receipt.ruleset_files.front().sha256}) {
    CHECK(contains(html, value));
  }
}

}  // namespace

TEST_CASE("evaluation HTML escapes a hostile subject name", "[report][html]") {
  const EvaluationSample sample;
  const std::string html = sample.render();
  check_page(html);
  check_hostile_name_escaped(html);
  CHECK(contains(html, "<h1>&lt;script&gt;"));
  CHECK(contains(html, "<title>&lt;script&gt;"));
}

TEST_CASE("evaluation HTML embeds the map only when given", "[report][html]") {
  const EvaluationSample sample;
  const std::string with_map = sample.render(k_map);
  CHECK(contains(with_map, "<figure class=\"map\">\n" + std::string(k_map) + "\n<figcaption>"));
  CHECK(contains(with_map, "<h2>Map</h2>"));

  const std::string without = sample.render();
  CHECK_FALSE(contains(without, "<figure"));
  CHECK_FALSE(contains(without, "<svg"));
  CHECK_FALSE(contains(without, "<h2>Map</h2>"));
}

TEST_CASE("evaluation HTML shows every power, the facts and the receipt", "[report][html]") {
  const EvaluationSample sample;
  const std::string html = sample.render();
  REQUIRE(sample.rules->powers.size() == sample.decision.powers.size());
  for (const devo::Power& power : sample.rules->powers) {
    INFO(power.id);
    CHECK(contains(html, "<span class=\"id\">" + power.id + "</span>"));
  }
  // Status in words, not in colour alone.
  CHECK(contains(html, "<span aria-hidden=\"true\">?</span> unknown</span>"));
  CHECK(contains(html, "held: not recorded"));
  CHECK(contains(html, "Evidence: "));
  CHECK(contains(html, "<th scope=\"col\">Power</th>"));
  CHECK(contains(html,
                 "<th scope=\"row\">population</th><td>2,867,800</td>"
                 "<td>the ONS estimate &amp; more</td>"));
  check_receipt(html, sample.receipt);
  // The same input gives the same bytes.
  CHECK(sample.render() == html);
}

TEST_CASE("validation HTML lists the findings and the verdict", "[report][html]") {
  const devo::Subject subject = hostile_subject();
  devo::Diagnostics findings;
  findings
      .error(devo::Location{"proposal.yaml", 4, 3}, "institution-mismatch",
             "Cheltenham alone is not one <combined authority>")
      .note(devo::Location{"proposal.yaml", 2, 1}, "named here");
  const devo::Receipt receipt = sample_receipt("luwp-2022");
  const devo::Validation validation{receipt, subject, "", "", findings};

  const std::string html = devo::render_validation_html(validation, {});
  check_page(html);
  check_hostile_name_escaped(html);
  CHECK(contains(html, "<td><span class=\"place\">proposal.yaml:4:3</span></td>"));
  CHECK(contains(html, "<span class=\"status status-fails\">error</span>"));
  CHECK(contains(html, "Cheltenham alone is not one &lt;combined authority&gt;"));
  CHECK(contains(html, "<code>institution-mismatch</code>"));
  CHECK(contains(html, "<li>proposal.yaml:2:1: note: named here</li>"));
  CHECK(contains(html, "not valid</span>: 1 problem; it reaches no tier under luwp-2022"));
  CHECK_FALSE(contains(html, "<figure"));
  check_receipt(html, receipt);

  CHECK(contains(devo::render_validation_html(validation, k_map), std::string(k_map)));
}

TEST_CASE("diff HTML shows both receipts, the counts and each change", "[report][html]") {
  devo::DiffReport report;
  report.subjects = 339;
  report.tiers = {{"none", 291, 306, true, true}, {"level-2", 33, 21, true, true}};
  report.powers = {{"adult-skills", 48, 33, true, true}, {"new-power", 0, 5, false, true}};
  devo::SubjectChange change;
  change.subject = hostile_subject();
  change.from_tier = "level-2";
  change.to_tier = "";
  change.to_tier_reasons = {{devo::Status::fails, "requires at least 750,000 & more", false}};
  change.powers = {{"adult-skills",
                    devo::PowerStatus::available,
                    devo::PowerStatus::unavailable,
                    {},
                    {{devo::Status::fails, "level-2 is not reached", false}}}};
  report.changes.push_back(change);
  const devo::Receipt from = sample_receipt("luwp-2022");
  devo::Receipt to = sample_receipt("edwp-2024");
  to.ruleset_sha256 = "99887766";

  const std::string html = devo::render_diff_html(report, from, to, {});
  check_page(html);
  check_hostile_name_escaped(html);
  check_receipt(html, from);
  check_receipt(html, to);
  CHECK(contains(html, "<th scope=\"col\">Before</th><th scope=\"col\">After</th>"));
  CHECK(contains(html,
                 "<th scope=\"row\">level-2</th><td class=\"number\">33</td>"
                 "<td class=\"number\">21</td><td class=\"number\">-12</td>"));
  // A power one side lacks has no count there, and no change.
  CHECK(contains(html,
                 "<th scope=\"row\">new-power</th><td class=\"number\">-</td>"
                 "<td class=\"number\">5</td><td class=\"number\"></td>"));
  CHECK(contains(html, "<strong>level-2</strong>"));
  CHECK(contains(html, "<strong>none</strong>"));
  CHECK(contains(html, "requires at least 750,000 &amp; more"));
  CHECK(contains(html, "level-2 is not reached"));
  CHECK_FALSE(contains(html, "<figure"));
  CHECK(contains(devo::render_diff_html(report, from, to, k_map), std::string(k_map)));
}
