#include "check/check.hpp"
#include "compile/program.hpp"
#include "evaluate/evaluator.hpp"
#include "evaluate/explainer.hpp"
#include "load/decode.hpp"
#include "load/yaml_document.hpp"
#include "support/sha256.hpp"
#include "support/suggest.hpp"
#include "validate/schema_validator.hpp"

#include <devo/codes.hpp>
#include <devo/embedded.hpp>
#include <devo/engine.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace devo {
namespace {

constexpr std::string_view k_ruleset_schema = "schemas/ruleset.schema.json";
constexpr std::string_view k_facts_schema = "schemas/facts.schema.json";

// Built-in rule files are named after their rule set: rules/<id>.yaml.
std::string id_of_builtin(const EmbeddedFile& file) {
  return std::filesystem::path(file.path).stem().string();
}

bool looks_like_path(std::string_view text) {
  return text.find('/') != std::string_view::npos || text.ends_with(".yaml") ||
         text.ends_with(".yml");
}

}  // namespace

namespace {

// A rule set named by `extends` in `file`: a path (relative to that file) or
// a built-in id.
std::optional<SourceFile> base_source(const RuleSet& rules, Diagnostics& diags) {
  if (looks_like_path(rules.extends)) {
    const auto directory = std::filesystem::path(rules.file).parent_path();
    return read_source_file((directory / rules.extends).lexically_normal().string(), diags);
  }
  for (const EmbeddedFile& file : builtin_rule_files()) {
    if (id_of_builtin(file) == rules.extends) {
      return SourceFile::from_text(std::string(file.path), std::string(file.bytes));
    }
  }
  const std::vector<std::string> ids = builtin_ruleset_ids();
  diags.error(rules.extends_location, std::string(codes::unknown_ruleset),
              fmt::format("'{}' is neither a rule file nor a built-in rule set{}", rules.extends,
                          support::did_you_mean(rules.extends, ids)));
  return std::nullopt;
}

std::string combined_sha256(const std::vector<RuleFile>& files) {
  if (files.size() == 1) {
    return files.front().sha256;
  }
  std::string hashes;
  for (const RuleFile& file : files) {
    hashes += file.sha256 + "\n";
  }
  return support::sha256_hex(hashes);
}

// Loads one file and, through `extends`, the files it builds on; `chain`
// holds the files on the way here, to catch a cycle.
std::optional<RuleSet> load_with_bases(const SourceFile& source, Diagnostics& diags,
                                       std::vector<std::string>& chain) {
  const std::size_t errors_before = diags.error_count();
  auto document = load::parse_yaml(source, diags);
  if (!document) {
    return std::nullopt;
  }
  // Every stage runs even after an earlier one found problems, so that one
  // run reports all of them; the decoder and checks skip what is malformed.
  validate::check_schema(*document, k_ruleset_schema, diags);
  RuleSet rules = load::decode_ruleset(*document, diags);
  rules.file = source.name;
  rules.files = {RuleFile{source.name, support::sha256_hex(*source.text)}};
  if (!rules.extends.empty()) {
    if (std::find(chain.begin(), chain.end(), source.name) != chain.end()) {
      diags.error(rules.extends_location, std::string(codes::extends_cycle),
                  fmt::format("rule sets extend each other in a cycle through '{}'", source.name));
      return std::nullopt;
    }
    chain.push_back(source.name);
    auto base_file = base_source(rules, diags);
    auto base = base_file ? load_with_bases(*base_file, diags, chain) : std::nullopt;
    chain.pop_back();
    if (!base) {
      return std::nullopt;
    }
    rules = load::merge(*base, std::move(rules));
  }
  rules.sha256 = combined_sha256(rules.files);
  check::check_ruleset(rules, diags);
  if (diags.error_count() > errors_before) {
    return std::nullopt;
  }
  return rules;
}

}  // namespace

