#pragma once

#include <devo/decision.hpp>
#include <devo/facts.hpp>
#include <devo/ruleset.hpp>

#include <string>
#include <vector>

namespace devo {

// The formats of other rules engines that devo can write its rules in, so
// that they can be run side by side with devo on the same facts.
enum class ExportFormat {
  // JsonLogic (jsonlogic.com), as json-logic-js and json-logic-engine run it.
  json_logic,
  // json-rules-engine: one rule per power, named conditions shared through
  // its condition references.
  json_rules_engine,
};

// A subject to export with the decision devo reached on it, so that whoever
// runs the exported rules can check that they give the same statuses.
struct ExportedSubject {
  const FactInput& facts;
  const Decision& decision;
};

// Writes `rules` in `format` as one JSON document (docs/export.md): every tier
// (it holds when its requirements and the tier below hold) and every power (it
// is available when its tier holds and its requirements hold), each also as
// the list of conditions that decide it, for engines that explain by listing
// the conditions that failed; then the subjects, each with its facts and
// devo's statuses.
//
// The other engines are two-valued: a fact devo does not know is written as
// null, and they treat a condition over it as false where devo says unknown.
// Their statuses match devo's only for subjects whose facts are all known,
// which the document marks (`complete`). Expectations only warn in devo and
// are left out. Dates are written as days since 1970-01-01, so that every
// engine compares them as numbers.
std::string export_rules(const RuleSet& rules, ExportFormat format,
                         const std::vector<ExportedSubject>& subjects);

}  // namespace devo
