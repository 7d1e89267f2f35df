#include "commands.hpp"

#include "exit_code.hpp"
#include "output.hpp"
#include "terminal.hpp"

#include <devo/codes.hpp>
#include <devo/diff.hpp>
#include <devo/engine.hpp>
#include <devo/export.hpp>
#include <devo/geography.hpp>
#include <devo/report.hpp>
#include <devo/spelling.hpp>
#include <devo/suggest.hpp>
#include <devo/testing.hpp>
#include <devo/version.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>

namespace devo::cli {
namespace {

OutputFormat output_format(const std::string& name) {
  if (name == "json") {
    return OutputFormat::json;
  }
  return name == "markdown" ? OutputFormat::markdown : OutputFormat::text;
}

void print_diagnostics(const Diagnostics& diags) {
  write_error_stream(
      render_diagnostics(diags, OutputFormat::text, TextStyle{wants_colour(stderr)}));
}

// Writes a command's output (output.hpp) and gives the command's exit code, or
// the bad-input code when the output could not be written: said on standard
// error, unless it was a pipe's reader going away (nobody is left to read).
int emit(const std::string& text, const std::string& output, int exit_code) {
  Diagnostics diags;
  switch (write_output(text, output, diags)) {
    case Written::ok:
      return exit_code;
    case Written::failed:
      print_diagnostics(diags);
      break;
    case Written::reader_gone:
      break;
  }
  return k_exit_bad_input;
}

// A run that failed: its diagnostics on standard error for people and, when
// JSON was asked for, as JSON where the output would have gone (standard
// output or --output), so that a tool reading it never parses text.
int fail(const Diagnostics& diags, bool json, const std::string& output) {
  print_diagnostics(diags);
  if (!json) {
    return k_exit_bad_input;
  }
  return emit(render_diagnostics(diags, OutputFormat::json), output, k_exit_bad_input);
}

// Colour for standard output on a terminal; in a file only with --color always.
bool wants_colour_for(const std::string& output) {
  return wants_colour(output.empty() || output == "-" ? stdout : nullptr);
}

std::optional<Date> parse_as_of(const std::string& text, Diagnostics& diags) {
  if (text.empty()) {
    return Date::today();
  }
  auto date = Date::parse(text);
  if (!date) {
    diags.error(Location{"--as-of", 0, 0}, std::string(codes::invalid_date),
                fmt::format("'{}' is not a real date in the form YYYY-MM-DD", text));
  }
  return date;
}

// The rule set `--rules` names, or without it the built-in one in force on
// `as_of`.
std::shared_ptr<const RuleSet> load_rules(const std::string& argument, Date as_of,
                                          Diagnostics& diags) {
  std::string id_or_path = argument;
  if (id_or_path.empty()) {
    auto in_force = builtin_ruleset_in_force(as_of);
    if (!in_force) {
      diags.error(Location{"--rules", 0, 0}, std::string(codes::unknown_ruleset),
                  fmt::format("no built-in rule set is in force on {}; name one with --rules",
                              as_of.to_string()));
      return nullptr;
    }
    id_or_path = *in_force;
  }
  auto source = find_ruleset_source(id_or_path, diags);
  if (!source) {
    return nullptr;
  }
  auto rules = load_ruleset(*source, diags);
  return rules ? std::make_shared<const RuleSet>(std::move(*rules)) : nullptr;
}

// For `suggest` without --rules: the built-in rule set in force on `as_of`
// that took effect last among those with a tier `tier`, so that a tier of an
// earlier framework still in force (level-3 of 2022, say) is searched under
// its own rules. Nothing when none has it; the rule set in force then reports
// the unknown tier.
std::shared_ptr<const RuleSet> builtin_rules_with_tier(const std::string& tier, Date as_of) {
  std::shared_ptr<const RuleSet> chosen;
  for (const std::string& id : builtin_ruleset_ids()) {
    Diagnostics ignored;
    auto rules = load_rules(id, as_of, ignored);
    if (rules && rules->in_force_on(as_of) && rules->tier_index(tier) &&
        (!chosen || chosen->effective_from < rules->effective_from)) {
      chosen = std::move(rules);
    }
  }
  return chosen;
}

std::string located_message(const Diagnostic& diagnostic) {
  const Location& at = diagnostic.location;
  const std::string where =
      at.line == 0 ? at.file : fmt::format("{}:{}:{}", at.file, at.line, at.column);
  return fmt::format("{}: {}", where, diagnostic.message);
}

// Warnings about the user's files (an unknown fact, say) belong in the result
// too, so that a JSON reader sees them.
void add_input_warnings(const Diagnostics& diags, Decision& decision) {
  for (const Diagnostic& diagnostic : diags.sorted()) {
    if (diagnostic.severity != Severity::warning) {
      continue;
    }
    decision.warnings.push_back(Warning{diagnostic.code, located_message(diagnostic)});
  }
}

// "fact=value" typed by the rule set's declaration of the fact, as a facts
// file's value is.
std::optional<std::pair<std::string, FactValue>> parse_assumption(const std::string& text,
                                                                  const RuleSet& rules,
                                                                  Diagnostics& diags) {
  return parse_fact_assignment(text, rules, Location{"--assume", 0, 0}, diags);
}

}  // namespace

namespace {

std::optional<Geography> load_geography(const std::string& directory, Diagnostics& diags) {
  return directory.empty() ? Geography::load_builtin(diags)
                           : Geography::load_directory(directory, diags);
}

// A subject's facts, and what produced them: the findings about a proposal,
// and the data it was computed from.
struct LoadedSubject {
  FactInput facts;
  std::vector<Diagnostic> findings;
  std::optional<DatasetInfo> data;
};

std::optional<LoadedSubject> load_subject(const SubjectArguments& arguments, const RuleSet& rules,
                                          Date as_of, Diagnostics& diags) {
  if (!arguments.facts.empty()) {
    auto source = read_source_file(arguments.facts, diags);
    auto facts = source ? load_facts(*source, rules, diags) : std::nullopt;
    return facts ? std::optional<LoadedSubject>(LoadedSubject{std::move(*facts), {}, {}})
                 : std::nullopt;
  }
  auto geography = load_geography(arguments.data, diags);
  if (!geography) {
    return std::nullopt;
  }
  if (!arguments.authority.empty()) {
    auto facts = geography->authority(arguments.authority, as_of, diags);
    return facts ? std::optional<LoadedSubject>(
                       LoadedSubject{std::move(*facts), {}, geography->info()})
                 : std::nullopt;
  }
  auto source = read_source_file(arguments.proposal, diags);
  auto proposal = source ? geography->proposal(*source, rules, as_of, diags) : std::nullopt;
  if (!proposal || diags.has_errors()) {
    // Findings about a proposal that could not be read whole are still worth
    // reporting beside the errors.
    if (proposal) {
      for (Diagnostic& finding : proposal->findings) {
        diags.report(std::move(finding));
      }
    }
    return std::nullopt;
  }
  return LoadedSubject{std::move(proposal->facts), std::move(proposal->findings),
                       geography->info()};
}

Receipt receipt_for(const RuleSet& rules, Date as_of, const std::optional<DatasetInfo>& data) {
  Receipt receipt{rules.id, rules.sha256, rules.files, std::string(k_version), as_of, {}, {}};
  if (data) {
    receipt.data_vintage = data->vintage;
    receipt.data_sha256 = data->sha256;
  }
  return receipt;
}

int report_usage(std::string_view command, std::string_view message) {
  write_error_stream(
      printable(fmt::format("devo {}: error: {} [{}]\nrun 'devo {} --help' for the options\n",
                            command, message, codes::usage, command)));
  return k_exit_bad_input;
}

}  // namespace

namespace {

// Takes each --assume fact=value as given, over what the subject says, and
// says so beside it.
void assume(const std::vector<std::string>& assumptions, const RuleSet& rules, FactInput& facts,
            Diagnostics& diags) {
  for (const std::string& assumption : assumptions) {
    if (auto parsed = parse_assumption(assumption, rules, diags)) {
      facts.values.insert_or_assign(parsed->first, parsed->second);
      facts.upper.erase(parsed->first);
      facts.notes.insert_or_assign(parsed->first, std::string("assumed with --assume"));
    }
  }
}

}  // namespace

int run_evaluate(const EvaluateArguments& arguments) {
  const SubjectArguments& subject = arguments.subject;
  const int subjects =
      !subject.facts.empty() + !subject.authority.empty() + !subject.proposal.empty();
  if (subjects != 1) {
    return report_usage("evaluate",
                        "name what to evaluate with one of --authority, --proposal or --facts");
  }
  Diagnostics diags(arguments.max_errors);
  const auto as_of = parse_as_of(arguments.as_of, diags);
  auto rules = as_of ? load_rules(arguments.rules, *as_of, diags) : nullptr;
  auto loaded = rules ? load_subject(subject, *rules, *as_of, diags) : std::nullopt;
  if (loaded) {
    assume(arguments.assumptions, *rules, loaded->facts, diags);
  }
  if (diags.has_errors() || !loaded) {
    return fail(diags, arguments.format == "json", arguments.output);
  }
  if (!diags.empty()) {
    print_diagnostics(diags);
  }
  const CompiledRules compiled(rules);
  Decision decision = compiled.evaluate(loaded->facts, EvaluateOptions{true, as_of});
  add_input_warnings(diags, decision);
  // A proposal's problems are in the decision (it is not valid); the other
  // findings are shown with it.
  for (const Diagnostic& finding : loaded->findings) {
    if (finding.severity == Severity::warning) {
      decision.warnings.push_back(Warning{finding.code, located_message(finding)});
    }
  }
  const Evaluation evaluation{receipt_for(*rules, *as_of, loaded->data), *rules, loaded->facts,
                              decision};
  return emit(render_evaluation(evaluation, output_format(arguments.format),
                                TextStyle{wants_colour_for(arguments.output)}),
              arguments.output, k_exit_ok);
}

int run_validate(const ValidateArguments& arguments) {
  Diagnostics diags(arguments.max_errors);
  const auto as_of = parse_as_of(arguments.as_of, diags);
  auto rules = as_of ? load_rules(arguments.rules, *as_of, diags) : nullptr;
  const SubjectArguments subject{{}, {}, arguments.proposal, arguments.data};
  auto loaded = rules ? load_subject(subject, *rules, *as_of, diags) : std::nullopt;
  if (diags.has_errors() || !loaded) {
    return fail(diags, arguments.format == "json", arguments.output);
  }
  // The findings are reported with the proposal's text, for quoting its lines.
  Diagnostics findings(arguments.max_errors);
  if (const std::string* text = diags.source_text(arguments.proposal)) {
    findings.add_source(arguments.proposal, std::make_shared<const std::string>(*text));
  }
  for (const Diagnostic& diagnostic : diags.sorted()) {
    findings.report(diagnostic);
  }
  for (Diagnostic& finding : loaded->findings) {
    findings.report(std::move(finding));
  }
  // The same evaluation as `devo evaluate`: a proposal with problems is not
  // valid there either, and reaches no tier.
  const CompiledRules compiled(rules);
  const Decision decision = compiled.evaluate(loaded->facts, EvaluateOptions{true, as_of});
  // Expectations that fail (a devolution island, say) warn but do not
  // invalidate.
  for (const Warning& warning : decision.warnings) {
    findings.warning(Location{arguments.proposal, 0, 0}, warning.code, warning.message);
  }
  std::string tier;
  std::string tier_title;
  if (decision.tier) {
    tier = decision.tiers[*decision.tier].id;
    tier_title = rules->tiers[*decision.tier].title;
  } else if (!decision.applicable) {
    findings.error(
        Location{arguments.proposal, 0, 0}, std::string(codes::tier_not_reached),
        fmt::format("'{}' does not apply to it: {}", rules->id, decision.not_applicable));
  } else if (decision.valid) {
    std::vector<std::string> reasons;
    for (const Reason& reason : decision.tiers.front().reasons) {
      if (reason.status != Status::holds && !reason.expectation) {
        reasons.push_back(reason.message);
      }
    }
    findings.error(Location{arguments.proposal, 0, 0}, std::string(codes::tier_not_reached),
                   fmt::format("the proposal reaches no tier of '{}': {} {}", rules->id,
                               rules->tiers.front().id,
                               reasons.empty() ? std::string("cannot be decided")
                                               : fmt::format("{}", fmt::join(reasons, "; "))));
  }
  const Validation validation{receipt_for(*rules, *as_of, loaded->data), loaded->facts.subject,
                              tier, tier_title, findings};
  return emit(render_validation(validation, output_format(arguments.format),
                                TextStyle{wants_colour_for(arguments.output)}),
              arguments.output, findings.has_errors() ? k_exit_invalid : k_exit_ok);
}

int run_test(const TestArguments& arguments) {
  Diagnostics diags(arguments.max_errors);
  std::vector<std::string> paths = arguments.paths;
  if (paths.empty()) {
    paths.push_back("tests/cases");
  }
  const auto report = run_tests(paths, TestOptions{arguments.filter, arguments.data}, diags);
  if (!report) {
    return fail(diags, arguments.format == "json", arguments.output);
  }
  if (!diags.empty()) {
    print_diagnostics(diags);
  }
  const bool coverage_met =
      !arguments.coverage_threshold || report->coverage_percent() >= *arguments.coverage_threshold;
  const int code = diags.has_errors()                      ? k_exit_bad_input
                   : report->failed() == 0 && coverage_met ? k_exit_ok
                                                           : k_exit_invalid;
  return emit(
      render_test_report(*report, output_format(arguments.format), arguments.coverage_threshold,
                         TextStyle{wants_colour_for(arguments.output)}),
      arguments.output, code);
}

namespace {

// A one-line progress bar on a terminal's standard error, redrawn in place.
class ProgressBar {
 public:
  explicit ProgressBar(bool shown) : m_shown(shown) {}
  ~ProgressBar() {
    if (m_shown && m_drawn) {
      write_error_stream(fmt::format("\r{:60}\r", ""));
    }
  }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // For a search whose end is not known: a count and a turning bar.
  void searching(std::size_t examined) {
    if (!m_shown) {
      return;
    }
    static constexpr std::string_view k_turns = "|/-\\";
    write_error_stream(fmt::format("\r{} searching: {} groupings examined",
                                   k_turns[m_turn++ % k_turns.size()], examined));
    m_drawn = true;
  }

