#include <devo/decision.hpp>
#include <devo/ruleset.hpp>

#include <algorithm>

namespace devo {

std::string_view to_string(Evidence evidence) {
  switch (evidence) {
    case Evidence::confirmed:
      return "confirmed";
    case Evidence::secondary:
      return "secondary";
    case Evidence::reconstructed:
      return "reconstructed";
  }
  return "reconstructed";
}

std::string_view to_string(Operator op) {
  switch (op) {
    case Operator::eq:
      return "eq";
    case Operator::ne:
      return "ne";
    case Operator::in:
      return "in";
    case Operator::lt:
      return "lt";
    case Operator::lte:
      return "lte";
    case Operator::gt:
      return "gt";
    case Operator::gte:
      return "gte";
    case Operator::exists:
      return "exists";
    case Operator::contains:
      return "contains";
  }
  return "eq";
}

std::string_view to_string(Status status) {
  switch (status) {
    case Status::holds:
      return "holds";
    case Status::fails:
      return "fails";
    case Status::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view to_string(PowerStatus status) {
  switch (status) {
    case PowerStatus::available:
      return "available";
    case PowerStatus::unavailable:
      return "unavailable";
    case PowerStatus::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string FactDeclaration::label_of(std::string_view value) const {
  for (const auto& [candidate, label] : values) {
    if (candidate == value) {
      return label;
    }
  }
  return std::string(value);
}

bool FactDeclaration::has_value(std::string_view value) const {
  return std::any_of(values.begin(), values.end(),
                     [value](const auto& entry) { return entry.first == value; });
}

namespace {

template <typename Item, typename Key>
const Item* find_by(const std::vector<Item>& items, std::string_view wanted, Key key) {
  auto it = std::find_if(items.begin(), items.end(),
                         [&](const Item& item) { return item.*key == wanted; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

const FactDeclaration* RuleSet::find_fact(std::string_view name) const {
  return find_by(facts, name, &FactDeclaration::name);
}

const NamedCondition* RuleSet::find_condition(std::string_view name) const {
  return find_by(conditions, name, &NamedCondition::name);
}

const Source* RuleSet::find_source(std::string_view source_id) const {
  return find_by(sources, source_id, &Source::id);
}

std::optional<std::size_t> RuleSet::tier_index(std::string_view tier_id) const {
  const Tier* tier = find_by(tiers, tier_id, &Tier::id);
  if (tier == nullptr) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(tier - tiers.data());
}

bool RuleSet::in_force_on(Date date) const {
  return effective_from <= date && (!effective_to || date <= *effective_to);
}

}  // namespace devo
