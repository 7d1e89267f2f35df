#pragma once

#include <cstddef>
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
  std::string rules;
  std::string format = "text";
  std::string as_of;
  std::size_t max_errors = 100;
};

struct ValidateArguments {
  std::string proposal;
  std::string data;
  std::string rules;
  std::string format = "text";
  std::string as_of;
  std::size_t max_errors = 100;
};

struct CheckArguments {
  std::vector<std::string> paths;
  std::string format = "text";
  std::size_t max_errors = 100;
};

struct ListArguments {
  std::string what;
  std::string rules;
  std::string format = "text";
};

// Each returns the process's exit code (exit_code.hpp).
int run_evaluate(const EvaluateArguments& arguments);
int run_validate(const ValidateArguments& arguments);
int run_check(const CheckArguments& arguments);
int run_list(const ListArguments& arguments);

}  // namespace devo::cli