  void update(std::size_t done, std::size_t total) {
    if (!m_shown || total == 0) {
      return;
    }
    constexpr std::size_t k_width = 40;
    const std::size_t filled = done * k_width / total;
    write_error_stream(fmt::format("\r[{}{}] {}/{}", std::string(filled, '#'),
                                   std::string(k_width - filled, ' '), done, total));
    m_drawn = true;
  }

 private:
  bool m_shown;
  bool m_drawn = false;
  std::size_t m_turn = 0;
};

}  // namespace

int run_diff(const DiffArguments& arguments) {
  Diagnostics diags(arguments.max_errors);
  const auto as_of = parse_as_of(arguments.as_of, diags);
  const auto from_as_of =
      arguments.from_as_of.empty() ? as_of : parse_as_of(arguments.from_as_of, diags);
  const auto to_as_of = arguments.to_as_of.empty() ? as_of : parse_as_of(arguments.to_as_of, diags);
  auto from = from_as_of ? load_rules(arguments.from, *from_as_of, diags) : nullptr;
  auto to = to_as_of ? load_rules(arguments.to, *to_as_of, diags) : nullptr;
  auto geography = load_geography(arguments.data, diags);
  std::vector<SourceFile> proposals;
  for (const std::string& path : arguments.proposals) {
    if (auto source = read_source_file(path, diags)) {
      proposals.push_back(std::move(*source));
    }
  }
  if (diags.has_errors() || !from || !to || !geography) {
    return fail(diags, arguments.format == "json", arguments.output);
  }
  const CompiledRules from_rules(from);
  const CompiledRules to_rules(to);
  DiffReport report;
  {
    ProgressBar bar(is_terminal(stderr));
    report = diff_rulesets(*geography, DiffSide{from_rules, *from_as_of},
                           DiffSide{to_rules, *to_as_of}, proposals, diags,
                           [&](std::size_t done, std::size_t total) { bar.update(done, total); });
  }
  if (diags.has_errors()) {
    return fail(diags, arguments.format == "json", arguments.output);
  }
  if (!diags.empty()) {
    print_diagnostics(diags);
  }
  return emit(
      render_diff(report, receipt_for(*from, *from_as_of, geography->info()),
                  receipt_for(*to, *to_as_of, geography->info()), output_format(arguments.format),
                  TextStyle{wants_colour_for(arguments.output)}),
      arguments.output,
      arguments.exit_code && !report.changes.empty() ? k_exit_invalid : k_exit_ok);
}

int run_docs(const DocsArguments& arguments) {
  Diagnostics diags;
  auto rules = load_rules(arguments.rules, Date::today(), diags);
  if (!rules) {
    print_diagnostics(diags);
    return k_exit_bad_input;
  }
  return emit(render_catalogue(*rules, arguments.format == "html" ? CatalogueFormat::html
                                                                  : CatalogueFormat::markdown),
              arguments.output, k_exit_ok);
}

int run_check(const CheckArguments& arguments) {
  Diagnostics diags(arguments.max_errors);
  std::vector<std::string> summaries;
  for (const std::string& path : arguments.paths) {
    const std::size_t errors_before = diags.error_count();
    auto source = read_source_file(path, diags);
    if (!source) {
      continue;
    }
    auto rules = load_ruleset(*source, diags);
    if (rules && diags.error_count() == errors_before) {
      summaries.push_back(
          fmt::format("{}: ok: rule set '{}', {} tiers, {} powers, {} named "
                      "conditions, {} facts",
                      path, rules->id, rules->tiers.size(), rules->powers.size(),
                      rules->conditions.size(), rules->facts.size()));
    }
  }
  const OutputFormat format = output_format(arguments.format);
  std::string text =
      render_diagnostics(diags, format, TextStyle{wants_colour_for(arguments.output)});
  if (format == OutputFormat::text) {
    for (const std::string& summary : summaries) {
      text += printable(summary) + "\n";
    }
  }
  return emit(text, arguments.output, diags.has_errors() ? k_exit_bad_input : k_exit_ok);
}

namespace {

using Table = std::vector<std::vector<std::string>>;

std::string table_text(const std::vector<std::string>& header, const Table& rows,
                       OutputFormat format) {
  std::string out;
  if (format == OutputFormat::json) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const auto& row : rows) {
      nlohmann::ordered_json object;
      for (std::size_t i = 0; i < header.size(); ++i) {
        object[header[i]] = row[i];
      }
      array.push_back(object);
    }
    return array.dump(2) + "\n";
  }
  if (format == OutputFormat::markdown) {
    auto line = [](const std::vector<std::string>& cells) {
      std::string text = "|";
      for (const std::string& cell : cells) {
        text += " " + cell + " |";
      }
      return text;
    };
    out += line(header) + "\n";
    out += line(std::vector<std::string>(header.size(), "---")) + "\n";
    for (const auto& row : rows) {
      out += line(row) + "\n";
    }
    return printable(out);
  }
  std::vector<std::size_t> widths(header.size(), 0);
  for (std::size_t i = 0; i < header.size(); ++i) {
    widths[i] = header[i].size();
    for (const auto& row : rows) {
      widths[i] = std::max(widths[i], row[i].size());
    }
  }
  auto print_row = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      text += i + 1 == cells.size() ? cells[i] : fmt::format("{:<{}}  ", cells[i], widths[i]);
    }
    out += text + "\n";
  };
  print_row(header);
  for (const auto& row : rows) {
    print_row(row);
  }
  return printable(out);
}

