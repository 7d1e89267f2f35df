#pragma once

#include <devo/value.hpp>

#include <map>
#include <string>
#include <vector>

namespace devo {

// What is being evaluated: a council, an institution or a proposed grouping.
// `councils` are its constituent councils and `districts` the local authority
// districts its area is made of (GSS codes), when they are known. For an
// existing institution, `source` says where devo's data on it comes from and,
// when that data is not verified, `caveat` says what is not.
struct Subject {
  std::string kind;
  std::string name;
  std::string code;
  std::vector<std::string> councils;
  std::vector<std::string> districts;
  std::string source;
  std::string caveat;
};

// A subject and the facts known about it. A fact that is absent is unknown,
// not false. `notes` explain computed facts in words ("Halton is in the
// Cheshire police force area"), keyed by fact name.
struct FactInput {
  Subject subject;
  std::map<std::string, FactValue, std::less<>> values;
  std::map<std::string, std::string, std::less<>> notes;
};

}  // namespace devo
