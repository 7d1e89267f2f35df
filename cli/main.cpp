// devo: which English devolution deal could this council, combined authority or
// grouping of councils have, which powers would it give, and why.
//
// The command line only parses arguments and dispatches; every rule semantic
// lives in the engine (devo::engine).

#include "commands.hpp"
#include "exit_code.hpp"
#include "output.hpp"
#include "terminal.hpp"

#include <devo/app.hpp>
#include <devo/codes.hpp>
#include <devo/report.hpp>
#include <devo/spelling.hpp>
#include <devo/version.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

namespace {

// The number `text` is, whole and nothing else: CLI11's Range says only "not
// in range" for text that is no number at all, and lets "nan" through, since
// every comparison with it is false. A floating-point number must be finite.
template <typename Number>
std::optional<Number> exact_number(const std::string& text) {
  Number value{};
  const char* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, value);
  if (result.ec != std::errc{} || result.ptr != end) {
    return std::nullopt;
  }
  if constexpr (std::is_floating_point_v<Number>) {
    if (!std::isfinite(value)) {
      return std::nullopt;
    }
  }
  return value;
}

// A whole number from `low` to `high`.
CLI::Validator whole_number(int low, int high) {
  return CLI::Validator(
      [low, high](std::string& text) -> std::string {
        const auto value = exact_number<int>(text);
        return value && *value >= low && *value <= high
                   ? std::string()
                   : fmt::format("'{}' is not a whole number from {} to {}", text, low, high);
      },
      fmt::format("{} to {}", low, high));
}

// A number from `low` to `high`.
CLI::Validator number_between(double low, double high) {
  return CLI::Validator(
      [low, high](std::string& text) -> std::string {
        const auto value = exact_number<double>(text);
        return value && *value >= low && *value <= high
                   ? std::string()
                   : fmt::format("'{}' is not a number from {} to {}", text, low, high);
      },
      fmt::format("{} to {}", low, high));
}

// A number of seconds, more than 0 and at most a day.
CLI::Validator seconds() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const auto value = exact_number<double>(text);
        return value && *value > 0 && *value <= 86400
                   ? std::string()
                   : fmt::format(
                         "'{}' is not a number of seconds above 0 and at most 86400 "
                         "(a day)",
                         text);
      },
      "seconds");
}

constexpr const char* k_exit_codes =
    "Exit codes:\n"
    "  0  evaluated (evaluate, list), every file is valid (check), or the proposal is valid "
    "(validate)\n"
    "  1  validate: the proposal is not valid; test: a case failed or coverage is too low; "
    "diff --exit-code: a subject changed\n"
    "  2  a problem in an input file or in the arguments, reported with its code and "
    "file:line:col\n"
    "  3  an internal error in devo itself";

constexpr const char* k_rules_help =
    "Rule set: a built-in id (see `devo list rulesets`) or a rule file; default: the built-in "
    "rule set in force on the --as-of date";
constexpr const char* k_data_help =
    "A directory with England data tables to use instead of the built-in data (see data/README.md)";

// The options several commands share.
void add_max_errors(CLI::App* command, std::size_t& max_errors) {
  command->add_option("--max-errors", max_errors, "Report at most this many errors; 0 for no limit")
      ->capture_default_str()
      ->check(whole_number(0, 1'000'000));
}

void add_output(CLI::App* command, std::string& output) {
  command->add_option("-o,--output", output,
                      "Write the output to this file instead of standard output ('-'); a file is "
                      "replaced whole or not at all (see docs/output.md)");
}

void add_format(CLI::App* command, std::string& format, std::vector<std::string> formats) {
  std::string help = "Output format: ";
  for (std::size_t i = 0; i < formats.size(); ++i) {
    help += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + formats[i];
  }
  command->add_option("--format", format, help)->check(CLI::IsMember(formats));
}

void add_as_of(CLI::App* command, std::string& as_of) {
  command->add_option("--as-of", as_of, "The date of the evaluation, YYYY-MM-DD; default: today");
}

