// `suggest`: the groupings of neighbouring councils around an authority or a
// proposal that reach a target tier.

#include "app/inputs.hpp"
#include "app/subject.hpp"

#include <devo/app.hpp>
#include <devo/codes.hpp>

namespace devo::app {
namespace {

// The rule set named, or the built-in one that has the target tier.
std::shared_ptr<const RuleSet> rules_for(const SuggestRequest& request, Date as_of,
                                         Diagnostics& diags) {
  if (request.inputs.rules.empty()) {
    if (auto with_tier = builtin_rules_with_tier(request.target_tier.text, as_of)) {
      return with_tier;
    }
  }
  // None has the tier: the rule set in force reports the unknown tier.
  return resolve_rules(request.inputs, as_of, diags);
}

// The subject to grow from. A proposal's problems (an area in pieces, say) do
// not stop the search, but are shown with it, as evaluate shows them.
std::optional<FactInput> subject_of(const SuggestRequest& request, const Geography& england,
                                    const RuleSet& rules, Date as_of, Diagnostics& diags) {
  auto resolved = subject_in(request.subject, &england, rules, as_of, diags);
  if (!resolved) {
    return std::nullopt;
  }
  for (Diagnostic finding : resolved->findings) {
    finding.severity = Severity::warning;
    diags.report(std::move(finding));
  }
  return std::move(resolved->facts);
}

SuggestOptions options_of(const SuggestRequest& request, const RuleSet* rules, Date as_of,
                          Diagnostics& diags) {
  SuggestOptions options;
  options.target_tier = request.target_tier.text;
  options.target_tier_at = request.target_tier.at;
  for (const Given& power : request.wanted_powers) {
    options.wanted_powers.push_back(power.text);
    options.wanted_powers_at.push_back(power.at);
  }
  options.max_councils = request.max_councils;
  options.top = request.top;
  options.max_groupings = request.max_groupings;
  options.time_limit_seconds = request.time_limit_seconds;
  options.as_of = as_of;
  for (const Given& assumption : request.assumptions) {
    if (auto parsed = rules ? parse_fact_assignment(assumption.text, *rules, assumption.at, diags)
                            : std::nullopt) {
      options.assumptions[parsed->first] = parsed->second;
    }
  }
  return options;
}

}  // namespace

std::optional<SuggestResult> suggest(const SuggestRequest& request, Diagnostics& diags,
                                     const SuggestProgress& progress) {
  if (request.subject.kind == SubjectRequest::Kind::facts) {
    diags.error(request.subject.name.at, std::string(codes::usage),
                "a grouping grows from an authority or a proposal, not from facts given by hand");
    return std::nullopt;
  }
  const auto as_of = resolve_date(request.inputs.as_of, diags);
  auto rules = as_of ? rules_for(request, *as_of, diags) : nullptr;
  auto england = rules ? resolve_geography(request.inputs.data, diags) : std::nullopt;
  std::optional<FactInput> subject;
  if (england) {
    subject = subject_of(request, *england, *rules, *as_of, diags);
  }
  SuggestOptions options = options_of(request, rules.get(), as_of.value_or(Date{}), diags);
  if (!subject || diags.has_errors()) {
    return std::nullopt;
  }
  const CompiledRules compiled = compiled_rules(rules);
  auto report = devo::suggest(*england, compiled, *subject, options, diags, progress);
  if (!report || diags.has_errors()) {
    return std::nullopt;
  }
  Receipt receipt = make_receipt(*rules, *as_of, england->info());
  return SuggestResult{std::move(rules), std::move(*report), std::move(options),
                       std::move(receipt)};
}

}  // namespace devo::app
