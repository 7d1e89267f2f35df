#include "support/fixtures.hpp"

#include "support/catch.hpp"

#include <devo/report.hpp>

#include <fstream>
#include <sstream>

namespace devo::test {

std::vector<std::string> codes_of(const Diagnostics& diags) {
  std::vector<std::string> codes;
  for (const Diagnostic& diagnostic : diags.sorted()) {
    codes.push_back(diagnostic.code);
  }
  return codes;
}

std::optional<Diagnostic> find_code(const Diagnostics& diags, std::string_view code) {
  for (const Diagnostic& diagnostic : diags.sorted()) {
    if (diagnostic.code == code) {
      return diagnostic;
    }
  }
  return std::nullopt;
}

std::string small_ruleset_text() {
  return R"(ruleset:
  id: small
  title: A small rule set
  effective_from: 2020-01-01
  effective_to: 2030-12-31
sources:
  - id: doc
    title: The document
facts:
  kind:
    type: enum
    title: kind
    says: "this is {value}"
    values:
      council: a council
      combined: a combined authority
  mayor:
    type: bool
    title: mayor
    says: "it {value}"
    values:
      true: has a mayor
      false: has no mayor
  population:
    type: integer
    title: population
    says: "its population is {value}"
  elected:
    type: date
    title: date of the first election
  islands:
    type: codes
    title: devolution islands
conditions:
  combined:
    title: a combined authority
    when: {fact: kind, eq: combined}
  mayoral:
    title: a mayoral combined authority
    when:
      all:
        - combined
        - {fact: mayor, eq: true}
tiers:
  - id: basic
    title: Basic
    requires:
      - {fact: population, gte: 500000}
    expects:
      - {fact: islands, eq: [], title: no devolution islands}
    citation: {source: doc, section: Table 1, page: 3}
    evidence: confirmed
  - id: mayoral
    title: Mayoral
    requires:
      - {fact: mayor, eq: true}
    citation: {source: doc}
    evidence: secondary
powers:
  - id: pool
    title: Pool services
    group: Services
    tier: basic
    citation: {source: doc, page: 4}
    evidence: confirmed
  - id: precept
    title: Precept
    group: Money
    tier: mayoral
    requires:
      - mayoral
    citation: {source: doc}
    evidence: reconstructed
  - id: early
    title: Early election bonus
    group: Money
    tier: basic
    requires:
      - any:
          - {fact: elected, lt: 2020-01-01}
          - not: {fact: islands, contains: E06000001}
    citation: {source: doc}
    evidence: reconstructed
)";
}

RuleSet load_valid_ruleset(const std::string& text) {
  Diagnostics diags;
  auto rules = load_ruleset(SourceFile::from_text("rules.yaml", text), diags);
  INFO(render_diagnostics(diags, OutputFormat::text));
  REQUIRE(rules.has_value());
  REQUIRE(diags.empty());
  return std::move(*rules);
}

Diagnostics ruleset_diagnostics(const std::string& text) {
  Diagnostics diags;
  load_ruleset(SourceFile::from_text("rules.yaml", text), diags);
  return diags;
}

std::string read_project_file(const std::string& path) {
  std::ifstream in(std::string(DEVO_SOURCE_DIR) + "/" + path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace devo::test