void add_evaluate(CLI::App& app, devo::cli::EvaluateArguments& arguments) {
  CLI::App* command = app.add_subcommand("evaluate",
                                         "Evaluate an authority, a proposal or a facts file: the "
                                         "tier it reaches, every power, and why");
  command->add_option("--rules", arguments.rules, k_rules_help);
  auto* authority = command->add_option(
      "--authority", arguments.subject.authority,
      "An existing authority by GSS code or name: a district, a county council (E10), a combined "
      "authority (E47) or the GLA (E61000001)");
  auto* proposal = command->add_option("--proposal", arguments.subject.proposal,
                                       "A YAML file proposing a grouping of councils "
                                       "(schemas/proposal.schema.json)");
  auto* facts = command->add_option("--facts", arguments.subject.facts,
                                    "A YAML file with a subject and its facts given by hand");
  auto* all = command->add_flag(
      "--all", arguments.all,
      "Every district, county council, combined authority and the GLA, a row each with its tier "
      "and each power's status (--format csv for a spreadsheet)");
  authority->excludes(proposal)->excludes(facts)->excludes(all);
  proposal->excludes(facts)->excludes(all);
  facts->excludes(all);
  command->add_option("--data", arguments.subject.data, k_data_help);
  command
      ->add_option("--assume", arguments.assumptions,
                   "fact=value: take a fact as given (a functional economic area, say), over "
                   "what the subject says; repeat for several")
      ->excludes(all);
  add_format(command, arguments.format, {"text", "json", "markdown", "csv", "html"});
  add_output(command, arguments.output);
  add_as_of(command, arguments.as_of);
  add_max_errors(command, arguments.max_errors);
  command->footer(k_exit_codes);
}

void add_map(CLI::App& app, devo::cli::MapArguments& arguments) {
  CLI::App* command = app.add_subcommand(
      "map",
      "Draw an authority, a proposal or all England as an SVG map: its districts, neighbours, "
      "devolution islands, the police, fire and ICB areas it splits, with a legend");
  auto* authority = command->add_option(
      "--authority", arguments.authority,
      "An existing authority by GSS code or name: a district, a county council, a combined "
      "authority or the GLA");
  auto* proposal = command->add_option("--proposal", arguments.proposal,
                                       "A YAML file proposing a grouping of councils");
  auto* all =
      command->add_flag("--all", arguments.all,
                        "All England, every district coloured by the tier its institution reaches");
  authority->excludes(proposal)->excludes(all);
  proposal->excludes(all);
  command->add_option("--rules", arguments.rules, k_rules_help);
  command->add_option("--data", arguments.data, k_data_help);
  std::vector<std::string> colours = devo::app::map_colour_names();
  colours.erase(std::remove(colours.begin(), colours.end(), "change"), colours.end());
  command
      ->add_option("--colour", arguments.colour,
                   "What the districts are coloured by: tier (default), reachable (--all: the "
                   "tier each council could reach alone), institution, police, fire or icb")
      ->check(CLI::IsMember(colours));
  add_output(command, arguments.output);
  add_as_of(command, arguments.as_of);
  add_max_errors(command, arguments.max_errors);
  command->footer(k_exit_codes);
}

