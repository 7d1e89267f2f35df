#pragma once

// What the use cases share beyond the public header.

#include <devo/diagnostic.hpp>
#include <devo/engine.hpp>
#include <devo/ruleset.hpp>
#include <devo/value.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace devo::app {

// Of the built-in rule sets in force on `as_of` that have a tier `tier`, the
// one that took effect last; null when none has it.
std::shared_ptr<const RuleSet> builtin_rules_with_tier(std::string_view tier, Date as_of);

// `rules` compiled: the compiled form keep_loaded() kept when `rules` is the
// built-in rule set it loaded, otherwise compiled now.
CompiledRules compiled_rules(const std::shared_ptr<const RuleSet>& rules);

// "file:line:col: message", for a diagnostic carried into a decision's
// warnings.
std::string located_message(const Diagnostic& diagnostic);

}  // namespace devo::app
