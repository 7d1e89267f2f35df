#include "report/catalogue_words.hpp"
#include "report/diff_words.hpp"
#include "report/markup.hpp"
#include "report/report_common.hpp"

#include <devo/report.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// The printable reports: an evaluation, a validation or a diff as one
// self-contained HTML page that a council officer attaches to a committee
// paper. The words are the text and Markdown reports' own (report_common.hpp,
// diff_words.hpp); this file only lays them out. Every text passes through
// printable() and escape_markup() (html_text()); the map is the one thing
// written as given, being devo's own drawing rather than anyone's text. The
// page is well-formed XML as well as HTML, and holds no date or time of its
// own, so the same input gives the same bytes.
namespace devo::report {
namespace {

// Screen: a plain, restrained page in the system's fonts. Print: A4, sizes in
// points, no table row or map split across pages. Status is always in words
// beside its mark; colour only repeats it, and nothing rests on a background,
// which browsers leave out when printing.
constexpr std::string_view k_stylesheet = R"(p, ul, dl { margin: 0.5rem 0; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.5rem; }
dl.summary dt { font-weight: 700; }
dl.summary dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0 1.25rem; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 0.5rem 1rem 0.5rem 0; text-align: left;
  vertical-align: top; }
thead th { border-bottom: 2px solid #0b0c0c; }
th[scope="row"] { font-weight: 600; }
.number { text-align: right; font-variant-numeric: tabular-nums; }
ul.reasons, ul.notes { list-style: none; margin: 0; padding: 0; }
ul.reasons li, ul.notes li { padding-left: 1.3em; text-indent: -1.3em; }
ul.reasons li + li, ul.notes li { margin-top: 0.25rem; }
td p { margin: 0.25rem 0 0; }
.id, .hash, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 0.9em; }
.id { font-weight: 400; }
.hash, .place { overflow-wrap: anywhere; }
.status { font-weight: 700; white-space: nowrap; }
.status-holds, .status-available { color: #00703c; }
.status-fails, .status-unavailable { color: #d4351c; }
.status-unknown { color: #6f4b00; }
.detail, figcaption { color: #505a5f; }
.notice { border-left: 5px solid #1d70b8; padding-left: 1rem; }
figure.map { margin: 1rem 0; }
figcaption { font-size: 0.9rem; margin-top: 0.5rem; }
svg { max-width: 100%; height: auto; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); border: 0; white-space: nowrap; }
@page { size: A4; margin: 15mm; }
@media print {
  body { font-size: 10pt; line-height: 1.35; }
  h1 { font-size: 18pt; }
  h2 { font-size: 14pt; margin-top: 14pt; }
  h3 { font-size: 12pt; margin-top: 12pt; }
  table { font-size: 9pt; }
  figcaption { font-size: 9pt; }
  tr, li, dl, figure.map { break-inside: avoid; page-break-inside: avoid; }
  /* Short enough to follow the summary on the first page of A4. */
  figure.map svg { display: block; height: 165mm; width: auto; max-width: 100%; margin: 0 auto; }
}
)";

// Any text on its way into the page: made printable (no control or invisible
// characters, no bytes that are not UTF-8) and escaped.
std::string html_text(std::string_view text) {
  return escape_markup(printable(text));
}

// `inner` (HTML already) in an element of devo's own choosing; `class_name`,
// when given, is one of the stylesheet's classes.
std::string element(std::string_view tag, std::string_view inner,
                    std::string_view class_name = {}) {
  if (class_name.empty()) {
    return fmt::format("<{0}>{1}</{0}>", tag, inner);
  }
  return fmt::format("<{0} class=\"{2}\">{1}</{0}>", tag, inner,
                     escape_markup(class_name, MarkupPlace::attribute));
}

std::string heading(int level, std::string_view text) {
  return fmt::format("<h{0}>{1}</h{0}>\n", level, html_text(text));
}

std::string paragraph(std::string_view text, std::string_view class_name = {}) {
  return element("p", html_text(text), class_name) + '\n';
}

// A label and its value (HTML already), for the summary under the title.
struct SummaryItem {
  std::string label;
  std::string value;
};

std::string summary(const std::vector<SummaryItem>& items) {
  std::string out = "<dl class=\"summary\">\n";
  for (const SummaryItem& item : items) {
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", html_text(item.label), item.value);
  }
  return out + "</dl>\n";
}

// A table of cells already written as HTML, under a header of plain text.
// With `row_headers`, each row's first cell names the row (<th scope="row">),
// so that a screen reader says which power or fact a cell belongs to.
// `numeric` columns (by index) are aligned right.
struct HtmlTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  bool row_headers = false;
  std::vector<std::size_t> numeric = {};
};

bool is_numeric(const HtmlTable& table, std::size_t column) {
  for (std::size_t index : table.numeric) {
    if (index == column) {
      return true;
    }
  }
  return false;
}

// " class=\"number\"" for a numeric column, else nothing.
std::string column_class(const HtmlTable& table, std::size_t column) {
  return is_numeric(table, column) ? std::string(" class=\"number\"") : std::string();
}

std::string table_row(const HtmlTable& table, const std::vector<std::string>& cells) {
  std::string out = "<tr>";
  for (std::size_t column = 0; column < table.header.size(); ++column) {
    const std::string& cell = column < cells.size() ? cells[column] : std::string();
    if (column == 0 && table.row_headers) {
      out += fmt::format("<th scope=\"row\">{}</th>", cell);
    } else {
      out += fmt::format("<td{}>{}</td>", column_class(table, column), cell);
    }
  }
  return out + "</tr>\n";
}

std::string html_table(const HtmlTable& table) {
  std::string out = "<table>\n<thead><tr>";
  for (std::size_t column = 0; column < table.header.size(); ++column) {
    out += fmt::format("<th scope=\"col\"{}>{}</th>", column_class(table, column),
                       html_text(table.header[column]));
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const std::vector<std::string>& cells : table.rows) {
    out += table_row(table, cells);
  }
  return out + "</tbody>\n</table>\n";
}

// "✓ available", the mark hidden from screen readers (the word says it), in
// the status's colour.
std::string status_html(std::string_view status_class, std::string_view mark,
                        std::string_view words) {
  return fmt::format(
      "<span class=\"status status-{}\"><span aria-hidden=\"true\">{}</span> {}</span>",
      escape_markup(status_class, MarkupPlace::attribute), html_text(mark), html_text(words));
}

template <typename AnyStatus>
std::string status_html(AnyStatus status) {
  return status_html(to_string(status), mark_of(status), words_for(status));
}

// What a tier or power is when the subject is not valid: its reasons are the
// problems listed above it.
std::string not_valid_html() {
  return status_html(to_string(Status::fails), mark_of(Status::fails), "not valid");
}

// "level-3" in monospace, and "Level 3" on the line below: for a row header.
std::string item_html(std::string_view id, std::string_view title) {
  const std::string id_html = element("span", html_text(id), "id");
  return title.empty() ? id_html : id_html + "<br />" + html_text(title);
}

// One reason: its mark (and, for screen readers, its status in words), then
// the reason itself.
std::string reason_html(const Reason& reason) {
  return fmt::format(
      "<li><span aria-hidden=\"true\">{}</span><span class=\"visually-hidden\">{}: "
      "</span>{}{}</li>",
      html_text(mark_of(reason.status)), html_text(words_for(reason.status)),
      html_text(reason.message), reason.expectation ? " (expectation only)" : "");
}

std::string reasons_html(const std::vector<Reason>& reasons) {
  if (reasons.empty()) {
    return std::string();
  }
  std::string out = "<ul class=\"reasons\">";
  for (const Reason& reason : reasons) {
    out += reason_html(reason);
  }
  return out + "</ul>";
}

// A cell of reasons, then what would settle an unknown, then a note.
std::string reasons_cell(const RuleSet& rules, const std::vector<Reason>& reasons,
                         const std::vector<std::string>& settled_by, std::string_view note = {}) {
  std::string out = reasons_html(reasons);
  if (!settled_by.empty()) {
    out += element("p", html_text(settled_by_in_words(rules, settled_by)), "detail");
  }
  if (!note.empty()) {
    out += element("p", html_text(fmt::format("Note: {}", note)), "detail");
  }
  return out;
}

// "◐ secondary": the evidence mark with its sign, as the catalogue shows it.
std::string evidence_html(Evidence evidence) {
  const std::string_view sign = evidence_sign(evidence);
  const std::string words(to_string(evidence));
  return html_text(sign.empty() ? words : fmt::format("{} {}", sign, words));
}

std::string map_figure(std::string_view map_svg, std::string_view caption) {
  if (map_svg.empty()) {
    return std::string();
  }
  return fmt::format("{}<figure class=\"map\">\n{}\n<figcaption>{}</figcaption>\n</figure>\n",
                     heading(2, "Map"), map_svg, html_text(caption));
}

// ---------------------------------------------------------------------------
// The receipt: what is needed to reproduce the report, one column per side.

std::string hash_html(std::string_view sha256) {
  return element("span", html_text(sha256), "hash");
}

std::string rule_files_html(const std::vector<RuleFile>& files) {
  std::string out = "<ul class=\"notes\">";
  for (const RuleFile& file : files) {
    out += fmt::format("<li>{}<br />{}</li>", html_text(file.path), hash_html(file.sha256));
  }
  return out + "</ul>";
}

// One row of the receipt: a label and the value on each side.
template <typename Value>
std::vector<std::string> receipt_row(std::string_view label, const std::vector<Receipt>& sides,
                                     Value value) {
  std::vector<std::string> row{html_text(label)};
  for (const Receipt& side : sides) {
    row.push_back(value(side));
  }
  return row;
}

std::string receipt_section(const std::vector<Receipt>& sides,
                            const std::vector<std::string>& side_names) {
  HtmlTable table{{"Receipt"}, {}, true};
  table.header.insert(table.header.end(), side_names.begin(), side_names.end());
  const auto text = [](const std::string& value) { return html_text(value); };
  table.rows.push_back(
      receipt_row("Rule set", sides, [&](const Receipt& side) { return text(side.ruleset); }));
  table.rows.push_back(receipt_row("Rule set SHA-256", sides, [](const Receipt& side) {
    return hash_html(side.ruleset_sha256);
  }));
  table.rows.push_back(receipt_row("Rule files", sides, [](const Receipt& side) {
    return rule_files_html(side.ruleset_files);
  }));
  table.rows.push_back(receipt_row("devo version", sides,
                                   [&](const Receipt& side) { return text(side.devo_version); }));
  table.rows.push_back(receipt_row(
      "As of", sides, [&](const Receipt& side) { return text(side.as_of.to_string()); }));
  // Facts given by hand come with no data.
  if (!sides.empty() && !sides.front().data_vintage.empty()) {
    table.rows.push_back(
        receipt_row("Data", sides, [&](const Receipt& side) { return text(side.data_vintage); }));
    table.rows.push_back(receipt_row(
        "Data SHA-256", sides, [](const Receipt& side) { return hash_html(side.data_sha256); }));
  }
  return heading(2, "Receipt") + html_table(table);
}

std::string receipt_section(const Receipt& receipt) {
  return receipt_section({receipt}, {"Value"});
}

// "Greater Manchester Combined Authority", and under it what it is.
std::string title_block(const Subject& subject, std::vector<SummaryItem> items) {
  const std::string name = subject.name.empty() ? std::string("(unnamed subject)") : subject.name;
  std::vector<SummaryItem> head;
  if (!subject.kind.empty()) {
    head.push_back({"Kind", html_text(subject.kind)});
  }
  if (!subject.code.empty()) {
    head.push_back({"Code", html_text(subject.code)});
  }
  head.insert(head.end(), items.begin(), items.end());
  return heading(1, name) + summary(head);
}

// ---------------------------------------------------------------------------
// An evaluation

std::string tier_reached_html(const Evaluation& evaluation) {
  return element("strong", html_text(reached_tier_in_words(evaluation)));
}

std::string evaluation_title(const Evaluation& evaluation) {
  const RuleSet& rules = evaluation.rules;
  const Subject& subject = evaluation.facts.subject;
  std::vector<SummaryItem> items{{"Tier reached", tier_reached_html(evaluation)}};
  if (evaluation.decision.applicable) {
    items.push_back({"Powers", html_text(power_summary(evaluation.decision))});
  }
  items.push_back(
      {"Rule set",
       html_text(rules.title.empty() ? rules.id : fmt::format("{} — {}", rules.id, rules.title))});
  items.push_back({"As of", html_text(evaluation.receipt.as_of.to_string())});
  if (!subject.source.empty()) {
    items.push_back({"Source", html_text(subject.caveat.empty()
                                             ? subject.source
                                             : fmt::format("{} (not verified: {})", subject.source,
                                                           subject.caveat))});
  }
  std::string out = title_block(subject, items);
  // A council inside an institution is told so before anything else.
  for (const std::string& sentence : memberships_in_words(subject)) {
    out += paragraph(sentence, "notice");
  }
  return out;
}

std::string problems_section(const Decision& decision) {
  std::string out = heading(2, not_valid_in_words(decision)) + "<ul>\n";
  for (const Problem& problem : decision.problems) {
    out += element("li", html_text(problem_in_words(problem))) + '\n';
  }
  return out + "</ul>\n";
}

std::string tiers_section(const Evaluation& evaluation) {
  const Decision& decision = evaluation.decision;
  HtmlTable table{{"Tier", "Status", "Reasons"}, {}, true};
  for (std::size_t i = 0; i < decision.tiers.size(); ++i) {
    const TierResult& result = decision.tiers[i];
    const Tier* tier = find_tier(evaluation.rules, i, result.id);
    table.rows.push_back(
        {item_html(result.id, tier == nullptr ? "" : tier->title),
         decision.valid ? status_html(result.status) : not_valid_html(),
         decision.valid ? reasons_cell(evaluation.rules, result.reasons, result.settled_by) : ""});
  }
  return heading(2, "Tiers") + html_table(table);
}

// Whether the subject holds the power now, the data's note on it, and where
// the data says so.
std::string held_cell(const Holding& holding) {
  std::string out = html_text(holding_in_words(holding));
  if (const std::string detail = holding_detail(holding); !detail.empty()) {
    out += element("p", html_text(detail));
  }
  if (!holding.source.empty()) {
    const std::string evidence =
        holding.evidence.empty() ? std::string() : fmt::format(" (evidence: {})", holding.evidence);
    out += element("p", html_text(fmt::format("Source: {}{}", holding.source, evidence)), "detail");
  }
  return out;
}

std::string citation_cell(const RuleSet& rules, const Power& power) {
  return html_text(citation_in_words(rules, power.citation)) +
         element("p", "Evidence: " + evidence_html(power.evidence));
}

std::vector<std::string> power_row(const Evaluation& evaluation, std::size_t index) {
  const PowerResult& result = evaluation.decision.powers[index];
  const Power* power = find_power(evaluation.rules, index, result.id);
  const std::string item = item_html(result.id, power == nullptr ? "" : power->title);
  if (!evaluation.decision.valid) {
    return {item, not_valid_html()};
  }
  return {item, status_html(result.status), held_cell(result.holding),
          reasons_cell(evaluation.rules, result.reasons, result.settled_by,
                       power == nullptr ? "" : power->note),
          power == nullptr ? "" : citation_cell(evaluation.rules, *power)};
}

std::string powers_section(const Evaluation& evaluation) {
  std::string out = heading(2, "Powers");
  for (const PowerGroup& group : group_powers(evaluation.rules)) {
    out += heading(3, group.name.empty() ? std::string("Other powers") : group.name);
    HtmlTable table{{"Power", "Status", "Held now", "Reasons", "Citation"}, {}, true};
    for (std::size_t index : group.powers) {
      table.rows.push_back(power_row(evaluation, index));
    }
    out += html_table(table);
  }
  return out + paragraph(power_summary(evaluation.decision));
}

std::string facts_section(const Evaluation& evaluation) {
  const std::vector<FactLine> lines = facts_in_order(evaluation);
  if (lines.empty()) {
    return heading(2, "Facts") + paragraph("None supplied.");
  }
  HtmlTable table{{"Fact", "Value", "Why"}, {}, true};
  for (const FactLine& line : lines) {
    table.rows.push_back({html_text(line.title), html_text(line.words), html_text(line.note)});
  }
  return heading(2, "Facts") + html_table(table);
}

std::string warnings_section(const std::vector<Warning>& warnings) {
  std::string out = heading(2, "Warnings") + "<ul>\n";
  for (const Warning& warning : warnings) {
    out += fmt::format("<li>{} <code>[{}]</code></li>\n", html_text(warning.message),
                       html_text(warning.code));
  }
  return out + "</ul>\n";
}

std::string evaluation_body(const Evaluation& evaluation, std::string_view map_svg) {
  const Decision& decision = evaluation.decision;
  std::string out = evaluation_title(evaluation);
  if (!decision.valid) {
    out += problems_section(decision);
  }
  out += map_figure(map_svg, subject_in_words(evaluation.facts.subject));
  if (decision.applicable) {
    out += tiers_section(evaluation);
    out += powers_section(evaluation);
  }
  out += facts_section(evaluation);
  if (!decision.warnings.empty()) {
    out += warnings_section(decision.warnings);
  }
  return out + receipt_section(evaluation.receipt);
}

// ---------------------------------------------------------------------------
// A validation

// "proposal.yaml:4:3", or "—" for a finding about no file in particular.
std::string place_html(const Location& where) {
  return element("span", html_text(where.file.empty() ? std::string("—") : to_string(where)),
                 "place");
}

std::string finding_cell(const Diagnostic& finding) {
  std::string out = html_text(finding.message);
  if (finding.notes.empty()) {
    return out;
  }
  out += "<ul class=\"notes\">";
  for (const Diagnostic& note : finding.notes) {
    const std::string place = note.location.file.empty() ? std::string() : to_string(note.location);
    out +=
        element("li", html_text(place.empty() ? fmt::format("note: {}", note.message)
                                              : fmt::format("{}: note: {}", place, note.message)));
  }
  return out + "</ul>";
}

std::string severity_html(Severity severity) {
  const std::string_view words = to_string(severity);
  const Status status = severity == Severity::error ? Status::fails : Status::unknown;
  return fmt::format("<span class=\"status status-{}\">{}</span>", to_string(status),
                     html_text(words));
}

std::string findings_section(const Diagnostics& findings) {
  const std::vector<Diagnostic> sorted = findings.sorted();
  if (sorted.empty()) {
    return heading(2, "Findings") + paragraph("No problems found.");
  }
  HtmlTable table{{"Place", "Severity", "Finding", "Code"}, {}, false};
  for (const Diagnostic& finding : sorted) {
    table.rows.push_back({place_html(finding.location), severity_html(finding.severity),
                          finding_cell(finding), element("code", html_text(finding.code))});
  }
  return heading(2, "Findings") + html_table(table);
}

// "Valid: it reaches level-3 (Level 3) under luwp-2022", or "Not valid: 2
// problems; it reaches no tier under luwp-2022", as the text report says it.
std::string verdict_html(const Validation& validation) {
  const std::string reached =
      fmt::format("{} under {}", reach_in_words(validation), validation.receipt.ruleset);
  if (!validation.findings.has_errors()) {
    return status_html(to_string(Status::holds), mark_of(Status::holds), "valid") + ": " +
           html_text(reached);
  }
  const std::size_t problems = validation.findings.error_count();
  return status_html(to_string(Status::fails), mark_of(Status::fails), "not valid") + ": " +
         html_text(fmt::format("{} problem{}; {}", problems, problems == 1 ? "" : "s", reached));
}

std::string validation_body(const Validation& validation, std::string_view map_svg) {
  const std::string tier = validation.tier.empty()
                               ? std::string("none reached")
                               : fmt::format("{} — {}", validation.tier, validation.tier_title);
  std::string out =
      title_block(validation.subject, {{"Verdict", verdict_html(validation)},
                                       {"Tier reached", element("strong", html_text(tier))},
                                       {"As of", html_text(validation.receipt.as_of.to_string())}});
  out += findings_section(validation.findings);
  out += map_figure(map_svg, subject_in_words(validation.subject));
  return out + receipt_section(validation.receipt);
}

// ---------------------------------------------------------------------------
// A diff

std::string counts_section(std::string_view title, std::string_view what,
                           const std::vector<DiffCount>& counts, const Receipt& from,
                           const Receipt& to) {
  HtmlTable table{
      {std::string(what), side_words(from), side_words(to), "Change"}, {}, true, {1, 2, 3}};
  for (const DiffCount& count : counts) {
    table.rows.push_back(
        {html_text(count.id), html_text(count_cell(count, true)),
         html_text(count_cell(count, false)),
         html_text(count.in_from && count.in_to ? change_words(count.from, count.to)
                                                : std::string())});
  }
  return heading(2, title) + html_table(table);
}

// One side of a change: its tier or status, then the reasons behind it.
std::string side_cell(std::string_view outcome_html, const std::vector<Reason>& reasons) {
  std::string out(outcome_html);
  const std::vector<const Reason*> shown = telling(reasons);
  if (shown.empty()) {
    return out;
  }
  out += "<ul class=\"reasons\">";
  for (const Reason* reason : shown) {
    out += reason_html(*reason);
  }
  return out + "</ul>";
}

std::string change_section(const SubjectChange& change, const Receipt& from, const Receipt& to) {
  std::string out = heading(3, subject_in_words(change.subject));
  HtmlTable table{{"What", "Before", "After"}, {}, true};
  if (change.from_tier != change.to_tier) {
    table.rows.push_back({html_text("tier"),
                          side_cell(element("strong", html_text(tier_name(change.from_tier))),
                                    change.from_tier_reasons),
                          side_cell(element("strong", html_text(tier_name(change.to_tier))),
                                    change.to_tier_reasons)});
  } else {
    out += paragraph(fmt::format("Tier: {} (unchanged)", tier_name(change.from_tier)));
  }
  for (const PowerChange& power : change.powers) {
    table.rows.push_back({element("span", html_text(power.id), "id"),
                          side_cell(status_html(power.from), power.from_reasons),
                          side_cell(status_html(power.to), power.to_reasons)});
  }
  if (!table.rows.empty()) {
    out += html_table(table);
  }
  if (change.only_from > 0 || change.only_to > 0) {
    out += paragraph(
        fmt::format("Powers only in {}: {} ({} available); only in {}: {} ({} available).",
                    from.ruleset, change.only_from, change.only_from_available, to.ruleset,
                    change.only_to, change.only_to_available));
  }
  return out;
}

std::string diff_title(const Receipt& from, const Receipt& to) {
  return fmt::format("Diff: {} → {}", side_words(from), side_words(to));
}

std::string diff_body(const DiffReport& report, const Receipt& from, const Receipt& to,
                      std::string_view map_svg) {
  std::string out = heading(1, diff_title(from, to));
  out += summary({{"Subjects", html_text(std::to_string(report.subjects))},
                  {"Changed", html_text(std::to_string(report.changes.size()))}});
  out += map_figure(map_svg, "The subjects that changed");
  out += counts_section("Subjects by highest tier", "Tier", report.tiers, from, to);
  out += counts_section("Subjects with the power available", "Power", report.powers, from, to);
  if (!report.changes.empty()) {
    out += heading(2, "Changes");
  }
  for (const SubjectChange& change : report.changes) {
    out += change_section(change, from, to);
  }
  return out + receipt_section({from, to}, {"Before", "After"});
}

}  // namespace
}  // namespace devo::report

namespace devo {

std::string render_evaluation_html(const Evaluation& evaluation, std::string_view map_svg) {
  const std::string title = fmt::format(
      "{} — devolution evaluation, {} as of {}", report::subject_in_words(evaluation.facts.subject),
      evaluation.receipt.ruleset, evaluation.receipt.as_of.to_string());
  return report::html_page(printable(title), report::k_stylesheet,
                           report::evaluation_body(evaluation, map_svg));
}

std::string render_validation_html(const Validation& validation, std::string_view map_svg) {
  const std::string title = fmt::format(
      "{} — proposal validation, {} as of {}", report::subject_in_words(validation.subject),
      validation.receipt.ruleset, validation.receipt.as_of.to_string());
  return report::html_page(printable(title), report::k_stylesheet,
                           report::validation_body(validation, map_svg));
}

std::string render_diff_html(const DiffReport& report, const Receipt& from, const Receipt& to,
                             std::string_view map_svg) {
  return report::html_page(printable(report::diff_title(from, to)), report::k_stylesheet,
                           report::diff_body(report, from, to, map_svg));
}

}  // namespace devo
