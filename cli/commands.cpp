// One function per command: the parsed arguments become a request, the use
// case in devo/app.hpp answers it, and its result is rendered and written
// with the command's exit code. Nothing here decides anything about rules,
// subjects or data.

#include "commands.hpp"

#include "exit_code.hpp"
#include "output.hpp"
#include "server/serve.hpp"
#include "terminal.hpp"

#include <devo/app.hpp>
#include <devo/codes.hpp>
#include <devo/export.hpp>
#include <devo/report.hpp>

#include <fmt/format.h>

namespace devo::cli {
namespace {

using app::Given;

OutputFormat output_format(const std::string& name) {
  if (name == "json") {
    return OutputFormat::json;
  }
  if (name == "csv") {
    return OutputFormat::csv;
  }
  return name == "markdown" ? OutputFormat::markdown : OutputFormat::text;
}

// An option's value, blamed on the option when it is wrong.
Given option(const std::string& value, std::string_view name) {
  return Given{value, Location{std::string(name), 0, 0}};
}

std::vector<Given> options(const std::vector<std::string>& values, std::string_view name) {
  std::vector<Given> given;
  for (const std::string& value : values) {
    given.push_back(option(value, name));
  }
  return given;
}

// A file named on the command line: a diagnostic about it names the file.
Given file_option(const std::string& path) {
  return Given{path, Location{path, 0, 0}};
}

void print_diagnostics(const Diagnostics& diags) {
  write_error_stream(
      render_diagnostics(diags, OutputFormat::text, TextStyle{wants_colour(stderr)}));
}

// Warnings that came with a result, for people, on standard error.
void print_warnings(const Diagnostics& diags) {
  if (!diags.empty()) {
    print_diagnostics(diags);
  }
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
TextStyle style_for(const std::string& output) {
  return TextStyle{wants_colour(output.empty() || output == "-" ? stdout : nullptr)};
}

int report_usage(std::string_view command, std::string_view message) {
  write_error_stream(
      printable(fmt::format("devo {}: error: {} [{}]\nrun 'devo {} --help' for the options\n",
                            command, message, codes::usage, command)));
  return k_exit_bad_input;
}

app::Inputs inputs(const std::string& as_of, const std::string& rules, const std::string& data) {
  return app::Inputs{option(as_of, "--as-of"), option(rules, "--rules"), option(data, "--data"),
                     std::nullopt};
}

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

namespace {

// The SVG of a printable report's map; empty when there is none to draw.
std::string map_svg(const std::optional<Map>& map) {
  return map ? render_map_svg(*map) : std::string();
}

// `evaluate --all`: every subject of England, a row each.
int run_sweep(const EvaluateArguments& arguments) {
  if (arguments.format == "html") {
    return report_usage("evaluate", "--format html is for one subject, not --all");
  }
  Diagnostics diags(arguments.max_errors);
  const auto england = app::evaluate_england(
      inputs(arguments.as_of, arguments.rules, arguments.subject.data), false, diags);
  if (!england) {
    return fail(diags, arguments.format == "json", arguments.output);
  }
  print_warnings(diags);
  return emit(render_sweep(*england->rules, england->sweep_rows(), output_format(arguments.format),
                           style_for(arguments.output)),
              arguments.output, k_exit_ok);
}

}  // namespace

int run_evaluate(const EvaluateArguments& arguments) {
  const SubjectArguments& subject = arguments.subject;
  const int subjects = arguments.all + !subject.facts.empty() + !subject.authority.empty() +
                       !subject.proposal.empty();
  if (subjects != 1) {
    return report_usage(
        "evaluate", "name what to evaluate with one of --authority, --proposal, --facts or --all");
  }
  if (arguments.all) {
    return run_sweep(arguments);
  }
  using Kind = app::SubjectRequest::Kind;
  app::EvaluateRequest request;
  request.subject =
      !subject.authority.empty()
          ? app::SubjectRequest{Kind::authority, option(subject.authority, "--authority"), {}}
      : !subject.proposal.empty()
          ? app::SubjectRequest{Kind::proposal, file_option(subject.proposal), {}}
          : app::SubjectRequest{Kind::facts, file_option(subject.facts), {}};
  request.inputs = inputs(arguments.as_of, arguments.rules, subject.data);
  request.assumptions = options(arguments.assumptions, "--assume");
  request.assumption_note = "assumed with --assume";
  Diagnostics diags(arguments.max_errors);
  const auto result = app::evaluate(request, diags);
  if (!result) {
    return fail(diags, arguments.format == "json", arguments.output);
  }
  print_warnings(diags);
  if (arguments.format == "html") {
    return emit(render_evaluation_html(result->evaluation(), map_svg(app::map_of(*result))),
                arguments.output, k_exit_ok);
  }
  return emit(render_evaluation(result->evaluation(), output_format(arguments.format),
                                style_for(arguments.output)),
              arguments.output, k_exit_ok);
}

int run_validate(const ValidateArguments& arguments) {
  const app::ValidateRequest request{
      {app::SubjectRequest::Kind::proposal, file_option(arguments.proposal), {}},
      inputs(arguments.as_of, arguments.rules, arguments.data)};
  Diagnostics diags(arguments.max_errors);
  const auto result = app::validate(request, diags);
  if (!result) {
    return fail(diags, arguments.format == "json", arguments.output);
  }
  const int code = result->valid() ? k_exit_ok : k_exit_invalid;
  if (arguments.format == "html") {
    return emit(render_validation_html(result->validation(), map_svg(app::map_of(*result))),
                arguments.output, code);
  }
  return emit(render_validation(result->validation(), output_format(arguments.format),
                                style_for(arguments.output)),
              arguments.output, code);
}

int run_test(const TestArguments& arguments) {
  const app::TestRequest request{arguments.paths, arguments.filter,
                                 option(arguments.data, "--data"), arguments.coverage_threshold};
  Diagnostics diags(arguments.max_errors);
  const auto result = app::test(request, diags);
  if (!result) {
    return fail(diags, arguments.format == "json", arguments.output);
  }
  print_warnings(diags);
  const int code = diags.has_errors() ? k_exit_bad_input
                   : result->passed   ? k_exit_ok
                                      : k_exit_invalid;
  // JUnit XML for a CI system, beside the report; the file is written whole
  // or not at all, as --output is.
  if (!arguments.junit.empty() &&
      emit(render_test_report_junit(result->report), arguments.junit, code) != code) {
    return k_exit_bad_input;
  }
  return emit(render_test_report(result->report, output_format(arguments.format),
                                 arguments.coverage_threshold, style_for(arguments.output)),
              arguments.output, code);
}

namespace {

// `diff --format svg`: the map of what changed.
int emit_diff_map(const app::DiffResult& result, const DiffArguments& arguments, int exit_code) {
  Diagnostics diags(arguments.max_errors);
  const auto map = app::map_of(result, option(arguments.data, "--data"),
                               option(arguments.power, "--power"), diags);
  if (!map) {
    return fail(diags, false, arguments.output);
  }
  return emit(render_map_svg(*map), arguments.output, exit_code);
}

}  // namespace

int run_diff(const DiffArguments& arguments) {
  if (!arguments.power.empty() && arguments.format != "svg") {
    return report_usage("diff", "--power chooses what a map colours: it needs --format svg");
  }
  // --as-of is both sides' date; --from-as-of and --to-as-of one side's.
  const auto side_date = [&](const std::string& own, std::string_view name) {
    return own.empty() ? option(arguments.as_of, "--as-of") : option(own, name);
  };
  std::vector<app::SubjectRequest> proposals;
  for (const Given& file : options(arguments.proposals, "--proposal")) {
    proposals.push_back({app::SubjectRequest::Kind::proposal, file, {}});
  }
  const app::DiffRequest request{option(arguments.from, "--from"),
                                 option(arguments.to, "--to"),
                                 side_date(arguments.from_as_of, "--from-as-of"),
                                 side_date(arguments.to_as_of, "--to-as-of"),
                                 std::move(proposals),
                                 option(arguments.data, "--data"),
                                 option(arguments.power, "--power")};
  Diagnostics diags(arguments.max_errors);
  std::optional<app::DiffResult> result;
  {
    ProgressBar bar(is_terminal(stderr));
    result = app::diff(request, diags,
                       [&](std::size_t done, std::size_t total) { bar.update(done, total); });
  }
  if (!result) {
    return fail(diags, arguments.format == "json", arguments.output);
  }
  print_warnings(diags);
  const bool changed = !result->report.changes.empty();
  const int exit_code = arguments.exit_code && changed ? k_exit_invalid : k_exit_ok;
  if (arguments.format == "svg") {
    return emit_diff_map(*result, arguments, exit_code);
  }
  if (arguments.format == "html") {
    Diagnostics map_diags;
    const std::string map = map_svg(app::map_of(*result, request.data, Given{}, map_diags));
    return emit(render_diff_html(result->report, result->from_receipt, result->to_receipt, map),
                arguments.output, exit_code);
  }
  return emit(render_diff(result->report, result->from_receipt, result->to_receipt,
                          output_format(arguments.format), style_for(arguments.output)),
              arguments.output, exit_code);
}

int run_map(const MapArguments& arguments) {
  const int subjects = arguments.all + !arguments.authority.empty() + !arguments.proposal.empty();
  if (subjects != 1) {
    return report_usage("map", "name what to draw with one of --authority, --proposal or --all");
  }
  using Kind = app::SubjectRequest::Kind;
  app::MapRequest request;
  request.subject =
      !arguments.authority.empty()
          ? app::SubjectRequest{Kind::authority, option(arguments.authority, "--authority"), {}}
          : app::SubjectRequest{Kind::proposal, file_option(arguments.proposal), {}};
  request.all = arguments.all;
  request.inputs = inputs(arguments.as_of, arguments.rules, arguments.data);
  // The command line accepts only the names there are.
  request.colour = app::map_colour(arguments.colour).value_or(app::MapColour::tier);
  request.colour_at = option(arguments.colour, "--colour").at;
  Diagnostics diags(arguments.max_errors);
  const auto map = app::map(request, diags);
  if (!map) {
    return fail(diags, false, arguments.output);
  }
  print_warnings(diags);
  return emit(render_map_svg(*map), arguments.output, k_exit_ok);
}

int run_serve(const ServeArguments& arguments) {
  server::ServeOptions options;
  options.listen = arguments.listen;
  options.data = arguments.data;
  options.threads = arguments.threads;
  options.max_connections = arguments.max_connections;
  options.idle_seconds = arguments.idle_timeout;
  options.allow_rule_upload = arguments.allow_rule_upload;
  options.cache_bytes = arguments.cache_mib << 20;
  options.cors_origin = arguments.cors_origin;
  Diagnostics diags;
  const int code = server::serve(options, diags);
  if (code != 0) {
    print_diagnostics(diags);
  }
  return code;
}

int run_docs(const DocsArguments& arguments) {
  Diagnostics diags;
  const auto rules = app::catalogue_rules(option(arguments.rules, "--rules"), diags);
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
  const auto files = app::check_rule_files(arguments.paths, diags);
  return emit(
      render_check(files, diags, output_format(arguments.format), style_for(arguments.output)),
      arguments.output, diags.has_errors() ? k_exit_bad_input : k_exit_ok);
}

int run_list(const ListArguments& arguments) {
  if (arguments.what == "authorities") {
    Diagnostics diags;
    const auto found = app::list_authorities(option(arguments.match, "--match"),
                                             option(arguments.data, "--data"), SIZE_MAX, diags);
    if (!found) {
      return fail(diags, arguments.format == "json", arguments.output);
    }
    return emit(render_table(*found, output_format(arguments.format), style_for(arguments.output)),
                arguments.output, k_exit_ok);
  }
  if (!arguments.match.empty() || !arguments.data.empty()) {
    return report_usage("list", "--match and --data are for 'list authorities'");
  }
  const app::ListWhat what = arguments.what == "rulesets" ? app::ListWhat::rulesets
                             : arguments.what == "tiers"  ? app::ListWhat::tiers
                             : arguments.what == "facts"  ? app::ListWhat::facts
                                                          : app::ListWhat::powers;
  const OutputFormat format = output_format(arguments.format);
  Diagnostics diags;
  const auto listing = app::list(what, option(arguments.rules, "--rules"), diags);
  if (!listing && what == app::ListWhat::rulesets) {
    // The built-in rule sets are devo's own: one that fails to load is a bug.
    print_diagnostics(diags);
    return k_exit_internal;
  }
  if (!listing) {
    return fail(diags, format == OutputFormat::json, arguments.output);
  }
  return emit(render_table(*listing, format, style_for(arguments.output)), arguments.output,
              k_exit_ok);
}

int run_export(const ExportArguments& arguments) {
  Diagnostics diags;
  const auto england = app::evaluate_england(
      inputs(arguments.as_of, arguments.rules, arguments.data), arguments.rules_only, diags);
  if (!england) {
    // Every format of export is JSON.
    return fail(diags, true, arguments.output);
  }
  const ExportFormat format = arguments.format == "json-rules-engine"
                                  ? ExportFormat::json_rules_engine
                                  : ExportFormat::json_logic;
  return emit(export_rules(*england->rules, format, england->subjects()), arguments.output,
              k_exit_ok);
}

int run_suggest(const SuggestArguments& arguments) {
  if (arguments.authority.empty() == arguments.proposal.empty()) {
    return report_usage("suggest", "name what to grow with one of --authority or --proposal");
  }
  using Kind = app::SubjectRequest::Kind;
  app::SuggestRequest request;
  request.subject =
      arguments.authority.empty()
          ? app::SubjectRequest{Kind::proposal, file_option(arguments.proposal), {}}
          : app::SubjectRequest{Kind::authority, option(arguments.authority, "--authority"), {}};
  request.inputs = inputs(arguments.as_of, arguments.rules, arguments.data);
  request.target_tier = option(arguments.target_tier, "--target-tier");
  request.wanted_powers = options(arguments.wanted_powers, "--want");
  request.assumptions = options(arguments.assumptions, "--assume");
  request.max_councils = arguments.max_councils;
  request.top = arguments.top;
  request.max_groupings = arguments.max_groupings;
  request.time_limit_seconds = arguments.time_limit;
  Diagnostics diags;
  std::optional<app::SuggestResult> result;
  {
    ProgressBar bar(is_terminal(stderr));
    result = app::suggest(request, diags, [&](std::size_t examined) { bar.searching(examined); });
  }
  if (result && !result->report.complete) {
    const bool by_time = result->report.stopped_by == SuggestReport::Stop::time;
    diags.warning(
        Location{by_time ? "--time-limit" : "--max-groupings", 0, 0},
        std::string(codes::search_incomplete),
        fmt::format("after {:.1f} s, {}; raise --max-groupings or --time-limit, or "
                    "lower --max-councils, to go further",
                    result->report.seconds, search_stop_in_words(result->report, result->options)));
  }
  if (!result) {
    return fail(diags, arguments.format == "json", arguments.output);
  }
  print_warnings(diags);
  return emit(render_suggestions(result->report, *result->rules, result->receipt, result->options,
                                 output_format(arguments.format), style_for(arguments.output)),
              arguments.output, k_exit_ok);
}

int run_schema(const SchemaArguments& arguments) {
  Diagnostics diags;
  const auto text = app::schema_text(option(arguments.name, "devo schema"), diags);
  if (!text) {
    print_diagnostics(diags);
    return k_exit_bad_input;
  }
  return emit(*text, arguments.output, k_exit_ok);
}

}  // namespace devo::cli