void add_serve(CLI::App& app, devo::cli::ServeArguments& arguments) {
  CLI::App* command = app.add_subcommand(
      "serve",
      "Serve the web page and the HTTP API (docs/server.md) until SIGTERM or SIGINT: "
      "evaluations, validations, maps and reports as JSON, SVG and HTML");
  command->add_option("--listen", arguments.listen,
                      "host:port to listen on (default 127.0.0.1:8080, this machine only; port 0 "
                      "takes a free port)");
  command->add_option("--data", arguments.data, k_data_help);
  command
      ->add_option("--threads", arguments.threads,
                   "Threads answering requests (default: one per core)")
      ->check(whole_number(1, 256));
  command
      ->add_option("--max-connections", arguments.max_connections,
                   "Connections served at once; more are answered 503 (default 256)")
      ->check(whole_number(1, 100000));
  command
      ->add_option("--idle-timeout", arguments.idle_timeout,
                   "Seconds a client may take to send a request before it is disconnected "
                   "(default 30)")
      ->check(number_between(0.1, 3600.0));
  command->add_flag("--allow-rule-upload", arguments.allow_rule_upload,
                    "Let a request send a rule file to evaluate with (\"ruleset\"), read with the "
                    "loader's limits; its extends may name only a built-in rule set");
  command
      ->add_option("--cache-mib", arguments.cache_mib,
                   "MiB of memory for answers kept for repeated requests: evaluations, "
                   "validations, reports, diffs and maps, each kept for the day (default 64; 0: "
                   "none kept)")
      ->check(whole_number(0, 65536));
  command->add_option("--cors", arguments.cors_origin,
                      "The one origin (https://example.org) whose web pages may call the API from "
                      "a browser; without it, no CORS header is sent");
  command->footer(
      "Exit codes:\n"
      "  0  stopped by SIGTERM or SIGINT, after the requests in flight were answered\n"
      "  2  the address or the data could not be used\n"
      "  3  an internal error in devo itself");
}

void add_validate(CLI::App& app, devo::cli::ValidateArguments& arguments) {
  CLI::App* command = app.add_subcommand(
      "validate",
      "Check a proposal: every problem with it (councils, upper tiers, overlaps, contiguity) and "
      "whether it reaches a tier");
  command->add_option("--proposal", arguments.proposal, "The proposal's YAML file")->required();
  command->add_option("--rules", arguments.rules, k_rules_help);
  command->add_option("--data", arguments.data, k_data_help);
  add_format(command, arguments.format, {"text", "json", "html"});
  add_output(command, arguments.output);
  add_as_of(command, arguments.as_of);
  add_max_errors(command, arguments.max_errors);
  command->footer(
      "Exit codes:\n"
      "  0  the proposal is valid and reaches a tier\n"
      "  1  the proposal is not valid: the problems are listed\n"
      "  2  a problem in an input file or in the arguments\n"
      "  3  an internal error in devo itself");
}

void add_test(CLI::App& app, devo::cli::TestArguments& arguments) {
  CLI::App* command = app.add_subcommand(
      "test", "Run regression cases (YAML) and report failures and rule coverage");
  command->add_option("paths", arguments.paths,
                      "Case files, or directories searched for *.yaml; default: the nearest "
                      "tests/cases folder, in the working directory or above it");
  command->add_option("--filter", arguments.filter,
                      "Run only the cases whose name contains this text");
  command
      ->add_option("--coverage-threshold", arguments.coverage_threshold,
                   "Fail when rule coverage is below this percentage")
      ->check(number_between(0.0, 100.0));
  command->add_option("--junit", arguments.junit,
                      "Also write the results as JUnit XML to this file, for CI systems");
  command->add_option("--data", arguments.data, k_data_help);
  add_format(command, arguments.format, {"text", "json"});
  add_output(command, arguments.output);
  add_max_errors(command, arguments.max_errors);
  command->footer(
      "Exit codes:\n"
      "  0  every case passed (and coverage met the threshold)\n"
      "  1  a case failed, or coverage is below the threshold\n"
      "  2  a problem in a case file or in the arguments\n"
      "  3  an internal error in devo itself");
}

