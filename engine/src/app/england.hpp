#pragma once

#include <devo/app.hpp>

namespace devo::app {

// Every authority of `england` (Geography::authority_codes) evaluated under
// `rules` on `as_of`, without reasons; the receipt is left to the caller.
EnglandEvaluation evaluate_every_authority(const Geography& england,
                                           std::shared_ptr<const RuleSet> rules, Date as_of,
                                           Diagnostics& diags);

// Reports undefined-power at `power` when it is not a power of both `from`
// and `to`, suggesting one they share; true when it did.
bool reports_unshared_power(const RuleSet& from, const RuleSet& to, const Given& power,
                            Diagnostics& diags);

}  // namespace devo::app
