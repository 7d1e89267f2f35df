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
  return support::comparison_words(*m_program.rules->find_fact(condition.name), condition,
                                   support::EnumWording::labels);
}

std::string Words::fact_clause(std::uint32_t slot) const {
  const FactDeclaration& fact = m_program.rules->facts[slot];
  const std::string clause = !m_facts.known(slot) ? fmt::format("{} is not given", fact.title)
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
      if (const std::int64_t* upper = m_facts.upper(slot)) {
        return fmt::format("{} to {}", format_integer(value), format_integer(*upper));
      }
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
