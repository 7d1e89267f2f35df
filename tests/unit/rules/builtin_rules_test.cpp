#include "support/catch.hpp"
#include "support/fixtures.hpp"

#include <devo/embedded.hpp>
#include <devo/engine.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

namespace {

devo::RuleSet load_builtin(const std::string& id) {
  devo::Diagnostics diags;
  auto source = devo::find_ruleset_source(id, diags);
  REQUIRE(source.has_value());
  auto rules = devo::load_ruleset(*source, diags);
  REQUIRE(rules.has_value());
  return *rules;
}

// Every condition named anywhere under `condition`.
void references(const devo::Condition& condition, std::set<std::string>& names) {
  if (condition.kind == devo::Condition::Kind::reference) {
    names.insert(condition.name);
  }
  for (const auto& child : condition.children) {
    references(child, names);
  }
}

}  // namespace

TEST_CASE("every built-in rule set loads without errors or warnings", "[rules]") {
  REQUIRE_FALSE(devo::builtin_rule_files().empty());
  for (const auto& file : devo::builtin_rule_files()) {
    INFO(file.path);
    devo::Diagnostics diags;
    auto rules = devo::load_ruleset(
        devo::SourceFile::from_text(std::string(file.path), std::string(file.bytes)), diags);
    REQUIRE(rules.has_value());
    CHECK(diags.empty());
    // Built-in rule files are named after their id: rules/<id>.yaml.
    CHECK(std::string(file.path) == "rules/" + rules->id + ".yaml");
  }
}

TEST_CASE("the built-in files are the committed ones", "[rules]") {
  for (const auto& file : devo::builtin_rule_files()) {
    CHECK(std::string(file.bytes) == devo::test::read_project_file(std::string(file.path)));
  }
}

TEST_CASE("luwp-2022 encodes the three levels and the 23 functions of Table 2.3", "[rules]") {
  const devo::RuleSet rules = load_builtin("luwp-2022");
  CHECK(rules.effective_from.to_string() == "2022-02-02");

  std::vector<std::string> tiers;
  for (const auto& tier : rules.tiers) {
    tiers.push_back(tier.id);
  }
  CHECK(tiers == std::vector<std::string>{"level-1", "level-2", "level-3"});

  // The catalogue (frameworks.md §1): id, minimum level, flag.
  const std::map<std::string, std::pair<std::string, std::string>> catalogue = {
      {"strategic-functions-host", {"level-1", ""}},
      {"pool-services", {"level-1", ""}},
      {"net-zero-proposals", {"level-1", ""}},
      {"lep-functions", {"level-2", ""}},
      {"local-transport-functions", {"level-2", "*"}},
      {"key-route-network", {"level-3", "*"}},
      {"rail-partnership-priority", {"level-3", ""}},
      {"bus-franchising", {"level-2", ""}},
      {"integrated-transport-settlement", {"level-3", ""}},
      {"ukspf-strategic", {"level-2", ""}},
      {"investment-fund", {"level-3", ""}},
      {"adult-education-budget", {"level-2", ""}},
      {"lsip-input", {"level-2", ""}},
      {"employment-programmes", {"level-3", ""}},
      {"mayoral-development-corporations", {"level-3", ""}},
      {"brownfield-funding", {"level-3", ""}},
      {"homes-england-partnership", {"level-3", ""}},
      {"compulsory-purchase", {"level-2", ""}},
      {"pcc-functions", {"level-3", "^"}},
      {"local-resilience", {"level-2", "*"}},
      {"public-health-duty", {"level-3", "^"}},
      {"mayoral-precept", {"level-3", "*"}},
      {"business-rates-supplement", {"level-3", ""}},
  };
  REQUIRE(rules.powers.size() == 23);
  for (const auto& power : rules.powers) {
    INFO(power.id);
    REQUIRE(catalogue.contains(power.id));
    const auto& [tier, flag] = catalogue.at(power.id);
    CHECK(power.tier == tier);
    std::set<std::string> names;
    for (const auto& requirement : power.requirements) {
      references(requirement, names);
    }
    CHECK(names.contains("combined-authority") == (flag == "*"));
    CHECK(names.contains("mayoral-combined-authority") == (flag == "^"));
    CHECK(power.citation.source == "luwp");
    CHECK(power.citation.section == "Table 2.3");
    CHECK(power.citation.page == "140");
  }
  const auto pcc = std::find_if(rules.powers.begin(), rules.powers.end(),
                                [](const auto& power) { return power.id == "pcc-functions"; });
  std::set<std::string> pcc_names;
  for (const auto& requirement : pcc->requirements) {
    references(requirement, pcc_names);
  }
  CHECK(pcc_names.contains("boundaries-align"));
}

