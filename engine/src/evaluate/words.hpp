#pragma once

#include "compile/program.hpp"

#include <cstdint>
#include <string>

namespace devo::evaluate {

// Plain words for conditions and fact values, drawn from the rule file's
// titles, fact labels and `says` templates.
class Words {
 public:
  Words(const detail::Program& program, const compile::BoundFacts& facts)
      : m_program(program), m_facts(facts) {}

  // What the node asks for: its title, a named condition's title, or words
  // made from the comparison ("population of at least 500,000").
  std::string requirement(std::uint32_t node) const;

  // The fact's value in a clause ("its population is 3,009,664"), or that it
  // is not given.
  std::string fact_clause(std::uint32_t slot) const;

 private:
  std::string comparison(const Condition& condition) const;
  std::string value_words(std::uint32_t slot) const;

  const detail::Program& m_program;
  const compile::BoundFacts& m_facts;
};

}  // namespace devo::evaluate
