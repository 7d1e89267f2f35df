#include "report/catalogue_words.hpp"

#include "report/report_common.hpp"
#include "support/words.hpp"

#include <devo/value.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace devo::report {
namespace {

// A value as the file spells it, for comparisons the checks would reject.
std::string raw_words(const Literal& literal) {
  if (literal.kind != Literal::Kind::list) {
    return literal.text;
  }
  std::vector<std::string> parts;
  for (const Literal& item : literal.items) {
    parts.push_back(raw_words(item));
  }
  return fmt::format("[{}]", join(parts, ", "));
}

// A value of `fact` as people read it: an integer with thousands separators,
// an enum value or a bool by its label.
std::string literal_words(const FactDeclaration& fact, const Literal& literal) {
  switch (fact.type) {
    case FactType::integer:
      return literal.kind == Literal::Kind::integer ? format_integer(literal.integer)
                                                    : literal.text;
    case FactType::enumeration:
      return fact.label_of(literal.text);
    case FactType::boolean:
      return support::bool_words(fact, literal.boolean);
    case FactType::date:
    case FactType::codes:
      break;
  }
  return literal.text;
}

std::string list_words(const FactDeclaration& fact, const std::vector<Literal>& items,
                       std::string_view joiner) {
  std::vector<std::string> parts;
  for (const Literal& item : items) {
    parts.push_back(literal_words(fact, item));
  }
  return support::join_words(parts, joiner);
}

// "that the area is exactly one whole police force area", through the fact's
// `says`; "mayor: has a mayor" without one.
std::string bool_comparison(const FactDeclaration& fact, const std::string& title,
                            const Condition& condition) {
  const bool wanted =
      condition.op == Operator::eq ? condition.operand.boolean : !condition.operand.boolean;
  return fact.says.empty() ? fmt::format("{}: {}", title, support::bool_words(fact, wanted))
                           : "that " + support::state_fact(fact, support::bool_words(fact, wanted));
}

// "no devolution islands", "member councils of exactly A and B".
std::string codes_comparison(const FactDeclaration& fact, const std::string& title,
                             const Condition& condition) {
  const Literal& operand = condition.operand;
  if (condition.op == Operator::contains) {
    return fmt::format("{} including {}", title, operand.text);
  }
  const bool equal = condition.op == Operator::eq;
  if (operand.items.empty()) {
    return equal ? fmt::format("no {}", title) : fmt::format("some {}", title);
  }
  return fmt::format("{} {} {}", title, equal ? "of exactly" : "other than",
                     list_words(fact, operand.items, "and"));
}

// "institution: a combined authority or a combined county authority": the
// labels read as phrases, and the fact's title says what they are of.
std::string enum_comparison(const FactDeclaration& fact, const std::string& title,
                            const Condition& condition) {
  const Literal& operand = condition.operand;
  switch (condition.op) {
    case Operator::eq:
      return fmt::format("{}: {}", title, literal_words(fact, operand));
    case Operator::ne:
      return fmt::format("{} other than {}", title, literal_words(fact, operand));
    case Operator::in:
      return fmt::format("{}: {}", title, list_words(fact, operand.items, "or"));
    default:
      return fmt::format("{} {} {}", title, to_string(condition.op), raw_words(operand));
  }
}

// Integers and dates: "population of at least 500,000", "date of the first
// election before 2020-01-01".
std::string ordered_comparison(const FactDeclaration& fact, const std::string& title,
                               const Condition& condition) {
  const bool is_date = fact.type == FactType::date;
  const Literal& operand = condition.operand;
  const std::string value = literal_words(fact, operand);
  switch (condition.op) {
    case Operator::eq:
      return fmt::format("{} {} {}", title, is_date ? "on" : "of exactly", value);
    case Operator::ne:
      return fmt::format("{} other than {}", title, value);
    case Operator::in:
      return fmt::format("{} {} {}", title, is_date ? "on" : "of",
                         list_words(fact, operand.items, "or"));
    case Operator::lt:
      return fmt::format("{} {} {}", title, is_date ? "before" : "below", value);
    case Operator::lte:
      return fmt::format("{} {} {}", title, is_date ? "on or before" : "of at most", value);
    case Operator::gt:
      return fmt::format("{} {} {}", title, is_date ? "after" : "above", value);
    case Operator::gte:
      return fmt::format("{} {} {}", title, is_date ? "on or after" : "of at least", value);
    default:
      return fmt::format("{} {} {}", title, to_string(condition.op), raw_words(operand));
  }
}

}  // namespace

