#pragma once

#include <devo/decision.hpp>
#include <devo/diagnostic.hpp>
#include <devo/facts.hpp>
#include <devo/ruleset.hpp>
#include <devo/source.hpp>
#include <devo/value.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace devo {

namespace detail {
struct Program;
}

// Loads one rule file: parses the YAML, validates it against
// schemas/ruleset.schema.json, builds the typed model and checks it (unique
// ids, references, no cycles, types). Every problem is reported to `diags`;
// gives nothing if any error was reported.
std::optional<RuleSet> load_ruleset(const SourceFile& source, Diagnostics& diags);

// Loads a facts file (schemas/facts.schema.json) and types its values by the
// facts `rules` declares. A fact the rules do not declare is a warning, a
// value of the wrong type an error; gives nothing if any error was reported.
std::optional<FactInput> load_facts(const SourceFile& source, const RuleSet& rules,
                                    Diagnostics& diags);

// The rule set a `--rules` argument names: a path to a rule file, or the id of
// a rule set built into devo. An unknown id is reported (unknown-ruleset) with
// the ids there are.
std::optional<SourceFile> find_ruleset_source(std::string_view id_or_path, Diagnostics& diags);

// The ids of the built-in rule sets, in order.
std::vector<std::string> builtin_ruleset_ids();

// The id of the built-in rule set in force on `date`: of those in force, the
// one that took effect last. Nothing when none is in force.
std::optional<std::string> builtin_ruleset_in_force(Date date);

struct EvaluateOptions {
  // Build reasons and `settled_by`; off, only statuses are computed.
  bool explain = true;
  // The date the evaluation is for; a rule set not in force then is warned
  // about. Unset means no date check.
  std::optional<Date> as_of;
};

// A rule set compiled for evaluation: facts resolved to slots, named
// conditions shared, enum values interned. Immutable, cheap to copy and safe to
// share between threads; compile once, evaluate as often as you like.
class CompiledRules {
 public:
  // Compiles `rules`, which must have come from load_ruleset().
  explicit CompiledRules(std::shared_ptr<const RuleSet> rules);

  const RuleSet& rules() const;
  Decision evaluate(const FactInput& facts, const EvaluateOptions& options = {}) const;

  // The compiled program, for devo's own modules (rule coverage walks it).
  const detail::Program& program() const { return *m_program; }

 private:
  std::shared_ptr<const detail::Program> m_program;
};

}  // namespace devo
