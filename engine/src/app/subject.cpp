// Resolving what is evaluated: an authority by code or name, a proposal, or
// facts given by hand; from a file, a request's text or a test case's node.

#include "app/subject.hpp"

#include "check/check.hpp"
#include "geography/proposal.hpp"
#include "load/decode.hpp"
#include "load/yaml_document.hpp"
#include "validate/schema_validator.hpp"

#include <devo/app.hpp>

namespace devo::app {
namespace {

constexpr std::string_view k_facts_schema = "schemas/facts.schema.json";

std::optional<ResolvedSubject> facts_from_node(const load::Node& node, const RuleSet& rules,
                                               Diagnostics& diags) {
  const std::size_t errors_before = diags.error_count();
  validate::check_schema(node, k_facts_schema, diags);
  auto typed = check::check_facts(load::decode_facts(node), rules, diags);
  if (!typed || diags.error_count() > errors_before) {
    return std::nullopt;
  }
  return ResolvedSubject{std::move(*typed), {}, {}, {}};
}

std::optional<ResolvedSubject> authority_subject(const Geography& england, const Given& name,
                                                 Date as_of, Diagnostics& diags) {
  auto found = england.authority(name.text, as_of, diags, name.at);
  return found ? std::optional<ResolvedSubject>(
                     ResolvedSubject{std::move(*found), {}, england.info(), england})
               : std::nullopt;
}

std::optional<SourceFile> source_of(const SubjectRequest& subject, Diagnostics& diags) {
  if (subject.text) {
    return SourceFile::from_text(subject.name.text, *subject.text);
  }
  return read_source_file(subject.name.text, diags);
}

}  // namespace

std::optional<ResolvedSubject> subject_from_node(SubjectRequest::Kind kind, const load::Node& node,
                                                 const Geography* england, const RuleSet& rules,
                                                 Date as_of, Diagnostics& diags) {
  if (kind == SubjectRequest::Kind::facts) {
    return facts_from_node(node, rules, diags);
  }
  if (england == nullptr) {
    return std::nullopt;
  }
  if (kind == SubjectRequest::Kind::authority) {
    return authority_subject(*england, Given{node.text, node.location}, as_of, diags);
  }
  auto proposal = geography::proposal_from_document(*england, node, rules, as_of, diags);
  return ResolvedSubject{std::move(proposal.facts), std::move(proposal.findings), england->info(),
                         *england};
}

std::optional<ResolvedSubject> subject_in(const SubjectRequest& subject, const Geography* england,
                                          const RuleSet& rules, Date as_of, Diagnostics& diags) {
  if (subject.kind == SubjectRequest::Kind::authority) {
    return england == nullptr ? std::nullopt
                              : authority_subject(*england, subject.name, as_of, diags);
  }
  const auto source = source_of(subject, diags);
  auto document = source ? load::parse_yaml(*source, diags) : std::nullopt;
  if (!document) {
    return std::nullopt;
  }
  auto resolved = subject_from_node(subject.kind, *document, england, rules, as_of, diags);
  if (resolved && diags.has_errors()) {
    // Findings about a proposal that could not be read whole are still worth
    // reporting beside the errors.
    for (Diagnostic& finding : resolved->findings) {
      diags.report(std::move(finding));
    }
    return std::nullopt;
  }
  return resolved;
}

std::optional<ResolvedSubject> resolve_subject(const SubjectRequest& subject, const Given& data,
                                               const RuleSet& rules, Date as_of,
                                               Diagnostics& diags) {
  std::optional<Geography> england;
  if (subject.kind != SubjectRequest::Kind::facts) {
    england = resolve_geography(data, diags);
    if (!england) {
      return std::nullopt;
    }
  }
  return subject_in(subject, england ? &*england : nullptr, rules, as_of, diags);
}

}  // namespace devo::app