std::string date_range(const RuleSet& rules) {
  return rules.effective_to ? fmt::format("{} to {}", rules.effective_from.to_string(),
                                          rules.effective_to->to_string())
                            : fmt::format("from {}", rules.effective_from.to_string());
}

}  // namespace

int run_list(const ListArguments& arguments) {
  Diagnostics diags;
  const OutputFormat format = output_format(arguments.format);
  if (arguments.what == "rulesets") {
    Table rows;
    for (const std::string& id : builtin_ruleset_ids()) {
      auto rules = load_rules(id, Date::today(), diags);
      if (rules) {
        rows.push_back({rules->id, date_range(*rules), rules->title});
      }
    }
    if (diags.has_errors()) {
      print_diagnostics(diags);
      return k_exit_internal;
    }
    return emit(table_text({"id", "in force", "title"}, rows, format), arguments.output, k_exit_ok);
  }
  auto rules = load_rules(arguments.rules, Date::today(), diags);
  if (!rules) {
    return fail(diags, format == OutputFormat::json, arguments.output);
  }
  Table rows;
  if (arguments.what == "tiers") {
    for (const Tier& tier : rules->tiers) {
      rows.push_back({tier.id, tier.title, std::string(to_string(tier.evidence)), tier.summary});
    }
    return emit(table_text({"id", "title", "evidence", "summary"}, rows, format), arguments.output,
                k_exit_ok);
  }
  for (const Power& power : rules->powers) {
    rows.push_back(
        {power.id, power.tier, std::string(to_string(power.evidence)), power.group, power.title});
  }
  return emit(table_text({"id", "tier", "evidence", "group", "title"}, rows, format),
              arguments.output, k_exit_ok);
}

}  // namespace devo::cli

