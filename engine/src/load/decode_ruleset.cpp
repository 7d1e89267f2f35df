#include "load/decode.hpp"
#include "load/yaml_document.hpp"
#include "support/suggest.hpp"

#include <devo/codes.hpp>

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace devo::load {

Literal to_literal(const Node& node) {
  Literal literal;
  literal.location = node.location;
  literal.text = node.text;
  switch (node.kind) {
    case Node::Kind::null:
      literal.kind = Literal::Kind::null;
      break;
    case Node::Kind::boolean:
      literal.kind = Literal::Kind::boolean;
      literal.boolean = node.boolean;
      break;
    case Node::Kind::integer:
      literal.kind = Literal::Kind::integer;
      literal.integer = node.integer;
      break;
    case Node::Kind::real:
      literal.kind = Literal::Kind::real;
      literal.real = node.real;
      break;
    case Node::Kind::string:
      literal.kind = Literal::Kind::string;
      break;
    case Node::Kind::sequence:
    case Node::Kind::mapping:
      literal.kind = Literal::Kind::list;
      for (const Node& item : node.items) {
        literal.items.push_back(to_literal(item));
      }
      break;
  }
  return literal;
}

namespace {

constexpr std::array<std::string_view, 5> k_condition_forms = {"all", "any", "not", "condition",
                                                               "fact"};
constexpr std::array<std::pair<std::string_view, Operator>, 9> k_operators = {{
    {"eq", Operator::eq},
    {"ne", Operator::ne},
    {"in", Operator::in},
    {"lt", Operator::lt},
    {"lte", Operator::lte},
    {"gt", Operator::gt},
    {"gte", Operator::gte},
    {"exists", Operator::exists},
    {"contains", Operator::contains},
}};

// The text of a scalar child, or "" when it is absent or not a scalar (the
// schema check has said so already).
std::string text_at(const Node& mapping, std::string_view key) {
  const Node* node = mapping.find(key);
  return node != nullptr && node->is_scalar() && node->kind != Node::Kind::null ? node->text
                                                                                : std::string();
}

std::vector<std::string> texts_at(const Node& mapping, std::string_view key) {
  std::vector<std::string> texts;
  if (const Node* node = mapping.find(key); node != nullptr) {
    for (const Node& item : node->items) {
      if (item.kind == Node::Kind::string) {
        texts.push_back(item.text);
      }
    }
  }
  return texts;
}

class RuleSetDecoder {
 public:
  explicit RuleSetDecoder(Diagnostics& diags) : m_diags(diags) {}

  RuleSet decode(const Node& document) {
    RuleSet rules;
    if (document.kind != Node::Kind::mapping) {
      return rules;
    }
    if (const Node* header = document.find("ruleset")) {
      decode_header(*header, rules);
    }
    if (const Node* sources = document.find("sources")) {
      for (const Node& item : sources->items) {
        if (item.kind == Node::Kind::mapping) {
          rules.sources.push_back(decode_source(item));
        }
      }
    }
    if (const Node* facts = document.find("facts")) {
      for (const Node::Entry& entry : facts->entries) {
        if (entry.value.kind == Node::Kind::mapping) {
          rules.facts.push_back(decode_fact(entry));
        }
      }
    }
    if (const Node* conditions = document.find("conditions")) {
      for (const Node::Entry& entry : conditions->entries) {
        if (entry.value.kind == Node::Kind::mapping) {
          rules.conditions.push_back(decode_named_condition(entry));
        }
      }
    }
    if (const Node* tiers = document.find("tiers")) {
      for (const Node& item : tiers->items) {
        if (item.kind == Node::Kind::mapping) {
          rules.tiers.push_back(decode_tier(item));
        }
      }
    }
    if (const Node* powers = document.find("powers")) {
      for (const Node& item : powers->items) {
        if (item.kind == Node::Kind::mapping) {
          rules.powers.push_back(decode_power(item));
        }
      }
    }
    if (const Node* exclusions = document.find("not_applicable")) {
      for (const Node& item : exclusions->items) {
        if (item.kind == Node::Kind::mapping) {
          rules.not_applicable.push_back(decode_exclusion(item));
        }
      }
    }
    return rules;
  }

 private:
  void decode_header(const Node& header, RuleSet& rules) {
    rules.id = text_at(header, "id");
    rules.title = text_at(header, "title");
    rules.summary = text_at(header, "summary");
    rules.extends = text_at(header, "extends");
    if (const Node* extends = header.find("extends")) {
      rules.extends_location = extends->location;
    }
    const auto from = decode_date(header.find("effective_from"));
    if (from) {
      rules.effective_from = *from;
    }
    rules.effective_to = decode_date(header.find("effective_to"));
    if (from && rules.effective_to && *rules.effective_to < *from) {
      m_diags.error(header.find("effective_to")->location, std::string(codes::effective_dates),
                    fmt::format("the rule set ends ({}) before it starts ({})",
                                rules.effective_to->to_string(), from->to_string()));
    }
  }

  std::optional<Date> decode_date(const Node* node) {
    if (node == nullptr || node->kind != Node::Kind::string) {
      return std::nullopt;
    }
    return parse_date(node->text, node->location, m_diags);
  }

  Source decode_source(const Node& node) {
    Source source;
    source.id = text_at(node, "id");
    source.title = text_at(node, "title");
    source.publisher = text_at(node, "publisher");
    source.url = text_at(node, "url");
    source.date = decode_date(node.find("date"));
    source.location = node.location;
    return source;
  }

  FactDeclaration decode_fact(const Node::Entry& entry) {
    FactDeclaration fact;
    fact.name = entry.key;
    fact.location = entry.key_location;
    const Node& node = entry.value;
    fact.type = fact_type_from_string(text_at(node, "type")).value_or(FactType::boolean);
    fact.title = text_at(node, "title");
    fact.description = text_at(node, "description");
    fact.says = text_at(node, "says");
    for (auto [key, bound] :
         {std::pair{"minimum", &fact.minimum}, std::pair{"maximum", &fact.maximum}}) {
      if (const Node* value = node.find(key);
          value != nullptr && value->kind == Node::Kind::integer) {
        *bound = value->integer;
      }
    }
    if (const Node* values = node.find("values")) {
      for (const Node::Entry& value : values->entries) {
        fact.values.emplace_back(value.key, value.value.text);
      }
    }
    return fact;
  }

  NamedCondition decode_named_condition(const Node::Entry& entry) {
    NamedCondition named;
    named.name = entry.key;
    named.location = entry.key_location;
    const Node& node = entry.value;
    named.title = text_at(node, "title");
    named.description = text_at(node, "description");
    if (const Node* when = node.find("when")) {
      named.when = decode_condition(*when).value_or(Condition{});
    }
    named.citation = decode_citation(node.find("citation"));
    named.evidence = decode_evidence(node);
    return named;
  }

  Tier decode_tier(const Node& node) {
    Tier tier;
    tier.id = text_at(node, "id");
    tier.title = text_at(node, "title");
    tier.summary = text_at(node, "summary");
    tier.requirements = decode_conditions(node.find("requires"));
    tier.expectations = decode_conditions(node.find("expects"));
    tier.citation = decode_citation(node.find("citation")).value_or(Citation{});
    tier.evidence = decode_evidence(node).value_or(Evidence::reconstructed);
    tier.location = node.location;
    return tier;
  }

  Power decode_power(const Node& node) {
    Power power;
    power.id = text_at(node, "id");
    power.title = text_at(node, "title");
    power.group = text_at(node, "group");
    power.tier = text_at(node, "tier");
    if (const Node* tier = node.find("tier")) {
      power.tier_location = tier->location;
    }
    power.description = text_at(node, "description");
    power.note = text_at(node, "note");
    power.holding = text_at(node, "holding");
    power.requirements = decode_conditions(node.find("requires"));
    power.expectations = decode_conditions(node.find("expects"));
    power.citation = decode_citation(node.find("citation")).value_or(Citation{});
    power.evidence = decode_evidence(node).value_or(Evidence::reconstructed);
    power.location = node.location;
    return power;
  }

  Exclusion decode_exclusion(const Node& node) {
    Exclusion exclusion;
    if (const Node* when = node.find("when")) {
      exclusion.when = decode_condition(*when).value_or(Condition{});
    }
    exclusion.reason = text_at(node, "reason");
    exclusion.citation = decode_citation(node.find("citation")).value_or(Citation{});
    exclusion.evidence = decode_evidence(node).value_or(Evidence::reconstructed);
    exclusion.location = node.location;
    return exclusion;
  }

  std::optional<Citation> decode_citation(const Node* node) {
    if (node == nullptr || node->kind != Node::Kind::mapping) {
      return std::nullopt;
    }
    Citation citation;
    citation.source = text_at(*node, "source");
    citation.section = text_at(*node, "section");
    citation.page = text_at(*node, "page");
    citation.via = texts_at(*node, "via");
    citation.location = node->location;
    return citation;
  }

  static std::optional<Evidence> decode_evidence(const Node& node) {
    const std::string text = text_at(node, "evidence");
    for (Evidence evidence : {Evidence::confirmed, Evidence::secondary, Evidence::reconstructed}) {
      if (to_string(evidence) == text) {
        return evidence;
      }
    }
    return std::nullopt;
  }

  std::vector<Condition> decode_conditions(const Node* list) {
    std::vector<Condition> conditions;
    if (list == nullptr) {
      return conditions;
    }
    for (const Node& item : list->items) {
      if (auto condition = decode_condition(item)) {
        conditions.push_back(std::move(*condition));
      }
    }
    return conditions;
  }

  std::optional<Condition> decode_condition(const Node& node) {
    Condition condition;
    condition.location = node.location;
    if (node.kind == Node::Kind::string) {
      condition.kind = Condition::Kind::reference;
      condition.name = node.text;
      condition.name_location = node.location;
      return condition;
    }
    if (node.kind != Node::Kind::mapping) {
      return std::nullopt;
    }
    condition.title = text_at(node, "title");
    condition.citation = decode_citation(node.find("citation"));
    condition.evidence = decode_evidence(node);

    std::vector<std::string> forms;
    for (std::string_view form : k_condition_forms) {
      if (node.find(form) != nullptr) {
        forms.emplace_back(form);
      }
    }
    std::vector<const Node::Entry*> operators;
    for (const auto& [name, op] : k_operators) {
      if (const Node::Entry* entry = node.find_entry(name)) {
        operators.push_back(entry);
      }
    }
    if (forms.size() != 1) {
      report_forms(node, forms);
      return std::nullopt;
    }
    const std::string& form = forms.front();
    if (form != "fact" && !operators.empty()) {
      m_diags.error(operators.front()->key_location, std::string(codes::condition_form),
                    fmt::format("'{}' compares a fact, so it needs 'fact' beside it, not '{}'",
                                operators.front()->key, form));
      return std::nullopt;
    }
    if (form == "all" || form == "any") {
      condition.kind = form == "all" ? Condition::Kind::all : Condition::Kind::any;
      condition.children = decode_conditions(node.find(form));
      return condition;
    }
    if (form == "not") {
      condition.kind = Condition::Kind::negation;
      auto child = decode_condition(*node.find("not"));
      if (!child) {
        return std::nullopt;
      }
      condition.children.push_back(std::move(*child));
      return condition;
    }
    const Node& name = *node.find(form);
    condition.name = name.text;
    condition.name_location = name.location;
    if (form == "condition") {
      condition.kind = Condition::Kind::reference;
      return condition;
    }
    condition.kind = Condition::Kind::comparison;
    if (operators.size() != 1) {
      report_operators(node, name.text, operators);
      return std::nullopt;
    }
    const Node::Entry& op = *operators.front();
    for (const auto& [word, value] : k_operators) {
      if (word == op.key) {
        condition.op = value;
      }
    }
    condition.operand = to_literal(op.value);
    return condition;
  }

  void report_forms(const Node& node, const std::vector<std::string>& forms) {
    if (forms.empty()) {
      m_diags.error(node.location, std::string(codes::condition_form),
                    "a condition needs one of 'all', 'any', 'not', 'condition' or 'fact'");
      return;
    }
    m_diags.error(node.find_entry(forms[1])->key_location, std::string(codes::condition_form),
                  fmt::format("a condition has {}; it needs exactly one of 'all', 'any', 'not', "
                              "'condition' or 'fact' (nest them with 'all' to combine)",
                              support::quoted_list(forms, "and")));
  }

  void report_operators(const Node& node, const std::string& fact,
                        const std::vector<const Node::Entry*>& operators) {
    if (operators.empty()) {
      m_diags.error(node.location, std::string(codes::condition_form),
                    fmt::format("the comparison of fact '{}' needs an operator: eq, ne, in, lt, "
                                "lte, gt, gte, exists or contains",
                                fact));
      return;
    }
    std::vector<std::string> names;
    for (const Node::Entry* entry : operators) {
      names.push_back(entry->key);
    }
    m_diags.error(operators[1]->key_location, std::string(codes::condition_form),
                  fmt::format("the comparison of fact '{}' has {} operators ({}); it needs "
                              "exactly one (combine comparisons with 'all')",
                              fact, names.size(), support::quoted_list(names, "and")));
  }

  Diagnostics& m_diags;
};

}  // namespace

RuleSet decode_ruleset(const Node& document, Diagnostics& diags) {
  return RuleSetDecoder(diags).decode(document);
}

namespace {

// Where the top-level key after `ruleset:` starts, if the file has one.
std::optional<std::size_t> end_of_header(std::string_view text) {
  bool in_header = false;
  std::size_t line = 0;
  while (line < text.size()) {
    const std::size_t end = std::min(text.find('\n', line), text.size());
    const std::string_view content = text.substr(line, end - line);
    const bool top_level_key = !content.empty() && content.front() != ' ' &&
                               content.front() != '#' && content.front() != '-' &&
                               content.front() != '\r';
    if (top_level_key) {
      if (in_header) {
        return line;
      }
      in_header = content.starts_with("ruleset:");
    }
    line = end + 1;
  }
  return std::nullopt;
}

}  // namespace

std::optional<RuleSet> decode_ruleset_header(const SourceFile& file) {
  const auto end = end_of_header(*file.text);
  if (!end) {
    return std::nullopt;
  }
  Diagnostics diags;
  const auto document =
      parse_yaml(SourceFile::from_text(file.name, file.text->substr(0, *end)), diags);
  if (!document || diags.has_errors()) {
    return std::nullopt;
  }
  RuleSet header = decode_ruleset(*document, diags);
  if (diags.has_errors() || header.id.empty()) {
    return std::nullopt;
  }
  return header;
}

namespace {

// Appends `own` after `base`'s items and leaves the whole in `own`.
template <typename Item>
void append_to_base(std::vector<Item>& base, std::vector<Item>& own) {
  base.insert(base.end(), std::make_move_iterator(own.begin()), std::make_move_iterator(own.end()));
  own = std::move(base);
}

}  // namespace

RuleSet merge(RuleSet base, RuleSet rules) {
  // The base's items are moved, not copied, and only `rules`'s own are
  // appended: merging a chain of files one by one costs time in proportion to
  // the whole, not to its square.
  append_to_base(base.sources, rules.sources);
  append_to_base(base.facts, rules.facts);
  append_to_base(base.conditions, rules.conditions);
  append_to_base(base.tiers, rules.tiers);
  append_to_base(base.powers, rules.powers);
  append_to_base(base.not_applicable, rules.not_applicable);
  append_to_base(base.files, rules.files);
  return rules;
}

}  // namespace devo::load
