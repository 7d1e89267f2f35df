#include "compile/program.hpp"

#include <devo/limits.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <variant>

namespace devo::compile {
namespace {

// Rule files hold at most limits::k_max_nodes values, so fewer facts.
static_assert(limits::k_max_nodes <= 0xFFFF, "a fact's slot must fit in Step::slot");

// The scalar slot value of a literal already checked against `fact`.
std::int64_t scalar_of(const FactDeclaration& fact, const Literal& literal) {
  switch (fact.type) {
    case FactType::boolean:
      return literal.boolean ? 1 : 0;
    case FactType::integer:
      return literal.integer;
    case FactType::enumeration: {
      const auto it = std::find_if(fact.values.begin(), fact.values.end(),
                                   [&](const auto& entry) { return entry.first == literal.text; });
      return it - fact.values.begin();
    }
    case FactType::date:
      return Date::parse(literal.text).value_or(Date{}).days;
    case FactType::codes:
      return 0;
  }
  return 0;
}

Op scalar_op(Operator op) {
  switch (op) {
    case Operator::eq:
      return Op::eq;
    case Operator::ne:
      return Op::ne;
    case Operator::in:
      return Op::in;
    case Operator::lt:
      return Op::lt;
    case Operator::lte:
      return Op::lte;
    case Operator::gt:
      return Op::gt;
    case Operator::gte:
      return Op::gte;
    case Operator::exists:
      return Op::exists;
    case Operator::contains:
      return Op::codes_contains;
  }
  return Op::eq;
}

class Compiler {
 public:
  explicit Compiler(std::shared_ptr<const RuleSet> rules) {
    m_program.rules = std::move(rules);
    const RuleSet& model = *m_program.rules;
    for (std::size_t i = 0; i < model.facts.size(); ++i) {
      m_slots.emplace(model.facts[i].name, static_cast<std::uint32_t>(i));
    }
  }

  detail::Program run() {
    const RuleSet& model = *m_program.rules;
    for (const Tier& tier : model.tiers) {
      m_program.tiers.push_back(compile_item(tier.requirements, tier.expectations));
    }
    for (const Power& power : model.powers) {
      m_program.powers.push_back(compile_item(power.requirements, power.expectations));
      m_program.power_tiers.push_back(
          static_cast<std::uint32_t>(model.tier_index(power.tier).value_or(0)));
    }
    for (const Exclusion& exclusion : model.not_applicable) {
      m_program.exclusions.push_back(compile(exclusion.when));
    }
    add_masks();
    add_steps();
    sort_leaves();
    add_power_groups();
    return std::move(m_program);
  }

 private:
  CompiledItem compile_item(const std::vector<Condition>& requirements,
                            const std::vector<Condition>& expectations) {
    CompiledItem item;
    for (const Condition& condition : requirements) {
      item.requirements.push_back(compile(condition));
    }
    for (const Condition& condition : expectations) {
      item.expectations.push_back(compile(condition));
    }
    return item;
  }

  std::uint32_t compile(const Condition& condition) {
    switch (condition.kind) {
      case Condition::Kind::all:
        return compile_parent(condition, Op::all);
      case Condition::Kind::any:
        return compile_parent(condition, Op::any);
      case Condition::Kind::negation:
        return compile_parent(condition, Op::negation);
      case Condition::Kind::reference:
        return compile_reference(condition);
      case Condition::Kind::comparison:
        return compile_comparison(condition);
    }
    return 0;
  }

  std::uint32_t compile_parent(const Condition& condition, Op op) {
    std::vector<std::uint32_t> children;
    for (const Condition& child : condition.children) {
      children.push_back(compile(child));
    }
    Node node;
    node.op = op;
    node.first = static_cast<std::uint32_t>(m_program.children.size());
    node.count = static_cast<std::uint32_t>(children.size());
    node.source = &condition;
    m_program.children.insert(m_program.children.end(), children.begin(), children.end());
    return add(node);
  }

  // Each named condition is compiled once; every reference to it points at
  // the same node, so it is evaluated once per decision.
  std::uint32_t compile_reference(const Condition& condition) {
    const NamedCondition* named = m_program.rules->find_condition(condition.name);
    auto it = m_named.find(named);
    std::uint32_t root = 0;
    if (it == m_named.end()) {
      root = compile(named->when);
      m_named.emplace(named, root);
    } else {
      root = it->second;
    }
    Node node;
    node.op = Op::reference;
    node.first = static_cast<std::uint32_t>(m_program.children.size());
    node.count = 1;
    node.source = &condition;
    node.named = named;
    m_program.children.push_back(root);
    return add(node);
  }

