#include "entry_points.hpp"

#include "check/check.hpp"
#include "geography/atlas.hpp"
#include "load/decode.hpp"
#include "load/yaml_document.hpp"
#include "server/routes.hpp"
#include "testing/test_runner.hpp"
#include "validate/schema_validator.hpp"

#include <devo/app.hpp>
#include <devo/engine.hpp>
#include <devo/geography.hpp>
#include <devo/report.hpp>
#include <devo/source.hpp>
#include <devo/testing.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <stdlib.h>  // mkdtemp
#include <string>
#include <vector>

namespace devo::fuzz {
namespace {

// Inputs are named as if in a folder that does not exist, so that a relative
// `extends` or `rules` path in them finds nothing on disk.
constexpr std::string_view k_folder = "(fuzz)/";

bool g_verbose = false;

void show(const std::string& text) {
  if (g_verbose) {
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
}

// The date proposals and evaluations are made for: inside luwp-2022's and the
// condition template's effective dates.
constexpr std::string_view k_as_of = "2025-06-01";

// The fixed inputs every run shares are loaded once. They are built in and
// checked by the test suite, so failing to load them is a broken build, not a
// finding: say so and stop.
[[noreturn]] void fixture_failed(const char* what, const Diagnostics& diags) {
  std::fprintf(stderr, "devo fuzz: the built-in %s did not load:\n%s", what,
               render_diagnostics(diags, OutputFormat::text).c_str());
  std::abort();
}

Date as_of() {
  return *Date::parse(k_as_of);
}

const Geography& england() {
  static const Geography geography = [] {
    Diagnostics diags;
    auto loaded = Geography::load_builtin(diags);
    if (!loaded) {
      fixture_failed("England data", diags);
    }
    return std::move(*loaded);
  }();
  return geography;
}

std::shared_ptr<const CompiledRules> load_builtin_rules(const std::string& id) {
  Diagnostics diags;
  auto source = find_ruleset_source(id, diags);
  auto rules = source ? load_ruleset(*source, diags) : std::nullopt;
  if (!rules) {
    fixture_failed(id.c_str(), diags);
  }
  return std::make_shared<const CompiledRules>(std::make_shared<const RuleSet>(std::move(*rules)));
}

const CompiledRules& luwp_2022() {
  static const std::shared_ptr<const CompiledRules> rules = load_builtin_rules("luwp-2022");
  return *rules;
}

const testing::SharedInputs& shared_inputs() {
  static const testing::SharedInputs shared = [] {
    testing::SharedInputs inputs;
    inputs.geography = england();
    for (const std::string& id : builtin_ruleset_ids()) {
      inputs.rules.emplace(id, load_builtin_rules(id));
    }
    return inputs;
  }();
  return shared;
}

SourceFile input_file(std::string_view name, std::string_view bytes) {
  return SourceFile::from_text(std::string(k_folder) + std::string(name), std::string(bytes));
}

// Every diagnostic is a normal outcome; rendering them (quoting the line,
// placing the caret, escaping JSON) is part of reporting it.
void render(const Diagnostics& diags) {
  show(render_diagnostics(diags, OutputFormat::text));
  (void)render_diagnostics(diags, OutputFormat::json);
}

Receipt receipt_for(const RuleSet& rules) {
  return Receipt{rules.id, rules.sha256, rules.files, "fuzz", as_of(), {}, {}};
}

void evaluate_and_render(const CompiledRules& compiled, const FactInput& facts) {
  const Decision decision = compiled.evaluate(facts, EvaluateOptions{true, as_of()});
  const Evaluation evaluation{receipt_for(compiled.rules()), compiled.rules(), facts, decision};
  show(render_evaluation(evaluation, OutputFormat::text));
  (void)render_evaluation(evaluation, OutputFormat::json);
}

// The rule set the fuzzed conditions are evaluated in, loaded once: a fact of
// every type (named and typed as the built-in rule sets name and type them, so
// that the repository's facts files are meaningful seeds), named conditions
// that refer to each other, two tiers, and a power whose fixed requirements are
// evaluated on the fuzzed facts.
constexpr std::string_view k_condition_base = R"(ruleset:
  id: fuzz-conditions-base
  title: The facts and conditions fuzzed conditions use
  summary: A fact of every type, named conditions, two tiers and a power with fixed requirements.
  effective_from: 2020-01-01
  effective_to: 2030-12-31
sources:
  - id: fuzz
    title: The condition evaluator's fuzz target
    date: 2020-01-01
facts:
  institution:
    type: enum
    title: institution
    says: "this is {value}"
    values:
      joint_committee: a joint committee of councils
      combined_authority: a combined authority
      combined_county_authority: a combined county authority
      county_council: a county council
      unitary_authority: a unitary authority
  mayor:
    type: enum
    title: directly elected leadership
    values:
      none: no directly elected mayor or leader
      elected_mayor: a directly elected mayor
      elected_leader: a directly elected leader
  population:
    type: integer
    minimum: 0
    title: population
    says: "its population is {value}"
  mayor_months_in_post:
    type: integer
    minimum: 0
    maximum: 1200
    title: months the mayor has been in post
  whole_counties:
    type: bool
    title: coverage of whole county areas
    says: "the area {value}"
    values:
      true: covers whole county areas
      false: does not cover whole county areas
  police_coterminous:
    type: bool
    title: coterminosity with one police force area
  mayor_first_elected:
    type: date
    title: date of the first mayoral election
  devolution_islands:
    type: codes
    title: devolution islands
    says: "devolution islands: {value}"
  police_force_areas:
    type: codes
    title: police force areas
conditions:
  mayoral:
    title: a mayoral institution
    when:
      all:
        - fact: mayor
          eq: elected_mayor
        - fact: institution
          in: [combined_authority, combined_county_authority]
  large:
    title: a large area
    when:
      fact: population
      gte: 500000
  large-and-mayoral:
    title: a large mayoral area
    when:
      all:
        - large
        - mayoral
        - not:
            fact: devolution_islands
            ne: []
tiers:
  - id: base
    title: Base
    citation: {source: fuzz}
    evidence: reconstructed
    requires:
      - fact: whole_counties
        exists: true
  - id: top
    title: Top
    citation: {source: fuzz, section: Top, page: 1}
    evidence: secondary
    requires: [large-and-mayoral]
    expects:
      - fact: police_force_areas
        contains: E23000001
powers:
  - id: steady
    title: A power with fixed requirements
    group: Fuzzing
    tier: base
    citation: {source: fuzz}
    evidence: confirmed
    requires:
      - any:
          - large
          - fact: mayor_first_elected
            lt: 2020-01-01
          - fact: mayor_months_in_post
            in: [1, 12, 24]
          - fact: police_coterminous
            eq: true
)";

// The rule file each input becomes: it extends the base and adds one power
// whose requirements are the input's condition, each line indented to sit
// under `requires:` where the line "@CONDITION@" is.
constexpr std::string_view k_condition_template = R"(ruleset:
  id: fuzz-conditions
  title: Conditions under fuzzing
  effective_from: 2020-01-01
  effective_to: 2030-12-31
  extends: fuzz-conditions-base
powers:
  - id: fuzzed
    title: The power whose requirements are fuzzed
    group: Fuzzing
    tier: top
    citation: {source: fuzz}
    evidence: reconstructed
    requires:
@CONDITION@
)";

const RuleSet& loaded_condition_base() {
  static const RuleSet base = [] {
    Diagnostics diags;
    auto rules = load_ruleset(
        SourceFile::from_text("fuzz-conditions-base.yaml", std::string(k_condition_base)), diags);
    if (!rules || diags.has_errors()) {
      fixture_failed("condition template", diags);
    }
    return std::move(*rules);
  }();
  return base;
}

// Each line of `condition` indented to sit under the template's `requires:`.
std::string with_condition(std::string_view condition) {
  constexpr std::string_view placeholder = "@CONDITION@\n";
  const std::size_t at = k_condition_template.find(placeholder);
  std::string text(k_condition_template.substr(0, at));
  std::size_t start = 0;
  while (start < condition.size()) {
    std::size_t end = condition.find('\n', start);
    end = end == std::string_view::npos ? condition.size() : end + 1;
    text += "      ";
    text += condition.substr(start, end - start);
    start = end;
  }
  if (!text.ends_with('\n')) {
    text += '\n';
  }
  text += k_condition_template.substr(at + placeholder.size());
  return text;
}

// The input split at its first line that is exactly "---" (with or without a
// carriage return): the condition before it, the facts file after it.
std::pair<std::string_view, std::optional<std::string_view>> split_input(std::string_view bytes) {
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    const std::size_t next = end == std::string_view::npos ? bytes.size() : end + 1;
    std::string_view line = bytes.substr(start, next - start);
    if (line.ends_with('\n')) {
      line.remove_suffix(1);
    }
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    if (line == "---") {
      return {bytes.substr(0, start), bytes.substr(next)};
    }
    start = next;
  }
  return {bytes, std::nullopt};
}