Inline join_inline(const std::vector<Inline>& items, const Inline& separator) {
  Inline joined;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      joined.append(separator);
    }
    joined.append(items[i]);
  }
  return joined;
}

std::string tier_anchor(std::string_view id) {
  return fmt::format("tier-{}", id);
}
std::string power_anchor(std::string_view id) {
  return fmt::format("power-{}", id);
}
std::string condition_anchor(std::string_view name) {
  return fmt::format("condition-{}", name);
}
std::string fact_anchor(std::string_view name) {
  return fmt::format("fact-{}", name);
}
std::string source_anchor(std::string_view id) {
  return fmt::format("source-{}", id);
}

Inline ConditionWords::words(const Condition& condition) const {
  if (condition.kind == Condition::Kind::reference) {
    return reference(condition);
  }
  if (!condition.title.empty()) {
    return Inline(condition.title);
  }
  return generated(condition);
}

Inline ConditionWords::generated(const Condition& condition) const {
  switch (condition.kind) {
    case Condition::Kind::reference:
      return reference(condition);
    case Condition::Kind::negation:
      return condition.children.empty() ? Inline("not (nothing)")
                                        : Inline("not ").append(part(condition.children[0]));
    case Condition::Kind::all:
    case Condition::Kind::any:
      return compound(condition);
    case Condition::Kind::comparison:
      break;
  }
  return Inline(comparison(condition));
}

// "a combined authority (`combined-authority`)": the reference's own title
// when it has one, else the named condition's.
Inline ConditionWords::reference(const Condition& condition) const {
  const NamedCondition* named = m_rules.find_condition(condition.name);
  std::string title = condition.title;
  if (title.empty() && named != nullptr) {
    title = named->title;
  }
  // fmt rather than "#" + ..., which GCC 12 mistakes for overlapping copies (-Wrestrict).
  const Inline name =
      Inline().code(condition.name, fmt::format("#{}", condition_anchor(condition.name)));
  if (title.empty()) {
    return name;
  }
  return Inline(title).plain(" (").append(name).plain(")");
}

// "all of: a; b", "any of: a; b". Semicolons, since the parts' own words may
// hold commas.
Inline ConditionWords::compound(const Condition& condition) const {
  std::vector<Inline> parts;
  for (const Condition& child : condition.children) {
    parts.push_back(part(child));
  }
  const std::string_view lead = condition.kind == Condition::Kind::all ? "all of: " : "any of: ";
  return Inline(lead).append(join_inline(parts, Inline("; ")));
}

// A part of a larger condition: bracketed when it is itself "all of" or "any
// of" in words, so that it is clear where its parts end.
Inline ConditionWords::part(const Condition& child) const {
  const bool nested = child.title.empty() &&
                      (child.kind == Condition::Kind::all || child.kind == Condition::Kind::any);
  return nested ? Inline("(").append(words(child)).plain(")") : words(child);
}

std::string ConditionWords::comparison(const Condition& condition) const {
  const FactDeclaration* fact = m_rules.find_fact(condition.name);
  if (fact == nullptr) {
    // Rules that were not checked: say what the file says.
    return fmt::format("{} {} {}", condition.name, to_string(condition.op),
                       raw_words(condition.operand));
  }
  const std::string title = fact->title.empty() ? fact->name : fact->title;
  if (condition.op == Operator::exists) {
    return condition.operand.boolean ? fmt::format("a known {}", title)
                                     : fmt::format("no {}", title);
  }
  switch (fact->type) {
    case FactType::boolean:
      return bool_comparison(*fact, title, condition);
    case FactType::codes:
      return codes_comparison(*fact, title, condition);
    case FactType::enumeration:
      return enum_comparison(*fact, title, condition);
    case FactType::integer:
    case FactType::date:
      break;
  }
  return ordered_comparison(*fact, title, condition);
}

}  // namespace devo::report
