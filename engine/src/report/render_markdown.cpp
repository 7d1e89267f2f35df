#include "report/report_common.hpp"

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

// The evaluation as GitHub-flavoured Markdown, for pasting into an issue or a
// briefing: the same words as the text report, laid out in tables.
namespace devo::report {
namespace {

// Text made safe for one table cell: a `|` would end the cell and a newline
// the row.
std::string cell(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '|':
        out += "\\|";
        break;
      case '\n':
        out += "<br>";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

// One table row from cells that are already escaped.
std::string row(const std::vector<std::string>& cells) {
  return fmt::format("| {} |\n", join(cells, " | "));
}

// A header row and its divider.
std::string table_head(const std::vector<std::string>& titles) {
  std::string divider = "|";
  for (std::size_t i = 0; i < titles.size(); ++i) {
    divider += "---|";
  }
  return row(titles) + divider + '\n';
}

template <typename AnyStatus>
std::string status_cell(AnyStatus status) {
  return fmt::format("{} {}", mark_of(status), words_for(status));
}

// Reasons, each with its mark, and what would settle an unknown, as one cell.
std::string reasons_cell(const RuleSet& rules, const std::vector<Reason>& reasons,
                         const std::vector<std::string>& settled_by, std::string_view note = {}) {
  std::vector<std::string> lines;
  for (const Reason& reason : reasons) {
    lines.push_back(cell(fmt::format("{} {}{}", mark_of(reason.status), reason.message,
                                     reason.expectation ? " (expectation only)" : "")));
  }
  if (!settled_by.empty()) {
    lines.push_back(cell(settled_by_in_words(rules, settled_by)));
  }
  if (!note.empty()) {
    lines.push_back(cell(fmt::format("Note: {}", note)));
  }
  return join(lines, "<br>");
}

std::string receipt_section(const Evaluation& evaluation) {
  const Receipt& receipt = evaluation.receipt;
  const RuleSet& rules = evaluation.rules;
  std::string out = table_head({"Receipt", "Value"});
  out += row({"Subject", cell(subject_in_words(evaluation.facts.subject))});
  out += row({"Rule set", rules.title.empty()
                              ? cell(receipt.ruleset)
                              : cell(fmt::format("{} — {}", receipt.ruleset, rules.title))});
  out += row({"Rule set SHA-256", cell(receipt.ruleset_sha256)});
  out += row({"devo version", cell(receipt.devo_version)});
  out += row({"As of", receipt.as_of.to_string()});
  if (!receipt.data_vintage.empty()) {
    out += row({"Data", cell(receipt.data_vintage)});
    out += row({"Data SHA-256", cell(receipt.data_sha256)});
  }
  return out;
}

std::string tier_line(const Evaluation& evaluation) {
  const Decision& decision = evaluation.decision;
  if (!decision.applicable || !decision.valid) {
    return fmt::format("Tier: {}\n", reached_tier_in_words(evaluation));
  }
  if (!decision.tier || *decision.tier >= decision.tiers.size()) {
    return "Tier: none reached\n";
  }
  const std::string& id = decision.tiers[*decision.tier].id;
  const Tier* tier = find_tier(evaluation.rules, *decision.tier, id);
  if (tier == nullptr || tier->title.empty()) {
    return fmt::format("Tier: **{}**\n", id);
  }
  return fmt::format("Tier: **{}** — {}\n", id, tier->title);
}

std::string facts_section(const Evaluation& evaluation) {
  std::string out = "## Facts\n\n";
  std::string rows;
  for (const FactLine& line : facts_in_order(evaluation)) {
    rows += row({cell(line.title), cell(line.words), cell(line.note)});
  }
  if (rows.empty()) {
    return out + "None supplied.\n";
  }
  return out + table_head({"Fact", "Value", "Why"}) + rows;
}

std::string tiers_section(const Evaluation& evaluation) {
  std::string out = "## Tiers\n\n" + table_head({"Tier", "Status", "Reasons"});
  for (const TierResult& result : evaluation.decision.tiers) {
    out += row({cell(result.id), status_cell(result.status),
                reasons_cell(evaluation.rules, result.reasons, result.settled_by)});
  }
  return out;
}

std::string power_row(const Evaluation& evaluation, std::size_t index) {
  const PowerResult& result = evaluation.decision.powers[index];
  const Power* power = find_power(evaluation.rules, index, result.id);
  std::string held = cell(holding_in_words(result.holding));
  if (const std::string detail = holding_detail(result.holding); !detail.empty()) {
    held += "<br>" + cell(detail);
  }
  if (power == nullptr) {
    return row({cell(result.id), "", status_cell(result.status), held,
                reasons_cell(evaluation.rules, result.reasons, result.settled_by), "", ""});
  }
  return row({cell(result.id), cell(power->title), status_cell(result.status), held,
              reasons_cell(evaluation.rules, result.reasons, result.settled_by, power->note),
              cell(citation_in_words(evaluation.rules, power->citation)),
              std::string(to_string(power->evidence))});
}

std::string powers_section(const Evaluation& evaluation) {
  std::string out = "## Powers\n";
  for (const PowerGroup& group : group_powers(evaluation.rules)) {
    out += fmt::format("\n### {}\n\n", group.name.empty() ? "Other powers" : group.name);
    out += table_head({"Power", "Title", "Status", "Held", "Reasons", "Citation", "Evidence"});
    for (std::size_t index : group.powers) {
      out += power_row(evaluation, index);
    }
  }
  return out + fmt::format("\n{}\n", power_summary(evaluation.decision));
}

std::string problems_section(const Decision& decision) {
  std::string out = fmt::format("## {}\n\n", not_valid_in_words(decision));
  for (const Problem& problem : decision.problems) {
    out += fmt::format("- {}\n", problem_in_words(problem));
  }
  return out;
}

std::string warnings_section(const std::vector<Warning>& warnings) {
  std::string out = "## Warnings\n\n";
  for (const Warning& warning : warnings) {
    out += fmt::format("- {} (`{}`)\n", warning.message, warning.code);
  }
  return out;
}

}  // namespace

std::string render_markdown(const Evaluation& evaluation) {
  const std::string& name = evaluation.facts.subject.name;
  const Decision& decision = evaluation.decision;
  std::string out = fmt::format("# {}\n\n", name.empty() ? "(unnamed subject)" : name);
  for (const std::string& sentence : memberships_in_words(evaluation.facts.subject)) {
    out += sentence + "\n\n";
  }
  out += receipt_section(evaluation) + '\n';
  out += tier_line(evaluation) + '\n';
  if (!decision.valid) {
    out += problems_section(decision) + '\n';
  }
  out += facts_section(evaluation);
  if (decision.applicable) {
    out += '\n' + tiers_section(evaluation) + '\n';
    out += powers_section(evaluation);
  }
  if (!evaluation.decision.warnings.empty()) {
    out += '\n' + warnings_section(evaluation.decision.warnings);
  }
  return out;
}

}  // namespace devo::report