// The input split at every line that is exactly "---" (with or without a
// carriage return), into at most `most` parts: the last part keeps the rest.
std::vector<std::string_view> split_parts(std::string_view bytes, std::size_t most) {
  std::vector<std::string_view> parts;
  std::string_view rest = bytes;
  while (parts.size() + 1 < most) {
    const auto [before, after] = split_input(rest);
    if (!after) {
      break;
    }
    parts.push_back(before);
    rest = *after;
  }
  parts.push_back(rest);
  return parts;
}

namespace fs = std::filesystem;

// A scratch folder of this process's own, made on first use and removed at
// exit; each input empties it first.
const fs::path& scratch_folder() {
  static const fs::path folder = [] {
    std::string pattern = (fs::temp_directory_path() / "devo-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror("devo fuzz: mkdtemp");
      std::abort();
    }
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(scratch_folder(), ignored);
    });
    return fs::path(pattern);
  }();
  return folder;
}

const fs::path& empty_scratch_folder() {
  const fs::path& folder = scratch_folder();
  for (const auto& entry : fs::directory_iterator(folder)) {
    fs::remove_all(entry.path());
  }
  return folder;
}

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::fprintf(stderr, "devo fuzz: cannot write %s\n", path.c_str());
    std::abort();
  }
}

// The first field of the first row after the header: a district's code.
std::string first_district(std::string_view districts_csv) {
  const std::size_t start = districts_csv.find('\n');
  if (start == std::string_view::npos) {
    return {};
  }
  const std::string_view row = districts_csv.substr(start + 1);
  return std::string(row.substr(0, row.find_first_of(",\r\n")));
}

}  // namespace

