#include "evaluate/words.hpp"

#include "support/words.hpp"

#include <fmt/format.h>

namespace devo::evaluate {
std::string Words::requirement(std::uint32_t index) const {
  const compile::Node& node = m_program.nodes[index];
  if (node.source != nullptr && !node.source->title.empty()) {
    return node.source->title;
  }
  const auto* children = m_program.children.data() + node.first;
  switch (node.op) {
    case compile::Op::reference:
      return node.named->title;
    case compile::Op::negation:
      return "not " + requirement(children[0]);
    case compile::Op::all:
    case compile::Op::any: {
      std::vector<std::string> parts;
      for (std::uint32_t i = 0; i < node.count; ++i) {
        parts.push_back(requirement(children[i]));
      }
      return support::join_words(parts, node.op == compile::Op::all ? "and" : "or");
    }
    default:
      return comparison(*node.source);
  }
}

std::string Words::comparison(const Condition& condition) const {
  const FactDeclaration& fact = *m_program.rules->find_fact(condition.name);
  const std::string& title = fact.title;
  const Literal& operand = condition.operand;
  if (condition.op == Operator::exists) {
    return operand.boolean ? fmt::format("a known {}", title) : fmt::format("no {}", title);
  }
  if (fact.type == FactType::boolean) {
    const bool wanted = condition.op == Operator::eq ? operand.boolean : !operand.boolean;
    return fact.says.empty()
               ? fmt::format("{}: {}", title, support::bool_words(fact, wanted))
               : "that " + support::state_fact(fact, support::bool_words(fact, wanted));
  }
  if (fact.type == FactType::codes) {
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
  const bool is_date = fact.type == FactType::date;
  const std::string value = literal_words(fact, operand);
  switch (condition.op) {
    case Operator::eq:
      if (fact.type == FactType::enumeration) {
        return value;
      }
      return fmt::format("{} {} {}", title, is_date ? "on" : "of exactly", value);
    case Operator::ne:
      return fmt::format("{} other than {}", title, value);
    case Operator::in:
      if (fact.type == FactType::enumeration) {
        return list_words(fact, operand.items, "or");
      }
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
      return title;
  }
}

std::string Words::literal_words(const FactDeclaration& fact, const Literal& literal) const {
  switch (fact.type) {
    case FactType::integer:
      return format_integer(literal.integer);
    case FactType::enumeration:
      return fact.label_of(literal.text);
    case FactType::boolean:
      return support::bool_words(fact, literal.boolean);
    default:
      return literal.text;
  }
}

std::string Words::list_words(const FactDeclaration& fact, const std::vector<Literal>& items,
                              std::string_view joiner) const {
  std::vector<std::string> parts;
  for (const Literal& item : items) {
    parts.push_back(literal_words(fact, item));
  }
  return support::join_words(parts, joiner);
}

std::string Words::fact_clause(std::uint32_t slot) const {
  const FactDeclaration& fact = m_program.rules->facts[slot];
  const std::string clause = m_facts.known[slot] == 0
                                 ? fmt::format("{} is not given", fact.title)
                                 : support::state_fact(fact, value_words(slot));
  const std::string* note = m_facts.notes[slot];
  return note == nullptr ? clause : fmt::format("{} ({})", clause, *note);
}

std::string Words::value_words(std::uint32_t slot) const {
  const FactDeclaration& fact = m_program.rules->facts[slot];
  const std::int64_t value = m_facts.values[slot];
  switch (fact.type) {
    case FactType::boolean:
      return support::bool_words(fact, value != 0);
    case FactType::integer:
      return format_integer(value);
    case FactType::enumeration:
      return fact.values[static_cast<std::size_t>(value)].second;
    case FactType::date:
      return Date{static_cast<std::int32_t>(value)}.to_string();
    case FactType::codes: {
      const Codes& codes = m_facts.codes[slot];
      return codes.empty() ? "none" : support::join_words(codes, "and");
    }
  }
  return "";
}

}  // namespace devo::evaluate