void add_diff(CLI::App& app, devo::cli::DiffArguments& arguments) {
  CLI::App* command = app.add_subcommand(
      "diff",
      "Evaluate every district, county council, combined authority and the GLA under two rule "
      "sets (or one at two dates) and report what changes");
  command->add_option("--from", arguments.from, "The rule set before: a built-in id or a rule file")
      ->required();
  command->add_option("--to", arguments.to, "The rule set after: a built-in id or a rule file")
      ->required();
  auto* as_of = command->add_option("--as-of", arguments.as_of,
                                    "The date of both evaluations, YYYY-MM-DD; default: today");
  as_of->excludes(command->add_option("--from-as-of", arguments.from_as_of,
                                      "The date of the evaluations before"));
  as_of->excludes(
      command->add_option("--to-as-of", arguments.to_as_of, "The date of the evaluations after"));
  command->add_option("--proposal", arguments.proposals, "Proposal files to compare as well");
  command->add_flag("--exit-code", arguments.exit_code,
                    "Exit 1 when any subject changed (0 when none did), for CI");
  command->add_option("--power", arguments.power,
                      "With --format svg: colour the map by how this power's status changes, "
                      "not by the tier");
  command->add_option("--data", arguments.data, k_data_help);
  add_format(command, arguments.format, {"text", "json", "markdown", "csv", "html", "svg"});
  add_output(command, arguments.output);
  add_max_errors(command, arguments.max_errors);
  command->footer(k_exit_codes);
}

void add_docs(CLI::App& app, devo::cli::DocsArguments& arguments) {
  CLI::App* command = app.add_subcommand(
      "docs",
      "Write a readable catalogue of a rule set: tiers, powers, conditions in words, "
      "citations and evidence marks");
  command->add_option("--rules", arguments.rules,
                      "Rule set: a built-in id or a rule file; default: the built-in rule set in "
                      "force today");
  add_format(command, arguments.format, {"markdown", "html"});
  add_output(command, arguments.output);
  command->footer(k_exit_codes);
}

void add_check(CLI::App& app, devo::cli::CheckArguments& arguments) {
  CLI::App* command =
      app.add_subcommand("check", "Validate rule files and report every problem in them");
  command->add_option("paths", arguments.paths, "Rule files to check")->required();
  add_format(command, arguments.format, {"text", "json"});
  add_output(command, arguments.output);
  add_max_errors(command, arguments.max_errors);
  command->footer(k_exit_codes);
}

void add_list(CLI::App& app, devo::cli::ListArguments& arguments) {
  CLI::App* command =
      app.add_subcommand("list",
                         "List the built-in rule sets, a rule set's tiers, powers or facts, or "
                         "the authorities a name finds");
  command
      ->add_option("what", arguments.what,
                   "rulesets, tiers, powers, facts (each computed from devo's data or given) "
                   "or authorities")
      ->required()
      ->check(CLI::IsMember({"rulesets", "tiers", "powers", "facts", "authorities"}));
  command->add_option("--match", arguments.match,
                      "For authorities: those this name or GSS code finds (an exact name or "
                      "code first, then names starting with it, containing it, or spelt like "
                      "it); default: every one");
  command->add_option("--data", arguments.data, k_data_help);
  command->add_option("--rules", arguments.rules,
                      "Rule set for tiers, powers and facts: a built-in id or a rule file; default: "
                      "the built-in rule set in force today");
  add_format(command, arguments.format, {"text", "json", "markdown", "csv"});
  add_output(command, arguments.output);
  command->footer(k_exit_codes);
}

void add_export(CLI::App& app, devo::cli::ExportArguments& arguments) {
  CLI::App* command = app.add_subcommand(
      "export",
      "Write a rule set in another rules engine's format (JsonLogic, json-rules-engine), with "
      "England's subjects, their facts and devo's statuses, to run them side by side");
  command->add_option("--rules", arguments.rules, k_rules_help);
  add_format(command, arguments.format, {"json-logic", "json-rules-engine"});
  add_as_of(command, arguments.as_of);
  auto* data = command->add_option("--data", arguments.data, k_data_help);
  command
      ->add_flag("--rules-only", arguments.rules_only,
                 "Leave out the subjects: write the rules alone")
      ->excludes(data);
  add_output(command, arguments.output);
  command->footer(k_exit_codes);
}

