#pragma once

#include <devo/decision.hpp>
#include <devo/diagnostic.hpp>
#include <devo/diff.hpp>
#include <devo/facts.hpp>
#include <devo/map.hpp>
#include <devo/ruleset.hpp>
#include <devo/suggest.hpp>
#include <devo/testing.hpp>
#include <devo/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace devo {

// What is needed to reproduce a decision later. The data fields are empty
// when the facts were given by hand rather than computed from devo's data.
struct Receipt {
  std::string ruleset;
  std::string ruleset_sha256;
  std::vector<RuleFile> ruleset_files;
  std::string devo_version;
  Date as_of;
  std::string data_vintage;
  std::string data_sha256;
};

// Everything a report of one evaluation shows.
struct Evaluation {
  Receipt receipt;
  const RuleSet& rules;
  const FactInput& facts;
  const Decision& decision;
};

// How a report is written. CSV (RFC 4180, LF line ends) is for spreadsheets:
// each renderer below says which table it gives.
enum class OutputFormat { text, json, markdown, csv };

struct TextStyle {
  // ANSI colours, for a terminal.
  bool colour = false;
};

// `text` made safe to show on a terminal or in a document: C0 and C1 control
// characters (other than newline and tab), the invisible characters that
// reorder or hide text, and bytes that are not UTF-8 are written out as
// "\x1B" or "\u{202E}". With style.colour, the colour codes the reports
// themselves use are kept. Every text, Markdown and HTML rendering below has
// been through it already; a front end uses it for its own messages.
std::string printable(std::string_view text, const TextStyle& style = {});

// Renders an evaluation. JSON follows the contract in docs/output.md. CSV:
// one row per tier, then per power: kind,id,title,status,held (held "true",
// "false" or empty, as devo's data records it; empty for a tier).
std::string render_evaluation(const Evaluation& evaluation, OutputFormat format,
                              const TextStyle& style = {});

// The outcome of checking a proposal (`devo validate`): the problems found
// with it as a proposal, and the tier it reaches.
struct Validation {
  Receipt receipt;
  const Subject& subject;
  // The tier reached, if any, as "level-3" and its title.
  std::string tier;
  std::string tier_title;
  // The findings, with the proposal file's text for quoting lines.
  const Diagnostics& findings;
};

// Renders a validation: the findings like diagnostics, then a line saying
// whether the proposal is valid; or the same as JSON. CSV: the findings alone,
// as render_diagnostics() writes them.
std::string render_validation(const Validation& validation, OutputFormat format,
                              const TextStyle& style = {});

// Renders the outcome of `devo test`: each failing case with what was
// expected, what came, and the reasons behind it; the rule coverage as a
// table with the outcomes not yet seen; the receipts; and a last line
// "N passed, M failed". `threshold` is the coverage asked for, if any. CSV:
// one row per case: file,line,name,ruleset,as_of,passed,mismatches (the
// mismatches a line each in one field).
std::string render_test_report(const TestReport& report, OutputFormat format,
                               std::optional<double> threshold, const TextStyle& style = {});

// The outcome of `devo test` as JUnit XML, for CI servers: one <testsuites>
// holding one <testsuite name="devo"> with a <testcase> per case (its name,
// and its case file as the classname) and, for a failed case, a <failure>
// whose message is the mismatches and whose text adds the reasons. Properties
// give devo's version, the data and each rule set's SHA-256, and the
// coverage. No times, so the same run gives the same bytes. Everything is
// made printable() and XML-escaped, so no character XML 1.0 forbids appears.
std::string render_test_report_junit(const TestReport& report);

// Renders a diff of two rule sets (or dates) over England: the receipts of
// both sides, a summary of subjects per tier and per available power, then
// each subject that changed with the reasons on both sides. CSV: the changes
// alone, in the text's order, under the header
// subject_code,subject_name,subject_kind,tier_before,tier_after,power,status_before,status_after:
// a row per power whose status changed, each with the subject's tiers (an
// empty tier for none); a subject with no such power (its tier changed, or
// only powers that one side alone has) gets one row with the power empty.
std::string render_diff(const DiffReport& report, const Receipt& from, const Receipt& to,
                        OutputFormat format, const TextStyle& style = {});

// One self-contained HTML page (CSS inline, nothing fetched: no scripts,
// fonts or images) to attach to a committee paper, printing cleanly on A4:
// well-formed XML as well as HTML5, every text made printable() and escaped,
// and the same bytes for the same input. `map_svg` is an <svg> element to
// embed as the report's map, as given, or empty for none (facts given by hand
// have no place to draw).
//
// The evaluation: the subject (name, kind, code), the tier reached, each tier
// with its status and reasons, the map, each power with its status, reasons,
// citation, evidence mark and whether the subject holds it now, the facts with
// their values and notes, the warnings and the receipt.
std::string render_evaluation_html(const Evaluation& evaluation, std::string_view map_svg);

