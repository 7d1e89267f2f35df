// `evaluate` and `validate`: one subject, its tier, its powers and why; a
// proposal's problems and whether it is valid.

#include "app/inputs.hpp"

#include <devo/app.hpp>
#include <devo/codes.hpp>

#include <fmt/format.h>

namespace devo::app {
namespace {

// Rule set and subject, resolved in order; nothing after the first failure.
struct Resolved {
  Date as_of;
  std::shared_ptr<const RuleSet> rules;
  ResolvedSubject subject;
};

std::optional<Resolved> resolve(const SubjectRequest& subject, const Inputs& inputs,
                                Diagnostics& diags) {
  const auto as_of = resolve_date(inputs.as_of, diags);
  auto rules = as_of ? resolve_rules(inputs, *as_of, diags) : nullptr;
  auto resolved =
      rules ? resolve_subject(subject, inputs.data, *rules, *as_of, diags) : std::nullopt;
  if (!resolved) {
    return std::nullopt;
  }
  return Resolved{*as_of, std::move(rules), std::move(*resolved)};
}

// Why a valid proposal reaches no tier: the lowest tier's reasons that did
// not hold.
std::string no_tier_in_words(const RuleSet& rules, const Decision& decision) {
  std::vector<std::string> reasons;
  for (const Reason& reason : decision.tiers.front().reasons) {
    if (reason.status != Status::holds && !reason.expectation) {
      reasons.push_back(reason.message);
    }
  }
  return fmt::format("the proposal reaches no tier of '{}': {} {}", rules.id,
                     rules.tiers.front().id,
                     reasons.empty() ? std::string("cannot be decided")
                                     : fmt::format("{}", fmt::join(reasons, "; ")));
}

}  // namespace

std::optional<EvaluateResult> evaluate(const EvaluateRequest& request, Diagnostics& diags) {
  auto resolved = resolve(request.subject, request.inputs, diags);
  if (resolved) {
    assume(request.assumptions, *resolved->rules, request.assumption_note, resolved->subject.facts,
           diags);
  }
  if (!resolved || diags.has_errors()) {
    return std::nullopt;
  }
  const CompiledRules compiled = compiled_rules(resolved->rules);
  Decision decision =
      compiled.evaluate(resolved->subject.facts, EvaluateOptions{true, resolved->as_of});
  // Warnings about the user's files (an unknown fact, say), and a proposal's
  // findings that are warnings (its errors are in the decision: it is not
  // valid), belong in the result too.
  const auto warn = [&](Diagnostic diagnostic) {
    if (request.place_of) {
      diagnostic.location = request.place_of(diagnostic.location);
    }
    decision.warnings.push_back(Warning{diagnostic.code, located_message(diagnostic)});
  };
  for (const Diagnostic& diagnostic : diags.sorted()) {
    if (diagnostic.severity == Severity::warning) {
      warn(diagnostic);
    }
  }
  for (const Diagnostic& finding : resolved->subject.findings) {
    if (finding.severity == Severity::warning) {
      warn(finding);
    }
  }
  Receipt receipt = make_receipt(*resolved->rules, resolved->as_of, resolved->subject.data);
  return EvaluateResult{std::move(resolved->rules), std::move(resolved->subject.facts),
                        std::move(decision), std::move(receipt),
                        std::move(resolved->subject.england)};
}

std::optional<ValidateResult> validate(const ValidateRequest& request, Diagnostics& diags) {
  SubjectRequest proposal = request.proposal;
  proposal.kind = SubjectRequest::Kind::proposal;
  auto resolved = resolve(proposal, request.inputs, diags);
  if (!resolved || diags.has_errors()) {
    return std::nullopt;
  }
  const std::string& file = proposal.name.text;
  // The findings are reported with the proposal's text, for quoting its lines.
  Diagnostics findings(diags.max_errors());
  if (const std::string* text = diags.source_text(file)) {
    findings.add_source(file, std::make_shared<const std::string>(*text));
  }
  for (const Diagnostic& diagnostic : diags.sorted()) {
    findings.report(diagnostic);
  }
  for (Diagnostic& finding : resolved->subject.findings) {
    findings.report(std::move(finding));
  }
  // The same evaluation as `evaluate`: a proposal with problems is not valid
  // there either, and reaches no tier.
  const RuleSet& rules = *resolved->rules;
  const CompiledRules compiled = compiled_rules(resolved->rules);
  Decision decision =
      compiled.evaluate(resolved->subject.facts, EvaluateOptions{true, resolved->as_of});
  // Expectations that fail (a devolution island, say) warn but do not
  // invalidate.
  const Location whole_file{file, 0, 0};
  for (const Warning& warning : decision.warnings) {
    findings.warning(whole_file, warning.code, warning.message);
  }
  ValidateResult result;
  result.rules = resolved->rules;
  result.receipt = make_receipt(rules, resolved->as_of, resolved->subject.data);
  if (decision.tier) {
    result.tier = decision.tiers[*decision.tier].id;
    result.tier_title = rules.tiers[*decision.tier].title;
  } else if (!decision.applicable) {
    findings.error(whole_file, std::string(codes::tier_not_reached),
                   fmt::format("'{}' does not apply to it: {}", rules.id, decision.not_applicable));
  } else if (decision.valid) {
    findings.error(whole_file, std::string(codes::tier_not_reached),
                   no_tier_in_words(rules, decision));
  }
  result.findings = std::move(findings);
  result.facts = std::move(resolved->subject.facts);
  result.decision = std::move(decision);
  result.england = std::move(resolved->subject.england);
  return result;
}

}  // namespace devo::app
