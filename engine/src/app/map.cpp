// `devo map` and the maps of the printable reports, as use cases: the
// colourings, the data and subject resolved, a map of an evaluation, a
// proposal or a diff. What is drawn is decided in subject_map.cpp and
// england_map.cpp; report/render_map.cpp lays it out as SVG.

#include "app/england.hpp"
#include "geography/access.hpp"

#include <devo/app.hpp>
#include <devo/codes.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace devo::app {
namespace {

bool reports_no_shapes(const Geography& england, const Given& data, Diagnostics& diags) {
  if (geography::atlas_of(england).shapes) {
    return false;
  }
  diags.error(data.at, std::string(codes::no_shapes),
              fmt::format("the data in '{}' has no districts' shapes (arcs.csv and "
                          "district_rings.csv), so there is no map to draw; devo's built-in "
                          "data has them",
                          data.text));
  return true;
}

// `reachable` colours England, `change` a diff: neither fits a subject's map.
bool colour_fits(const MapRequest& request, Diagnostics& diags) {
  const bool fits = request.colour != MapColour::change &&
                    (request.all || request.colour != MapColour::reachable);
  if (!fits) {
    diags.error(request.colour_at, std::string(codes::usage),
                request.colour == MapColour::change
                    ? "the colouring 'change' is for a map of a diff between two rule sets"
                    : "the colouring 'reachable' is for a map of all England: a subject's map "
                      "shows the tier it reaches");
  }
  return fits;
}

std::optional<Map> map_of_england(const MapRequest& request, Diagnostics& diags) {
  const auto as_of = resolve_date(request.inputs.as_of, diags);
  auto rules = as_of ? resolve_rules(request.inputs, *as_of, diags) : nullptr;
  auto england = rules ? resolve_geography(request.inputs.data, diags) : std::nullopt;
  if (!england || diags.has_errors() || reports_no_shapes(*england, request.inputs.data, diags)) {
    return std::nullopt;
  }
  EnglandEvaluation evaluation = evaluate_every_authority(*england, rules, *as_of, diags);
  if (diags.has_errors()) {
    return std::nullopt;
  }
  evaluation.receipt = make_receipt(*rules, *as_of, england->info());
  return england_map(*england, evaluation, request.colour);
}

}  // namespace

const std::vector<std::string>& map_colour_names() {
  static const std::vector<std::string> names = {"tier", "reachable", "institution", "police",
                                                 "fire", "icb",       "change"};
  return names;
}

std::optional<MapColour> map_colour(std::string_view name) {
  const auto& names = map_colour_names();
  const auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) {
    return std::nullopt;
  }
  return static_cast<MapColour>(found - names.begin());
}

std::optional<Map> map(const MapRequest& request, Diagnostics& diags) {
  if (!colour_fits(request, diags)) {
    return std::nullopt;
  }
  if (request.all) {
    return map_of_england(request, diags);
  }
  const auto evaluation = evaluate(EvaluateRequest{request.subject, request.inputs, {}}, diags);
  if (!evaluation) {
    return std::nullopt;
  }
  if (!evaluation->england) {
    diags.error(request.subject.name.at, std::string(codes::usage),
                fmt::format("'{}' gives facts, not councils: there is no place to draw",
                            request.subject.name.text));
    return std::nullopt;
  }
  if (reports_no_shapes(*evaluation->england, request.inputs.data, diags)) {
    return std::nullopt;
  }
  return subject_map(*evaluation->england, evaluation->evaluation(), request.colour);
}

std::optional<Map> map_of(const EvaluateResult& evaluation) {
  return evaluation.england
             ? subject_map(*evaluation.england, evaluation.evaluation(), MapColour::tier)
             : std::nullopt;
}

std::optional<Map> map_of(const ValidateResult& validation) {
  return validation.england
             ? subject_map(*validation.england, validation.evaluation(), MapColour::tier)
             : std::nullopt;
}

std::optional<Map> map_of(const DiffResult& diff, const Given& data, const Given& power,
                          Diagnostics& diags) {
  if (!power.empty() && reports_unshared_power(*diff.from, *diff.to, power, diags)) {
    return std::nullopt;
  }
  if (reports_no_shapes(diff.england, data, diags)) {
    return std::nullopt;
  }
  return diff_map(diff.england, diff, power.text);
}

}  // namespace devo::app