// The validation: whether the proposal is valid and the tier it reaches, the
// findings as diagnostics are (place, severity, message, code, notes), the
// map and the receipt.
std::string render_validation_html(const Validation& validation, std::string_view map_svg);

// The diff: the subjects and changes counted, the map, the summary of subjects
// per tier and per available power, each subject that changed with its tiers
// and changed powers before and after and the reasons on each side, and both
// receipts.
std::string render_diff_html(const DiffReport& report, const Receipt& from, const Receipt& to,
                             std::string_view map_svg);

enum class CatalogueFormat { markdown, html };

// Renders a rule set as a readable catalogue for people who do not read YAML:
// its header, effective dates and sources; its tiers in order with their
// requirements and expectations in words; its powers by group, each with its
// tier, its further requirements in words, its note, its citation and its
// evidence mark; and its named conditions. Deterministic, so that the
// committed docs/rules/<id>.md can be checked to be up to date.
std::string render_catalogue(const RuleSet& rules, CatalogueFormat format);

// Renders the outcome of `devo suggest`: the subject alone, what each
// grouping was assumed to be, how far the search went, then each grouping
// found, best first, with its tier, the powers it gains, the facts it
// changes and the public-service areas it splits; or the same as JSON. CSV:
// a row per grouping, best first:
// rank,added_codes,added_names,tier,powers_gained,split_areas (lists a line
// each in one field). Markdown gives the text.
std::string render_suggestions(const SuggestReport& report, const RuleSet& rules,
                               const Receipt& receipt, const SuggestOptions& options,
                               OutputFormat format, const TextStyle& style = {});

// For a search the budget stopped (report.complete is false): "the search
// stopped at its budget of 500,000 groupings, having decided every grouping
// adding up to 4 councils and 12,345 of those adding 5".
std::string search_stop_in_words(const SuggestReport& report, const SuggestOptions& options);

// A rule file `devo check` read and, when it has no errors, what it holds.
struct CheckedRuleFile {
  std::string file;
  bool ok = false;
  std::string ruleset;
  std::size_t tiers = 0;
  std::size_t powers = 0;
  std::size_t conditions = 0;
  std::size_t facts = 0;
};

// Renders `devo check`: the diagnostics, then "rules.yaml: ok: rule set 'x',
// 3 tiers, ..." for each file without errors (text); or, as JSON, an object
// with the files checked and the diagnostics.
std::string render_check(const std::vector<CheckedRuleFile>& files, const Diagnostics& diags,
                         OutputFormat format, const TextStyle& style = {});

// Renders diagnostics like a compiler: `file:line:col: error: message [code]`,
// the offending line and a caret (text), or as a JSON array. CSV:
// file,line,column,severity,code,message, a row per diagnostic with its
// notes after it (severity "note", with its diagnostic's code); line and
// column empty when not known.
std::string render_diagnostics(const Diagnostics& diags, OutputFormat format,
                               const TextStyle& style = {});

// A plain table of text, such as a listing of rule sets, tiers or powers.
// Each row has a cell per header; a shorter row is taken as ending in empty
// cells, and cells beyond the header are ignored.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// Renders a table. Text: the header then a line per row, each column padded
// to its widest cell and two spaces apart, the last one unpadded (the header
// in bold with style.colour). JSON: an array with an object per row, keyed by
// the header in its order. Markdown: a GitHub table with every cell escaped.
// CSV: the header row, then the rows.
std::string render_table(const Table& table, OutputFormat format, const TextStyle& style = {});

// One subject of a sweep of England and the decision reached on it (evaluated
// without reasons is enough).
struct SweepRow {
  const Subject& subject;
  const Decision& decision;
};

// Renders a sweep: a row per subject, in the order given, with its code,
// name and kind, the tier reached (its id; empty, or null in JSON, for none)
// and a column per power of `rules`, in the rule set's order, headed by the
// power's id and holding its status ("available", "unavailable", "unknown";
// empty when the decision does not have it). Text, Markdown and CSV are that
// table (render_table()); JSON is an array with an object per subject:
// {"code", "name", "kind", "tier", "powers": {id: status}}.
std::string render_sweep(const RuleSet& rules, const std::vector<SweepRow>& rows,
                         OutputFormat format, const TextStyle& style = {});

// Renders a map (<devo/map.hpp>) as one SVG document, 800 units wide: the
// title, the map with an inset locating it in England and a scale bar, the
// legend, the notes, the attribution and the receipt. Accessible
// (role="img", <title>, <desc>, a <title> naming each district and its
// status) and the same bytes for the same map; every text is printable() and
// XML-escaped.
std::string render_map_svg(const Map& map);

}  // namespace devo
