#include "report/csv.hpp"
#include "report/diff_words.hpp"
#include "report/json_values.hpp"
#include "report/markdown.hpp"
#include "report/report_common.hpp"

#include <devo/report.hpp>

#include <fmt/format.h>

namespace devo::report {

std::string tier_name(const std::string& id) {
  return id.empty() ? std::string("none") : id;
}

std::string side_words(const Receipt& receipt) {
  return fmt::format("{} as of {}", receipt.ruleset, receipt.as_of.to_string());
}

std::string change_words(std::size_t from, std::size_t to) {
  const auto delta = static_cast<long long>(to) - static_cast<long long>(from);
  return delta == 0 ? std::string("=") : fmt::format("{:+d}", delta);
}

std::string count_cell(const DiffCount& count, bool from_side) {
  const bool present = from_side ? count.in_from : count.in_to;
  return present ? std::to_string(from_side ? count.from : count.to) : std::string("-");
}

std::vector<const Reason*> telling(const std::vector<Reason>& reasons) {
  std::vector<const Reason*> result;
  for (const Reason& reason : reasons) {
    if (reason.status != Status::holds && !reason.expectation) {
      result.push_back(&reason);
    }
  }
  return result;
}

namespace {

void text_counts(std::string& out, std::string_view heading, const std::vector<DiffCount>& counts,
                 const Receipt& from, const Receipt& to, const TextStyle& style) {
  std::size_t width = heading.size();
  for (const DiffCount& count : counts) {
    width = std::max(width, count.id.size());
  }
  out += fmt::format("\n{}\n", paint(heading, Colour::bold, style));
  out += fmt::format("  {:<{}}  {:>14}  {:>14}  {:>7}\n", "", width, from.ruleset, to.ruleset,
                     "change");
  for (const DiffCount& count : counts) {
    out += fmt::format(
        "  {:<{}}  {:>14}  {:>14}  {:>7}\n", count.id, width, count_cell(count, true),
        count_cell(count, false),
        count.in_from && count.in_to ? change_words(count.from, count.to) : std::string());
  }
}

void text_reasons(std::string& out, std::string_view label, const std::vector<Reason>& reasons,
                  const TextStyle& style) {
  for (const Reason* reason : telling(reasons)) {
    out += fmt::format("        {} {} {}\n", label,
                       paint(mark_of(reason->status), colour_of(reason->status), style),
                       reason->message);
  }
}

std::string text_diff(const DiffReport& report, const Receipt& from, const Receipt& to,
                      const TextStyle& style) {
  std::string out = fmt::format("Diff: {} (sha256 {}) -> {} (sha256 {})\n", side_words(from),
                                from.ruleset_sha256, side_words(to), to.ruleset_sha256);
  if (!from.data_vintage.empty()) {
    out += fmt::format("Data: {} (sha256 {})\n", from.data_vintage, from.data_sha256);
  }
  out += fmt::format("devo {}\n", from.devo_version);
  out += fmt::format("{} subjects, {} changed\n", report.subjects, report.changes.size());
  text_counts(out, "Subjects by highest tier", report.tiers, from, to, style);
  text_counts(out, "Subjects with the power available", report.powers, from, to, style);
  if (!report.changes.empty()) {
    out += fmt::format("\n{}\n", paint("Changes", Colour::bold, style));
  }
  for (const SubjectChange& change : report.changes) {
    out += fmt::format("  {}\n", subject_in_words(change.subject));
    if (change.from_tier != change.to_tier) {
      out += fmt::format("    tier: {} -> {}\n", tier_name(change.from_tier),
                         tier_name(change.to_tier));
      text_reasons(out, "before", change.from_tier_reasons, style);
      text_reasons(out, "after ", change.to_tier_reasons, style);
    } else {
      out += fmt::format("    tier: {} (unchanged)\n", tier_name(change.from_tier));
    }
    for (const PowerChange& power : change.powers) {
      out +=
          fmt::format("    {}: {} -> {}\n", power.id, words_for(power.from), words_for(power.to));
      text_reasons(out, "before", power.from_reasons, style);
      text_reasons(out, "after ", power.to_reasons, style);
    }
    if (change.only_from > 0 || change.only_to > 0) {
      out +=
          fmt::format("    powers only in {}: {} ({} available); only in {}: {} ({} available)\n",
                      from.ruleset, change.only_from, change.only_from_available, to.ruleset,
                      change.only_to, change.only_to_available);
    }
  }
  return out;
}

std::string markdown_diff(const DiffReport& report, const Receipt& from, const Receipt& to) {
  std::string out = fmt::format("# Diff: {} → {}\n\n", markdown_text(side_words(from)),
                                markdown_text(side_words(to)));
  MarkdownTable receipts{{"", "from", "to"}, {}, {}};
  receipts.rows.push_back({"Rule set", from.ruleset, to.ruleset});
  receipts.rows.push_back({"SHA-256", from.ruleset_sha256, to.ruleset_sha256});
  receipts.rows.push_back({"As of", from.as_of.to_string(), to.as_of.to_string()});
  if (!from.data_vintage.empty()) {
    receipts.rows.push_back({"Data", from.data_vintage, to.data_vintage});
  }
  out += markdown_table(receipts);
  out += fmt::format("\n{} subjects, {} changed.\n", report.subjects, report.changes.size());
  for (const auto& [heading, counts] : {std::pair<std::string, const std::vector<DiffCount>*>{
                                            "Subjects by highest tier", &report.tiers},
                                        std::pair<std::string, const std::vector<DiffCount>*>{
                                            "Subjects with the power available", &report.powers}}) {
    MarkdownTable table{{"", from.ruleset, to.ruleset, "change"},
                        {},
                        {Align::left, Align::right, Align::right, Align::right}};
    for (const DiffCount& count : *counts) {
      table.rows.push_back(
          {count.id, count_cell(count, true), count_cell(count, false),
           count.in_from && count.in_to ? change_words(count.from, count.to) : std::string()});
    }
    out += fmt::format("\n## {}\n\n", heading) + markdown_table(table);
  }
  if (report.changes.empty()) {
    return out;
  }
  // Each side's cell: its tier or status, then the reasons behind it, a line each.
  const auto side_cell = [](std::string_view outcome, const std::vector<Reason>& reasons) {
    std::string cell(outcome);
    for (const Reason* reason : telling(reasons)) {
      cell += "\n" + reason->message;
    }
    return cell;
  };
  MarkdownTable changes{{"Subject", "What", "Before", "After"}, {}, {}};
  for (const SubjectChange& change : report.changes) {
    const std::string subject = subject_in_words(change.subject);
    if (change.from_tier != change.to_tier) {
      changes.rows.push_back({subject, "tier",
                              side_cell(tier_name(change.from_tier), change.from_tier_reasons),
                              side_cell(tier_name(change.to_tier), change.to_tier_reasons)});
    }
    for (const PowerChange& power : change.powers) {
      changes.rows.push_back({subject, power.id,
                              side_cell(words_for(power.from), power.from_reasons),
                              side_cell(words_for(power.to), power.to_reasons)});
    }
  }
  return out + "\n## Changes\n\n" + markdown_table(changes);
}

// A spreadsheet's view of the changes: a row per changed power, each with the
// subject's tiers on both sides, so that a filter on any column keeps whole
// rows that still read on their own.
std::string csv_diff(const DiffReport& report) {
  std::vector<std::vector<std::string>> rows{{"subject_code", "subject_name", "subject_kind",
                                              "tier_before", "tier_after", "power", "status_before",
                                              "status_after"}};
  for (const SubjectChange& change : report.changes) {
    const Subject& subject = change.subject;
    const std::vector<std::string> first{subject.code, subject.name, subject.kind, change.from_tier,
                                         change.to_tier};
    if (change.powers.empty()) {
      std::vector<std::string> row = first;
      row.insert(row.end(), {"", "", ""});
      rows.push_back(std::move(row));
    }
    for (const PowerChange& power : change.powers) {
      std::vector<std::string> row = first;
      row.insert(row.end(),
                 {power.id, std::string(to_string(power.from)), std::string(to_string(power.to))});
      rows.push_back(std::move(row));
    }
  }
  return csv_rows(rows);
}

Json counts_json(const std::vector<DiffCount>& counts) {
  Json json = Json::array();
  for (const DiffCount& count : counts) {
    json.push_back(Json{{"id", count.id},
                        {"from", count.in_from ? Json(count.from) : Json(nullptr)},
                        {"to", count.in_to ? Json(count.to) : Json(nullptr)}});
  }
  return json;
}

Json json_diff(const DiffReport& report, const Receipt& from, const Receipt& to) {
  Json json = Json::object();
  json["from"] = receipt_json(from);
  json["to"] = receipt_json(to);
  json["subjects"] = report.subjects;
  json["changed"] = report.changes.size();
  json["tiers"] = counts_json(report.tiers);
  json["powers"] = counts_json(report.powers);
  json["changes"] = Json::array();
  for (const SubjectChange& change : report.changes) {
    Json powers = Json::array();
    for (const PowerChange& power : change.powers) {
      powers.push_back(Json{{"id", power.id},
                            {"from", to_string(power.from)},
                            {"to", to_string(power.to)},
                            {"from_reasons", reasons_json(power.from_reasons)},
                            {"to_reasons", reasons_json(power.to_reasons)}});
    }
    json["changes"].push_back(
        Json{{"subject", subject_json(change.subject)},
             {"from_tier", change.from_tier.empty() ? Json(nullptr) : Json(change.from_tier)},
             {"to_tier", change.to_tier.empty() ? Json(nullptr) : Json(change.to_tier)},
             {"from_tier_reasons", reasons_json(change.from_tier_reasons)},
             {"to_tier_reasons", reasons_json(change.to_tier_reasons)},
             {"powers", powers},
             {"only_from", change.only_from},
             {"only_from_available", change.only_from_available},
             {"only_to", change.only_to},
             {"only_to_available", change.only_to_available}});
  }
  return json;
}

}  // namespace
}  // namespace devo::report

namespace devo {

std::string render_diff(const DiffReport& report, const Receipt& from, const Receipt& to,
                        OutputFormat format, const TextStyle& style) {
  switch (format) {
    case OutputFormat::json:
      return report::dump_json(report::json_diff(report, from, to));
    case OutputFormat::markdown:
      return printable(report::markdown_diff(report, from, to));
    case OutputFormat::csv:
      return report::csv_diff(report);
    case OutputFormat::text:
      break;
  }
  return printable(report::text_diff(report, from, to, style), style);
}

}  // namespace devo
