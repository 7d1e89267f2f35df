// render_test_report_junit() (devo/report.hpp): `devo test` for CI servers.
// Names and messages come from users' case files, so everything is escaped,
// and the same report always gives the same bytes.

#include "support/catch.hpp"

#include <devo/report.hpp>
#include <devo/testing.hpp>
#include <devo/version.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace {

devo::TestCaseResult result(std::string name, std::string file, bool passed,
                            std::vector<std::string> mismatches = {},
                            std::vector<std::string> trail = {}) {
  devo::TestCaseResult item;
  item.name = std::move(name);
  item.location = devo::Location{std::move(file), 3, 5};
  item.ruleset = "luwp-2022";
  item.as_of = devo::Date::from_civil(2024, 5, 1);
  item.passed = passed;
  item.mismatches = std::move(mismatches);
  item.trail = std::move(trail);
  return item;
}

devo::TestReport sample_report() {
  devo::TestReport report;
  report.cases.push_back(result("plain case", "tests/cases/a.yaml", true));
  report.cases.push_back(result("<&\"'> in a name\x1b[2J", "tests/cases/<b>&.yaml", false,
                                {"tier: expected level-4, got level-3", "power x: \"a\" < 'b'"},
                                {"✗ level-4 needs a mayor & more", "bad\xff byte\x01"}));
  devo::RuleSetCoverage coverage;
  coverage.ruleset = "luwp-2022";
  coverage.sha256 = "abc123";
  coverage.items.push_back(devo::CoverageItem{"tier", "level-1", {}, true, false});
  report.coverage.push_back(coverage);
  report.data_vintage = "ONS 2024";
  report.data_sha256 = "def456";
  return report;
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// A small check of well-formedness: every tag closes in order, attributes are
// quoted, and no `<`, `&` or control character stands bare in text or a value.
bool well_formed(const std::string& xml, std::string& why) {
  std::vector<std::string> open;
  std::size_t i = xml.find("?>");
  if (!xml.starts_with("<?xml ") || i == std::string::npos) {
    why = "no XML declaration";
    return false;
  }
  i += 2;
  while (i < xml.size()) {
    const char c = xml[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\n' && c != '\t') {
      why = fmt::format("control byte at {}", i);
      return false;
    }
    if (c == '&') {
      const std::size_t end = xml.find(';', i);
      const std::string_view ref(xml.data() + i, end == std::string::npos ? 0 : end - i + 1);
      if (ref != "&amp;" && ref != "&lt;" && ref != "&gt;" && ref != "&quot;" && ref != "&#39;" &&
          ref != "&#10;" && ref != "&#9;") {
        why = fmt::format("bad reference at {}", i);
        return false;
      }
      i = end + 1;
      continue;
    }
    if (c != '<') {
      ++i;
      continue;
    }
    const std::size_t end = xml.find('>', i);
    if (end == std::string::npos) {
      why = "unclosed tag";
      return false;
    }
    std::string tag = xml.substr(i + 1, end - i - 1);
    // Inside a tag, `<` may not appear and quotes must pair.
    std::size_t quotes = 0;
    for (char t : tag) {
      quotes += t == '"' ? 1 : 0;
      if (t == '<') {
        why = "'<' inside a tag";
        return false;
      }
    }
    if (quotes % 2 != 0) {
      why = "unpaired quote in <" + tag + ">";
      return false;
    }
    const bool closing = tag.starts_with('/');
    const bool empty = tag.ends_with('/');
    const std::string name =
        tag.substr(closing ? 1 : 0, tag.find_first_of(" /", 1) - (closing ? 1 : 0));
    if (closing) {
      if (open.empty() || open.back() != name) {
        why = "</" + name + "> closes nothing open";
        return false;
      }
      open.pop_back();
    } else if (!empty) {
      open.push_back(name);
    }
    i = end + 1;
  }
  why = open.empty() ? "" : "<" + open.back() + "> never closed";
  return open.empty();
}

}  // namespace

