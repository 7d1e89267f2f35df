#include "support/words.hpp"

#include <fmt/format.h>

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

}  // namespace devo::support
