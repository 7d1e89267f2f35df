#pragma once

#include <map>
#include <string>

#include <devo/value.hpp>

namespace devo {

// What is being evaluated: a council, an institution or a proposed grouping.
struct Subject {
  std::string kind;
  std::string name;
  std::string code;
};

// A subject and the facts known about it. A fact that is absent is unknown,
// not false.
struct FactInput {
  Subject subject;
  std::map<std::string, FactValue, std::less<>> values;
};

}  // namespace devo