TEST_CASE("JUnit XML: one suite, a case each, failures with their mismatches", "[report][junit]") {
  const std::string xml = devo::render_test_report_junit(sample_report());
  CHECK(
      xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<testsuites name=\"devo test\" tests=\"2\" failures=\"1\" errors=\"0\" "
                      "skipped=\"0\">\n"
                      "  <testsuite name=\"devo\" tests=\"2\" failures=\"1\" errors=\"0\" "
                      "skipped=\"0\">\n"
                      "    <properties>\n"));
  CHECK(contains(
      xml, fmt::format("      <property name=\"devo_version\" value=\"{}\"/>\n", devo::k_version)));
  CHECK(contains(xml, "      <property name=\"data_vintage\" value=\"ONS 2024\"/>\n"));
  CHECK(contains(xml, "      <property name=\"ruleset_sha256.luwp-2022\" value=\"abc123\"/>\n"));
  CHECK(contains(xml, "      <property name=\"coverage_percent\" value=\"50.0\"/>\n"));
  CHECK(contains(xml, "    <testcase name=\"plain case\" classname=\"tests/cases/a.yaml\"/>\n"));
  CHECK(xml.ends_with("    </testcase>\n  </testsuite>\n</testsuites>\n"));
  CHECK_FALSE(contains(xml, "time="));
  // The same report, the same bytes.
  CHECK(devo::render_test_report_junit(sample_report()) == xml);
}

TEST_CASE("JUnit XML escapes names, paths and messages", "[report][junit]") {
  const std::string xml = devo::render_test_report_junit(sample_report());
  CHECK(contains(xml,
                 "    <testcase name=\"&lt;&amp;&quot;&#39;&gt; in a name\\x1B[2J\" "
                 "classname=\"tests/cases/&lt;b&gt;&amp;.yaml\">\n"));
  CHECK(contains(xml,
                 "      <failure message=\"tier: expected level-4, got level-3; power x: "
                 "&quot;a&quot; &lt; &#39;b&#39;\" type=\"mismatch\">"
                 "tests/cases/&lt;b&gt;&amp;.yaml:3:5: &lt;&amp;&quot;&#39;&gt; in a "
                 "name\\x1B[2J (luwp-2022, as of 2024-05-01)\n"
                 "  tier: expected level-4, got level-3\n"
                 "  power x: &quot;a&quot; &lt; &#39;b&#39;\n"
                 "    ✗ level-4 needs a mayor &amp; more\n"
                 "    bad\\xFF byte\\x01\n"
                 "</failure>\n"));
  std::string why;
  CHECK(well_formed(xml, why));
  INFO(why);
  for (char c : xml) {
    const auto byte = static_cast<unsigned char>(c);
    CHECK((byte >= 0x20 || c == '\n'));
  }
}

TEST_CASE("JUnit XML: a newline or tab in an attribute survives parsing", "[report][junit]") {
  devo::TestReport report;
  report.cases.push_back(result("two\nlines\tand a tab\r\n", "a.yaml", false, {"first\nsecond"}));
  const std::string xml = devo::render_test_report_junit(report);
  CHECK(contains(xml, "name=\"two&#10;lines&#9;and a tab&#10;\""));
  CHECK(contains(xml, "message=\"first&#10;second\""));
  std::string why;
  CHECK(well_formed(xml, why));
  INFO(why);
}

TEST_CASE("JUnit XML with no cases is still a document", "[report][junit]") {
  const std::string xml = devo::render_test_report_junit(devo::TestReport{});
  CHECK(contains(xml, "tests=\"0\" failures=\"0\""));
  CHECK(contains(xml, "<property name=\"coverage_percent\" value=\"100.0\"/>"));
  CHECK_FALSE(contains(xml, "data_vintage"));
  std::string why;
  CHECK(well_formed(xml, why));
  INFO(why);
}
