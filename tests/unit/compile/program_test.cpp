#include "compile/program.hpp"

#include "support/catch.hpp"
#include "support/fixtures.hpp"

#include <memory>

using devo::compile::Op;

namespace {

std::shared_ptr<const devo::detail::Program> compile_small() {
  auto rules = std::make_shared<const devo::RuleSet>(
      devo::test::load_valid_ruleset(devo::test::small_ruleset_text()));
  return devo::compile::compile_program(rules);
}

}  // namespace

TEST_CASE("children come before their parents, so one pass evaluates all", "[compile]") {
  const auto program = compile_small();
  for (std::size_t i = 0; i < program->nodes.size(); ++i) {
    const auto& node = program->nodes[i];
    if (node.op < Op::eq) {
      for (std::uint32_t c = 0; c < node.count; ++c) {
        CHECK(program->children[node.first + c] < i);
      }
    }
  }
}

TEST_CASE("a named condition is compiled once however often it is used", "[compile]") {
  const auto program = compile_small();
  // `combined` is used by `mayoral`, which is used by one power: one
  // comparison of `kind` in the whole program.
  std::size_t kind_comparisons = 0;
  for (const auto& node : program->nodes) {
    if (node.op == Op::eq && node.slot == 0) {
      ++kind_comparisons;
    }
  }
  CHECK(kind_comparisons == 1);
}

TEST_CASE("facts map to slots in declaration order, enum values to their index", "[compile]") {
  const auto program = compile_small();
  devo::FactInput input;
  input.values.emplace("kind", std::string("combined"));
  input.values.emplace("population", std::int64_t{42});
  input.values.emplace("islands", devo::Codes{"E1"});
  input.values.emplace("mayor", std::int64_t{1});  // the wrong type: stays unknown
  const auto bound = devo::compile::bind_facts(*program, input);
  std::vector<bool> known;
  for (std::size_t slot = 0; slot < bound.slots; ++slot) {
    known.push_back(bound.known(slot));
  }
  CHECK(known == std::vector<bool>{true, false, true, false, true});
  CHECK(bound.values[0] == 1);
  CHECK(bound.values[2] == 42);
  CHECK(bound.codes[4] == devo::Codes{"E1"});
  REQUIRE(program->tiers.size() == 2);
  REQUIRE(program->powers.size() == 3);
  CHECK(program->power_tiers == std::vector<std::uint32_t>{0, 1, 0});
}