TEST_CASE("the built-in rule set in force is chosen by date", "[rules]") {
  const auto in_force = [](const char* date) {
    return devo::builtin_ruleset_in_force(*devo::Date::parse(date));
  };
  CHECK_FALSE(in_force("2021-01-01").has_value());
  CHECK(in_force("2022-02-02") == "luwp-2022");
  CHECK(in_force("2023-11-21") == "luwp-2022");
  // Of the rule sets in force, the one that took effect last.
  CHECK(in_force("2023-11-22") == "level4-2023");
  CHECK(in_force("2024-12-15") == "level4-2023");
  CHECK(in_force("2024-12-16") == "edwp-2024");
  CHECK(in_force("2026-11-28") == "edwp-2024");
}

TEST_CASE("level4-2023 builds on luwp-2022 and adds Level 4", "[rules]") {
  const devo::RuleSet rules = load_builtin("level4-2023");
  REQUIRE(rules.files.size() == 2);
  CHECK(rules.files[0].path == "rules/luwp-2022.yaml");
  CHECK(rules.files[1].path == "rules/level4-2023.yaml");
  CHECK(rules.sha256.size() == 64);
  CHECK(rules.sha256 != rules.files[0].sha256);
  std::vector<std::string> tiers;
  for (const auto& tier : rules.tiers) {
    tiers.push_back(tier.id);
  }
  CHECK(tiers == std::vector<std::string>{"level-1", "level-2", "level-3", "level-4"});
  REQUIRE(rules.powers.size() == 27);
  for (const char* id : {"l4-adult-skills", "l4-local-transport", "l4-strategic-housing",
                         "l4-consolidated-funding"}) {
    INFO(id);
    const auto power = std::find_if(rules.powers.begin(), rules.powers.end(),
                                    [&](const auto& p) { return p.id == id; });
    REQUIRE(power != rules.powers.end());
    CHECK(power->tier == "level-4");
  }
}

TEST_CASE("edwp-2024 has the three tiers of the 2026 Act", "[rules]") {
  const devo::RuleSet rules = load_builtin("edwp-2024");
  std::vector<std::string> tiers;
  for (const auto& tier : rules.tiers) {
    tiers.push_back(tier.id);
  }
  CHECK(tiers == std::vector<std::string>{"foundation", "mayoral", "established-mayoral"});
  CHECK(rules.effective_from.to_string() == "2024-12-16");
  // The 1.5 million population is an expectation: it warns, never decides.
  const auto& foundation = rules.tiers.front();
  const auto mentions_population = [](const devo::Condition& condition) {
    return condition.kind == devo::Condition::Kind::comparison && condition.name == "population";
  };
  CHECK(std::none_of(foundation.requirements.begin(), foundation.requirements.end(),
                     mentions_population));
  CHECK(std::any_of(foundation.expectations.begin(), foundation.expectations.end(),
                    mentions_population));
}

TEST_CASE("an unknown rule set id lists the ones there are", "[rules]") {
  devo::Diagnostics diags;
  CHECK_FALSE(devo::find_ruleset_source("luwp-2021", diags).has_value());
  const auto found = devo::test::find_code(diags, "unknown-ruleset");
  REQUIRE(found.has_value());
  CHECK(found->message ==
        "'luwp-2021' is neither a rule file nor a built-in rule set (did you mean 'luwp-2022'?); "
        "built in: 'edwp-2024', 'level4-2023' and 'luwp-2022'");
}
