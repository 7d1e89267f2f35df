#include "check/check.hpp"
#include "support/suggest.hpp"

#include <devo/codes.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace devo {
namespace check {
namespace {

class FactTyper {
 public:
  FactTyper(const RuleSet& rules, Diagnostics& diags) : m_rules(rules), m_diags(diags) {}

  std::optional<FactValue> type(const FactDeclaration& fact, const Literal& value) {
    switch (fact.type) {
      case FactType::boolean:
        if (value.kind == Literal::Kind::boolean) {
          return value.boolean;
        }
        return mismatch(fact, value, "true or false");
      case FactType::integer:
        if (value.kind != Literal::Kind::integer) {
          return mismatch(fact, value, "a whole number");
        }
        return type_integer(fact, value);
      case FactType::enumeration:
        return type_enum(fact, value);
      case FactType::date:
        return type_date(fact, value);
      case FactType::codes:
        return type_codes(fact, value);
    }
    return std::nullopt;
  }

  std::vector<std::string> declared_names() const {
    std::vector<std::string> names;
    for (const FactDeclaration& fact : m_rules.facts) {
      names.push_back(fact.name);
    }
    return names;
  }

 private:
  std::optional<FactValue> type_integer(const FactDeclaration& fact, const Literal& value) {
    if ((fact.minimum && value.integer < *fact.minimum) ||
        (fact.maximum && value.integer > *fact.maximum)) {
      const std::string range = fact.minimum && fact.maximum
                                    ? fmt::format("from {} to {}", *fact.minimum, *fact.maximum)
                                : fact.minimum ? fmt::format("at least {}", *fact.minimum)
                                               : fmt::format("at most {}", *fact.maximum);
      m_diags.error(value.location, std::string(codes::invalid_value),
                    fmt::format("fact '{}' must be {}, not {}", fact.name, range, value.integer));
      return std::nullopt;
    }
    return value.integer;
  }

  std::optional<FactValue> type_enum(const FactDeclaration& fact, const Literal& value) {
    if (value.kind != Literal::Kind::string) {
      return mismatch(fact, value, "one of its values");
    }
    if (!fact.has_value(value.text)) {
      std::vector<std::string> values;
      for (const auto& [name, label] : fact.values) {
        values.push_back(name);
      }
      m_diags.error(value.location, std::string(codes::unknown_enum_value),
                    fmt::format("'{}' is not a value of '{}'{}; its values are {}", value.text,
                                fact.name, support::did_you_mean(value.text, values),
                                support::quoted_list(values, "and")));
      return std::nullopt;
    }
    return value.text;
  }

  std::optional<FactValue> type_date(const FactDeclaration& fact, const Literal& value) {
    if (value.kind != Literal::Kind::string) {
      return mismatch(fact, value, "a date (YYYY-MM-DD)");
    }
    auto date = parse_date(value.text, value.location, m_diags);
    if (!date) {
      return std::nullopt;
    }
    return *date;
  }

  std::optional<FactValue> type_codes(const FactDeclaration& fact, const Literal& value) {
    if (value.kind != Literal::Kind::list) {
      return mismatch(fact, value, "a list of codes");
    }
    Codes codes;
    for (const Literal& item : value.items) {
      if (item.kind != Literal::Kind::string) {
        return mismatch(fact, item, "a code");
      }
      codes.push_back(item.text);
    }
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    return codes;
  }

  std::optional<FactValue> mismatch(const FactDeclaration& fact, const Literal& value,
                                    std::string_view expected) {
    m_diags.error(value.location, std::string(codes::wrong_type),
                  fmt::format("fact '{}' ({}) needs {}, not {}", fact.name, to_string(fact.type),
                              expected, describe(value)));
    return std::nullopt;
  }

  const RuleSet& m_rules;
  Diagnostics& m_diags;
};

// Text as YAML's core schema reads a plain scalar, for the kinds a fact takes.
Literal literal_from_text(std::string_view text, const Location& where) {
  Literal literal;
  literal.location = where;
  if (text == "true" || text == "false") {
    literal.kind = Literal::Kind::boolean;
    literal.boolean = text == "true";
    return literal;
  }
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (!text.empty() && error == std::errc() && end == text.data() + text.size()) {
    literal.kind = Literal::Kind::integer;
    literal.integer = number;
    return literal;
  }
  literal.kind = Literal::Kind::string;
  literal.text = std::string(text);
  return literal;
}

}  // namespace

std::optional<std::pair<std::string, FactValue>> parse_fact_assignment(std::string_view text,
                                                                       const RuleSet& rules,
                                                                       const Location& where,
                                                                       Diagnostics& diags) {
  const auto equals = text.find('=');
  if (equals == std::string_view::npos) {
    diags.error(where, std::string(codes::usage),
                fmt::format("'{}' is not of the form fact=value", text));
    return std::nullopt;
  }
  const std::string name(text.substr(0, equals));
  check::FactTyper typer(rules, diags);
  const FactDeclaration* fact = rules.find_fact(name);
  if (fact == nullptr) {
    diags.error(where, std::string(codes::undefined_fact),
                fmt::format("{} declares no fact '{}'{}", rules.id, name,
                            support::did_you_mean(name, typer.declared_names())));
    return std::nullopt;
  }
  auto value = typer.type(*fact, check::literal_from_text(text.substr(equals + 1), where));
  if (!value) {
    return std::nullopt;
  }
  return std::pair{name, std::move(*value)};
}

std::optional<FactInput> check_facts(const load::RawFacts& raw, const RuleSet& rules,
                                     Diagnostics& diags) {
  const std::size_t errors_before = diags.error_count();
  FactTyper typer(rules, diags);
  FactInput input;
  input.subject = raw.subject;
  for (const load::RawFact& fact : raw.facts) {
    const FactDeclaration* declaration = rules.find_fact(fact.name);
    if (declaration == nullptr) {
      diags.warning(
          fact.location, std::string(codes::unknown_fact),
          fmt::format("rule set '{}' has no fact '{}'{}; it is ignored", rules.id, fact.name,
                      support::did_you_mean(fact.name, typer.declared_names())));
      continue;
    }
    if (auto value = typer.type(*declaration, fact.value)) {
      input.values.emplace(fact.name, std::move(*value));
    }
  }
  if (diags.error_count() > errors_before) {
    return std::nullopt;
  }
  return input;
}

}  // namespace check
}  // namespace devo
