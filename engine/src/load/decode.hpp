#pragma once

#include "load/document.hpp"

#include <devo/diagnostic.hpp>
#include <devo/facts.hpp>
#include <devo/ruleset.hpp>
#include <devo/source.hpp>

#include <optional>
#include <string>
#include <vector>

namespace devo::load {

// Builds the typed rule model from a rule file's document. It runs after the
// schema check and copes with whatever shape it finds: parts the schema
// already reported are skipped without a second message. It reports what a
// schema cannot say well: a condition with none or several forms or operators
// (condition-form), dates that are not on the calendar (invalid-date) and a
// rule set that ends before it starts (effective-dates).
RuleSet decode_ruleset(const Node& document, Diagnostics& diags);

// The header of a rule file (its `ruleset:` mapping: id, dates, extends),
// read from the text up to the next top-level key, without parsing the rest:
// enough to choose among the built-in rule sets quickly. Nothing when the
// header cannot be read that way; load the whole file then.
std::optional<RuleSet> decode_ruleset_header(const SourceFile& file);

// The rule set `rules` builds on (`extends`), with `rules`'s own parts after
// its base's. Linear in `rules`'s own parts: the base's are moved.
RuleSet merge(RuleSet base, RuleSet rules);

// One fact as a facts file gives it, before it is typed by a rule set.
struct RawFact {
  std::string name;
  Location location;
  Literal value;
};

struct RawFacts {
  Subject subject;
  std::vector<RawFact> facts;
};

// Reads a facts file's document (already checked against the facts schema).
RawFacts decode_facts(const Node& document);

// A text of a proposal file and where it is written.
struct Located {
  std::string text;
  Location location;
};

struct RawAssertion {
  RawFact fact;
  std::string evidence;
};

// A proposal file as written (schemas/proposal.schema.json), before its
// councils are looked up.
struct RawProposal {
  Located name;
  Located institution;
  Located mayor;
  std::vector<Located> councils;
  Location councils_location;
  std::optional<Located> mayor_first_elected;
  // Existing institutions the proposal would reshape, by name, id or code.
  std::vector<Located> reshapes;
  std::vector<RawAssertion> assertions;
  std::vector<RawFact> facts;
};

// Reads a proposal file's document (already checked against its schema).
RawProposal decode_proposal(const Node& document);

// A node as a literal value: scalars as they are, a list of scalars as a list.
Literal to_literal(const Node& node);

}  // namespace devo::load