std::optional<RuleSet> load_ruleset(const SourceFile& source, Diagnostics& diags) {
  std::vector<std::string> chain;
  auto rules = load_with_bases(source, diags, chain);
  if (rules) {
    check::warn_unused(*rules, diags);
  }
  return rules;
}

std::optional<FactInput> load_facts(const SourceFile& source, const RuleSet& rules,
                                    Diagnostics& diags) {
  const std::size_t errors_before = diags.error_count();
  auto document = load::parse_yaml(source, diags);
  if (!document) {
    return std::nullopt;
  }
  validate::check_schema(*document, k_facts_schema, diags);
  auto input = check::check_facts(load::decode_facts(*document), rules, diags);
  if (diags.error_count() > errors_before) {
    return std::nullopt;
  }
  return input;
}

std::vector<std::string> builtin_ruleset_ids() {
  std::vector<std::string> ids;
  for (const EmbeddedFile& file : builtin_rule_files()) {
    ids.push_back(id_of_builtin(file));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::optional<std::string> builtin_ruleset_in_force(Date date) {
  // Only the headers are read: parsing every built-in rule file in full to
  // choose one would be most of a cold evaluation's time.
  std::optional<RuleSet> latest;
  for (const EmbeddedFile& file : builtin_rule_files()) {
    const SourceFile source =
        SourceFile::from_text(std::string(file.path), std::string(file.bytes));
    auto header = load::decode_ruleset_header(source);
    if (!header) {
      // The built-in rule sets are checked by the test suite; one whose
      // header cannot be read alone is loaded in full, and one that fails to
      // load is simply not chosen.
      Diagnostics ignored;
      header = load_ruleset(source, ignored);
    }
    if (header && header->in_force_on(date) &&
        (!latest || latest->effective_from < header->effective_from)) {
      latest = std::move(header);
    }
  }
  return latest ? std::optional<std::string>(latest->id) : std::nullopt;
}

std::optional<SourceFile> find_ruleset_source(std::string_view id_or_path, Diagnostics& diags) {
  const std::string argument(id_or_path);
  std::error_code error;
  if (looks_like_path(argument) || std::filesystem::exists(argument, error)) {
    return read_source_file(argument, diags);
  }
  for (const EmbeddedFile& file : builtin_rule_files()) {
    if (id_of_builtin(file) == argument) {
      return SourceFile::from_text(std::string(file.path), std::string(file.bytes));
    }
  }
  const std::vector<std::string> ids = builtin_ruleset_ids();
  diags.error(
      Location{"--rules", 0, 0}, std::string(codes::unknown_ruleset),
      fmt::format("'{}' is neither a rule file nor a built-in rule set{}; built in: {}", argument,
                  support::did_you_mean(argument, ids), support::quoted_list(ids, "and")));
  return std::nullopt;
}

CompiledRules::CompiledRules(std::shared_ptr<const RuleSet> rules)
    : m_program(compile::compile_program(std::move(rules))) {}

const RuleSet& CompiledRules::rules() const {
  return *m_program->rules;
}

Decision CompiledRules::evaluate(const FactInput& facts, const EvaluateOptions& options) const {
  Decision decision = evaluate::decide(*m_program, compile::bind_facts(*m_program, facts), options);
  evaluate::explain_subject(*m_program->rules, facts, options.explain, decision);
  return decision;
}

BoundFacts CompiledRules::bind(const FactInput& facts) const {
  return compile::bind_facts(*m_program, facts);
}

void CompiledRules::decide(const BoundFacts& facts, Outcome& outcome, bool reasons) const {
  evaluate::decide(*m_program, facts, outcome, reasons);
}

std::span<const Finding> Outcome::tier_findings(std::size_t index) const {
  const std::uint32_t begin = index == 0 ? 0 : finding_ends[index - 1];
  return std::span<const Finding>(findings).subspan(begin, finding_ends[index] - begin);
}

std::span<const Finding> Outcome::power_findings(std::size_t power) const {
  return tier_findings(tiers.size() + power);
}

}  // namespace devo
