#include "report/markdown.hpp"
#include "report/report_common.hpp"

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

// The evaluation as GitHub-flavoured Markdown, for pasting into an issue or a
// briefing: the same words as the text report, laid out in tables.
namespace devo::report {
namespace {

template <typename AnyStatus>
std::string status_cell(AnyStatus status) {
  return fmt::format("{} {}", mark_of(status), words_for(status));
}

// Reasons, each with its mark, and what would settle an unknown, as one cell
// of a line each.
std::string reasons_cell(const RuleSet& rules, const std::vector<Reason>& reasons,
                         const std::vector<std::string>& settled_by, std::string_view note = {}) {
  std::vector<std::string> lines;
  for (const Reason& reason : reasons) {
    lines.push_back(fmt::format("{} {}{}", mark_of(reason.status), reason.message,
                                reason.expectation ? " (expectation only)" : ""));
  }
  if (!settled_by.empty()) {
    lines.push_back(settled_by_in_words(rules, settled_by));
  }
  if (!note.empty()) {
    lines.push_back(fmt::format("Note: {}", note));
  }
  return join(lines, "\n");
}

std::string receipt_section(const Evaluation& evaluation) {
  const Receipt& receipt = evaluation.receipt;
  const RuleSet& rules = evaluation.rules;
  MarkdownTable table{{"Receipt", "Value"}, {}, {}};
  table.rows.push_back({"Subject", subject_in_words(evaluation.facts.subject)});
  table.rows.push_back({"Rule set", rules.title.empty()
                                        ? receipt.ruleset
                                        : fmt::format("{} — {}", receipt.ruleset, rules.title)});
  table.rows.push_back({"Rule set SHA-256", receipt.ruleset_sha256});
  table.rows.push_back({"devo version", receipt.devo_version});
  table.rows.push_back({"As of", receipt.as_of.to_string()});
  if (!receipt.data_vintage.empty()) {
    table.rows.push_back({"Data", receipt.data_vintage});
    table.rows.push_back({"Data SHA-256", receipt.data_sha256});
  }
  return markdown_table(table);
}

std::string tier_line(const Evaluation& evaluation) {
  const Decision& decision = evaluation.decision;
  if (!decision.applicable || !decision.valid) {
    return fmt::format("Tier: {}\n", markdown_text(reached_tier_in_words(evaluation)));
  }
  if (!decision.tier || *decision.tier >= decision.tiers.size()) {
    return "Tier: none reached\n";
  }
  const std::string& id = decision.tiers[*decision.tier].id;
  const Tier* tier = find_tier(evaluation.rules, *decision.tier, id);
  if (tier == nullptr || tier->title.empty()) {
    return fmt::format("Tier: **{}**\n", markdown_text(id));
  }
  return fmt::format("Tier: **{}** — {}\n", markdown_text(id), markdown_text(tier->title));
}

std::string facts_section(const Evaluation& evaluation) {
  std::string out = "## Facts\n\n";
  MarkdownTable table{{"Fact", "Value", "Why"}, {}, {}};
  for (const FactLine& line : facts_in_order(evaluation)) {
    table.rows.push_back({line.title, line.words, line.note});
  }
  if (table.rows.empty()) {
    return out + "None supplied.\n";
  }
  return out + markdown_table(table);
}

std::string tiers_section(const Evaluation& evaluation) {
  MarkdownTable table{{"Tier", "Status", "Reasons"}, {}, {}};
  for (const TierResult& result : evaluation.decision.tiers) {
    table.rows.push_back({result.id, status_cell(result.status),
                          reasons_cell(evaluation.rules, result.reasons, result.settled_by)});
  }
  return "## Tiers\n\n" + markdown_table(table);
}

std::vector<std::string> power_row(const Evaluation& evaluation, std::size_t index) {
  const PowerResult& result = evaluation.decision.powers[index];
  const Power* power = find_power(evaluation.rules, index, result.id);
  std::string held = holding_in_words(result.holding);
  if (const std::string detail = holding_detail(result.holding); !detail.empty()) {
    held += "\n" + detail;
  }
  if (power == nullptr) {
    return {result.id,
            "",
            status_cell(result.status),
            held,
            reasons_cell(evaluation.rules, result.reasons, result.settled_by),
            "",
            ""};
  }
  return {result.id,
          power->title,
          status_cell(result.status),
          held,
          reasons_cell(evaluation.rules, result.reasons, result.settled_by, power->note),
          citation_in_words(evaluation.rules, power->citation),
          std::string(to_string(power->evidence))};
}

std::string powers_section(const Evaluation& evaluation) {
  std::string out = "## Powers\n";
  for (const PowerGroup& group : group_powers(evaluation.rules)) {
    out += fmt::format("\n### {}\n\n",
                       group.name.empty() ? "Other powers" : markdown_text(group.name));
    MarkdownTable table{
        {"Power", "Title", "Status", "Held", "Reasons", "Citation", "Evidence"}, {}, {}};
    for (std::size_t index : group.powers) {
      table.rows.push_back(power_row(evaluation, index));
    }
    out += markdown_table(table);
  }
  return out + fmt::format("\n{}\n", power_summary(evaluation.decision));
}

std::string problems_section(const Decision& decision) {
  std::string out = fmt::format("## {}\n\n", not_valid_in_words(decision));
  for (const Problem& problem : decision.problems) {
    out += fmt::format("- {}\n", markdown_text(problem_in_words(problem)));
  }
  return out;
}

std::string warnings_section(const std::vector<Warning>& warnings) {
  std::string out = "## Warnings\n\n";
  for (const Warning& warning : warnings) {
    out += fmt::format("- {} ({})\n", markdown_text(warning.message), markdown_code(warning.code));
  }
  return out;
}

}  // namespace

std::string render_markdown(const Evaluation& evaluation) {
  const std::string& name = evaluation.facts.subject.name;
  const Decision& decision = evaluation.decision;
  std::string out =
      fmt::format("# {}\n\n", name.empty() ? "(unnamed subject)" : markdown_text(name));
  for (const std::string& sentence : memberships_in_words(evaluation.facts.subject)) {
    out += markdown_line_start(markdown_text(sentence)) + "\n\n";
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