void extends_chain(std::string_view bytes) {
  const fs::path& folder = empty_scratch_folder();
  const std::vector<std::string_view> files = split_parts(bytes, k_max_chain_files);
  for (std::size_t i = 0; i < files.size(); ++i) {
    write_file(folder / (std::to_string(i) + ".yaml"), files[i]);
  }
  // Bases that are not files.
  fs::create_directory(folder / "dir.yaml");
  fs::create_symlink("loop.yaml", folder / "loop.yaml");

  Diagnostics diags;
  auto source = read_source_file((folder / "0.yaml").string(), diags);
  auto rules = source ? load_ruleset(*source, diags) : std::nullopt;
  if (rules) {
    const CompiledRules compiled(std::make_shared<const RuleSet>(std::move(*rules)));
    evaluate_and_render(compiled, FactInput{});
    (void)render_catalogue(compiled.rules(), CatalogueFormat::markdown);
  }
  render(diags);
}

void data_tables(std::string_view bytes) {
  const fs::path& folder = empty_scratch_folder();
  const std::vector<std::string>& names = geography::data_file_names();
  const std::vector<std::string_view> tables = split_parts(bytes, names.size());
  for (std::size_t i = 0; i < tables.size(); ++i) {
    write_file(folder / names[i], tables[i]);
  }

  Diagnostics diags;
  auto geography = Geography::load_directory(folder.string(), diags);
  if (geography && tables.size() > 1) {
    const std::string code = first_district(tables[1]);
    if (auto facts = geography->authority(code, as_of(), diags)) {
      evaluate_and_render(luwp_2022(), *facts);
    }
  }
  render(diags);
}

