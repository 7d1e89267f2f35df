#include "testing/test_runner.hpp"

#include "check/check.hpp"
#include "geography/proposal.hpp"
#include "load/decode.hpp"
#include "load/yaml_document.hpp"
#include "support/suggest.hpp"
#include "testing/coverage.hpp"
#include "validate/schema_validator.hpp"

#include <devo/codes.hpp>
#include <devo/engine.hpp>
#include <devo/geography.hpp>
#include <devo/testing.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <variant>

namespace devo::testing {
namespace {

namespace fs = std::filesystem;
using load::Node;

std::vector<std::string> case_files(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(path, error)) {
      const auto extension = entry.path().extension();
      if (entry.is_regular_file() && (extension == ".yaml" || extension == ".yml")) {
        found.push_back(entry.path().string());
      }
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string scalar(const Node* node) {
  return node != nullptr && node->is_scalar() ? node->text : std::string();
}

// A fact's value as a test case writes it, for messages.
std::string value_words(const FactValue& value) {
  return std::visit(
      [](const auto& item) -> std::string {
        using Item = std::decay_t<decltype(item)>;
        if constexpr (std::is_same_v<Item, bool>) {
          return item ? "true" : "false";
        } else if constexpr (std::is_same_v<Item, std::int64_t>) {
          return std::to_string(item);
        } else if constexpr (std::is_same_v<Item, std::string>) {
          return item;
        } else if constexpr (std::is_same_v<Item, Date>) {
          return item.to_string();
        } else {
          return fmt::format("[{}]", fmt::join(item, ", "));
        }
      },
      value);
}

std::string node_words(const Node& node) {
  if (node.kind != Node::Kind::sequence) {
    return node.text;
  }
  std::vector<std::string> items;
  for (const Node& item : node.items) {
    items.push_back(item.text);
  }
  return fmt::format("[{}]", fmt::join(items, ", "));
}

bool same_value(const Node& expected, const FactValue& actual) {
  if (const bool* flag = std::get_if<bool>(&actual)) {
    return expected.kind == Node::Kind::boolean && expected.boolean == *flag;
  }
  if (const std::int64_t* number = std::get_if<std::int64_t>(&actual)) {
    return expected.kind == Node::Kind::integer && expected.integer == *number;
  }
  if (const std::string* text = std::get_if<std::string>(&actual)) {
    return expected.kind == Node::Kind::string && expected.text == *text;
  }
  if (const Date* date = std::get_if<Date>(&actual)) {
    return expected.kind == Node::Kind::string && expected.text == date->to_string();
  }
  Codes codes;
  for (const Node& item : expected.items) {
    codes.push_back(item.text);
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return expected.kind == Node::Kind::sequence && codes == std::get<Codes>(actual);
}

// A rule set as the cases use it: loaded, compiled once, and its coverage.
struct UsedRules {
  std::shared_ptr<const RuleSet> rules;
  std::shared_ptr<const CompiledRules> compiled;
  std::unique_ptr<CoverageRecorder> coverage;
};

struct Subject {
  FactInput facts;
  std::vector<Diagnostic> findings;
};

class Runner {
 public:
  Runner(const TestOptions& options, const SharedInputs& shared, Diagnostics& diags)
      : m_options(options), m_shared(shared), m_diags(diags), m_geography(shared.geography) {}

  void run_file(const std::string& path) {
    if (auto source = read_source_file(path, m_diags)) {
      run_source(*source);
    }
  }

  void run_source(const SourceFile& source) {
    auto document = load::parse_yaml(source, m_diags);
    if (!document ||
        !validate::check_schema(*document, "schemas/test-cases.schema.json", m_diags)) {
      return;
    }
    ++m_files_read;
    const Node* defaults = document->find("defaults");
    for (const Node& item : document->find("cases")->items) {
      run_case(item, defaults, source.name);
    }
  }

  std::optional<TestReport> finish() {
    if (m_files_read == 0) {
      return std::nullopt;
    }
    for (const std::string& key : m_rules_order) {
      m_report.coverage.push_back(m_rules.at(key).coverage->result());
    }
    if (m_geography) {
      m_report.data_vintage = m_geography->info().vintage;
      m_report.data_sha256 = m_geography->info().sha256;
    }
    return std::move(m_report);
  }

 private:
  void run_case(const Node& item, const Node* defaults, const std::string& file) {
    TestCaseResult result;
    result.name = scalar(item.find("name"));
    result.location = item.location;
    if (!m_options.filter.empty() &&
        lower(result.name).find(lower(m_options.filter)) == std::string::npos) {
      return;
    }
    const std::size_t errors_before = m_diags.error_count();
    const auto setting = [&](std::string_view key) -> const Node* {
      const Node* own = item.find(key);
      return own != nullptr ? own : defaults != nullptr ? defaults->find(key) : nullptr;
    };
    const Node* rules_node = setting("rules");
    const Node* as_of_node = setting("as_of");
    if (rules_node == nullptr || as_of_node == nullptr) {
      m_diags.error(item.location, std::string(codes::missing_key),
                    fmt::format("case '{}' needs 'rules' and 'as_of', its own or the file's "
                                "'defaults'",
                                result.name));
      return;
    }
    const auto as_of = Date::parse(as_of_node->text);
    if (!as_of) {
      m_diags.error(
          as_of_node->location, std::string(codes::invalid_date),
          fmt::format("'{}' is not a real date in the form YYYY-MM-DD", as_of_node->text));
      return;
    }
    UsedRules* used = rules_for(rules_node->text, file, rules_node->location);
    if (used == nullptr) {
      return;
    }
    auto subject = subject_of(item, *used->rules, *as_of);
    if (subject) {
      assume(item, *used->rules, subject->facts);
    }
    if (!subject || m_diags.error_count() > errors_before) {
      return;
    }
    Decision decision = used->compiled->evaluate(subject->facts, EvaluateOptions{true, as_of});
    // A proposal's errors are its problems (in the decision); its other
    // findings are warnings, as `devo evaluate` shows them.
    for (const Diagnostic& finding : subject->findings) {
      if (finding.severity == Severity::warning) {
        decision.warnings.push_back(Warning{finding.code, finding.message});
      }
    }
    used->coverage->record(subject->facts, decision);
    result.ruleset = used->rules->id;
    result.as_of = *as_of;
    compare(*item.find("expect"), *used->rules, subject->facts, decision, result);
    result.passed = result.mismatches.empty();
    m_report.cases.push_back(std::move(result));
  }

  // `assume`: facts taken as given over what the subject says, typed by the
  // rule set like a facts file's (as `devo evaluate --assume` does).
  void assume(const Node& item, const RuleSet& rules, FactInput& facts) {
    const Node* assumed = item.find("assume");
    if (assumed == nullptr) {
      return;
    }
    load::RawFacts raw;
    for (const Node::Entry& entry : assumed->entries) {
      raw.facts.push_back(
          load::RawFact{entry.key, entry.key_location, load::to_literal(entry.value)});
    }
    if (auto typed = check::check_facts(raw, rules, m_diags)) {
      for (auto& [name, value] : typed->values) {
        facts.values.insert_or_assign(name, std::move(value));
        facts.upper.erase(name);
        facts.notes.insert_or_assign(name, std::string("assumed by the test case"));
      }
    }
  }

  // Exactly one of authority, proposal or facts names what is evaluated.
  std::optional<Subject> subject_of(const Node& item, const RuleSet& rules, Date as_of) {
    const Node* authority = item.find("authority");
    const Node* proposal = item.find("proposal");
    const Node* facts = item.find("facts");
    if ((authority != nullptr) + (proposal != nullptr) + (facts != nullptr) != 1) {
      m_diags.error(item.location, std::string(codes::invalid_value),
                    "a case needs exactly one of 'authority', 'proposal' or 'facts'");
      return std::nullopt;
    }
    if (facts != nullptr) {
      validate::check_schema(*facts, "schemas/facts.schema.json", m_diags);
      auto typed = check::check_facts(load::decode_facts(*facts), rules, m_diags);
      return typed ? std::optional<Subject>(Subject{std::move(*typed), {}}) : std::nullopt;
    }
    const Geography* england = geography();
    if (england == nullptr) {
      return std::nullopt;
    }
    if (authority != nullptr) {
      Diagnostics lookup;
      auto found = england->authority(authority->text, as_of, lookup);
      for (const Diagnostic& problem : lookup.sorted()) {
        // The lookup speaks of --authority; here the name is in a file.
        Diagnostic located = problem;
        located.location = authority->location;
        m_diags.report(std::move(located));
      }
      return found ? std::optional<Subject>(Subject{std::move(*found), {}}) : std::nullopt;
    }
    auto result = geography::proposal_from_document(*england, *proposal, rules, as_of, m_diags);
    return Subject{std::move(result.facts), std::move(result.findings)};
  }

  const Geography* geography() {
    if (!m_geography && !m_geography_failed) {
      m_geography = m_options.data_directory.empty()
                        ? Geography::load_builtin(m_diags)
                        : Geography::load_directory(m_options.data_directory, m_diags);
      m_geography_failed = !m_geography;
    }
    return m_geography ? &*m_geography : nullptr;
  }

  // A rule set by built-in id, or by a path relative to the case file.
  UsedRules* rules_for(const std::string& text, const std::string& file, const Location& where) {
    const bool path = text.find('/') != std::string::npos || text.ends_with(".yaml");
    const std::string key =
        path ? (fs::path(file).parent_path() / text).lexically_normal().string() : text;
    if (auto it = m_rules.find(key); it != m_rules.end()) {
      return it->second.compiled ? &it->second : nullptr;
    }
    if (auto it = m_shared.rules.find(key); !path && it != m_shared.rules.end()) {
      UsedRules& used = m_rules[key];
      used.compiled = it->second;
      used.rules = std::shared_ptr<const RuleSet>(used.compiled, &used.compiled->rules());
      used.coverage = std::make_unique<CoverageRecorder>(*used.compiled);
      m_rules_order.push_back(key);
      return &used;
    }
    Diagnostics found;
    auto source = find_ruleset_source(key, found);
    for (const Diagnostic& problem : found.sorted()) {
      Diagnostic located = problem;
      located.location = where;
      m_diags.report(std::move(located));
    }
    UsedRules& used = m_rules[key];
    auto rules = source ? load_ruleset(*source, m_diags) : std::nullopt;
    if (!rules) {
      return nullptr;
    }
    used.rules = std::make_shared<const RuleSet>(std::move(*rules));
    used.compiled = std::make_shared<const CompiledRules>(used.rules);
    used.coverage = std::make_unique<CoverageRecorder>(*used.compiled);
    m_rules_order.push_back(key);
    return &used;
  }

  void compare(const Node& expect, const RuleSet& rules, const FactInput& facts,
               const Decision& decision, TestCaseResult& result) {
    if (const Node* tier = expect.find("tier")) {
      compare_tier(*tier, rules, decision, result);
    }
    if (const Node* tiers = expect.find("tiers")) {
      for (const Node::Entry& entry : tiers->entries) {
        const auto index = rules.tier_index(entry.key);
        if (!index) {
          std::vector<std::string> ids;
          for (const Tier& tier : rules.tiers) {
            ids.push_back(tier.id);
          }
          undefined(codes::undefined_tier, "tier", entry, ids);
          continue;
        }
        const TierResult& actual = decision.tiers[*index];
        const std::string status(to_string(actual.status));
        if (status != entry.value.text) {
          result.mismatches.push_back(
              fmt::format("tier {}: expected {}, got {}", entry.key, entry.value.text, status));
          add_trail(entry.key, status, actual.reasons, result);
        }
      }
    }
    if (const Node* powers = expect.find("powers")) {
      for (const Node::Entry& entry : powers->entries) {
        const auto index = power_index(rules, entry);
        if (!index) {
          continue;
        }
        const PowerResult& actual = decision.powers[*index];
        const std::string status(to_string(actual.status));
        if (status != entry.value.text) {
          result.mismatches.push_back(
              fmt::format("power {}: expected {}, got {}", entry.key, entry.value.text, status));
          add_trail(entry.key, status, actual.reasons, result);
        }
      }
    }
    if (const Node* expected_facts = expect.find("facts")) {
      for (const Node::Entry& entry : expected_facts->entries) {
        const auto it = facts.values.find(entry.key);
        if (it == facts.values.end()) {
          result.mismatches.push_back(fmt::format("fact {}: expected {}, got nothing (unknown)",
                                                  entry.key, node_words(entry.value)));
        } else if (!same_value(entry.value, it->second)) {
          result.mismatches.push_back(fmt::format("fact {}: expected {}, got {}", entry.key,
                                                  node_words(entry.value),
                                                  value_words(it->second)));
        }
      }
    }
    if (const Node* warnings = expect.find("warnings")) {
      compare_warnings(*warnings, decision, result);
    }
    compare_subject(expect, rules, facts, decision, result);
  }

  // What the case expects of the subject itself: valid, applicable, its
  // problems, what it holds and what it is a member of.
  void compare_subject(const Node& expect, const RuleSet& rules, const FactInput& facts,
                       const Decision& decision, TestCaseResult& result) {
    const auto flag = [&](std::string_view key, bool actual) {
      if (const Node* node = expect.find(key); node != nullptr && node->boolean != actual) {
        result.mismatches.push_back(
            fmt::format("{}: expected {}, got {}", key, node->boolean, actual));
      }
    };
    flag("valid", decision.valid);
    flag("applicable", decision.applicable);
    if (const Node* problems = expect.find("problems")) {
      std::vector<std::string> actual;
      for (const Problem& problem : decision.problems) {
        actual.push_back(problem.code);
      }
      compare_codes("problems", *problems, actual, result);
      for (const Problem& problem : decision.problems) {
        result.trail.push_back(fmt::format("problem {}: {}", problem.code, problem.message));
      }
    }
    if (const Node* member_of = expect.find("member_of")) {
      std::vector<std::string> actual;
      for (const Membership& membership : facts.subject.member_of) {
        actual.push_back(membership.id);
      }
      compare_codes("member_of", *member_of, actual, result);
    }
    if (const Node* held = expect.find("held")) {
      for (const Node::Entry& entry : held->entries) {
        const auto index = power_index(rules, entry);
        if (!index) {
          continue;
        }
        const Holding& holding = decision.powers[*index].holding;
        const std::string actual = !holding.held ? "null" : *holding.held ? "true" : "false";
        const std::string expected = entry.value.kind == Node::Kind::null ? "null"
                                     : entry.value.boolean                ? "true"
                                                                          : "false";
        if (actual != expected) {
          result.mismatches.push_back(fmt::format("held {}: expected {}, got {} ({})", entry.key,
                                                  expected, actual, holding.note));
        }
      }
    }
  }

  // The index of the power a case names, or nothing (and undefined-power)
  // when the rule set has none by that id.
  std::optional<std::size_t> power_index(const RuleSet& rules, const Node::Entry& entry) {
    for (std::size_t i = 0; i < rules.powers.size(); ++i) {
      if (rules.powers[i].id == entry.key) {
        return i;
      }
    }
    std::vector<std::string> ids;
    for (const Power& power : rules.powers) {
      ids.push_back(power.id);
    }
    undefined(codes::undefined_power, "power", entry, ids);
    return std::nullopt;
  }

  // Every code listed must be among `actual`; an empty list means none at all.
  static void compare_codes(std::string_view what, const Node& expected,
                            const std::vector<std::string>& actual, TestCaseResult& result) {
    const std::string got =
        actual.empty() ? std::string("none") : fmt::format("{}", fmt::join(actual, ", "));
    if (expected.items.empty() && !actual.empty()) {
      result.mismatches.push_back(fmt::format("{}: expected none, got {}", what, got));
    }
    for (const Node& code : expected.items) {
      if (std::find(actual.begin(), actual.end(), code.text) == actual.end()) {
        result.mismatches.push_back(fmt::format("{}: expected {}, got {}", what, code.text, got));
      }
    }
  }

  void compare_tier(const Node& tier, const RuleSet& rules, const Decision& decision,
                    TestCaseResult& result) {
    const std::string actual = decision.tier ? rules.tiers[*decision.tier].id : "none";
    const std::string expected = tier.kind == Node::Kind::null ? "none" : tier.text;
    if (expected != "none" && !rules.tier_index(expected)) {
      m_diags.error(tier.location, std::string(codes::undefined_tier),
                    fmt::format("rule set '{}' has no tier '{}'", rules.id, expected));
      return;
    }
    if (expected == actual) {
      return;
    }
    result.mismatches.push_back(fmt::format("tier: expected {}, got {}", expected, actual));
    // The reasons of the tier expected, or of the one reached instead.
    const std::string& telling = expected != "none" ? expected : actual;
    const TierResult& reasons = decision.tiers[*rules.tier_index(telling)];
    add_trail(telling, std::string(to_string(reasons.status)), reasons.reasons, result);
  }

  void compare_warnings(const Node& warnings, const Decision& decision, TestCaseResult& result) {
    std::vector<std::string> actual;
    for (const Warning& warning : decision.warnings) {
      actual.push_back(warning.code);
    }
    if (warnings.items.empty() && !actual.empty()) {
      result.mismatches.push_back(
          fmt::format("warnings: expected none, got {}", fmt::join(actual, ", ")));
      for (const Warning& warning : decision.warnings) {
        result.trail.push_back(fmt::format("warning {}: {}", warning.code, warning.message));
      }
    }
    for (const Node& code : warnings.items) {
      if (std::find(actual.begin(), actual.end(), code.text) == actual.end()) {
        result.mismatches.push_back(fmt::format(
            "warnings: expected {}, got {}", code.text,
            actual.empty() ? std::string("none") : fmt::format("{}", fmt::join(actual, ", "))));
      }
    }
  }

  static void add_trail(const std::string& id, const std::string& status,
                        const std::vector<Reason>& reasons, TestCaseResult& result) {
    for (const Reason& reason : reasons) {
      result.trail.push_back(
          fmt::format("{} ({}): {}: {}", id, status, to_string(reason.status), reason.message));
    }
  }

  void undefined(std::string_view code, std::string_view what, const Node::Entry& entry,
                 const std::vector<std::string>& ids) {
    m_diags.error(entry.key_location, std::string(code),
                  fmt::format("the rule set has no {} '{}'{}", what, entry.key,
                              support::did_you_mean(entry.key, ids)));
  }

  const TestOptions& m_options;
  const SharedInputs& m_shared;
  Diagnostics& m_diags;
  std::map<std::string, UsedRules> m_rules;
  std::vector<std::string> m_rules_order;
  std::optional<Geography> m_geography;
  bool m_geography_failed = false;
  std::size_t m_files_read = 0;
  TestReport m_report;
};

}  // namespace
}  // namespace devo::testing

namespace devo {

std::optional<TestReport> run_tests(const std::vector<std::string>& paths,
                                    const TestOptions& options, Diagnostics& diags) {
  const testing::SharedInputs nothing_shared;
  testing::Runner runner(options, nothing_shared, diags);
  for (const std::string& file : testing::case_files(paths)) {
    runner.run_file(file);
  }
  return runner.finish();
}

std::optional<TestReport> testing::run_test_source(const SourceFile& file,
                                                   const TestOptions& options,
                                                   const SharedInputs& shared, Diagnostics& diags) {
  Runner runner(options, shared, diags);
  runner.run_source(file);
  return runner.finish();
}

}  // namespace devo
