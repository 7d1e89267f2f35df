#include "support/catch.hpp"
#include "support/fixtures.hpp"

#include <devo/codes.hpp>
#include <devo/engine.hpp>
#include <devo/limits.hpp>
#include <devo/source.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using devo::Diagnostics;

namespace fs = std::filesystem;

namespace {

// A folder of the test's own, removed when it ends.
class ScratchFolder {
 public:
  ScratchFolder()
      : m_path(fs::temp_directory_path() / ("devo-extends-test-" + std::to_string(::getpid()))) {
    fs::remove_all(m_path);
    fs::create_directories(m_path);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(m_path, ignored);
  }
  const fs::path& path() const { return m_path; }

  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(m_path / name, std::ios::binary) << text;
    return (m_path / name).string();
  }

 private:
  fs::path m_path;
};

// A rule file whose `extends` is on line 5, column 12.
std::string header(const std::string& id, const std::string& base) {
  return "ruleset:\n  id: " + id + "\n  title: " + id +
         "\n  effective_from: 2022-01-01\n  extends: " + base + "\n";
}

// r0.yaml extends r1.yaml ... r(count-1).yaml, which extends luwp-2022.
std::string write_chain(const ScratchFolder& folder, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    const std::string base =
        i + 1 < count ? "r" + std::to_string(i + 1) + ".yaml" : std::string("luwp-2022");
    folder.write("r" + std::to_string(i) + ".yaml", header("r" + std::to_string(i), base));
  }
  return (folder.path() / "r0.yaml").string();
}

std::optional<devo::RuleSet> load_file(const std::string& path, Diagnostics& diags) {
  auto source = devo::read_source_file(path, diags);
  return source ? devo::load_ruleset(*source, diags) : std::nullopt;
}

}  // namespace

TEST_CASE("a chain of extends up to the limit loads, base first", "[load][extends]") {
  const ScratchFolder folder;
  Diagnostics diags;
  const auto rules = load_file(write_chain(folder, devo::limits::k_max_extends_depth), diags);
  REQUIRE(rules.has_value());
  CHECK_FALSE(diags.has_errors());
  CHECK(rules->id == "r0");
  // The files the rules came from: luwp-2022, then the chain from its end.
  REQUIRE(rules->files.size() == devo::limits::k_max_extends_depth + 1);
  CHECK(rules->files.front().path.ends_with("luwp-2022.yaml"));
  CHECK(rules->files.back().path.ends_with("r0.yaml"));
}

TEST_CASE("a chain of extends past the limit is refused at the extends that crosses it",
          "[load][extends]") {
  const ScratchFolder folder;
  Diagnostics diags;
  // Thousands of files once overflowed the stack, one recursion per file.
  CHECK_FALSE(load_file(write_chain(folder, 5000), diags).has_value());
  CHECK(devo::test::codes_of(diags) == std::vector<std::string>{"extends-too-deep"});
  const auto deep = devo::test::find_code(diags, devo::codes::extends_too_deep);
  REQUIRE(deep.has_value());
  CHECK(deep->location.file ==
        (folder.path() / ("r" + std::to_string(devo::limits::k_max_extends_depth) + ".yaml"))
            .string());
  CHECK(deep->location.line == 5);
  CHECK(deep->location.column == 12);
}

TEST_CASE("a base that is missing or not a file is reported at the extends naming it",
          "[load][extends]") {
  const ScratchFolder folder;
  fs::create_directory(folder.path() / "folder.yaml");
  for (const auto& [base, code] : {std::pair{"missing.yaml", devo::codes::file_not_found},
                                   std::pair{"folder.yaml", devo::codes::not_a_file}}) {
    INFO(base);
    Diagnostics diags;
    const std::string main = folder.write("main.yaml", header("main", base));
    CHECK_FALSE(load_file(main, diags).has_value());
    const auto problem = devo::test::find_code(diags, code);
    REQUIRE(problem.has_value());
    CHECK(problem->location.file == main);
    CHECK(problem->location.line == 5);
    CHECK(problem->location.column == 12);
    CHECK(problem->message.find(base) != std::string::npos);
  }
}

TEST_CASE("a cycle of extends is reported at the first file's extends, closed by a note",
          "[load][extends]") {
  const ScratchFolder folder;
  const std::string a = folder.write("a.yaml", header("a", "b.yaml"));
  const std::string b = folder.write("b.yaml", header("b", "./a.yaml"));
  Diagnostics diags;
  CHECK_FALSE(load_file(a, diags).has_value());
  CHECK(devo::test::codes_of(diags) == std::vector<std::string>{"extends-cycle"});
  const auto cycle = devo::test::find_code(diags, devo::codes::extends_cycle);
  REQUIRE(cycle.has_value());
  CHECK(cycle->location.file == a);
  CHECK(cycle->location.line == 5);
  REQUIRE(cycle->notes.size() == 1);
  CHECK(cycle->notes.front().location.file == b);

  Diagnostics itself;
  CHECK_FALSE(
      load_file(folder.write("self.yaml", header("self", "self.yaml")), itself).has_value());
  CHECK(devo::test::codes_of(itself) == std::vector<std::string>{"extends-cycle"});
}

TEST_CASE("a read that fails is an unreadable file, not an empty one", "[load][source]") {
  // Reading a process's own memory at address 0 fails with EIO; the file
  // says it is regular and empty.
  Diagnostics diags;
  CHECK_FALSE(devo::read_source_file("/proc/self/mem", diags).has_value());
  CHECK(devo::test::codes_of(diags) == std::vector<std::string>{"file-unreadable"});

  // A file whose size on disk says 0 is still read to its end.
  Diagnostics status_diags;
  const auto status = devo::read_source_file("/proc/self/status", status_diags);
  REQUIRE(status.has_value());
  CHECK(status->text->find("Pid:") != std::string::npos);
}

TEST_CASE("a rule file that may build only on built-in rule sets reads no base file",
          "[load][extends]") {
  const ScratchFolder folder;
  folder.write("base.yaml", header("base", "luwp-2022"));
  const auto source = devo::SourceFile::from_text("#/ruleset", header("sent", "base.yaml"));
  Diagnostics diags;
  CHECK_FALSE(devo::load_ruleset(source, diags, devo::RuleBases::builtins_only).has_value());
  CHECK(devo::test::codes_of(diags) == std::vector<std::string>{"extends-file-refused"});
  const auto refused = devo::test::find_code(diags, devo::codes::extends_file_refused);
  REQUIRE(refused.has_value());
  CHECK(refused->location.line == 5);
  CHECK(refused->location.column == 12);

  // A built-in base is still taken.
  Diagnostics built_in;
  const auto rules = devo::load_ruleset(devo::SourceFile::from_text("#/ruleset", header("sent", "luwp-2022")),
                                        built_in, devo::RuleBases::builtins_only);
  REQUIRE(rules.has_value());
  CHECK(rules->id == "sent");
}
