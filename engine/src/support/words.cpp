#include "support/words.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace devo::support {

std::string join_words(const std::vector<std::string>& words, std::string_view last_joiner) {
  std::string text;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) {
      text += i + 1 == words.size() ? fmt::format(" {} ", last_joiner) : ", ";
    }
    text += words[i];
  }
  return text;
}

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
  return fmt::format("[{}]", fmt::join(parts, ", "));
}

std::string list_words(const FactDeclaration& fact, const std::vector<Literal>& items,
                       std::string_view joiner) {
  std::vector<std::string> parts;
  for (const Literal& item : items) {
    parts.push_back(literal_words(fact, item));
  }
  return join_words(parts, joiner);
}

// "that the area is exactly one whole police force area", through the fact's
// `says`; "mayor: has a mayor" without one.
std::string bool_comparison(const FactDeclaration& fact, const std::string& title,
                            const Condition& condition) {
  const bool wanted =
      condition.op == Operator::eq ? condition.operand.boolean : !condition.operand.boolean;
  return fact.says.empty() ? fmt::format("{}: {}", title, bool_words(fact, wanted))
                           : "that " + state_fact(fact, bool_words(fact, wanted));
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
                            const Condition& condition, EnumWording enums) {
  const Literal& operand = condition.operand;
  const std::string prefix = enums == EnumWording::labels ? "" : title + ": ";
  switch (condition.op) {
    case Operator::eq:
      return prefix + literal_words(fact, operand);
    case Operator::ne:
      return fmt::format("{} other than {}", title, literal_words(fact, operand));
    case Operator::in:
      return prefix + list_words(fact, operand.items, "or");
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

std::string literal_words(const FactDeclaration& fact, const Literal& literal) {
  switch (fact.type) {
    case FactType::integer:
      return literal.kind == Literal::Kind::integer ? format_integer(literal.integer)
                                                    : literal.text;
    case FactType::enumeration:
      return fact.label_of(literal.text);
    case FactType::boolean:
      return bool_words(fact, literal.boolean);
    case FactType::date:
    case FactType::codes:
      break;
  }
  return literal.text;
}

std::string comparison_words(const FactDeclaration& fact, const Condition& condition,
                             EnumWording enums) {
  const std::string title = fact.title.empty() ? fact.name : fact.title;
  if (condition.op == Operator::exists) {
    return condition.operand.boolean ? fmt::format("a known {}", title)
                                     : fmt::format("no {}", title);
  }
  switch (fact.type) {
    case FactType::boolean:
      return bool_comparison(fact, title, condition);
    case FactType::codes:
      return codes_comparison(fact, title, condition);
    case FactType::enumeration:
      return enum_comparison(fact, title, condition, enums);
    case FactType::integer:
    case FactType::date:
      break;
  }
  return ordered_comparison(fact, title, condition);
}

std::string bool_words(const FactDeclaration& fact, bool value) {
  const std::string_view key = value ? "true" : "false";
  return fact.has_value(key) ? fact.label_of(key) : (value ? "yes" : "no");
}

std::string state_fact(const FactDeclaration& fact, const std::string& value) {
  if (fact.says.empty()) {
    return fmt::format("{} is {}", fact.title, value);
  }
  std::string text = fact.says;
  const std::string_view placeholder = "{value}";
  for (std::size_t at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at + value.size())) {
    text.replace(at, placeholder.size(), value);
  }
  return text;
}

std::optional<char> first_control_character(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      return c;
    }
  }
  return std::nullopt;
}

std::string escaped_byte(char byte) {
  return fmt::format("\\x{:02X}", static_cast<unsigned char>(byte));
}

}  // namespace devo::support
