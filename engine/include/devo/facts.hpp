#pragma once

#include <devo/value.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace devo {

// A devolution institution a council belongs to: as a constituent member, or
// because its area lies inside one (a district of a county council that is a
// member of a combined county authority). `code` may be empty: institutions
// made in 2026 have no GSS code in devo's sources yet.
struct Membership {
  std::string id;
  std::string code;
  std::string name;
  std::string kind;
  // Whether the institution is, or is to be, a mayoral one.
  bool mayoral = false;
  bool constituent = true;
  // For a council that is not a constituent: the constituent it is inside of
  // ("Lancashire County Council").
  std::string through;
};

// What is being evaluated: a council, an institution or a proposed grouping.
// `councils` are its constituent councils and `districts` the local authority
// districts its area is made of (GSS codes), when they are known. For an
// existing institution, `source` says where devo's data on it comes from and,
// when that data is not verified, `caveat` says what is not. `member_of` lists
// the institutions a council is in, whose deals are its own.
struct Subject {
  std::string kind;
  std::string name;
  std::string code;
  std::vector<std::string> councils;
  std::vector<std::string> districts;
  std::string source;
  std::string caveat;
  std::vector<Membership> member_of;
};

// Whether the subject holds a power now (on the date of the evaluation), as
// devo's data records it: true, false, or not known. `since` is when it has
// been held, at the precision of the source ("2017", "2021-05-10"); `note`
// says why in words (a transfer decided, quashed, planned); `source` and
// `evidence` say where that comes from and how sure it is.
struct Holding {
  std::optional<bool> held;
  std::string since;
  std::string note;
  std::string source;
  std::string evidence;
};

// A reason the subject cannot be what it claims to be (a single council as a
// combined authority, an area in pieces): an invalid subject reaches no tier.
// The place is the line of the proposal file that shows it, when there is one.
struct Problem {
  std::string code;
  std::string message;
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

// A subject and the facts known about it. A fact that is absent is unknown,
// not false. `notes` explain computed facts in words ("Halton is in the
// Cheshire police force area"), keyed by fact name. An integer known only to
// lie in a range (months in post from an election known only to the year)
// has its lower bound in `values` and its upper bound in `upper`: a
// comparison that the two bounds answer differently is unknown.
struct FactInput {
  Subject subject;
  std::map<std::string, FactValue, std::less<>> values;
  std::map<std::string, std::string, std::less<>> notes;
  std::map<std::string, std::int64_t, std::less<>> upper;
  // The powers the subject holds, by the holding key a rule set's power names
  // (`pcc-functions`); `unrecorded` for a power with no entry.
  std::map<std::string, Holding, std::less<>> holdings;
  Holding unrecorded;
  // Empty for a valid subject.
  std::vector<Problem> problems;
};

}  // namespace devo
