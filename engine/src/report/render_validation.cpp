#include "report/json_values.hpp"
#include "report/report_common.hpp"

#include <devo/report.hpp>

#include <fmt/format.h>

namespace devo {

std::string render_validation(const Validation& validation, OutputFormat format,
                              const TextStyle& style) {
  const bool valid = !validation.findings.has_errors();
  if (format == OutputFormat::json) {
    report::Json json = report::Json::object();
    json["receipt"] = report::receipt_json(validation.receipt);
    json["subject"] = report::subject_json(validation.subject);
    json["valid"] = valid;
    json["tier"] = validation.tier.empty() ? report::Json(nullptr) : report::Json(validation.tier);
    json["findings"] = report::diagnostics_array(validation.findings);
    return report::dump_json(json);
  }
  if (format == OutputFormat::csv) {
    // A verdict is not a row of the findings' table.
    return render_diagnostics(validation.findings, format, style);
  }
  // The findings are escaped by render_diagnostics; the verdict line names
  // the proposal, from the user's file.
  const std::string& name = validation.subject.name;
  const std::string reached = report::reach_in_words(validation);
  std::string verdict;
  if (valid) {
    verdict = fmt::format("{}: {}: {} under {}\n", name,
                          report::paint("valid", report::Colour::green, style), reached,
                          validation.receipt.ruleset);
  } else {
    const std::size_t problems = validation.findings.error_count();
    verdict = fmt::format("{}: {}: {} problem{}; {} under {}\n", name,
                          report::paint("not valid", report::Colour::red, style), problems,
                          problems == 1 ? "" : "s", reached, validation.receipt.ruleset);
  }
  return render_diagnostics(validation.findings, format, style) + printable(verdict, style);
}

}  // namespace devo
