#pragma once

#include <devo/decision.hpp>
#include <devo/diagnostic.hpp>
#include <devo/evaluation.hpp>
#include <devo/facts.hpp>
#include <devo/ruleset.hpp>
#include <devo/source.hpp>
#include <devo/value.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace devo {

namespace detail {
struct Program;
struct ProgramAccess;
}  // namespace detail

// What a rule file's `extends` may name. A rule file sent to devo serve
// (--allow-rule-upload) may build only on a built-in rule set: no file is
// read for a request.
enum class RuleBases { files_and_builtins, builtins_only };

// Loads one rule file: parses the YAML, validates it against
// schemas/ruleset.schema.json, builds the typed model and checks it (unique
// ids, references, no cycles, types). Every problem is reported to `diags`;
// gives nothing if any error was reported.
std::optional<RuleSet> load_ruleset(const SourceFile& source, Diagnostics& diags,
                                    RuleBases bases = RuleBases::files_and_builtins);

// Loads a facts file (schemas/facts.schema.json) and types its values by the
// facts `rules` declares. A fact the rules do not declare is a warning, a
// value of the wrong type an error; gives nothing if any error was reported.
std::optional<FactInput> load_facts(const SourceFile& source, const RuleSet& rules,
                                    Diagnostics& diags);

// "fact=value" as one of `rules`' facts, typed as a facts file's value is
// (the same checks, the same codes): the value is read as YAML reads a plain
// value — true or false, a whole number, otherwise text (an enum value, a
// date). Problems are reported at `where` (the option or field it came from):
// no '=' (usage), a fact the rules do not declare (undefined-fact, with the
// closest name), a value of the wrong type or out of range.
std::optional<std::pair<std::string, FactValue>> parse_fact_assignment(std::string_view text,
                                                                       const RuleSet& rules,
                                                                       const Location& where,
                                                                       Diagnostics& diags);

// The rule set `id_or_path` names: a path to a rule file, or the id of a rule
// set built into devo. An unknown id is reported (unknown-ruleset) at
// `named_at`, the place the caller read it from, with the ids there are.
std::optional<SourceFile> find_ruleset_source(std::string_view id_or_path, Diagnostics& diags,
                                              const Location& named_at = {});

// Whether `id_or_path` is a rule file's path rather than a built-in id: it
// has a '/' or ends in .yaml or .yml.
bool names_a_rule_file(std::string_view id_or_path);

// The ids of the built-in rule sets, in order.
std::vector<std::string> builtin_ruleset_ids();

// The id of the built-in rule set in force on `date`: of those in force, the
// one that took effect last. Nothing when none is in force.
std::optional<std::string> builtin_ruleset_in_force(Date date);

// A rule set compiled for evaluation: facts resolved to slots, named
// conditions shared, enum values interned. Immutable, cheap to copy and safe to
// share between threads; compile once, evaluate as often as you like.
class CompiledRules {
 public:
  // Compiles `rules`, which must have come from load_ruleset().
  explicit CompiledRules(std::shared_ptr<const RuleSet> rules);

  const RuleSet& rules() const;
  Decision evaluate(const FactInput& facts, const EvaluateOptions& options = {}) const;

  // The fast path, for many subjects: bind each subject's facts once, then
  // decide. Only statuses are computed, and with `reasons`, the requirements
  // that did not hold (Outcome::findings), which name what decided each
  // status without putting it into words; evaluate() gives the words.
  BoundFacts bind(const FactInput& facts) const;
  void decide(const BoundFacts& facts, Outcome& outcome, bool reasons = false) const;

 private:
  // devo's own modules reach the program through compile/access.hpp, which
  // is not installed.
  friend struct detail::ProgramAccess;

  std::shared_ptr<const detail::Program> m_program;
};

}  // namespace devo