namespace devo::cli {

int run_export(const ExportArguments& arguments) {
  Diagnostics diags;
  const auto as_of = parse_as_of(arguments.as_of, diags);
  auto rules = as_of ? load_rules(arguments.rules, *as_of, diags) : nullptr;
  std::optional<Geography> geography;
  if (rules && !arguments.rules_only) {
    geography = load_geography(arguments.data, diags);
  }
  // Every subject of an England-wide run, evaluated for its statuses.
  std::vector<FactInput> facts;
  std::vector<Decision> decisions;
  if (geography) {
    const CompiledRules compiled(rules);
    for (const std::string& code : geography->authority_codes()) {
      auto subject = geography->authority(code, *as_of, diags);
      if (subject) {
        decisions.push_back(compiled.evaluate(*subject, EvaluateOptions{false, *as_of}));
        facts.push_back(std::move(*subject));
      }
    }
  }
  if (diags.has_errors() || !rules) {
    // Every format of export is JSON.
    return fail(diags, true, arguments.output);
  }
  std::vector<ExportedSubject> subjects;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    subjects.push_back(ExportedSubject{facts[i], decisions[i]});
  }
  const ExportFormat format = arguments.format == "json-rules-engine"
                                  ? ExportFormat::json_rules_engine
                                  : ExportFormat::json_logic;
  return emit(export_rules(*rules, format, subjects), arguments.output, k_exit_ok);
}

}  // namespace devo::cli

