#include "report/csv.hpp"
#include "report/json_values.hpp"
#include "report/markup.hpp"
#include "report/report_common.hpp"

#include <devo/report.hpp>
#include <devo/version.hpp>

#include <fmt/format.h>

#include <cmath>

namespace devo::report {
namespace {

// Uncovered outcomes are listed up to this many; the table gives the count.
constexpr std::size_t k_listed_gaps = 40;

// What an item has not shown yet: "never fails", "never holds" or "never
// decided" (for a power: available, unavailable).
std::string gap_words(const CoverageItem& item) {
  const bool power = item.kind == "power";
  if (!item.seen_holding && !item.seen_failing) {
    return "never decided";
  }
  if (!item.seen_holding) {
    return power ? "never available" : "never holds";
  }
  return power ? "never unavailable" : "never fails";
}

std::string percent(std::size_t covered, std::size_t total) {
  return total == 0 ? std::string("100.0%")
                    : fmt::format("{:.1f}%", 100.0 * static_cast<double>(covered) /
                                                 static_cast<double>(total));
}

struct Counts {
  std::size_t covered = 0;
  std::size_t total = 0;
};

Counts count(const RuleSetCoverage& coverage, std::string_view kind) {
  Counts counts;
  for (const CoverageItem& item : coverage.items) {
    if (item.kind == kind) {
      counts.covered += (item.seen_holding ? 1 : 0) + (item.seen_failing ? 1 : 0);
      counts.total += 2;
    }
  }
  return counts;
}

std::string text_report(const TestReport& report, std::optional<double> threshold,
                        const TextStyle& style) {
  std::string out;
  for (const RuleSetCoverage& coverage : report.coverage) {
    out += fmt::format("Rule set {}: sha256 {}\n", coverage.ruleset, coverage.sha256);
  }
  if (!report.data_vintage.empty()) {
    out += fmt::format("Data: {} (sha256 {})\n", report.data_vintage, report.data_sha256);
  }
  out += fmt::format("devo {}\n", k_version);
  for (const TestCaseResult& result : report.cases) {
    if (result.passed) {
      continue;
    }
    out += fmt::format("\n{} {}: {} ({}, as of {})\n", paint("FAIL", Colour::red, style),
                       to_string(result.location), result.name, result.ruleset,
                       result.as_of.to_string());
    for (const std::string& mismatch : result.mismatches) {
      out += fmt::format("    {}\n", mismatch);
    }
    for (const std::string& reason : result.trail) {
      out += fmt::format("      {}\n", paint(reason, Colour::dim, style));
    }
  }
  out += fmt::format(
      "\n{} (outcomes seen: each tier holds and fails, each power available and unavailable, "
      "each condition holds and fails)\n",
      paint("Rule coverage", Colour::bold, style));
  out += fmt::format("  {:<14} {:>11} {:>11} {:>13} {:>18}\n", "rule set", "tiers", "powers",
                     "conditions", "all");
  std::vector<std::string> gaps;
  for (const RuleSetCoverage& coverage : report.coverage) {
    const Counts tiers = count(coverage, "tier");
    const Counts powers = count(coverage, "power");
    const Counts conditions = count(coverage, "condition");
    out += fmt::format("  {:<14} {:>11} {:>11} {:>13} {:>18}\n", coverage.ruleset,
                       fmt::format("{}/{}", tiers.covered, tiers.total),
                       fmt::format("{}/{}", powers.covered, powers.total),
                       fmt::format("{}/{}", conditions.covered, conditions.total),
                       fmt::format("{}/{} {}", coverage.covered(), coverage.total(),
                                   percent(coverage.covered(), coverage.total())));
    for (const CoverageItem& item : coverage.items) {
      if (!item.seen_holding || !item.seen_failing) {
        gaps.push_back(fmt::format("    {} {} '{}' {}", to_string(item.location), item.kind,
                                   item.what, gap_words(item)));
      }
    }
  }
  if (!gaps.empty()) {
    out += "  Not yet seen:\n";
    for (std::size_t i = 0; i < gaps.size() && i < k_listed_gaps; ++i) {
      out += gaps[i] + "\n";
    }
    if (gaps.size() > k_listed_gaps) {
      out += fmt::format("    and {} more\n", gaps.size() - k_listed_gaps);
    }
  }
  const double covered = report.coverage_percent();
  out += fmt::format("Coverage {:.1f}%", covered);
  if (threshold) {
    out += covered >= *threshold
               ? fmt::format(" (threshold {:.1f}%: met)", *threshold)
               : fmt::format(" ({} {:.1f}%)", paint("below the threshold of", Colour::red, style),
                             *threshold);
  }
  out += "\n";
  const std::size_t failed = report.failed();
  out += fmt::format(
      "{} passed, {}\n", report.passed(),
      paint(fmt::format("{} failed", failed), failed == 0 ? Colour::green : Colour::red, style));
  return out;
}

Json json_report(const TestReport& report, std::optional<double> threshold) {
  Json json = Json::object();
  json["devo_version"] = k_version;
  if (!report.data_vintage.empty()) {
    json["data_vintage"] = report.data_vintage;
    json["data_sha256"] = report.data_sha256;
  }
  json["cases"] = Json::array();
  for (const TestCaseResult& result : report.cases) {
    json["cases"].push_back(Json{{"name", result.name},
                                 {"file", result.location.file},
                                 {"line", result.location.line},
                                 {"ruleset", result.ruleset},
                                 {"as_of", result.as_of.to_string()},
                                 {"passed", result.passed},
                                 {"mismatches", result.mismatches},
                                 {"trail", result.trail}});
  }
  json["coverage"] = Json::array();
  for (const RuleSetCoverage& coverage : report.coverage) {
    Json gaps = Json::array();
    for (const CoverageItem& item : coverage.items) {
      if (!item.seen_holding || !item.seen_failing) {
        gaps.push_back(Json{{"kind", item.kind},
                            {"what", item.what},
                            {"file", item.location.file},
                            {"line", item.location.line},
                            {"gap", gap_words(item)}});
      }
    }
    Json files = Json::array();
    for (const RuleFile& file : coverage.files) {
      files.push_back(Json{{"path", file.path}, {"sha256", file.sha256}});
    }
    json["coverage"].push_back(Json{{"ruleset", coverage.ruleset},
                                    {"ruleset_sha256", coverage.sha256},
                                    {"ruleset_files", files},
                                    {"covered", coverage.covered()},
                                    {"total", coverage.total()},
                                    {"not_seen", gaps}});
  }
  json["coverage_percent"] = std::round(report.coverage_percent() * 10) / 10;
  json["coverage_threshold"] = threshold ? Json(*threshold) : Json(nullptr);
  json["passed"] = report.passed();
  json["failed"] = report.failed();
  return json;
}

std::string csv_report(const TestReport& report) {
  std::vector<std::vector<std::string>> rows{
      {"file", "line", "name", "ruleset", "as_of", "passed", "mismatches"}};
  for (const TestCaseResult& result : report.cases) {
    rows.push_back(
        {result.location.file,
         result.location.line == 0 ? std::string() : std::to_string(result.location.line),
         result.name, result.ruleset, result.as_of.to_string(), result.passed ? "true" : "false",
         join(result.mismatches, "\n")});
  }
  return csv_rows(rows);
}

// Text for XML 1.0, in an attribute value (`attribute`) or between tags.
// printable() has written out every character XML forbids (controls but tab
// and newline, U+FFFE and U+FFFF, bytes that are not UTF-8) and the carriage
// return; then escape_markup().
std::string xml_escaped(std::string_view text, bool attribute) {
  return escape_markup(printable(newlines_as_lf(text)),
                       attribute ? MarkupPlace::attribute : MarkupPlace::text);
}

std::string xml_attribute(std::string_view name, std::string_view value) {
  return fmt::format(" {}=\"{}\"", name, xml_escaped(value, true));
}

std::string junit_report(const TestReport& report) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const std::string counts = fmt::format(" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\"",
                                         report.cases.size(), report.failed());
  out += fmt::format("<testsuites{}{}>\n", xml_attribute("name", "devo test"), counts);
  out += fmt::format("  <testsuite{}{}>\n", xml_attribute("name", "devo"), counts);
  out += "    <properties>\n";
  const auto property = [&out](std::string_view name, std::string_view value) {
    out += fmt::format("      <property{}{}/>\n", xml_attribute("name", name),
                       xml_attribute("value", value));
  };
  property("devo_version", k_version);
  if (!report.data_vintage.empty()) {
    property("data_vintage", report.data_vintage);
    property("data_sha256", report.data_sha256);
  }
  for (const RuleSetCoverage& coverage : report.coverage) {
    property(fmt::format("ruleset_sha256.{}", coverage.ruleset), coverage.sha256);
  }
  property("coverage_percent", fmt::format("{:.1f}", report.coverage_percent()));
  out += "    </properties>\n";
  for (const TestCaseResult& result : report.cases) {
    out += fmt::format("    <testcase{}{}", xml_attribute("name", result.name),
                       xml_attribute("classname", result.location.file));
    if (result.passed) {
      out += "/>\n";
      continue;
    }
    std::string details = fmt::format("{}: {} ({}, as of {})\n", to_string(result.location),
                                      result.name, result.ruleset, result.as_of.to_string());
    for (const std::string& mismatch : result.mismatches) {
      details += fmt::format("  {}\n", mismatch);
    }
    for (const std::string& reason : result.trail) {
      details += fmt::format("    {}\n", reason);
    }
    out += fmt::format(">\n      <failure{}{}>{}</failure>\n    </testcase>\n",
                       xml_attribute("message", join(result.mismatches, "; ")),
                       xml_attribute("type", "mismatch"), xml_escaped(details, false));
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace
}  // namespace devo::report

namespace devo {

std::string render_test_report_junit(const TestReport& report) {
  return report::junit_report(report);
}

std::string render_test_report(const TestReport& report, OutputFormat format,
                               std::optional<double> threshold, const TextStyle& style) {
  if (format == OutputFormat::json) {
    return report::dump_json(report::json_report(report, threshold));
  }
  if (format == OutputFormat::csv) {
    return report::csv_report(report);
  }
  return printable(report::text_report(report, threshold, style), style);
}

}  // namespace devo
