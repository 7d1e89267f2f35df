// The use cases over rule files alone: check them, list what they hold, and
// choose the one to write a catalogue of.

#include <devo/app.hpp>

#include <devo/computed_facts.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace devo::app {
namespace {

std::string date_range(const RuleSet& rules) {
  return rules.effective_to ? fmt::format("{} to {}", rules.effective_from.to_string(),
                                          rules.effective_to->to_string())
                            : fmt::format("from {}", rules.effective_from.to_string());
}

std::optional<Table> list_rulesets(Diagnostics& diags) {
  Table listing{{"id", "in force", "title"}, {}};
  for (const std::string& id : builtin_ruleset_ids()) {
    if (auto rules = resolve_rules(Given{id, {}}, Date::today(), diags)) {
      listing.rows.push_back({rules->id, date_range(*rules), rules->title});
    }
  }
  return diags.has_errors() ? std::nullopt : std::optional<Table>(std::move(listing));
}

// A rule set's facts: "computed" when devo computes it from its data for
// every authority and proposal, "given" when a proposal, a facts file or an
// assumption must supply it; `values` lists an enum's or a bool's values.
Table fact_listing(const RuleSet& rules) {
  Table listing{{"id", "type", "source", "title", "values", "description"}, {}};
  const auto computed = computed_facts();
  for (const FactDeclaration& fact : rules.facts) {
    const bool is_computed =
        std::any_of(computed.begin(), computed.end(),
                    [&](const ComputedFact& known) { return known.name == fact.name; });
    std::vector<std::string> values;
    if (fact.type == FactType::boolean) {
      values = {"true", "false"};
    }
    for (const auto& [value, label] : fact.values) {
      if (fact.type == FactType::enumeration) {
        values.push_back(value);
      }
    }
    listing.rows.push_back({fact.name, std::string(to_string(fact.type)),
                            is_computed ? "computed" : "given", fact.title,
                            fmt::format("{}", fmt::join(values, ", ")), fact.description});
  }
  return listing;
}

}  // namespace

std::vector<CheckedRuleFile> check_rule_files(const std::vector<std::string>& paths,
                                              Diagnostics& diags) {
  std::vector<CheckedRuleFile> checked;
  for (const std::string& path : paths) {
    const std::size_t errors_before = diags.error_count();
    CheckedRuleFile file;
    file.file = path;
    auto source = read_source_file(path, diags);
    auto rules = source ? load_ruleset(*source, diags) : std::nullopt;
    if (rules && diags.error_count() == errors_before) {
      file.ok = true;
      file.ruleset = rules->id;
      file.tiers = rules->tiers.size();
      file.powers = rules->powers.size();
      file.conditions = rules->conditions.size();
      file.facts = rules->facts.size();
    }
    checked.push_back(std::move(file));
  }
  return checked;
}

std::optional<Table> list(ListWhat what, const Given& rules, Diagnostics& diags) {
  if (what == ListWhat::rulesets) {
    return list_rulesets(diags);
  }
  auto chosen = resolve_rules(rules, Date::today(), diags);
  if (!chosen) {
    return std::nullopt;
  }
  if (what == ListWhat::tiers) {
    Table listing{{"id", "title", "evidence", "summary"}, {}};
    for (const Tier& tier : chosen->tiers) {
      listing.rows.push_back(
          {tier.id, tier.title, std::string(to_string(tier.evidence)), tier.summary});
    }
    return listing;
  }
  if (what == ListWhat::facts) {
    return fact_listing(*chosen);
  }
  Table listing{{"id", "tier", "evidence", "group", "title"}, {}};
  for (const Power& power : chosen->powers) {
    listing.rows.push_back(
        {power.id, power.tier, std::string(to_string(power.evidence)), power.group, power.title});
  }
  return listing;
}

std::optional<Table> list_authorities(const Given& match, const Given& data, std::size_t limit,
                                      Diagnostics& diags) {
  const auto england = resolve_geography(data, diags);
  if (!england) {
    return std::nullopt;
  }
  Table listing{{"code", "name", "kind", "description"}, {}};
  for (const AuthorityName& found : england->find_authorities(match.text, limit)) {
    listing.rows.push_back({found.code, found.name, found.kind, found.description});
  }
  return listing;
}

std::shared_ptr<const RuleSet> catalogue_rules(const Given& rules, Diagnostics& diags) {
  return resolve_rules(rules, Date::today(), diags);
}

}  // namespace devo::app