namespace devo::cli {

int run_suggest(const SuggestArguments& arguments) {
  if (arguments.authority.empty() == arguments.proposal.empty()) {
    return report_usage("suggest", "name what to grow with one of --authority or --proposal");
  }
  Diagnostics diags;
  const auto as_of = parse_as_of(arguments.as_of, diags);
  std::shared_ptr<const RuleSet> rules;
  if (as_of && arguments.rules.empty()) {
    rules = builtin_rules_with_tier(arguments.target_tier, *as_of);
  }
  if (as_of && !rules) {
    rules = load_rules(arguments.rules, *as_of, diags);
  }
  auto geography = rules ? load_geography(arguments.data, diags) : std::nullopt;
  std::optional<FactInput> subject;
  if (geography && !arguments.authority.empty()) {
    subject = geography->authority(arguments.authority, *as_of, diags);
  } else if (geography) {
    auto source = read_source_file(arguments.proposal, diags);
    auto proposal = source ? geography->proposal(*source, *rules, *as_of, diags) : std::nullopt;
    if (proposal && !diags.has_errors()) {
      // A proposal's problems (an area in pieces, say) do not stop the
      // search, but are shown with it, as evaluate shows them.
      for (Diagnostic finding : proposal->findings) {
        finding.severity = Severity::warning;
        diags.report(std::move(finding));
      }
      subject = std::move(proposal->facts);
    }
  }
  SuggestOptions options;
  options.target_tier = arguments.target_tier;
  options.wanted_powers = arguments.wanted_powers;
  options.max_councils = arguments.max_councils;
  options.top = arguments.top;
  options.max_groupings = arguments.max_groupings;
  options.time_limit_seconds = arguments.time_limit;
  options.as_of = as_of.value_or(Date{});
  for (const std::string& assumption : arguments.assumptions) {
    if (auto parsed = rules ? parse_assumption(assumption, *rules, diags) : std::nullopt) {
      options.assumptions[parsed->first] = parsed->second;
    }
  }
  std::optional<SuggestReport> report;
  if (subject && !diags.has_errors()) {
    const CompiledRules compiled(rules);
    ProgressBar bar(is_terminal(stderr));
    report = devo::suggest(*geography, compiled, *subject, options, diags,
                           [&](std::size_t examined) { bar.searching(examined); });
  }
  if (report && !report->complete) {
    const bool by_time = report->stopped_by == SuggestReport::Stop::time;
    diags.warning(Location{by_time ? "--time-limit" : "--max-groupings", 0, 0},
                  std::string(codes::search_incomplete),
                  fmt::format("after {:.1f} s, {}; raise --max-groupings or --time-limit, or "
                              "lower --max-councils, to go further",
                              report->seconds, search_stop_in_words(*report, options)));
  }
  if (diags.has_errors() || !report) {
    return fail(diags, arguments.format == "json", arguments.output);
  }
  if (!diags.empty()) {
    print_diagnostics(diags);
  }
  return emit(render_suggestions(*report, *rules, receipt_for(*rules, *as_of, geography->info()),
                                 options, output_format(arguments.format),
                                 TextStyle{wants_colour_for(arguments.output)}),
              arguments.output, k_exit_ok);
}

}  // namespace devo::cli
