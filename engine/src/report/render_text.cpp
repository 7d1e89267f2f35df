#include "report/report_common.hpp"
#include "report/text_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The evaluation for people at a terminal: which tier, then every tier and
// power with a mark, its reasons below it and, for powers, where the rule is
// written. Colour is only ever added through paint(), so output without colour
// has no escape codes at all.
namespace devo::report {
namespace {

// How far each level of the report is indented.
constexpr std::size_t k_item_indent = 2;   // facts, tiers, power groups, warnings
constexpr std::size_t k_power_indent = 4;  // powers, under their group
constexpr std::size_t k_tier_detail = 6;   // a tier's reasons
constexpr std::size_t k_power_detail = 8;  // a power's reasons, note, citation

class TextWriter {
 public:
  explicit TextWriter(const TextStyle& style) : m_style(style) {}

  std::string paint(std::string_view text, Colour colour) const {
    return report::paint(text, colour, m_style);
  }

  void blank_line() { m_out += '\n'; }
  void heading(std::string_view text) { m_out += paint(text, Colour::bold) + '\n'; }

  // `prefix` (which may be painted) and then `text`, wrapped under itself.
  void hanging(std::string_view prefix, std::string_view text) {
    m_out += hanging_indent(prefix, text);
  }

  // `text` at `indent`, wrapped, each line painted on its own so that a colour
  // never runs on into the next line's indent.
  void wrapped(std::size_t indent, std::string_view text, Colour colour) {
    for (const std::string& text_line : wrap_words(text, wrap_width(indent))) {
      line(indent, paint(text_line, colour));
    }
  }

  // One line, already laid out, at `indent`.
  void line(std::size_t indent, std::string_view text) {
    m_out += spaces(indent);
    m_out += text;
    m_out += '\n';
  }

  std::string take() { return std::move(m_out); }