void add_suggest(CLI::App& app, devo::cli::SuggestArguments& arguments) {
  CLI::App* command = app.add_subcommand(
      "suggest",
      "Find the groupings of neighbouring councils around an authority or proposal that would "
      "reach a target tier (and make wanted powers available), fewest councils first");
  command
      ->add_option("--authority", arguments.authority,
                   "A district, county council or institution, by GSS code or name")
      ->excludes(command->add_option("--proposal", arguments.proposal, "A proposal's YAML file"));
  command->add_option("--target-tier", arguments.target_tier, "The tier to reach, e.g. level-3")
      ->required();
  command->add_option("--rules", arguments.rules,
                      "A built-in rule set's id or a rule file; default: of the built-in rule "
                      "sets in force on --as-of that have the target tier, the latest");
  command->add_option("--want", arguments.wanted_powers,
                      "A power every grouping must make available (repeatable), e.g. "
                      "pcc-functions");
  command
      ->add_option("--max-councils", arguments.max_councils,
                   "Add at most this many councils to the subject")
      ->capture_default_str()
      ->check(whole_number(1, 12));
  command->add_option("--top", arguments.top, "Show this many groupings")
      ->capture_default_str()
      ->check(whole_number(1, 100));
  command
      ->add_option("--max-groupings", arguments.max_groupings,
                   "Stop searching after evaluating this many groupings, and say so: the same "
                   "groupings every run")
      ->capture_default_str()
      ->check(whole_number(1, 1'000'000'000));
  command
      ->add_option("--time-limit", arguments.time_limit,
                   "Stop searching after this many seconds, and say so (a slower machine covers "
                   "less)")
      ->capture_default_str()
      ->check(seconds());
  command->add_option("--assume", arguments.assumptions,
                      "fact=value taken to hold for every grouping (repeatable), e.g. "
                      "functional_economic_area=true");
  add_as_of(command, arguments.as_of);
  command->add_option("--data", arguments.data, k_data_help);
  add_format(command, arguments.format, {"text", "json"});
  add_output(command, arguments.output);
  command->footer(k_exit_codes);
}

void add_schema(CLI::App& app, devo::cli::SchemaArguments& arguments) {
  std::string names;
  for (const std::string& name : devo::app::schema_names()) {
    names += (names.empty() ? "" : ", ") + name;
  }
  CLI::App* command = app.add_subcommand(
      "schema",
      "Print one of devo's JSON Schemas: of the files it reads (proposal, facts, test-cases, "
      "ruleset) for an editor, or of the JSON it writes (evaluate, validate, ...) for a tool");
  command->add_option("name", arguments.name, "The schema: " + names)->required();
  add_output(command, arguments.output);
  command->footer(k_exit_codes);
}

// What the command line holds once parsed: one set of arguments per command.
struct CommandLine {
  devo::cli::EvaluateArguments evaluate;
  devo::cli::MapArguments map;
  devo::cli::ServeArguments serve;
  devo::cli::ValidateArguments validate;
  devo::cli::TestArguments test;
  devo::cli::DiffArguments diff;
  devo::cli::DocsArguments docs;
  devo::cli::CheckArguments check;
  devo::cli::ListArguments list;
  devo::cli::ExportArguments export_arguments;
  devo::cli::SuggestArguments suggest;
  devo::cli::SchemaArguments schema;
};

// Every command: its name, the options it defines (in help's order) and the
// function that runs it.
struct Command {
  const char* name;
  void (*define)(CLI::App& app, CommandLine& line);
  int (*run)(const CommandLine& line);
};

constexpr Command k_commands[] = {
    {"evaluate", [](CLI::App& app, CommandLine& line) { add_evaluate(app, line.evaluate); },
     [](const CommandLine& line) { return devo::cli::run_evaluate(line.evaluate); }},
    {"map", [](CLI::App& app, CommandLine& line) { add_map(app, line.map); },
     [](const CommandLine& line) { return devo::cli::run_map(line.map); }},
    {"serve", [](CLI::App& app, CommandLine& line) { add_serve(app, line.serve); },
     [](const CommandLine& line) { return devo::cli::run_serve(line.serve); }},
    {"validate", [](CLI::App& app, CommandLine& line) { add_validate(app, line.validate); },
     [](const CommandLine& line) { return devo::cli::run_validate(line.validate); }},
    {"test", [](CLI::App& app, CommandLine& line) { add_test(app, line.test); },
     [](const CommandLine& line) { return devo::cli::run_test(line.test); }},
    {"diff", [](CLI::App& app, CommandLine& line) { add_diff(app, line.diff); },
     [](const CommandLine& line) { return devo::cli::run_diff(line.diff); }},
    {"docs", [](CLI::App& app, CommandLine& line) { add_docs(app, line.docs); },
     [](const CommandLine& line) { return devo::cli::run_docs(line.docs); }},
    {"check", [](CLI::App& app, CommandLine& line) { add_check(app, line.check); },
     [](const CommandLine& line) { return devo::cli::run_check(line.check); }},
    {"list", [](CLI::App& app, CommandLine& line) { add_list(app, line.list); },
     [](const CommandLine& line) { return devo::cli::run_list(line.list); }},
    {"export", [](CLI::App& app, CommandLine& line) { add_export(app, line.export_arguments); },
     [](const CommandLine& line) { return devo::cli::run_export(line.export_arguments); }},
    {"suggest", [](CLI::App& app, CommandLine& line) { add_suggest(app, line.suggest); },
     [](const CommandLine& line) { return devo::cli::run_suggest(line.suggest); }},
    {"schema", [](CLI::App& app, CommandLine& line) { add_schema(app, line.schema); },
     [](const CommandLine& line) { return devo::cli::run_schema(line.schema); }},
};

// Words from the command line shown back to the user, made safe to print.
void print_error(const std::string& text) {
  devo::cli::write_error_stream(devo::printable(text));
}

// The command named on the command line, if any: where its options are.
const CLI::App* named_command(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    for (const CLI::App* subcommand : app.get_subcommands({})) {
      if (subcommand->get_name() == argv[i]) {
        return subcommand;
      }
    }
  }
  return nullptr;
}

// "--frmat" -> "there is no option --frmat (did you mean --format?)", for the
// first option on the command line that `command` does not have; empty when
// every option is known.
std::string unknown_option_in_words(const CLI::App& command, int argc, char** argv) {
  // The command's options, and devo's own (--color), which may follow it.
  std::vector<std::string> known;
  for (const CLI::App* app : {&command, static_cast<const CLI::App*>(command.get_parent())}) {
    for (const CLI::Option* option :
         app == nullptr ? std::vector<const CLI::Option*>{} : app->get_options()) {
      for (const std::string& name : option->get_lnames()) {
        known.push_back("--" + name);
      }
      for (const std::string& name : option->get_snames()) {
        known.push_back("-" + name);
      }
    }
  }
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument.size() < 2 || argument[0] != '-' || argument == "--") {
      continue;
    }
    const std::string name = argument.substr(0, argument.find('='));
    if (std::find(known.begin(), known.end(), name) != known.end()) {
      continue;
    }
    const auto closest = devo::closest_spelling(name, known);
    return fmt::format("there is no option {}{}", name,
                       closest ? fmt::format(" (did you mean {}?)", *closest) : "");
  }
  return {};
}

