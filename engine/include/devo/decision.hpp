#pragma once

#include <devo/facts.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace devo {

// Three-valued: a condition over a fact the subject does not supply is
// unknown, not false.
// One byte each: bulk evaluation (Outcome) keeps arrays of them.
enum class Status : std::uint8_t { holds, fails, unknown };
enum class PowerStatus : std::uint8_t { available, unavailable, unknown };

std::string_view to_string(Status status);
std::string_view to_string(PowerStatus status);

// One plain-words reason, naming the facts and values that decided it.
struct Reason {
  Status status = Status::unknown;
  std::string message;
  // True for an expectation, which warns but never decides.
  bool expectation = false;
};

struct TierResult {
  std::string id;
  Status status = Status::unknown;
  std::vector<Reason> reasons;
  // For an unknown status: the facts that would settle it.
  std::vector<std::string> settled_by;
};

struct PowerResult {
  std::string id;
  PowerStatus status = PowerStatus::unknown;
  std::vector<Reason> reasons;
  std::vector<std::string> settled_by;
  // Whether the subject holds the power now, as devo's data records it:
  // separate from `status`, which says whether the rules make it available.
  Holding holding;
};

struct Warning {
  std::string code;
  std::string message;
};

// The outcome of evaluating one subject's facts against one rule set:
// `tiers[i]` and `powers[i]` are the rule set's `tiers[i]` and `powers[i]`.
// Reasons and `settled_by` are only filled when an explanation was asked for.
// A subject the rule set does not apply to (`applicable` false: the GLA under
// the 2022 levels) or that is not valid (a proposal with problems) reaches no
// tier: every tier fails and every power is unavailable, with that as the
// reason.
struct Decision {
  bool applicable = true;
  std::string not_applicable;
  bool valid = true;
  std::vector<Problem> problems;
  // Index into `tiers` of the highest tier that holds, if any.
  std::optional<std::size_t> tier;
  std::vector<TierResult> tiers;
  std::vector<PowerResult> powers;
  std::vector<Warning> warnings;
};

}  // namespace devo