 private:
  const TextStyle& m_style;
  std::string m_out;
};

// "  ✓ ", the mark painted in its status's colour.
template <typename AnyStatus>
std::string mark_prefix(const TextWriter& out, std::size_t indent, AnyStatus status) {
  return spaces(indent) + out.paint(mark_of(status), colour_of(status)) + ' ';
}

void write_header(TextWriter& out, const Evaluation& evaluation) {
  const RuleSet& rules = evaluation.rules;
  out.heading(subject_in_words(evaluation.facts.subject));
  // A council inside an institution is told so before anything else.
  for (const std::string& sentence : memberships_in_words(evaluation.facts.subject)) {
    out.hanging("", sentence);
  }
  out.hanging("Rule set: ",
              rules.title.empty() ? rules.id : fmt::format("{} — {}", rules.id, rules.title));
  out.hanging("As of: ", evaluation.receipt.as_of.to_string());
  if (!evaluation.receipt.data_vintage.empty()) {
    out.hanging("Data: ", evaluation.receipt.data_vintage);
  }
  const Subject& subject = evaluation.facts.subject;
  if (!subject.source.empty()) {
    out.hanging("Source: ", subject.caveat.empty() ? subject.source
                                                   : fmt::format("{} (not verified: {})",
                                                                 subject.source, subject.caveat));
  }
  out.blank_line();
  out.hanging(out.paint("Tier:", Colour::bold) + ' ', reached_tier_in_words(evaluation));
}

// The problems of a subject that is not valid, first: they are why it reaches
// nothing.
void write_problems(TextWriter& out, const Decision& decision) {
  out.heading(not_valid_in_words(decision));
  for (const Problem& problem : decision.problems) {
    out.hanging(mark_prefix(out, k_item_indent, Status::fails), problem_in_words(problem));
  }
}

// Where the rule set says it does not apply.
void write_exclusion(TextWriter& out, const Evaluation& evaluation);

void write_facts(TextWriter& out, const Evaluation& evaluation) {
  out.heading("Facts");
  const std::vector<FactLine> lines = facts_in_order(evaluation);
  for (const FactLine& line : lines) {
    const std::string words =
        line.note.empty() ? line.words : fmt::format("{} ({})", line.words, line.note);
    out.hanging(fmt::format("{}{}: ", spaces(k_item_indent), line.title), words);
  }
  if (lines.empty()) {
    out.hanging(spaces(k_item_indent), "none supplied");
  }
}

// Reasons, one per line with its own mark, then what would settle an unknown.
void write_reasons(TextWriter& out, const RuleSet& rules, std::size_t indent,
                   const std::vector<Reason>& reasons, const std::vector<std::string>& settled_by) {
  for (const Reason& reason : reasons) {
    const std::string text =
        reason.expectation ? reason.message + " (expectation only)" : reason.message;
    out.hanging(mark_prefix(out, indent, reason.status), text);
  }
  if (!settled_by.empty()) {
    out.hanging(spaces(indent), settled_by_in_words(rules, settled_by));
  }
}

// "level-3 — Level 3 (holds)": id and title, then the status in words.
std::string item_line(std::string_view id, std::string_view title, std::string_view status) {
  if (title.empty()) {
    return fmt::format("{} ({})", id, status);
  }
  return fmt::format("{} — {} ({})", id, title, status);
}

void write_tiers(TextWriter& out, const Evaluation& evaluation) {
  out.heading("Tiers");
  const std::vector<TierResult>& tiers = evaluation.decision.tiers;
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    const TierResult& result = tiers[i];
    const Tier* tier = find_tier(evaluation.rules, i, result.id);
    if (!evaluation.decision.valid) {
      // Its reasons are the problems above.
      out.hanging(mark_prefix(out, k_item_indent, result.status),
                  item_line(result.id, tier == nullptr ? "" : tier->title, "not valid"));
      continue;
    }
    out.hanging(mark_prefix(out, k_item_indent, result.status),
                item_line(result.id, tier == nullptr ? "" : tier->title, words_for(result.status)));
    write_reasons(out, evaluation.rules, k_tier_detail, result.reasons, result.settled_by);
  }
}

// "Levelling Up the United Kingdom (CP 604), Table 2.3, p.140 · evidence: secondary",
// dim. When it must wrap, "· evidence: …" moves to a line of its own rather
// than breaking in the middle.
void write_citation(TextWriter& out, const RuleSet& rules, const Citation& citation,
                    Evidence evidence) {
  const std::string evidence_text = fmt::format("evidence: {}", to_string(evidence));
  std::vector<std::string> lines =
      wrap_words(citation_in_words(rules, citation), wrap_width(k_power_detail));
  if (lines.back().empty()) {
    lines.back() = evidence_text;
  } else if (display_width(lines.back()) + 3 + evidence_text.size() <= wrap_width(k_power_detail)) {
    lines.back() += " · " + evidence_text;
  } else {
    lines.push_back("· " + evidence_text);
  }
  for (const std::string& line : lines) {
    out.line(k_power_detail, out.paint(line, Colour::dim));
  }
}

void write_power(TextWriter& out, const Evaluation& evaluation, std::size_t index) {
  const PowerResult& result = evaluation.decision.powers[index];
  const Power* power = find_power(evaluation.rules, index, result.id);
  const std::string title = power == nullptr ? std::string() : power->title;
  // Whether the rules make it available, and apart from that, whether the
  // subject holds it.
  const std::string status =
      evaluation.decision.valid
          ? fmt::format("{}; {}", words_for(result.status), holding_in_words(result.holding))
          : std::string("not valid");
  out.hanging(mark_prefix(out, k_power_indent, result.status), item_line(result.id, title, status));
  if (!evaluation.decision.valid) {
    return;
  }
  write_reasons(out, evaluation.rules, k_power_detail, result.reasons, result.settled_by);
  if (const std::string held = holding_detail(result.holding); !held.empty()) {
    out.hanging(spaces(k_power_detail), held);
  }
  if (power == nullptr) {
    return;
  }
  if (!power->note.empty()) {
    out.hanging(spaces(k_power_detail) + "Note: ", power->note);
  }
  write_citation(out, evaluation.rules, power->citation, power->evidence);
}

void write_powers(TextWriter& out, const Evaluation& evaluation) {
  out.heading("Powers");
  const std::vector<PowerGroup> groups = group_powers(evaluation.rules);
  if (groups.empty()) {
    out.hanging(spaces(k_item_indent), "none");
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (g > 0) {
      out.blank_line();
    }
    const std::string_view name = groups[g].name.empty() ? std::string_view("Other powers")
                                                         : std::string_view(groups[g].name);
    out.wrapped(k_item_indent, name, Colour::bold);
    for (std::size_t index : groups[g].powers) {
      write_power(out, evaluation, index);
    }
  }
  out.blank_line();
  out.hanging("", power_summary(evaluation.decision));
}

void write_warnings(TextWriter& out, const std::vector<Warning>& warnings) {
  out.heading("Warnings");
  for (const Warning& warning : warnings) {
    out.hanging(spaces(k_item_indent) + out.paint("warning", Colour::magenta) + ": ",
                fmt::format("{} [{}]", warning.message, warning.code));
  }
}

void write_exclusion(TextWriter& out, const Evaluation& evaluation) {
  const auto& exclusions = evaluation.rules.not_applicable;
  const auto it = std::find_if(exclusions.begin(), exclusions.end(), [&](const Exclusion& entry) {
    return entry.reason == evaluation.decision.not_applicable;
  });
  if (it != exclusions.end()) {
    write_citation(out, evaluation.rules, it->citation, it->evidence);
  }
}

}  // namespace

std::string render_text(const Evaluation& evaluation, const TextStyle& style) {
  TextWriter out(style);
  const Decision& decision = evaluation.decision;
  write_header(out, evaluation);
  if (!decision.applicable) {
    // Not a failed requirement: the rules do not speak of this subject.
    write_exclusion(out, evaluation);
    out.blank_line();
    write_facts(out, evaluation);
    if (!decision.warnings.empty()) {
      out.blank_line();
      write_warnings(out, decision.warnings);
    }
    return out.take();
  }
  if (!decision.valid) {
    out.blank_line();
    write_problems(out, decision);
  }
  out.blank_line();
  write_facts(out, evaluation);
  out.blank_line();
  write_tiers(out, evaluation);
  out.blank_line();
  write_powers(out, evaluation);
  if (!evaluation.decision.warnings.empty()) {
    out.blank_line();
    write_warnings(out, evaluation.decision.warnings);
  }
  return out.take();
}

}  // namespace devo::report
