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
#include <devo/limits.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <unordered_map>

namespace devo {
namespace {

constexpr std::string_view k_ruleset_schema = "schemas/ruleset.schema.json";
constexpr std::string_view k_facts_schema = "schemas/facts.schema.json";

// Built-in rule files are named after their rule set: rules/<id>.yaml.
std::string id_of_builtin(const EmbeddedFile& file) {
  return std::filesystem::path(file.path).stem().string();
}

}  // namespace

namespace {

// Reads the file a rule file's `extends` names. A problem with it (missing, a
// directory, unreadable) is reported at that `extends`, naming the path: the
// path alone would not say which file asked for it.
std::optional<SourceFile> read_base_file(const std::string& path, const Location& named_at,
                                         Diagnostics& diags) {
  Diagnostics found;
  auto source = read_source_file(path, found);
  for (Diagnostic problem : found.sorted()) {
    problem.message = fmt::format("the base rule file '{}': {}", path, problem.message);
    problem.location = named_at;
    diags.report(std::move(problem));
  }
  return source;
}

// A rule set named by `extends` in `file`: a path (relative to that file) or
// a built-in id.
std::optional<SourceFile> base_source(const RuleSet& rules, RuleBases bases, Diagnostics& diags) {
  if (names_a_rule_file(rules.extends) && bases == RuleBases::builtins_only) {
    diags.error(rules.extends_location, std::string(codes::extends_file_refused),
                fmt::format("a rule set sent to devo serve may extend only a built-in rule set "
                            "({}), not the file '{}'",
                            fmt::join(builtin_ruleset_ids(), ", "), rules.extends));
    return std::nullopt;
  }
  if (names_a_rule_file(rules.extends)) {
    const auto directory = std::filesystem::path(rules.file).parent_path();
    return read_base_file((directory / rules.extends).lexically_normal().string(),
                          rules.extends_location, diags);
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

// One rule file parsed, checked against the schema and decoded, not yet
// merged with its base; nothing when it is not YAML at all.
std::optional<RuleSet> load_one_file(const SourceFile& source, Diagnostics& diags) {
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
  return rules;
}

void report_chain_too_long(const RuleSet& rules, Diagnostics& diags) {
  diags.error(rules.extends_location, std::string(codes::extends_too_deep),
              fmt::format("this `extends` would build on a chain of more than {} rule files; "
                          "devo follows at most {} `extends` from one rule set",
                          limits::k_max_extends_depth, limits::k_max_extends_depth));
}

void report_cycle(const RuleSet& first, const RuleSet& closing, Diagnostics& diags) {
  diags
      .error(first.extends_location, std::string(codes::extends_cycle),
             fmt::format("rule sets extend each other in a cycle through '{}'", first.file))
      .note(closing.extends_location, fmt::format("'{}' is named again here", first.file));
}

std::string chain_key(const std::string& file) {
  return std::filesystem::path(file).lexically_normal().string();
}

// The files of a chain of `extends`: `source`, its base, the base's base and
// so on, read in a loop rather than by recursion, so that a long chain cannot
// overflow the stack, and bounded by limits::k_max_extends_depth. Nothing when
// a file cannot be read or parsed, the chain is too long or has a cycle.
std::optional<std::vector<RuleSet>> load_chain(const SourceFile& source, RuleBases bases,
                                               Diagnostics& diags) {
  std::vector<RuleSet> chain;
  std::unordered_map<std::string, std::size_t> place_in_chain;
  std::optional<SourceFile> next = source;
  for (;;) {
    auto rules = load_one_file(*next, diags);
    if (!rules) {
      return std::nullopt;
    }
    place_in_chain.emplace(chain_key(next->name), chain.size());
    chain.push_back(std::move(*rules));
    const RuleSet& last = chain.back();
    if (last.extends.empty()) {
      return chain;
    }
    if (chain.size() > limits::k_max_extends_depth) {
      report_chain_too_long(last, diags);
      return std::nullopt;
    }
    next = base_source(last, bases, diags);
    if (!next) {
      return std::nullopt;
    }
    if (auto seen = place_in_chain.find(chain_key(next->name)); seen != place_in_chain.end()) {
      report_cycle(chain[seen->second], last, diags);
      return std::nullopt;
    }
  }
}

// Loads one file and, through `extends`, the files it builds on, merged base
// first and checked once as a whole.
std::optional<RuleSet> load_with_bases(const SourceFile& source, RuleBases bases,
                                       Diagnostics& diags) {
  const std::size_t errors_before = diags.error_count();
  auto chain = load_chain(source, bases, diags);
  if (!chain) {
    return std::nullopt;
  }
  RuleSet rules = std::move(chain->back());
  for (std::size_t at = chain->size() - 1; at-- > 0;) {
    rules = load::merge(std::move(rules), std::move((*chain)[at]));
  }
  rules.sha256 = combined_sha256(rules.files);
  check::check_ruleset(rules, diags);
  if (diags.error_count() > errors_before) {
    return std::nullopt;
  }
  return rules;
}

}  // namespace

std::optional<RuleSet> load_ruleset(const SourceFile& source, Diagnostics& diags,
                                    RuleBases bases) {
  auto rules = load_with_bases(source, bases, diags);
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

std::optional<std::pair<std::string, FactValue>> parse_fact_assignment(std::string_view text,
                                                                       const RuleSet& rules,
                                                                       const Location& where,
                                                                       Diagnostics& diags) {
  return check::parse_fact_assignment(text, rules, where, diags);
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

bool names_a_rule_file(std::string_view id_or_path) {
  return id_or_path.find('/') != std::string_view::npos || id_or_path.ends_with(".yaml") ||
         id_or_path.ends_with(".yml");
}

std::optional<SourceFile> find_ruleset_source(std::string_view id_or_path, Diagnostics& diags,
                                              const Location& named_at) {
  const std::string argument(id_or_path);
  std::error_code error;
  if (names_a_rule_file(argument) || std::filesystem::exists(argument, error)) {
    return read_source_file(argument, diags);
  }
  for (const EmbeddedFile& file : builtin_rule_files()) {
    if (id_of_builtin(file) == argument) {
      return SourceFile::from_text(std::string(file.path), std::string(file.bytes));
    }
  }
  const std::vector<std::string> ids = builtin_ruleset_ids();
  diags.error(
      named_at, std::string(codes::unknown_ruleset),
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

}  // namespace devo
