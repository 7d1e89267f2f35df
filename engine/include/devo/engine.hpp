#pragma once

#include <devo/decision.hpp>
#include <devo/diagnostic.hpp>
#include <devo/facts.hpp>
#include <devo/ruleset.hpp>
#include <devo/source.hpp>
#include <devo/value.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
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

struct EvaluateOptions {
  // Build reasons and `settled_by`; off, only statuses are computed.
  bool explain = true;
  // The date the evaluation is for; a rule set not in force then is warned
  // about. Unset means no date check.
  std::optional<Date> as_of;
};

// A subject's facts laid out in the slots of one compiled rule set (see
// CompiledRules::bind), so that they can be evaluated many times without a
// name being looked up. Fact i of the rule set is slot i.
struct BoundFacts {
  // One value per slot: bool 0/1, integer, enum value index, date as days
  // since 1970-01-01; for a list of codes, how many. Then, after the slots,
  // one bit per slot saying whether the fact is known (an unknown fact makes
  // conditions over it unknown): in the same block, so that deciding for a
  // subject reads one place in memory, not two.
  std::vector<std::int64_t> values;
  std::uint32_t slots = 0;
  bool known(std::size_t slot) const {
    const auto bits = static_cast<std::uint64_t>(values[slots + slot / 64]);
    return ((bits >> (slot % 64)) & 1) != 0;
  }
  // The codes of a list-of-codes fact.
  std::vector<Codes> codes;
  // The words that explain a computed fact (FactInput::notes), or null; they
  // point into the FactInput bound, which must outlive them.
  std::vector<const std::string*> notes;
  // Integer facts known only to lie in a range (FactInput::upper): the slot
  // and the range's upper bound; `values` holds the lower. Nearly always
  // empty.
  std::vector<std::pair<std::uint32_t, std::int64_t>> ranges;
  const std::int64_t* upper(std::size_t slot) const {
    for (const auto& [ranged, bound] : ranges) {
      if (ranged == slot) {
        return &bound;
      }
    }
    return nullptr;
  }
  // False for a subject with problems (FactInput::problems): it reaches no
  // tier.
  bool valid = true;
};

// A requirement of a tier or power that did not hold: its index in the
// tier's or power's `requirements`, or k_tier for "the tier below (for a
// tier) or the power's tier (for a power) does not hold".
struct Finding {
  static constexpr std::uint32_t k_tier = 0xFFFFFFFF;
  std::uint32_t requirement = k_tier;
  Status status = Status::unknown;
};

// The statuses of one evaluation, for evaluating in bulk (CompiledRules::
// decide): its storage is kept from one call to the next, so that a loop
// over many subjects allocates nothing after the first.
struct Outcome {
  // Index into `tiers` of the highest tier that holds, if any.
  std::optional<std::size_t> tier;
  std::vector<Status> tiers;
  std::vector<PowerStatus> powers;
  // With reasons asked for: for each tier, then each power, the requirements
  // that did not hold, the item's own in order after its tier. Those of item i
  // (tiers first, then powers) are findings[finding_ends[i-1] .. finding_ends[i]).
  std::vector<Finding> findings;
  std::vector<std::uint32_t> finding_ends;
  // The working space of an evaluation: every condition node's status, as
  // bit sets.
  std::vector<std::uint64_t> bits;
  // False when the subject is not valid; `excluded` names the rule set's
  // not_applicable entry that holds for it, if one does. Either way no tier
  // holds and no power is available.
  bool valid = true;
  std::optional<std::size_t> excluded;

  // The findings of tier `tier`, or of power `power`.
  std::span<const Finding> tier_findings(std::size_t index) const;
  std::span<const Finding> power_findings(std::size_t power) const;
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

  // The fast path, for many subjects: bind each subject's facts once, then
  // decide. Only statuses are computed, and with `reasons`, the requirements
  // that did not hold (Outcome::findings), which name what decided each
  // status without putting it into words; evaluate() gives the words.
  BoundFacts bind(const FactInput& facts) const;
  void decide(const BoundFacts& facts, Outcome& outcome, bool reasons = false) const;

  // The compiled program, for devo's own modules (rule coverage walks it).
  const detail::Program& program() const { return *m_program; }

 private:
  std::shared_ptr<const detail::Program> m_program;
};

}  // namespace devo