void ruleset_loader(std::string_view bytes) {
  Diagnostics diags;
  auto rules = load_ruleset(input_file("rules.yaml", bytes), diags);
  if (rules) {
    const CompiledRules compiled(std::make_shared<const RuleSet>(std::move(*rules)));
    evaluate_and_render(compiled, FactInput{});
    (void)render_catalogue(compiled.rules(), CatalogueFormat::markdown);
    (void)render_catalogue(compiled.rules(), CatalogueFormat::html);
  }
  render(diags);
}

void proposal_loader(std::string_view bytes) {
  const CompiledRules& rules = luwp_2022();
  Diagnostics diags;
  auto proposal =
      england().proposal(input_file("proposal.yaml", bytes), rules.rules(), as_of(), diags);
  if (proposal && !diags.has_errors()) {
    evaluate_and_render(rules, proposal->facts);
  }
  render(diags);
}

void test_case_loader(std::string_view bytes) {
  const testing::SharedInputs& shared = shared_inputs();
  Diagnostics diags;
  auto report =
      testing::run_test_source(input_file("cases.yaml", bytes), TestOptions{}, shared, diags);
  if (report) {
    show(render_test_report(*report, OutputFormat::text, 95.0));
    (void)render_test_report(*report, OutputFormat::json, std::nullopt);
  }
  render(diags);
}

void condition_evaluator(std::string_view bytes) {
  const auto [condition, facts_text] = split_input(bytes);
  const RuleSet& base = loaded_condition_base();
  Diagnostics diags;
  // load_ruleset()'s stages for a file that extends another, with the base
  // loaded once rather than for every input: parse, schema, decode, merge,
  // check.
  const SourceFile file = input_file("conditions.yaml", with_condition(condition));
  if (auto document = load::parse_yaml(file, diags)) {
    validate::check_schema(*document, "schemas/ruleset.schema.json", diags);
    RuleSet own = load::decode_ruleset(*document, diags);
    own.file = file.name;
    RuleSet rules = load::merge(base, std::move(own));
    check::check_ruleset(rules, diags);
    if (!diags.has_errors()) {
      check::warn_unused(rules, diags);
      std::optional<FactInput> facts =
          facts_text ? load_facts(input_file("facts.yaml", *facts_text), rules, diags)
                     : std::optional<FactInput>(FactInput{});
      if (facts) {
        const CompiledRules compiled(std::make_shared<const RuleSet>(std::move(rules)));
        evaluate_and_render(compiled, *facts);
      }
    }
  }
  render(diags);
}

void set_verbose(bool on) {
  g_verbose = on;
}

std::string_view condition_template() {
  return k_condition_template;
}

std::string_view condition_base() {
  return k_condition_base;
}

void http_request(std::string_view bytes) {
  // The server loads the data and rule sets once; so does this target.
  static const server::Routes routes = [] {
    Diagnostics diags;
    if (!app::keep_loaded(app::Given{}, diags)) {
      fixture_failed("data", diags);
    }
    // Rule files in a body are taken, so that their decoding is fuzzed too.
    return server::Routes(server::Served{{}, true});
  }();
  const auto newline = bytes.find('\n');
  const std::string_view target = bytes.substr(0, newline);
  const std::string_view body =
      newline == std::string_view::npos ? std::string_view() : bytes.substr(newline + 1);
  show(routes.handle(server::Request{"GET", std::string(target), {}}).body);
  show(routes.handle(server::Request{"POST", "/v1/evaluate", std::string(body)}).body);
}

std::span<const Target> targets() {
  static constexpr Target k_targets[] = {
      {"fuzz_ruleset_loader", ruleset_loader},
      {"fuzz_proposal_loader", proposal_loader},
      {"fuzz_test_case_loader", test_case_loader},
      {"fuzz_condition_evaluator", condition_evaluator},
      {"fuzz_extends_chain", extends_chain},
      {"fuzz_data_tables", data_tables},
      {"fuzz_http_request", http_request},
  };
  return k_targets;
}

}  // namespace devo::fuzz