// "devo 0.1.0", then what the binary carries: the rule sets and the data a
// decision depends on, so that a report can be tied to the build that made it.
std::string version_text() {
  std::string text = fmt::format("devo {}\nbuilt-in rule sets:", devo::k_version);
  devo::Diagnostics diags;
  if (const auto listing = devo::app::list(devo::app::ListWhat::rulesets, {}, diags)) {
    for (const auto& row : listing->rows) {
      text += fmt::format("\n  {}: in force {}", row[0], row[1]);
    }
  }
  if (const auto england = devo::app::resolve_geography({}, diags)) {
    text += fmt::format("\ndata ({}): {}", england->info().name, england->info().vintage);
  }
  return text;
}

// A usage error is reported like any other problem: a location (the command
// line), plain words and a stable code.
int report_usage_error(const CLI::App& app, const CLI::ParseError& error, int argc, char** argv) {
  std::string command = "devo";
  const CLI::App* named = named_command(app, argc, argv);
  if (named != nullptr) {
    command += " " + named->get_name();
  }
  std::string message = error.what();
  if (named != nullptr && dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
    if (std::string unknown = unknown_option_in_words(*named, argc, argv); !unknown.empty()) {
      message = std::move(unknown);
    }
  }
  print_error(fmt::format("{}: error: {} [{}]\nrun '{} --help' for the options\n", command, message,
                          devo::codes::usage, command));
  return devo::cli::k_exit_bad_input;
}

