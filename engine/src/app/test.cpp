// `test`: regression cases run through the pipeline, and whether they pass.

#include <devo/app.hpp>
#include <devo/codes.hpp>

#include <fmt/format.h>

#include <filesystem>

namespace devo::app {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_cases_folder = "tests/cases";

// The nearest tests/cases folder: in the working directory or the nearest
// folder above it that has one, as a project's own cases are found from
// anywhere inside it.
std::optional<std::string> nearest_cases_folder(Diagnostics& diags) {
  std::error_code error;
  const fs::path start = fs::current_path(error);
  for (fs::path folder = start; !error && !folder.empty(); folder = folder.parent_path()) {
    const fs::path cases = folder / k_cases_folder;
    std::error_code unreadable;  // a folder that cannot be looked into has no cases
    if (fs::is_directory(cases, unreadable)) {
      const fs::path relative = cases.lexically_relative(start);
      return relative.empty() ? cases.string() : relative.string();
    }
    if (folder == folder.parent_path()) {
      break;
    }
  }
  diags.error(
      Location{std::string(k_cases_folder), 0, 0}, std::string(codes::file_not_found),
      fmt::format("no case files were named, and there is no {} folder in {} or any "
                  "folder above it; name the case files or folders to run",
                  k_cases_folder, error ? std::string("the working directory") : start.string()));
  return std::nullopt;
}

}  // namespace

std::optional<TestResult> test(const TestRequest& request, Diagnostics& diags) {
  std::vector<std::string> paths = request.paths;
  if (paths.empty()) {
    auto found = nearest_cases_folder(diags);
    if (!found) {
      return std::nullopt;
    }
    paths.push_back(std::move(*found));
  }
  auto report = run_tests(paths, TestOptions{request.filter, request.data.text}, diags);
  if (!report) {
    return std::nullopt;
  }
  const bool coverage_met =
      !request.coverage_threshold || report->coverage_percent() >= *request.coverage_threshold;
  const bool passed = report->failed() == 0 && coverage_met;
  return TestResult{std::move(*report), passed};
}

}  // namespace devo::app
