#pragma once

#include <devo/decision.hpp>
#include <devo/diagnostic.hpp>
#include <devo/engine.hpp>
#include <devo/facts.hpp>
#include <devo/geography.hpp>
#include <devo/source.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace devo {

// One side of a diff: a compiled rule set and the date it is evaluated on.
struct DiffSide {
  const CompiledRules& rules;
  Date as_of;
};

// A power whose status differs between the two sides, with the reasons on
// each side. A power only one rule set has is not listed here (see
// SubjectChange::only_from and only_to).
struct PowerChange {
  std::string id;
  PowerStatus from = PowerStatus::unknown;
  PowerStatus to = PowerStatus::unknown;
  std::vector<Reason> from_reasons;
  std::vector<Reason> to_reasons;
};

// A subject whose tier or some power's status changed.
struct SubjectChange {
  Subject subject;
  std::string from_tier;  // the tier id reached, or "" for none
  std::string to_tier;
  std::vector<Reason> from_tier_reasons;  // of the lowest tier not reached, when that explains it
  std::vector<Reason> to_tier_reasons;
  std::vector<PowerChange> powers;
  // Powers of one rule set only, and how many of them are available.
  std::size_t only_from = 0;
  std::size_t only_from_available = 0;
  std::size_t only_to = 0;
  std::size_t only_to_available = 0;
};

// How many subjects reach a tier (as their highest), or have a power
// available, on each side.
struct DiffCount {
  std::string id;
  std::size_t from = 0;
  std::size_t to = 0;
  bool in_from = false;
  bool in_to = false;
};

struct DiffReport {
  std::size_t subjects = 0;
  std::vector<SubjectChange> changes;
  std::vector<DiffCount> tiers;   // "none" first, then the tiers in order
  std::vector<DiffCount> powers;  // the `from` side's powers, then the `to` side's others
};

// Called after each subject, for a progress bar.
using DiffProgress = std::function<void(std::size_t done, std::size_t total)>;

// Evaluates every district, county council, combined authority and the GLA
// (and any `proposals`) under both sides and reports what changed. Problems
// with a proposal file are reported to `diags` and the file is left out.
DiffReport diff_rulesets(const Geography& geography, const DiffSide& from, const DiffSide& to,
                         const std::vector<SourceFile>& proposals, Diagnostics& diags,
                         const DiffProgress& progress = {});

}  // namespace devo
