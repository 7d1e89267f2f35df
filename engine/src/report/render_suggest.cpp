// `devo suggest`'s report: the groupings found, best first, each with what it
// changes against the subject alone.

#include "report/csv.hpp"
#include "report/json_values.hpp"
#include "report/report_common.hpp"
#include "support/words.hpp"

#include <devo/report.hpp>

#include <fmt/format.h>

namespace devo {
namespace {

using report::Colour;
using report::Json;
using report::paint;

std::string tier_name(const RuleSet& rules, const Decision& decision) {
  return decision.tier ? fmt::format("{} — {}", rules.tiers[*decision.tier].id,
                                     rules.tiers[*decision.tier].title)
                       : std::string("none reached");
}

std::string value_or_unknown(const FactDeclaration& fact, const FactInput& facts) {
  const auto it = facts.values.find(fact.name);
  return it == facts.values.end() ? std::string("unknown")
                                  : report::fact_in_words(fact, it->second);
}

// A fact the rule set declares whose value differs between the subject and
// the grouping, in words.
struct FactChange {
  const FactDeclaration* fact;
  std::string before;
  std::string after;
};

std::vector<FactChange> fact_changes(const RuleSet& rules, const FactInput& before,
                                     const FactInput& after) {
  std::vector<FactChange> changes;
  for (const FactDeclaration& fact : rules.facts) {
    std::string was = value_or_unknown(fact, before);
    std::string is = value_or_unknown(fact, after);
    if (was != is) {
      changes.push_back(FactChange{&fact, std::move(was), std::move(is)});
    }
  }
  return changes;
}

// The powers available to the grouping that the subject alone does not have.
std::vector<std::string> powers_gained(const Decision& before, const Decision& after) {
  std::vector<std::string> gained;
  for (std::size_t i = 0; i < after.powers.size() && i < before.powers.size(); ++i) {
    if (after.powers[i].status == PowerStatus::available &&
        before.powers[i].status != PowerStatus::available) {
      gained.push_back(after.powers[i].id);
    }
  }
  return gained;
}

// Why the grouping splits public-service areas: the notes on the
// coterminosity facts that do not hold.
std::vector<std::string> split_notes(const FactInput& facts) {
  std::vector<std::string> notes;
  for (std::string_view fact : {"police_coterminous", "fire_coterminous", "icb_coterminous"}) {
    const auto value = facts.values.find(fact);
    const auto note = facts.notes.find(fact);
    if (value != facts.values.end() && value->second == FactValue(false) &&
        note != facts.notes.end()) {
      notes.push_back(note->second);
    }
  }
  return notes;
}

std::string councils(std::size_t count) {
  return fmt::format("{} {}", count, count == 1 ? "council" : "councils");
}

}  // namespace

std::string search_stop_in_words(const SuggestReport& report, const SuggestOptions& options) {
  const std::string budget =
      report.stopped_by == SuggestReport::Stop::time
          ? fmt::format("the time limit of {} s", options.time_limit_seconds)
          : fmt::format("its budget of {} groupings",
                        format_integer(static_cast<std::int64_t>(options.max_groupings)));
  const std::string partly = fmt::format(
      "{} of those adding {}", format_integer(static_cast<std::int64_t>(report.examined_at_stop)),
      report.sizes_covered + 1);
  if (report.sizes_covered == 0) {
    return fmt::format("the search stopped at {}, having decided {}", budget, partly);
  }
  return fmt::format(
      "the search stopped at {}, having decided every grouping adding up to {} "
      "and {}",
      budget, councils(report.sizes_covered), partly);
}

namespace {

std::string search_in_words(const SuggestReport& report, const SuggestOptions& options) {
  std::string words = fmt::format(
      "Searched {} {} adding up to {} neighbouring {} not already in another "
      "combined authority or the GLA; {} {} {}",
      format_integer(static_cast<std::int64_t>(report.examined)),
      report.examined == 1 ? "grouping" : "groupings", options.max_councils,
      options.max_councils == 1 ? "council" : "councils",
      format_integer(static_cast<std::int64_t>(report.matching)),
      report.matching == 1 ? "reaches" : "reach", options.target_tier);
  if (!options.wanted_powers.empty()) {
    words += fmt::format(" with {}", support::join_words(options.wanted_powers));
  }
  if (!report.complete) {
    words +=
        fmt::format(" ({}: better groupings may exist)", search_stop_in_words(report, options));
  }
  return words + ".";
}

Json stopped_by_json(SuggestReport::Stop stop) {
  switch (stop) {
    case SuggestReport::Stop::groupings:
      return "groupings";
    case SuggestReport::Stop::time:
      return "time";
    case SuggestReport::Stop::none:
      break;
  }
  return nullptr;
}

std::string text_report(const SuggestReport& report, const RuleSet& rules, const Receipt& receipt,
                        const SuggestOptions& options, const TextStyle& style) {
  std::string out = fmt::format("{} {}\n", paint("Subject:", Colour::bold, style),
                                report::subject_in_words(report.subject.subject));
  // A council already in an institution: the groupings found reshape it.
  for (const Membership& membership : report.subject.subject.member_of) {
    out += fmt::format("Member of: {}; groupings may take in its other councils, reshaping it\n",
                       membership.name);
  }
  out += fmt::format("Alone: {}\n", tier_name(rules, report.subject_decision));
  out += fmt::format("Target: {} under {}\n", options.target_tier, rules.id);
  if (!report.assumed.empty()) {
    out += fmt::format("Each grouping is taken to have {}\n", support::join_words(report.assumed));
  }
  out += search_in_words(report, options) + "\n";
  if (report.suggestions.empty()) {
    out += "\nNo grouping found reaches the target.\n";
  }
  for (std::size_t rank = 0; rank < report.suggestions.size(); ++rank) {
    const Suggestion& suggestion = report.suggestions[rank];
    out +=
        fmt::format("\n{} {} (+{} {})\n", paint(fmt::format("{}.", rank + 1), Colour::bold, style),
                    paint(fmt::format("add {}", support::join_words(suggestion.added_names)),
                          Colour::bold, style),
                    suggestion.added.size(), suggestion.added.size() == 1 ? "council" : "councils");
    out += fmt::format("   tier: {}\n", tier_name(rules, suggestion.decision));
    const auto gained = powers_gained(report.subject_decision, suggestion.decision);
    if (!gained.empty()) {
      out += fmt::format("   gains {} {}: {}\n", gained.size(),
                         gained.size() == 1 ? "power" : "powers", fmt::join(gained, ", "));
    }
    for (const FactChange& change : fact_changes(rules, report.subject, suggestion.facts)) {
      out += fmt::format("   {}: {} -> {}\n", change.fact->title, change.before, change.after);
    }
    out += fmt::format("   split public-service areas: {}\n", suggestion.split_areas);
    for (const std::string& note : split_notes(suggestion.facts)) {
      out += fmt::format("     {}\n", note);
    }
  }
  out += fmt::format("\nRules: {} (sha256 {}); devo {}; as of {}\n", receipt.ruleset,
                     receipt.ruleset_sha256, receipt.devo_version, receipt.as_of.to_string());
  if (!receipt.data_vintage.empty()) {
    out += fmt::format("Data: {} (sha256 {})\n", receipt.data_vintage, receipt.data_sha256);
  }
  return out;
}

// A row per suggestion, best first: the councils added (codes and names, a
// line each in one field), the tier reached, the powers gained and the
// public-service areas split.
std::string csv_report(const SuggestReport& report, const RuleSet& rules) {
  std::vector<std::vector<std::string>> rows{
      {"rank", "added_codes", "added_names", "tier", "powers_gained", "split_areas"}};
  for (std::size_t rank = 0; rank < report.suggestions.size(); ++rank) {
    const Suggestion& suggestion = report.suggestions[rank];
    const auto& tier = suggestion.decision.tier;
    rows.push_back(
        {std::to_string(rank + 1), fmt::format("{}", fmt::join(suggestion.added, "\n")),
         fmt::format("{}", fmt::join(suggestion.added_names, "\n")),
         tier ? rules.tiers[*tier].id : std::string(),
         fmt::format("{}",
                     fmt::join(powers_gained(report.subject_decision, suggestion.decision), "\n")),
         std::to_string(suggestion.split_areas)});
  }
  return report::csv_rows(rows);
}

Json json_report(const SuggestReport& report, const RuleSet& rules, const Receipt& receipt,
                 const SuggestOptions& options) {
  Json suggestions = Json::array();
  for (std::size_t rank = 0; rank < report.suggestions.size(); ++rank) {
    const Suggestion& suggestion = report.suggestions[rank];
    Json added = Json::array();
    for (std::size_t i = 0; i < suggestion.added.size(); ++i) {
      added.push_back(Json{{"code", suggestion.added[i]}, {"name", suggestion.added_names[i]}});
    }
    Json changes = Json::array();
    for (const FactChange& change : fact_changes(rules, report.subject, suggestion.facts)) {
      changes.push_back(
          Json{{"fact", change.fact->name}, {"before", change.before}, {"after", change.after}});
    }
    const auto& tier = suggestion.decision.tier;
    suggestions.push_back(
        Json{{"rank", rank + 1},
             {"added", std::move(added)},
             {"subject", report::subject_json(suggestion.facts.subject)},
             {"tier", tier ? Json(rules.tiers[*tier].id) : Json(nullptr)},
             {"powers_gained", powers_gained(report.subject_decision, suggestion.decision)},
             {"fact_changes", std::move(changes)},
             {"split_areas", suggestion.split_areas},
             {"split_notes", split_notes(suggestion.facts)}});
  }
  const auto& alone = report.subject_decision.tier;
  return Json{{"receipt", report::receipt_json(receipt)},
              {"subject", report::subject_json(report.subject.subject)},
              {"tier_alone", alone ? Json(rules.tiers[*alone].id) : Json(nullptr)},
              {"target_tier", options.target_tier},
              {"wanted_powers", options.wanted_powers},
              {"max_councils", options.max_councils},
              {"assumed", report.assumed},
              {"examined", report.examined},
              {"matching", report.matching},
              {"complete", report.complete},
              {"stopped_by", stopped_by_json(report.stopped_by)},
              {"sizes_covered", report.sizes_covered},
              {"suggestions", std::move(suggestions)}};
}

}  // namespace

std::string render_suggestions(const SuggestReport& report, const RuleSet& rules,
                               const Receipt& receipt, const SuggestOptions& options,
                               OutputFormat format, const TextStyle& style) {
  if (format == OutputFormat::json) {
    return report::dump_json(json_report(report, rules, receipt, options));
  }
  if (format == OutputFormat::csv) {
    return csv_report(report, rules);
  }
  return printable(text_report(report, rules, receipt, options, style), style);
}

}  // namespace devo
