#pragma once

#include <devo/decision.hpp>
#include <devo/facts.hpp>
#include <devo/report.hpp>
#include <devo/ruleset.hpp>
#include <devo/value.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// What the text, JSON and Markdown renderers share: the per-format entry points
// behind render_evaluation(), colours, and the words for facts, statuses and
// citations, so that text and Markdown say the same thing the same way.
namespace devo::report {

// The renderers render_evaluation() dispatches to, one per format.
std::string render_text(const Evaluation& evaluation, const TextStyle& style);
std::string render_json(const Evaluation& evaluation);
std::string render_markdown(const Evaluation& evaluation);
std::string render_csv(const Evaluation& evaluation);

// The ANSI colours and weights the reports use.
enum class Colour { bold, dim, red, green, yellow, magenta, cyan };

// `text` between the escape codes for `colour` when `style` asks for colour;
// otherwise `text` unchanged, so that plain output never holds an escape byte.
std::string paint(std::string_view text, Colour colour, const TextStyle& style);

// The length of the colour code paint() writes at the start of `text`, or 0:
// with colour on, printable() keeps these and escapes every other control.
std::size_t paint_code_length(std::string_view text);

// `text` with "\r\n" and a lone "\r" as "\n", so that printable() keeps each
// line break as one and writes out no carriage return: for the table cells
// of Markdown and CSV, which keep a cell's lines.
std::string newlines_as_lf(std::string_view text);

// The rule behind decision.tiers[index] (powers[index]). The decision lists
// them in the rule set's order, so the index nearly always finds it; the id is
// the fallback, and null means the decision does not belong to these rules.
const Tier* find_tier(const RuleSet& rules, std::size_t index, std::string_view id);
const Power* find_power(const RuleSet& rules, std::size_t index, std::string_view id);

// The condition status a power status corresponds to: available is holds.
Status status_of(PowerStatus status);

// "✓", "✗" or "?", and the colour each is shown in.
std::string_view mark_of(Status status);
std::string_view mark_of(PowerStatus status);
Colour colour_of(Status status);
Colour colour_of(PowerStatus status);

// The status words people read: "holds", "fails", "unknown"; "available",
// "not available", "unknown".
std::string_view words_for(Status status);
std::string_view words_for(PowerStatus status);

// "Greater Manchester Combined Authority (combined_authority, E47000001)".
std::string subject_in_words(const Subject& subject);

// "level-3 — Level 3", or "none reached" when no tier holds; for a subject
// that is not valid or that the rules do not apply to, why.
std::string reached_tier_in_words(const Evaluation& evaluation);

// What a validated proposal reaches: "it reaches level-3 (Level 3)", or "it
// reaches no tier".
std::string reach_in_words(const Validation& validation);

// The sentences a council inside an institution is told first: "Leeds is a
// member of West Yorkshire Combined Authority (mayoral): its devolved powers
// come through that authority."
std::vector<std::string> memberships_in_words(const Subject& subject);

// "proposal.yaml:4:3: Cheltenham alone is not one [institution-mismatch]".
std::string problem_in_words(const Problem& problem);

// "Not valid: 2 problems, so it reaches no tier".
std::string not_valid_in_words(const Decision& decision);

// Whether a power is held, in a few words for beside its status: "held since
// 2017", "held", "not held", "held: not known" (the data speaks of it but
// cannot say), "held: not recorded".
std::string holding_in_words(const Holding& holding);

// The line under a power that says why it is or is not held, when devo's
// data says something of this power in particular; empty otherwise.
std::string holding_detail(const Holding& holding);

// A fact's value as people read it: an enum value by its label, an integer
// with thousands separators, a bool by the fact's own words for true and false
// (else yes/no), a date as YYYY-MM-DD, codes comma-separated (or "none").
std::string fact_in_words(const FactDeclaration& fact, const FactValue& value);

// One fact as the reports show it.
struct FactLine {
  std::string name;
  std::string title;
  std::string words;
  // Why the value is what it is, for facts devo computed; may be empty.
  std::string note;
  const FactValue* value = nullptr;
};

// A fact of the subject, and its declaration in the rule set (null for a
// fact devo computed that these rules do not use).
struct OrderedFact {
  const std::string* name = nullptr;
  const FactValue* value = nullptr;
  const FactDeclaration* declaration = nullptr;
};

// The subject's facts: first those the rule set declares, in its order, then
// any others (facts devo computed that these rules do not use), by name, so
// that two subjects' reports line up.
std::vector<OrderedFact> fact_order(const Evaluation& evaluation);
// The same facts with their titles and values in words, for people.
std::vector<FactLine> facts_in_order(const Evaluation& evaluation);

// "Levelling Up the United Kingdom (CP 604), Table 2.3, p.140, via New Local":
// the document's title rather than its id, since people read this.
std::string citation_in_words(const RuleSet& rules, const Citation& citation);

// "would be settled by: a, b", or empty when nothing is listed: the facts by
// their titles in `rules`, which people read, not their names.
std::string settled_by_in_words(const RuleSet& rules, const std::vector<std::string>& facts);

// "20 available, 2 unavailable, 1 unknown".
std::string power_summary(const Decision& decision);

// The rule set's powers by group, groups in order of first appearance, so a
// rule file's layout decides the report's.
struct PowerGroup {
  std::string name;
  std::vector<std::size_t> powers;  // indices into rules.powers (and decision.powers)
};
std::vector<PowerGroup> group_powers(const RuleSet& rules);

// `items` joined by `separator`.
std::string join(const std::vector<std::string>& items, std::string_view separator);

}  // namespace devo::report
