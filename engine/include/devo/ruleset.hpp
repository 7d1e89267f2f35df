#pragma once

#include <devo/diagnostic.hpp>
#include <devo/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace devo {

// How sure the rule's source is: read in the primary document, read in a
// reputable secondary summary, or reconstructed and not yet checked.
enum class Evidence { confirmed, secondary, reconstructed };

std::string_view to_string(Evidence evidence);

// A document a rule rests on.
struct Source {
  std::string id;
  std::string title;
  std::string publisher;
  std::string url;
  std::optional<Date> date;
  Location location;
};

// Where in a source a rule is written: document, table or section, page. `via`
// names the secondary sources the rule was actually read in, when the primary
// text was not seen.
struct Citation {
  std::string source;
  std::string section;
  std::string page;
  std::vector<std::string> via;
  Location location;
};

enum class Operator { eq, ne, in, lt, lte, gt, gte, exists, contains };

std::string_view to_string(Operator op);

// A condition tree node. Leaves compare one fact with a value or refer to a
// named condition; inner nodes combine their children.
struct Condition {
  enum class Kind { all, any, negation, reference, comparison };

  Kind kind = Kind::all;
  // Words for what the condition asks for ("a mayoral combined authority");
  // when empty, words are generated from the condition itself.
  std::string title;
  // all, any: the parts; negation: exactly one.
  std::vector<Condition> children;
  // reference: the named condition; comparison: the fact.
  std::string name;
  Location name_location;
  Operator op = Operator::eq;
  Literal operand;
  std::optional<Citation> citation;
  std::optional<Evidence> evidence;
  Location location;
};

// A fact that rules may use. `values` lists an enum's values, or for a bool
// the words for true and false, each with a label used in explanations; `says`
// is how a reason states the fact's value, with "{value}" standing for it.
struct FactDeclaration {
  std::string name;
  FactType type = FactType::boolean;
  std::string title;
  std::string description;
  std::string says;
  std::vector<std::pair<std::string, std::string>> values;
  // For an integer: the bounds a given value must keep to.
  std::optional<std::int64_t> minimum;
  std::optional<std::int64_t> maximum;
  Location location;

  // The label of `value` (an enum value, or "true"/"false"); `value` itself
  // when it has none.
  std::string label_of(std::string_view value) const;
  bool has_value(std::string_view value) const;
};

// A condition defined once and referred to by name (the 2022 framework's `*`
// and `^` flags are two).
struct NamedCondition {
  std::string name;
  std::string title;
  std::string description;
  Condition when;
  std::optional<Citation> citation;
  std::optional<Evidence> evidence;
  Location location;
};

// A deal tier. Tiers are ordered; each holds when its own requirements hold
// and the tier below it holds. Expectations only warn.
struct Tier {
  std::string id;
  std::string title;
  std::string summary;
  std::vector<Condition> requirements;
  std::vector<Condition> expectations;
  Citation citation;
  Evidence evidence = Evidence::reconstructed;
  Location location;
};

// A power (function) that a tier gives, perhaps only under further conditions.
struct Power {
  std::string id;
  std::string title;
  std::string group;
  std::string tier;
  Location tier_location;
  std::string description;
  std::string note;
  // The key under which devo's data records whether a subject holds this
  // power (FactInput::holdings); empty when the data does not record it.
  std::string holding;
  std::vector<Condition> requirements;
  std::vector<Condition> expectations;
  Citation citation;
  Evidence evidence = Evidence::reconstructed;
  Location location;
};

// Subjects a rule set does not apply to: when `when` holds, the evaluation
// reaches no tier and says `reason` in one line, rather than listing failed
// requirements (the 2022 levels were never offered to London).
struct Exclusion {
  Condition when;
  std::string reason;
  Citation citation;
  Evidence evidence = Evidence::reconstructed;
  Location location;
};

// A rule file a rule set was loaded from, and the SHA-256 of its bytes.
struct RuleFile {
  std::string path;
  std::string sha256;
};

// One framework, as loaded from its rule file and, when it `extends` another
// rule set, that one's files too: the base's sources, facts, conditions,
// tiers and powers come first, then the file's own.
struct RuleSet {
  std::string id;
  std::string title;
  std::string summary;
  Date effective_from;
  std::optional<Date> effective_to;
  // The rule set this one builds on (a built-in id or a path), if any.
  std::string extends;
  Location extends_location;
  std::vector<Source> sources;
  std::vector<FactDeclaration> facts;
  std::vector<NamedCondition> conditions;
  std::vector<Tier> tiers;
  std::vector<Power> powers;
  std::vector<Exclusion> not_applicable;

  // The file it came from, every file it was built from (the base's first),
  // and one SHA-256 for them all, for receipts: a single file's own hash, or
  // for several the SHA-256 of their hashes, one per line, in that order.
  std::string file;
  std::vector<RuleFile> files;
  std::string sha256;

  const FactDeclaration* find_fact(std::string_view name) const;
  const NamedCondition* find_condition(std::string_view name) const;
  const Source* find_source(std::string_view id) const;
  // The index of tier `id` in `tiers`, if there is one.
  std::optional<std::size_t> tier_index(std::string_view id) const;
  bool in_force_on(Date date) const;
};

}  // namespace devo
