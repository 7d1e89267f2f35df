// Writes `devo test`'s JUnit XML for the check that it parses as XML
// (check_junit.py): `hostile` gives a report whose names and messages hold
// every character XML gives meaning to, controls and bytes that are not
// UTF-8; anything else is taken as case files or folders to run.

#include <devo/diagnostic.hpp>
#include <devo/report.hpp>
#include <devo/testing.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace {

devo::TestReport hostile_report() {
  devo::TestReport report;
  devo::TestCaseResult passed;
  passed.name = "plain";
  passed.location = {"cases/plain.yaml", 1, 3};
  passed.passed = true;
  report.cases.push_back(passed);
  devo::TestCaseResult failed;
  failed.name = "<&\"'>]]> \x01\x1b[2J\xff\xef\xbf\xbe end\r\n";
  failed.location = {"cases/<&>.yaml", 2, 3};
  failed.ruleset = "luwp-2022";
  failed.passed = false;
  failed.mismatches = {"tier: expected \"level-4\" & got <level-3>", "second\nline\ttab"};
  failed.trail = {"]]> <![CDATA[ x ]]>", std::string("nul\0byte", 8)};
  report.cases.push_back(failed);
  report.data_vintage = "<vintage & \"quoted\">";
  return report;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> arguments(argv + 1, argv + argc);
  std::string xml;
  if (arguments.size() == 1 && arguments[0] == "hostile") {
    xml = devo::render_test_report_junit(hostile_report());
  } else {
    devo::Diagnostics diags;
    const auto report = devo::run_tests(arguments, devo::TestOptions{}, diags);
    if (!report) {
      std::fputs(devo::render_diagnostics(diags, devo::OutputFormat::text).c_str(), stderr);
      return 2;
    }
    xml = devo::render_test_report_junit(*report);
  }
  return std::fwrite(xml.data(), 1, xml.size(), stdout) == xml.size() ? 0 : 1;
}
