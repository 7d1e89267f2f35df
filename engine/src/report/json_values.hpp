#pragma once

#include <devo/decision.hpp>
#include <devo/diagnostic.hpp>
#include <devo/facts.hpp>
#include <devo/report.hpp>

#include <nlohmann/json.hpp>

// The JSON pieces more than one report shares. ordered_json keeps keys in
// insertion order, so that the output is a stable contract (docs/output.md).
namespace devo::report {

using Json = nlohmann::ordered_json;

// Each of these is written once, by the evaluation's writer (render_json.cpp),
// and parsed from its text.
Json receipt_json(const Receipt& receipt);
Json subject_json(const Subject& subject);
Json reasons_json(const std::vector<Reason>& reasons);

Json diagnostics_array(const Diagnostics& diags);

// Two-space indentation and a final newline; text from users' files may hold
// invalid UTF-8, which is replaced rather than thrown on.
std::string dump_json(const Json& json);

}  // namespace devo::report
