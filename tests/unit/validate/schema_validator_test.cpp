#include "validate/schema_validator.hpp"

#include "load/yaml_document.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

#include <devo/codes.hpp>
#include <devo/embedded.hpp>
#include <devo/source.hpp>

#include <algorithm>
#include <filesystem>

using devo::Diagnostics;
using devo::SourceFile;

namespace {

Diagnostics check(const std::string& text, std::string_view schema) {
  Diagnostics diags;
  auto document = devo::load::parse_yaml(SourceFile::from_text("f.yaml", text), diags);
  REQUIRE(document.has_value());
  devo::validate::check_schema(*document, schema, diags);
  return diags;
}

constexpr std::string_view k_facts = "schemas/facts.schema.json";
constexpr std::string_view k_rules = "schemas/ruleset.schema.json";

}  // namespace

TEST_CASE("a valid facts file passes the facts schema", "[validate]") {
  const auto diags =
      check("subject: {kind: proposal, name: North}\nfacts:\n  population: 5\n  islands: [E1]\n",
            k_facts);
  CHECK(diags.empty());
}

TEST_CASE("every unknown key is reported at the key, with the closest allowed key", "[validate]") {
  const auto diags =
      check("subject: {kind: proposal, name: North, nmae: x, colour: red}\nfacts: {}\nextra: 1\n",
            k_facts);
  const auto sorted = diags.sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(sorted[0].code == "unknown-key");
  CHECK(sorted[0].message == "unknown key 'nmae' (did you mean 'name'?)");
  CHECK(sorted[0].location.line == 1);
  CHECK(sorted[0].location.column == 40);
  CHECK(sorted[1].message == "unknown key 'colour'");
  CHECK(sorted[2].message == "unknown key 'extra'");
  CHECK(sorted[2].location.line == 3);
}

TEST_CASE("missing keys, wrong types and bad values are worded for people", "[validate]") {
  const auto diags = check("subject: {kind: Not-Snake}\nfacts: [1]\n", k_facts);
  const auto sorted = diags.sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(sorted[0].code == "missing-key");
  CHECK(sorted[0].message == "missing required key 'name'");
  CHECK(sorted[1].code == "invalid-value");
  CHECK(sorted[1].message == "'Not-Snake' is not a snake_case kind such as 'combined_authority'");
  CHECK(sorted[2].code == "wrong-type");
  CHECK(sorted[2].message == "expected a mapping here, found a list");
  CHECK(sorted[2].location.line == 2);
}

TEST_CASE("map keys that break the naming rule are reported at the key", "[validate]") {
  const auto diags = check("subject: {kind: a, name: b}\nfacts:\n  Population: 5\n", k_facts);
  REQUIRE(diags.sorted().size() == 1);
  const auto found = devo::test::find_code(diags, devo::codes::invalid_value);
  REQUIRE(found.has_value());
  CHECK(found->location.line == 3);
  CHECK(found->message ==
        "'Population' is not a snake_case fact name such as 'police_coterminous'");
}

TEST_CASE("enum values list what is allowed", "[validate]") {
  std::string text = devo::test::small_ruleset_text();
  text.replace(text.find("evidence: confirmed"), 19, "evidence: confirm");
  const auto diags = check(text, k_rules);
  const auto found = devo::test::find_code(diags, devo::codes::invalid_value);
  REQUIRE(found.has_value());
  CHECK(found->message ==
        "the string 'confirm' is not allowed here; expected 'confirmed', 'secondary' or "
        "'reconstructed' (did you mean 'confirmed'?)");
}

TEST_CASE("the small rule set and the built-in rules pass the rule set schema", "[validate]") {
  CHECK(check(devo::test::small_ruleset_text(), k_rules).empty());
  CHECK(check(devo::test::read_project_file("rules/luwp-2022.yaml"), k_rules).empty());
}

TEST_CASE("every schema in schemas/ is built in, under its path, and usable", "[validate]") {
  namespace fs = std::filesystem;
  const auto builtin = devo::builtin_schema_files();
  std::size_t found = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(DEVO_SOURCE_DIR) / "schemas")) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".schema.json")) {
      continue;
    }
    ++found;
    const std::string path = "schemas/" + name;
    INFO(path);
    const auto file = std::find_if(builtin.begin(), builtin.end(),
                                   [&](const devo::EmbeddedFile& item) { return item.path == path; });
    REQUIRE(file != builtin.end());
    CHECK(file->bytes == devo::test::read_project_file(path));
    // The validator can parse it (an empty mapping need not pass it).
    CHECK_NOTHROW(check("{}\n", path));
  }
  // The input schemas and the output schemas (tests/output-schemas.txt).
  CHECK(found >= 12);
  CHECK(builtin.size() == found);
}
