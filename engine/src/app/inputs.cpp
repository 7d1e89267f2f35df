// The inputs every use case shares: a date, a rule set, the data, a receipt,
// and facts assumed over a subject's.

#include "app/inputs.hpp"

#include <devo/app.hpp>
#include <devo/codes.hpp>
#include <devo/version.hpp>

#include <fmt/format.h>

#include <map>

namespace devo::app {
namespace {

// What keep_loaded() loaded: set once, before other threads start, and only
// read afterwards.
struct Kept {
  std::string data;
  std::optional<Geography> england;
  std::map<std::string, std::shared_ptr<const RuleSet>, std::less<>> builtin_rules;
  // Each built-in rule set compiled, by its id: compiling took a few per cent
  // of a web request's time.
  std::map<std::string, CompiledRules, std::less<>> builtin_compiled;
};

Kept& kept() {
  static Kept state;
  return state;
}

std::shared_ptr<const RuleSet> load_rules(const std::string& id_or_path, const Location& at,
                                          Diagnostics& diags) {
  auto source = find_ruleset_source(id_or_path, diags, at);
  if (!source) {
    return nullptr;
  }
  auto loaded = load_ruleset(*source, diags);
  return loaded ? std::make_shared<const RuleSet>(std::move(*loaded)) : nullptr;
}

}  // namespace

bool keep_loaded(const Given& data, Diagnostics& diags) {
  Kept loaded;
  loaded.data = data.text;
  loaded.england = resolve_geography(data, diags);
  for (const std::string& id : builtin_ruleset_ids()) {
    if (auto rules = load_rules(id, {}, diags)) {
      loaded.builtin_compiled.emplace(id, CompiledRules(rules));
      loaded.builtin_rules.emplace(id, std::move(rules));
    }
  }
  if (!loaded.england || diags.has_errors()) {
    return false;
  }
  kept() = std::move(loaded);
  return true;
}

std::optional<Date> resolve_date(const Given& date, Diagnostics& diags) {
  if (date.empty()) {
    return Date::today();
  }
  return parse_date(date.text, date.at, diags);
}

std::shared_ptr<const RuleSet> resolve_rules(const Given& rules, Date as_of, Diagnostics& diags) {
  std::string id_or_path = rules.text;
  if (id_or_path.empty()) {
    auto in_force = builtin_ruleset_in_force(as_of);
    if (!in_force) {
      diags.error(
          rules.at, std::string(codes::unknown_ruleset),
          fmt::format("no built-in rule set is in force on {}; name one", as_of.to_string()));
      return nullptr;
    }
    id_or_path = *in_force;
  }
  if (const auto found = kept().builtin_rules.find(id_or_path);
      found != kept().builtin_rules.end()) {
    return found->second;
  }
  return load_rules(id_or_path, rules.at, diags);
}

std::shared_ptr<const RuleSet> resolve_rules(const Inputs& inputs, Date as_of, Diagnostics& diags) {
  if (!inputs.rules_text) {
    return resolve_rules(inputs.rules, as_of, diags);
  }
  auto loaded = load_ruleset(SourceFile::from_text(inputs.rules.text, *inputs.rules_text), diags,
                             RuleBases::builtins_only);
  return loaded ? std::make_shared<const RuleSet>(std::move(*loaded)) : nullptr;
}

CompiledRules compiled_rules(const std::shared_ptr<const RuleSet>& rules) {
  const auto kept_rules = kept().builtin_rules.find(rules->id);
  if (kept_rules != kept().builtin_rules.end() && kept_rules->second == rules) {
    return kept().builtin_compiled.at(rules->id);
  }
  return CompiledRules(rules);
}

std::optional<Geography> resolve_geography(const Given& data, Diagnostics& diags) {
  if (kept().england && kept().data == data.text) {
    return kept().england;
  }
  return data.empty() ? Geography::load_builtin(diags)
                      : Geography::load_directory(data.text, diags);
}

Receipt make_receipt(const RuleSet& rules, Date as_of, const std::optional<DatasetInfo>& data) {
  Receipt receipt{rules.id, rules.sha256, rules.files, std::string(k_version), as_of, {}, {}};
  if (data) {
    receipt.data_vintage = data->vintage;
    receipt.data_sha256 = data->sha256;
  }
  return receipt;
}

void assume(const std::vector<Given>& assumptions, const RuleSet& rules, std::string_view note,
            FactInput& facts, Diagnostics& diags) {
  for (const Given& assumption : assumptions) {
    if (auto parsed = parse_fact_assignment(assumption.text, rules, assumption.at, diags)) {
      facts.values.insert_or_assign(parsed->first, parsed->second);
      facts.upper.erase(parsed->first);
      facts.notes.insert_or_assign(parsed->first, std::string(note));
    }
  }
}

std::shared_ptr<const RuleSet> builtin_rules_with_tier(std::string_view tier, Date as_of) {
  std::shared_ptr<const RuleSet> chosen;
  for (const std::string& id : builtin_ruleset_ids()) {
    Diagnostics ignored;
    auto rules = resolve_rules(Given{id, {}}, as_of, ignored);
    if (rules && rules->in_force_on(as_of) && rules->tier_index(tier) &&
        (!chosen || chosen->effective_from < rules->effective_from)) {
      chosen = std::move(rules);
    }
  }
  return chosen;
}

std::string located_message(const Diagnostic& diagnostic) {
  return fmt::format("{}: {}", to_string(diagnostic.location), diagnostic.message);
}

}  // namespace devo::app
