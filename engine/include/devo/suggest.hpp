#pragma once

#include <devo/decision.hpp>
#include <devo/diagnostic.hpp>
#include <devo/engine.hpp>
#include <devo/facts.hpp>
#include <devo/geography.hpp>
#include <devo/value.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace devo {

// What `devo suggest` looks for.
struct SuggestOptions {
  // The tier every suggestion must reach (hold, not merely be unknown).
  std::string target_tier;
  // Powers every suggestion must make available.
  std::vector<std::string> wanted_powers;
  // At most this many councils are added to the subject.
  std::size_t max_councils = 4;
  // How many suggestions to give.
  std::size_t top = 5;
  // The search's budget: it stops after evaluating this many groupings, or
  // after this many seconds if that comes first, and says so. The count
  // decides where a search stops the same way every run; the time is a
  // backstop for a slow machine or a large --max-councils.
  std::size_t max_groupings = 20'000;
  double time_limit_seconds = 10;
  // Facts taken to hold for every grouping, over those carried from the
  // subject (see suggest()).
  std::map<std::string, FactValue, std::less<>> assumptions;
  Date as_of;
  // Where the target tier and each wanted power were named, for the
  // diagnostic when one is not in the rule set; no place when not given.
  Location target_tier_at;
  std::vector<Location> wanted_powers_at;
};

// One grouping that reaches the target: the councils added to the subject,
// its facts (with their notes) and its decision (with reasons).
struct Suggestion {
  std::vector<std::string> added;
  std::vector<std::string> added_names;
  FactInput facts;
  Decision decision;
  // Police force areas, fire and rescue authority areas and ICB areas that
  // the grouping covers only in part.
  std::size_t split_areas = 0;
};

struct SuggestReport {
  FactInput subject;
  Decision subject_decision;
  // The facts every grouping was given rather than computed, in words
  // ("institution: combined_authority").
  std::vector<std::string> assumed;
  std::vector<Suggestion> suggestions;
  // How many groupings were evaluated and how many reached the target.
  std::size_t examined = 0;
  std::size_t matching = 0;
  // False when the budget stopped the search before its end.
  bool complete = true;
  enum class Stop { none, groupings, time };
  Stop stopped_by = Stop::none;
  // The search goes by size: every grouping adding 1 council, then every one
  // adding 2, and so on. A stopped search covered every grouping adding up to
  // `sizes_covered` councils, and `examined_at_stop` of those adding one more.
  std::size_t sizes_covered = 0;
  std::size_t examined_at_stop = 0;
  // How long the search took, for people (standard error), never in a
  // report: reports are the same every run.
  double seconds = 0;
};

// Called now and then with the number of groupings examined so far.
using SuggestProgress = std::function<void(std::size_t examined)>;

// Searches the connected groupings that hold `subject`'s area and add up to
// options.max_councils neighbouring councils, none of them already in a
// combined authority or the GLA other than the subject's own (the subject
// itself, or the one that holds all of the subject's districts). A council is
// a single-tier district (unitary, metropolitan, London borough) or a county
// council with all its districts. Every grouping is evaluated under `rules`
// with its computed facts, the subject's facts that are not computed from the
// area (a proposal's assertions, an institution's mayor), and
// options.assumptions, fewest added councils first, until the budget
// (options.max_groupings, options.time_limit_seconds) is spent; a single council's grouping is
// taken to be a combined authority with a directly elected mayor unless an assumption says
// otherwise. Those where the target tier holds and the wanted powers are
// available are ranked by fewest councils added, then fewest split
// public-service areas, then council codes; the first options.top are given
// with their facts and reasons. Unknown tiers or powers are reported
// (undefined-tier, undefined-power).
std::optional<SuggestReport> suggest(const Geography& geography, const CompiledRules& rules,
                                     const FactInput& subject, const SuggestOptions& options,
                                     Diagnostics& diags, const SuggestProgress& progress = {});

}  // namespace devo