  std::uint32_t compile_comparison(const Condition& condition) {
    const RuleSet& model = *m_program.rules;
    const std::uint32_t slot = m_slots.at(condition.name);
    const FactDeclaration& fact = model.facts[slot];
    Node node;
    node.slot = slot;
    node.source = &condition;
    node.op = scalar_op(condition.op);
    if (condition.op == Operator::exists) {
      node.operand = condition.operand.boolean ? 1 : 0;
    } else if (fact.type == FactType::codes) {
      compile_codes_operand(condition, node);
    } else if (condition.op == Operator::in) {
      std::vector<std::int64_t> values;
      for (const Literal& item : condition.operand.items) {
        values.push_back(scalar_of(fact, item));
      }
      std::sort(values.begin(), values.end());
      node.first = static_cast<std::uint32_t>(m_program.sets.size());
      node.count = static_cast<std::uint32_t>(values.size());
      m_program.sets.insert(m_program.sets.end(), values.begin(), values.end());
      // An enum has few values: membership is then one bit test.
      if (std::all_of(values.begin(), values.end(),
                      [](std::int64_t v) { return v >= 0 && v < 64; })) {
        std::uint64_t mask = 0;
        for (std::int64_t value : values) {
          mask |= std::uint64_t{1} << value;
        }
        node.op = Op::in_small;
        node.operand = static_cast<std::int64_t>(mask);
      }
    } else {
      node.operand = scalar_of(fact, condition.operand);
    }
    return add(node);
  }

  void compile_codes_operand(const Condition& condition, Node& node) {
    if (condition.op != Operator::contains && condition.operand.items.empty()) {
      // "is empty" and "is not empty" (`eq: []`, `ne: []`), the common case,
      // compare the number of codes, which binding puts in the fact's slot:
      // no list is read.
      node.op = condition.op == Operator::eq ? Op::eq : Op::ne;
      node.operand = 0;
      return;
    }
    Codes codes;
    if (condition.op == Operator::contains) {
      codes.push_back(condition.operand.text);
    } else {
      node.op = condition.op == Operator::eq ? Op::codes_eq : Op::codes_ne;
      for (const Literal& item : condition.operand.items) {
        codes.push_back(item.text);
      }
      std::sort(codes.begin(), codes.end());
      codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    }
    node.first = static_cast<std::uint32_t>(m_program.code_sets.size());
    m_program.code_sets.push_back(std::move(codes));
  }

  // The bit-set masks (Program::words): one per all/any node over its
  // children, and one per tier or power over its requirements.
  void add_masks() {
    m_program.words = static_cast<std::uint32_t>((m_program.nodes.size() + 63) / 64);
    m_program.words = std::max<std::uint32_t>(m_program.words, 1);
    for (std::uint32_t i = 0; i < m_program.nodes.size(); ++i) {
      m_program.resolved.push_back(resolve(i));
    }
    for (Node& node : m_program.nodes) {
      if (node.op == Op::all || node.op == Op::any) {
        const auto* child = m_program.children.data() + node.first;
        node.mask = add_mask(std::vector<std::uint32_t>(child, child + node.count));
      }
    }
    for (auto* items : {&m_program.tiers, &m_program.powers}) {
      for (CompiledItem& item : *items) {
        if (!item.requirements.empty()) {
          item.mask = add_mask(item.requirements);
        }
      }
    }
  }

  void add_steps() {
    for (std::uint32_t i = 0; i < m_program.nodes.size(); ++i) {
      const Node& node = m_program.nodes[i];
      switch (node.op) {
        case Op::all:
        case Op::any:
          m_program.combinations.push_back({node.op, i, node.mask});
          break;
        case Op::reference:
          // Evaluation reads the node it stands for (Program::resolved).
          break;
        case Op::negation:
          m_program.combinations.push_back(
              {node.op, i, m_program.resolved[m_program.children[node.first]]});
          break;
        default:
          m_program.leaves.push_back(Leaf{node.op, static_cast<std::uint16_t>(node.slot), i,
                                          node.first,
                                          node.op == Op::in ? node.count : node.operand});
          break;
      }
    }
  }

  void sort_leaves() {
    std::stable_sort(m_program.leaves.begin(), m_program.leaves.end(),
                     [](const Leaf& a, const Leaf& b) { return a.op < b.op; });
    for (std::uint32_t i = 1; i <= m_program.leaves.size(); ++i) {
      if (i == m_program.leaves.size() || m_program.leaves[i].op != m_program.leaves[i - 1].op) {
        m_program.leaf_runs.push_back(i);
      }
    }
  }

