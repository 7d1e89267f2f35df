#pragma once

#include <devo/suggest.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace devo::cli {

// What is evaluated: exactly one of these is given.
struct SubjectArguments {
  std::string facts;
  std::string authority;
  std::string proposal;
  // The England data to use instead of the built-in data.
  std::string data;
};

struct EvaluateArguments {
  SubjectArguments subject;
  // Every district, county council, combined authority and the GLA, a row
  // each, instead of one subject.
  bool all = false;
  std::string rules;
  // "fact=value": facts taken as given, over what the subject says.
  std::vector<std::string> assumptions;
  std::string format = "text";
  // Where to write the output; standard output when empty.
  std::string output;
  std::string as_of;
  std::size_t max_errors = 100;
};

struct ValidateArguments {
  std::string proposal;
  std::string data;
  std::string rules;
  std::string format = "text";
  // Where to write the output; standard output when empty.
  std::string output;
  std::string as_of;
  std::size_t max_errors = 100;
};

struct TestArguments {
  std::vector<std::string> paths;
  std::string filter;
  std::optional<double> coverage_threshold;
  // Where to write a JUnit XML report as well; none when empty.
  std::string junit;
  std::string data;
  std::string format = "text";
  // Where to write the output; standard output when empty.
  std::string output;
  std::size_t max_errors = 100;
};

struct DiffArguments {
  std::string from;
  std::string to;
  std::string as_of;
  std::string from_as_of;
  std::string to_as_of;
  std::vector<std::string> proposals;
  std::string power;
  // Exit 1 when any subject changed, as `git diff --exit-code` does, for CI.
  bool exit_code = false;
  std::string data;
  std::string format = "text";
  // Where to write the output; standard output when empty.
  std::string output;
  std::size_t max_errors = 100;
};

struct MapArguments {
  std::string authority;
  std::string proposal;
  bool all = false;
  std::string rules;
  std::string data;
  std::string colour = "tier";
  std::string as_of;
  std::string output;
  std::size_t max_errors = 100;
};

struct ServeArguments {
  std::string listen = "127.0.0.1:8080";
  std::string data;
  std::size_t threads = 0;
  std::size_t max_connections = 256;
  double idle_timeout = 30;
  bool allow_rule_upload = false;
  std::size_t cache_mib = 64;
  std::string cors_origin;
};

struct DocsArguments {
  std::string rules;
  std::string format = "markdown";
  // Where to write the output; standard output when empty.
  std::string output;
};

struct CheckArguments {
  std::vector<std::string> paths;
  std::string format = "text";
  // Where to write the output; standard output when empty.
  std::string output;
  std::size_t max_errors = 100;
};

struct ListArguments {
  std::string what;
  std::string rules;
  std::string match;
  std::string data;
  std::string format = "text";
  // Where to write the output; standard output when empty.
  std::string output;
};

struct ExportArguments {
  std::string rules;
  std::string format = "json-logic";
  std::string as_of;
  std::string data;
  // Leave out England's subjects: the rules alone.
  bool rules_only = false;
  // Where to write the output; standard output when empty.
  std::string output;
};

struct SuggestArguments {
  std::string authority;
  std::string proposal;
  std::string data;
  std::string rules;
  std::string target_tier;
  std::vector<std::string> wanted_powers;
  std::size_t max_councils = 4;
  std::size_t top = 5;
  std::size_t max_groupings = SuggestOptions{}.max_groupings;
  double time_limit = SuggestOptions{}.time_limit_seconds;
  // "fact=value", taken to hold for every grouping.
  std::vector<std::string> assumptions;
  std::string as_of;
  std::string format = "text";
  // Where to write the output; standard output when empty.
  std::string output;
};

struct SchemaArguments {
  std::string name;
  // Where to write the output; standard output when empty.
  std::string output;
};

// Each returns the process's exit code (exit_code.hpp).
int run_evaluate(const EvaluateArguments& arguments);
int run_map(const MapArguments& arguments);
int run_serve(const ServeArguments& arguments);
int run_validate(const ValidateArguments& arguments);
int run_check(const CheckArguments& arguments);
int run_test(const TestArguments& arguments);
int run_diff(const DiffArguments& arguments);
int run_docs(const DocsArguments& arguments);
int run_list(const ListArguments& arguments);
int run_export(const ExportArguments& arguments);
int run_suggest(const SuggestArguments& arguments);
int run_schema(const SchemaArguments& arguments);

}  // namespace devo::cli
