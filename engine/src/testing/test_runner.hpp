#pragma once

#include <devo/diagnostic.hpp>
#include <devo/engine.hpp>
#include <devo/geography.hpp>
#include <devo/source.hpp>
#include <devo/testing.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

// devo's own way into the regression-case runner, for callers that hold a
// case file's text rather than its path, and that run many files against the
// same data and rule sets (the fuzz targets in fuzz/). run_tests() in
// <devo/testing.hpp> is the public entry and reads files from disk.
namespace devo::testing {

// What several runs may share instead of loading it again each time.
struct SharedInputs {
  // The England data; when empty, it is loaded (or read from
  // TestOptions::data_directory) the first time a case needs it.
  std::optional<Geography> geography;
  // Rule sets already loaded and compiled, by the text a case's `rules` gives
  // (a built-in id such as "luwp-2022"). Any other `rules` is looked up and
  // loaded as run_tests() does.
  std::map<std::string, std::shared_ptr<const CompiledRules>, std::less<>> rules;
};

// Runs the regression cases of one case file already read, exactly as
// run_tests() runs a file it has read: problems with the file are reported to
// `diags`, the cases they affect are not run, and nothing is given when the
// file could not be read as a case file at all. A `rules` path is relative to
// the directory of `file.name`.
std::optional<TestReport> run_test_source(const SourceFile& file, const TestOptions& options,
                                          const SharedInputs& shared, Diagnostics& diags);

}  // namespace devo::testing