  // Two powers with the same tier and the same requirement nodes always have
  // the same status.
  void add_power_groups() {
    std::map<std::pair<std::uint32_t, std::vector<std::uint32_t>>, std::uint32_t> groups;
    for (std::size_t i = 0; i < m_program.powers.size(); ++i) {
      const CompiledItem& power = m_program.powers[i];
      auto key = std::pair(m_program.power_tiers[i], power.requirements);
      auto [it, added] =
          groups.emplace(std::move(key), static_cast<std::uint32_t>(m_program.power_groups.size()));
      if (added) {
        m_program.power_groups.push_back({m_program.power_tiers[i], power.mask});
      }
      m_program.power_group.push_back(it->second);
    }
  }

  // The node a reference stands for: its named condition's root, through
  // references to references.
  std::uint32_t resolve(std::uint32_t node) const {
    while (m_program.nodes[node].op == Op::reference) {
      node = m_program.children[m_program.nodes[node].first];
    }
    return node;
  }

  // Masks name the nodes references stand for, so that references need not
  // be evaluated.
  std::uint32_t add_mask(const std::vector<std::uint32_t>& nodes) {
    const auto offset = static_cast<std::uint32_t>(m_program.masks.size());
    m_program.masks.resize(m_program.masks.size() + m_program.words, 0);
    for (std::uint32_t node : nodes) {
      const std::uint32_t bit = m_program.resolved[node];
      m_program.masks[offset + bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    return offset;
  }

  std::uint32_t add(const Node& node) {
    m_program.nodes.push_back(node);
    return static_cast<std::uint32_t>(m_program.nodes.size() - 1);
  }

  detail::Program m_program;
  std::map<std::string, std::uint32_t, std::less<>> m_slots;
  std::map<const NamedCondition*, std::uint32_t> m_named;
};

}  // namespace

std::shared_ptr<const detail::Program> compile_program(std::shared_ptr<const RuleSet> rules) {
  return std::make_shared<const detail::Program>(Compiler(std::move(rules)).run());
}

BoundFacts bind_facts(const detail::Program& program, const FactInput& facts) {
  const RuleSet& rules = *program.rules;
  BoundFacts bound;
  bound.slots = static_cast<std::uint32_t>(rules.facts.size());
  bound.values.assign(bound.slots + (bound.slots + 63) / 64, 0);
  bound.codes.resize(rules.facts.size());
  bound.notes.assign(rules.facts.size(), nullptr);
  for (std::size_t slot = 0; slot < rules.facts.size(); ++slot) {
    const FactDeclaration& fact = rules.facts[slot];
    if (auto note = facts.notes.find(fact.name); note != facts.notes.end()) {
      bound.notes[slot] = &note->second;
    }
    auto it = facts.values.find(fact.name);
    if (it == facts.values.end()) {
      continue;
    }
    // A value of another type than the declaration's (possible only through
    // the library API) stays unknown rather than being misread.
    const FactValue& value = it->second;
    std::optional<std::int64_t> scalar;
    switch (fact.type) {
      case FactType::boolean:
        if (const bool* flag = std::get_if<bool>(&value)) {
          scalar = *flag ? 1 : 0;
        }
        break;
      case FactType::integer:
        if (const std::int64_t* number = std::get_if<std::int64_t>(&value)) {
          scalar = *number;
        }
        break;
      case FactType::enumeration:
        if (const std::string* text = std::get_if<std::string>(&value)) {
          const auto entry = std::find_if(fact.values.begin(), fact.values.end(),
                                          [&](const auto& pair) { return pair.first == *text; });
          if (entry != fact.values.end()) {
            scalar = entry - fact.values.begin();
          }
        }
        break;
      case FactType::date:
        if (const Date* date = std::get_if<Date>(&value)) {
          scalar = date->days;
        }
        break;
      case FactType::codes:
        if (const Codes* codes = std::get_if<Codes>(&value)) {
          bound.codes[slot] = *codes;
          scalar = static_cast<std::int64_t>(codes->size());
        }
        break;
    }
    if (scalar) {
      bound.values[slot] = *scalar;
      bound.values[bound.slots + slot / 64] |= std::int64_t{1} << (slot % 64);
      if (auto upper = facts.upper.find(fact.name); upper != facts.upper.end() &&
                                                    fact.type == FactType::integer &&
                                                    upper->second != *scalar) {
        bound.ranges.emplace_back(static_cast<std::uint32_t>(slot), upper->second);
      }
    }
  }
  bound.valid = facts.problems.empty();
  return bound;
}

}  // namespace devo::compile
