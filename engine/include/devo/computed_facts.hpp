#pragma once

#include <devo/value.hpp>

#include <span>
#include <string_view>

// The contract between devo's data and the rules: the facts devo computes for
// every authority, proposal and grouping, and their types. The rule checks
// read it (a rule set that declares one of these facts must give it this
// type); the geography computes them.
namespace devo {

// A fact devo computes from its data for every authority and proposal, with
// its type. Rule sets that declare one of these must give it this type.
struct ComputedFact {
  std::string_view name;
  FactType type;
  std::string_view meaning;
};

// Every fact devo computes.
std::span<const ComputedFact> computed_facts();

}  // namespace devo
