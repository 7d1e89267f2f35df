#pragma once

#include <cstddef>
#include <span>
#include <string_view>

// The fuzz targets' work, one function per target, shared by the libFuzzer
// executables (fuzz_<name>.cpp) and by the replay driver (replay.cpp), which
// runs the regression inputs in tests/fuzz-regressions/ through the very same
// code in the ordinary test build.
//
// Each function takes arbitrary bytes and returns normally whatever they are:
// every problem with the input must come out as a diagnostic. Only a crash, a
// sanitizer report, a hang or runaway memory is a finding.
namespace devo::fuzz {

// The bytes as a rule file: load_ruleset(); when it loads, compile it,
// evaluate an empty FactInput with explanations, render the evaluation and
// the rule set's catalogue. The diagnostics are always rendered.
void ruleset_loader(std::string_view bytes);

// The bytes as a proposal file, read with the built-in England data and the
// built-in luwp-2022 rule set as of 2025-06-01; when it gives facts without
// errors, evaluate them with explanations and render the evaluation.
void proposal_loader(std::string_view bytes);

// The bytes as a regression-case file (schemas/test-cases.schema.json), run
// with the built-in data and rule sets; the report is rendered.
void test_case_loader(std::string_view bytes);

// The bytes up to the first line "---" as the `requires` list of one power in
// a rule file that extends a fixed rule set (loaded once) declaring a fact of
// every type (bool, integer with bounds, enum, date, codes), named conditions
// and two tiers; the rest as a facts file for it. The rule file goes through
// load_ruleset()'s stages (parse, schema, decode, merge with its base, check);
// when it and the facts load, compile and evaluate with explanations and
// render.
void condition_evaluator(std::string_view bytes);

// The bytes split at every line "---" into rule files 0.yaml, 1.yaml, ... (at
// most k_max_chain_files), written to a scratch folder that also holds a
// folder (dir.yaml) and a symbolic link to itself (loop.yaml); 0.yaml is
// loaded with load_ruleset(), which follows the files' `extends` (chains,
// cycles, missing and non-file bases, built-in ids), then compiled, evaluated
// and rendered as for ruleset_loader.
void extends_chain(std::string_view bytes);
inline constexpr std::size_t k_max_chain_files = 16;

// The bytes split at every line "---" into the files of a --data folder, in
// the order data_file_names() gives (manifest.yaml, districts.csv, ...; a
// table with no part is missing), written to a scratch folder and loaded with
// Geography::load_directory(). When it loads, the first district of
// districts.csv is looked up as an authority, and its facts are evaluated
// with luwp-2022 and rendered.
void data_tables(std::string_view bytes);

// A request to devo serve's routes (server/routes.hpp), as the server would
// pass it on: the bytes up to the first newline as the target of a GET (a
// path and query, decoded), the rest as the JSON body of a POST to
// /v1/evaluate (decoded, evaluated with the built-in data and rule sets, its
// diagnostics placed at JSON Pointers). Both answers are produced whole.
void http_request(std::string_view bytes);

// The rule file the condition evaluator inserts its condition into, each line
// indented by six spaces, where the line "@CONDITION@" is; and the rule set it
// extends.
std::string_view condition_template();
std::string_view condition_base();

// With `on`, the entry points print what they render (diagnostics, the
// evaluation) to stdout: for looking into a finding with devo_fuzz_replay.
void set_verbose(bool on);

using EntryPoint = void (*)(std::string_view bytes);

struct Target {
  std::string_view name;  // "fuzz_ruleset_loader", as the executable is named
  EntryPoint run;
};

// Every target, in a fixed order.
std::span<const Target> targets();

}  // namespace devo::fuzz
