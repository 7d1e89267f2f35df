#pragma once

#include <devo/diagnostic.hpp>
#include <devo/ruleset.hpp>
#include <devo/value.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace devo {

struct TestOptions {
  // Run only the cases whose name contains this text (case-insensitive).
  std::string filter;
  // England data tables to use instead of the built-in ones.
  std::string data_directory;
};

// One regression case and how it went.
struct TestCaseResult {
  std::string name;
  Location location;
  std::string ruleset;
  Date as_of;
  bool passed = false;
  // "tier: expected level-4, got level-3", one per expectation not met.
  std::vector<std::string> mismatches;
  // The reasons behind each tier or power that did not meet its expectation.
  std::vector<std::string> trail;
};

// Which outcomes one tier, power or condition of a rule set has shown across
// the cases: holds and fails (for a power, available and unavailable).
struct CoverageItem {
  std::string kind;  // "tier", "power" or "condition"
  std::string what;  // its id, or a condition in words
  Location location;
  bool seen_holding = false;
  bool seen_failing = false;
};

struct RuleSetCoverage {
  std::string ruleset;
  std::string sha256;
  std::vector<RuleFile> files;
  std::vector<CoverageItem> items;

  // Outcomes seen and outcomes there are: two per item.
  std::size_t covered() const;
  std::size_t total() const;
};

struct TestReport {
  std::vector<TestCaseResult> cases;
  std::vector<RuleSetCoverage> coverage;
  std::string data_vintage;
  std::string data_sha256;

  std::size_t passed() const;
  std::size_t failed() const;
  // Covered outcomes over all rule sets used, as a percentage (100 when none).
  double coverage_percent() const;
};

// Runs the regression cases in `paths` (files, or directories searched for
// *.yaml) in name order (schemas/test-cases.schema.json). Problems in the
// case files themselves are reported to `diags`; the cases they affect are
// not run. Gives nothing when no case could be read at all.
std::optional<TestReport> run_tests(const std::vector<std::string>& paths,
                                    const TestOptions& options, Diagnostics& diags);

}  // namespace devo
