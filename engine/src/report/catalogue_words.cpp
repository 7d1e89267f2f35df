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

std::string_view evidence_sign(Evidence evidence) {
  switch (evidence) {
    case Evidence::reconstructed:
      return "⚠";
    case Evidence::secondary:
      return "◐";
    case Evidence::confirmed:
      break;
  }
  return "";
}

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
    return fmt::format("{} {} {}", condition.name, to_string(condition.op), condition.operand.text);
  }
  return support::comparison_words(*fact, condition, support::EnumWording::title_and_labels);
}

}  // namespace devo::report
