// The use cases over every subject of England: a diff between two rule sets
// (or dates), and the evaluation of every authority that export and an
// England-wide sweep write out.

#include "app/england.hpp"

#include "app/inputs.hpp"
#include "support/suggest.hpp"

#include <devo/app.hpp>
#include <devo/codes.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace devo::app {

std::optional<DiffResult> diff(const DiffRequest& request, Diagnostics& diags,
                               const DiffProgress& progress) {
  const auto from_as_of = resolve_date(request.from_as_of, diags);
  // One date given for both sides is one date, reported once if it is wrong.
  const bool one_date = request.to_as_of.text == request.from_as_of.text &&
                        request.to_as_of.at.file == request.from_as_of.at.file;
  const auto to_as_of = one_date ? from_as_of : resolve_date(request.to_as_of, diags);
  auto from = from_as_of ? resolve_rules(request.from, *from_as_of, diags) : nullptr;
  auto to = to_as_of ? resolve_rules(request.to, *to_as_of, diags) : nullptr;
  auto england = resolve_geography(request.data, diags);
  std::vector<SourceFile> proposals;
  for (const SubjectRequest& proposal : request.proposals) {
    std::optional<SourceFile> source =
        proposal.text ? std::optional(SourceFile::from_text(proposal.name.text, *proposal.text))
                      : read_source_file(proposal.name.text, diags);
    if (source) {
      proposals.push_back(std::move(*source));
    }
  }
  if (from && to && !request.power.empty()) {
    reports_unshared_power(*from, *to, request.power, diags);
  }
  if (diags.has_errors() || !from || !to || !england) {
    return std::nullopt;
  }
  const CompiledRules from_rules = compiled_rules(from);
  const CompiledRules to_rules = compiled_rules(to);
  DiffReport report = diff_rulesets(*england, DiffSide{from_rules, *from_as_of},
                                    DiffSide{to_rules, *to_as_of}, proposals, diags, progress);
  if (diags.has_errors()) {
    return std::nullopt;
  }
  Receipt from_receipt = make_receipt(*from, *from_as_of, england->info());
  Receipt to_receipt = make_receipt(*to, *to_as_of, england->info());
  return DiffResult{std::move(from),         std::move(to),         std::move(report),
                    std::move(from_receipt), std::move(to_receipt), std::move(*england)};
}

bool reports_unshared_power(const RuleSet& from, const RuleSet& to, const Given& power,
                            Diagnostics& diags) {
  const auto has = [](const RuleSet& rules, std::string_view id) {
    return std::any_of(rules.powers.begin(), rules.powers.end(),
                       [&](const Power& p) { return p.id == id; });
  };
  if (has(from, power.text) && has(to, power.text)) {
    return false;
  }
  std::vector<std::string> both;
  for (const Power& p : to.powers) {
    if (has(from, p.id)) {
      both.push_back(p.id);
    }
  }
  diags.error(power.at, std::string(codes::undefined_power),
              fmt::format("'{}' is not a power of both {} and {}; a map of a change needs one "
                          "they share{}",
                          power.text, from.id, to.id, support::did_you_mean(power.text, both)));
  return true;
}

std::optional<EnglandEvaluation> evaluate_england(const Inputs& inputs, bool rules_only,
                                                  Diagnostics& diags) {
  const auto as_of = resolve_date(inputs.as_of, diags);
  auto rules = as_of ? resolve_rules(inputs, *as_of, diags) : nullptr;
  std::optional<Geography> england;
  if (rules && !rules_only) {
    england = resolve_geography(inputs.data, diags);
  }
  EnglandEvaluation result;
  if (england) {
    result = evaluate_every_authority(*england, rules, *as_of, diags);
  }
  if (diags.has_errors() || !rules) {
    return std::nullopt;
  }
  result.receipt =
      make_receipt(*rules, *as_of, england ? std::optional(england->info()) : std::nullopt);
  result.rules = std::move(rules);
  return result;
}

EnglandEvaluation evaluate_every_authority(const Geography& england,
                                           std::shared_ptr<const RuleSet> rules, Date as_of,
                                           Diagnostics& diags) {
  EnglandEvaluation result;
  const CompiledRules compiled = compiled_rules(rules);
  for (const std::string& code : england.authority_codes()) {
    if (auto subject = england.authority(code, as_of, diags)) {
      result.decisions.push_back(compiled.evaluate(*subject, EvaluateOptions{false, as_of}));
      result.facts.push_back(std::move(*subject));
    }
  }
  result.rules = std::move(rules);
  return result;
}

std::vector<ExportedSubject> EnglandEvaluation::subjects() const {
  std::vector<ExportedSubject> subjects;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    subjects.push_back(ExportedSubject{facts[i], decisions[i]});
  }
  return subjects;
}

std::vector<SweepRow> EnglandEvaluation::sweep_rows() const {
  std::vector<SweepRow> rows;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    rows.push_back(SweepRow{facts[i].subject, decisions[i]});
  }
  return rows;
}

}  // namespace devo::app
