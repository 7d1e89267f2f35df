#include "report/report_common.hpp"

#include "report/csv.hpp"
#include "support/words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <type_traits>
#include <variant>

namespace devo {

std::string render_evaluation(const Evaluation& evaluation, OutputFormat format,
                              const TextStyle& style) {
  switch (format) {
    case OutputFormat::json:
      return report::render_json(evaluation);
    case OutputFormat::markdown:
      return printable(report::render_markdown(evaluation));
    case OutputFormat::csv:
      return report::render_csv(evaluation);
    case OutputFormat::text:
      break;
  }
  return printable(report::render_text(evaluation, style), style);
}

}  // namespace devo

namespace devo::report {

std::string render_csv(const Evaluation& evaluation) {
  const Decision& decision = evaluation.decision;
  std::vector<std::vector<std::string>> rows{{"kind", "id", "title", "status", "held"}};
  for (std::size_t i = 0; i < decision.tiers.size(); ++i) {
    const TierResult& result = decision.tiers[i];
    const Tier* tier = find_tier(evaluation.rules, i, result.id);
    rows.push_back({"tier", result.id, tier == nullptr ? std::string() : tier->title,
                    std::string(to_string(result.status)), ""});
  }
  for (std::size_t i = 0; i < decision.powers.size(); ++i) {
    const PowerResult& result = decision.powers[i];
    const Power* power = find_power(evaluation.rules, i, result.id);
    const std::optional<bool>& held = result.holding.held;
    rows.push_back({"power", result.id, power == nullptr ? std::string() : power->title,
                    std::string(to_string(result.status)),
                    held ? std::string(*held ? "true" : "false") : std::string()});
  }
  return csv_rows(rows);
}

namespace {

std::string_view escape_code(Colour colour) {
  switch (colour) {
    case Colour::bold:
      return "\x1b[1m";
    case Colour::dim:
      return "\x1b[2m";
    case Colour::red:
      return "\x1b[31m";
    case Colour::green:
      return "\x1b[32m";
    case Colour::yellow:
      return "\x1b[33m";
    case Colour::magenta:
      return "\x1b[35m";
    case Colour::cyan:
      return "\x1b[36m";
  }
  return "";
}

constexpr std::string_view k_reset = "\x1b[0m";
constexpr std::array k_colours{Colour::bold,   Colour::dim,     Colour::red, Colour::green,
                               Colour::yellow, Colour::magenta, Colour::cyan};

template <typename Item>
const Item* find_item(const std::vector<Item>& items, std::size_t index, std::string_view id) {
  if (index < items.size() && items[index].id == id) {
    return &items[index];
  }
  auto it =
      std::find_if(items.begin(), items.end(), [id](const Item& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

// A range such as "139-140" is pages, plural.
std::string page_in_words(std::string_view page) {
  const bool range = page.find('-') != std::string_view::npos;
  return fmt::format("{}{}", range ? "pp." : "p.", page);
}

std::string source_title(const RuleSet& rules, std::string_view source_id) {
  const Source* source = rules.find_source(source_id);
  return source != nullptr && !source->title.empty() ? source->title : std::string(source_id);
}

}  // namespace

std::string paint(std::string_view text, Colour colour, const TextStyle& style) {
  if (!style.colour || text.empty()) {
    return std::string(text);
  }
  return fmt::format("{}{}{}", escape_code(colour), text, k_reset);
}

std::size_t paint_code_length(std::string_view text) {
  if (text.starts_with(k_reset)) {
    return k_reset.size();
  }
  for (const Colour colour : k_colours) {
    if (text.starts_with(escape_code(colour))) {
      return escape_code(colour).size();
    }
  }
  return 0;
}

const Tier* find_tier(const RuleSet& rules, std::size_t index, std::string_view id) {
  return find_item(rules.tiers, index, id);
}

const Power* find_power(const RuleSet& rules, std::size_t index, std::string_view id) {
  return find_item(rules.powers, index, id);
}

Status status_of(PowerStatus status) {
  switch (status) {
    case PowerStatus::available:
      return Status::holds;
    case PowerStatus::unavailable:
      return Status::fails;
    case PowerStatus::unknown:
      break;
  }
  return Status::unknown;
}

std::string_view mark_of(Status status) {
  switch (status) {
    case Status::holds:
      return "✓";
    case Status::fails:
      return "✗";
    case Status::unknown:
      break;
  }
  return "?";
}

std::string_view mark_of(PowerStatus status) {
  return mark_of(status_of(status));
}

Colour colour_of(Status status) {
  switch (status) {
    case Status::holds:
      return Colour::green;
    case Status::fails:
      return Colour::red;
    case Status::unknown:
      break;
  }
  return Colour::yellow;
}

Colour colour_of(PowerStatus status) {
  return colour_of(status_of(status));
}

std::string_view words_for(Status status) {
  return to_string(status);
}

std::string_view words_for(PowerStatus status) {
  switch (status) {
    case PowerStatus::available:
      return "available";
    case PowerStatus::unavailable:
      return "not available";
    case PowerStatus::unknown:
      break;
  }
  return "unknown";
}

std::string subject_in_words(const Subject& subject) {
  std::vector<std::string> details;
  for (const std::string* part : {&subject.kind, &subject.code}) {
    if (!part->empty()) {
      details.push_back(*part);
    }
  }
  const std::string name = subject.name.empty() ? std::string("(unnamed subject)") : subject.name;
  if (details.empty()) {
    return name;
  }
  return fmt::format("{} ({})", name, join(details, ", "));
}

std::string reached_tier_in_words(const Evaluation& evaluation) {
  const Decision& decision = evaluation.decision;
  if (!decision.applicable) {
    return fmt::format("none — not applicable: {}", decision.not_applicable);
  }
  if (!decision.valid) {
    return fmt::format("none — the {} is not valid",
                       evaluation.facts.subject.kind == "proposal" ? "proposal" : "subject");
  }
  if (!decision.tier || *decision.tier >= decision.tiers.size()) {
    return "none reached";
  }
  const TierResult& result = decision.tiers[*decision.tier];
  const Tier* tier = find_tier(evaluation.rules, *decision.tier, result.id);
  if (tier == nullptr || tier->title.empty()) {
    return result.id;
  }
  return fmt::format("{} — {}", result.id, tier->title);
}

std::string reach_in_words(const Validation& validation) {
  if (validation.tier.empty()) {
    return "it reaches no tier";
  }
  return fmt::format("it reaches {} ({})", validation.tier, validation.tier_title);
}

std::string fact_in_words(const FactDeclaration& fact, const FactValue& value) {
  return std::visit(
      [&fact](const auto& item) -> std::string {
        using Item = std::decay_t<decltype(item)>;
        if constexpr (std::is_same_v<Item, bool>) {
          return support::bool_words(fact, item);
        } else if constexpr (std::is_same_v<Item, std::int64_t>) {
          return format_integer(item);
        } else if constexpr (std::is_same_v<Item, std::string>) {
          return fact.label_of(item);
        } else if constexpr (std::is_same_v<Item, Date>) {
          return item.to_string();
        } else {
          return item.empty() ? std::string("none") : join(item, ", ");
        }
      },
      value);
}

std::vector<OrderedFact> fact_order(const Evaluation& evaluation) {
  const FactInput& facts = evaluation.facts;
  std::vector<OrderedFact> order;
  for (const FactDeclaration& fact : evaluation.rules.facts) {
    if (auto it = facts.values.find(fact.name); it != facts.values.end()) {
      order.push_back(OrderedFact{&fact.name, &it->second, &fact});
    }
  }
  for (const auto& [name, value] : facts.values) {
    if (evaluation.rules.find_fact(name) == nullptr) {
      order.push_back(OrderedFact{&name, &value, nullptr});
    }
  }
  return order;
}

std::vector<FactLine> facts_in_order(const Evaluation& evaluation) {
  const FactInput& facts = evaluation.facts;
  const auto note_of = [&](const std::string& name) {
    auto it = facts.notes.find(name);
    return it == facts.notes.end() ? std::string() : it->second;
  };
  // An integer known only as a range reads "107 to 119".
  const auto words_of = [&](const FactDeclaration& fact, const std::string& name,
                            const FactValue& value) {
    const auto upper = facts.upper.find(name);
    const std::int64_t* low = std::get_if<std::int64_t>(&value);
    if (upper != facts.upper.end() && low != nullptr) {
      return fmt::format("{} to {}", format_integer(*low), format_integer(upper->second));
    }
    return fact_in_words(fact, value);
  };
  std::vector<FactLine> lines;
  for (const OrderedFact& fact : fact_order(evaluation)) {
    const std::string& name = *fact.name;
    if (fact.declaration != nullptr) {
      const FactDeclaration& declared = *fact.declaration;
      lines.push_back(FactLine{name, declared.title.empty() ? name : declared.title,
                               words_of(declared, name, *fact.value), note_of(name), fact.value});
      continue;
    }
    std::string title = name;
    std::replace(title.begin(), title.end(), '_', ' ');
    // An enum value the rules do not declare reads without its underscores.
    std::string words = words_of(FactDeclaration{}, name, *fact.value);
    if (std::holds_alternative<std::string>(*fact.value)) {
      std::replace(words.begin(), words.end(), '_', ' ');
    }
    lines.push_back(FactLine{name, title, words, note_of(name), fact.value});
  }
  return lines;
}

std::string citation_in_words(const RuleSet& rules, const Citation& citation) {
  std::vector<std::string> parts;
  if (!citation.source.empty()) {
    parts.push_back(source_title(rules, citation.source));
  }
  if (!citation.section.empty()) {
    parts.push_back(citation.section);
  }
  if (!citation.page.empty()) {
    parts.push_back(page_in_words(citation.page));
  }
  if (!citation.via.empty()) {
    std::vector<std::string> titles;
    for (const std::string& via : citation.via) {
      titles.push_back(source_title(rules, via));
    }
    parts.push_back("via " + join(titles, ", "));
  }
  return join(parts, ", ");
}

std::string settled_by_in_words(const RuleSet& rules, const std::vector<std::string>& facts) {
  if (facts.empty()) {
    return std::string();
  }
  std::vector<std::string> titles;
  for (const std::string& name : facts) {
    const FactDeclaration* fact = rules.find_fact(name);
    titles.push_back(fact == nullptr || fact->title.empty() ? name : fact->title);
  }
  return "would be settled by: " + join(titles, "; ");
}

std::vector<std::string> memberships_in_words(const Subject& subject) {
  std::vector<std::string> sentences;
  for (const Membership& membership : subject.member_of) {
    const std::string_view form = membership.mayoral ? " (mayoral)" : " (non-mayoral)";
    const std::string how =
        membership.constituent
            ? fmt::format("{} is a member of the {}{}", subject.name, membership.name, form)
            : fmt::format("{} is in the area of the {}{}{}", subject.name, membership.name, form,
                          membership.through.empty()
                              ? std::string()
                              : fmt::format(", of which {} is a member", membership.through));
    sentences.push_back(fmt::format(
        "{}: its devolved powers come through that authority (evaluate \"{}\" itself for "
        "them); what follows is what {} alone could reach.",
        how, membership.name, subject.name));
  }
  return sentences;
}

std::string problem_in_words(const Problem& problem) {
  std::string where;
  if (!problem.file.empty()) {
    where = problem.line == 0
                ? problem.file + ": "
                : fmt::format("{}:{}:{}: ", problem.file, problem.line, problem.column);
  }
  return fmt::format("{}{} [{}]", where, problem.message, problem.code);
}

std::string not_valid_in_words(const Decision& decision) {
  const std::size_t count = decision.problems.size();
  return fmt::format("Not valid: {} problem{}, so it reaches no tier", count,
                     count == 1 ? "" : "s");
}

std::string holding_in_words(const Holding& holding) {
  if (!holding.held) {
    // The data says something of it (a plan whose date has passed), or nothing.
    return holding.source.empty() ? "held: not recorded" : "held: not known";
  }
  if (!*holding.held) {
    return "not held";
  }
  return holding.since.empty() ? "held" : fmt::format("held since {}", holding.since);
}

std::string holding_detail(const Holding& holding) {
  if (holding.source.empty() || holding.note.empty()) {
    return std::string();
  }
  const std::string_view label = !holding.held ? "Holding" : *holding.held ? "Held" : "Not held";
  return fmt::format("{}: {}.", label, holding.note);
}

std::string power_summary(const Decision& decision) {
  std::size_t available = 0;
  std::size_t unavailable = 0;
  std::size_t unknown = 0;
  for (const PowerResult& power : decision.powers) {
    switch (power.status) {
      case PowerStatus::available:
        ++available;
        break;
      case PowerStatus::unavailable:
        ++unavailable;
        break;
      case PowerStatus::unknown:
        ++unknown;
        break;
    }
  }
  return fmt::format("{} available, {} unavailable, {} unknown", available, unavailable, unknown);
}

std::vector<PowerGroup> group_powers(const RuleSet& rules) {
  std::vector<PowerGroup> groups;
  for (std::size_t i = 0; i < rules.powers.size(); ++i) {
    const std::string& name = rules.powers[i].group;
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&name](const PowerGroup& group) { return group.name == name; });
    if (it == groups.end()) {
      groups.push_back(PowerGroup{name, {}});
      it = std::prev(groups.end());
    }
    it->powers.push_back(i);
  }
  return groups;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string joined;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      joined += separator;
    }
    joined += items[i];
  }
  return joined;
}

}  // namespace devo::report
