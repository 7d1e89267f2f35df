#pragma once

#include "compile/program.hpp"

#include <devo/engine.hpp>

// devo's own way beneath CompiledRules, for the modules that walk the compiled
// program itself (rule coverage names and counts its condition nodes). Not
// installed: the public headers name detail::Program only as an opaque member.
namespace devo::detail {

struct ProgramAccess {
  static const Program& of(const CompiledRules& rules) { return *rules.m_program; }
};

}  // namespace devo::detail

namespace devo::compile {

// The program `rules` was compiled to.
inline const detail::Program& program_of(const CompiledRules& rules) {
  return detail::ProgramAccess::of(rules);
}

}  // namespace devo::compile
