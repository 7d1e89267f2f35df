#pragma once

#include <string>
#include <string_view>

#include <devo/decision.hpp>
#include <devo/diagnostic.hpp>
#include <devo/facts.hpp>
#include <devo/ruleset.hpp>
#include <devo/value.hpp>

namespace devo {

// What is needed to reproduce a decision later.
struct Receipt {
  std::string ruleset;
  std::string ruleset_sha256;
  std::string devo_version;
  Date as_of;
};

// Everything a report of one evaluation shows.
struct Evaluation {
  Receipt receipt;
  const RuleSet& rules;
  const FactInput& facts;
  const Decision& decision;
};

enum class OutputFormat { text, json, markdown };

struct TextStyle {
  // ANSI colours, for a terminal.
  bool colour = false;
};

// Renders an evaluation. JSON follows the contract in docs/output.md.
std::string render_evaluation(const Evaluation& evaluation, OutputFormat format,
                              const TextStyle& style = {});

// Renders diagnostics like a compiler: `file:line:col: error: message [code]`,
// the offending line and a caret (text), or as a JSON array.
std::string render_diagnostics(const Diagnostics& diags, OutputFormat format,
                               const TextStyle& style = {});

}  // namespace devo