// --help and --version: their text goes where any output goes, so that a
// closed or full standard output is an error here too.
int print_help_or_version(const CLI::App& app, const CLI::ParseError& request) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = app.exit(request, out, err);
  print_error(err.str());
  devo::Diagnostics diags;
  switch (devo::cli::write_output(out.str(), "", diags)) {
    case devo::cli::Written::ok:
      return code;
    case devo::cli::Written::failed:
      print_error(devo::render_diagnostics(diags, devo::OutputFormat::text));
      break;
    case devo::cli::Written::reader_gone:
      break;
  }
  return devo::cli::k_exit_bad_input;
}

bool is_command(const CLI::App& app, const std::string& name) {
  for (const CLI::App* subcommand : app.get_subcommands({})) {
    if (subcommand->get_name() == name) {
      return true;
    }
  }
  return false;
}

int report_unknown_command(const CLI::App& app, const std::string& name) {
  std::vector<std::string> names;
  for (const CLI::App* subcommand : app.get_subcommands({})) {
    names.push_back(subcommand->get_name());
  }
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  }
  const auto closest = devo::closest_spelling(name, names);
  print_error(
      fmt::format("devo: error: there is no command '{}'{}; the commands are {} [{}]\n"
                  "run 'devo --help' for the options\n",
                  name, closest ? fmt::format(" (did you mean '{}'?)", *closest) : "", list,
                  devo::codes::usage));
  return devo::cli::k_exit_bad_input;
}

}  // namespace

int main(int argc, char** argv) {
  devo::cli::guard_standard_streams();
  // The name is fixed so that help reads the same wherever the binary is.
  CLI::App app{
      "devo: which devolution deal tier could an English council, combined authority "
      "or proposed grouping of councils reach, which powers would it give, and why",
      "devo"};
  app.set_version_flag("--version", version_text,
                       "Show devo's version, its built-in rule sets and its data's vintage");
  app.require_subcommand(1);
  app.footer(k_exit_codes);
  // Options of devo itself (--color) may come after the command too.
  app.fallthrough();
  std::string colour = "auto";
  app.add_option("--color", colour,
                 "Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "always", "never"}));

  CommandLine line;
  for (const Command& command : k_commands) {
    command.define(app, line);
  }

  if (argc > 1 && argv[1][0] != '-' && !is_command(app, argv[1])) {
    return report_unknown_command(app, argv[1]);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // --help and --version arrive here too, with exit code 0.
    if (error.get_exit_code() == 0) {
      return print_help_or_version(app, error);
    }
    return report_usage_error(app, error, argc, argv);
  }

  devo::cli::set_colour_choice(colour == "always"  ? devo::cli::ColourChoice::always
                               : colour == "never" ? devo::cli::ColourChoice::never
                                                   : devo::cli::ColourChoice::automatic);
  try {
    for (const Command& command : k_commands) {
      if (app.got_subcommand(command.name)) {
        return command.run(line);
      }
    }
    return devo::cli::k_exit_internal;  // require_subcommand(1) lets no other case through
  } catch (const std::exception& error) {
    // Problems in users' files are diagnostics, never exceptions: reaching
    // this handler means devo itself is wrong.
    print_error(fmt::format("devo: internal error: {}\n", error.what()));
    return devo::cli::k_exit_internal;
  }
}
