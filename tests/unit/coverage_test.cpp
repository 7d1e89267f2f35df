// Checks that the golden cases, taken together, exercise what the suite
// promises: every power of luwp-2022 seen both available and unavailable,
// every status, and every diagnostic code.

#include "support/catch.hpp"
#include "support/fixtures.hpp"

#include <devo/codes.hpp>
#include <devo/engine.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Every golden case folder (tests/golden and examples), with its command.
std::vector<std::pair<fs::path, std::string>> golden_cases() {
  std::vector<std::pair<fs::path, std::string>> cases;
  for (const char* root : {"tests/golden", "examples"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(DEVO_SOURCE_DIR) / root)) {
      if (entry.path().filename() == "cmd") {
        cases.emplace_back(entry.path().parent_path(), read(entry.path()));
      }
    }
  }
  return cases;
}

struct Seen {
  std::map<std::string, std::set<std::string>> power_statuses;
  std::set<std::string> statuses;
};

Seen seen_in_json_evaluations() {
  Seen seen;
  for (const auto& [dir, command] : golden_cases()) {
    if (command.find("evaluate") != 0 || command.find("--format json") == std::string::npos ||
        command.find("--rules luwp-2022") == std::string::npos ||
        !fs::exists(dir / "expected.out")) {
      continue;
    }
    const auto output = nlohmann::json::parse(read(dir / "expected.out"));
    if (output.is_array()) {
      continue;  // A run that failed: its diagnostics, as JSON.
    }
    for (const auto& tier : output["tiers"]) {
      seen.statuses.insert("tier " + tier["status"].get<std::string>());
    }
    for (const auto& power : output["powers"]) {
      const std::string status = power["status"].get<std::string>();
      seen.power_statuses[power["id"].get<std::string>()].insert(status);
      seen.statuses.insert("power " + status);
    }
  }
  return seen;
}

}  // namespace

TEST_CASE("the golden evaluations see every luwp-2022 power available and unavailable",
          "[coverage]") {
  const Seen seen = seen_in_json_evaluations();
  devo::Diagnostics diags;
  const auto rules = devo::load_ruleset(*devo::find_ruleset_source("luwp-2022", diags), diags);
  REQUIRE(rules.has_value());
  for (const auto& power : rules->powers) {
    INFO(power.id);
    const auto it = seen.power_statuses.find(power.id);
    REQUIRE(it != seen.power_statuses.end());
    CHECK(it->second.contains("available"));
    CHECK(it->second.contains("unavailable"));
  }
}

TEST_CASE("the golden evaluations see every tier and power status", "[coverage]") {
  const Seen seen = seen_in_json_evaluations();
  for (const char* status : {"tier holds", "tier fails", "tier unknown", "power available",
                             "power unavailable", "power unknown"}) {
    INFO(status);
    CHECK(seen.statuses.contains(status));
  }
}

TEST_CASE("every diagnostic code appears in some golden or bad-input case", "[coverage]") {
  std::string outputs;
  for (const auto& [dir, command] : golden_cases()) {
    for (const char* file : {"expected.out", "expected.err"}) {
      if (fs::exists(dir / file)) {
        outputs += read(dir / file);
      }
    }
  }
  // The bad-input catalogue, and the web server's cases, expect their code as
  // "code: <code>".
  const auto add_expected_code = [&](const std::string& text) {
    const auto at = text.find("\ncode: ");
    if (at != std::string::npos) {
      outputs += "[" + text.substr(at + 7, text.find('\n', at + 1) - at - 7) + "]";
    }
  };
  for (const auto& entry : fs::directory_iterator(fs::path(DEVO_SOURCE_DIR) / "tests/bad-inputs")) {
    add_expected_code(read(entry.path() / "case.txt"));
  }
  for (const auto& entry :
       fs::directory_iterator(fs::path(DEVO_SOURCE_DIR) / "tests/server/cases")) {
    add_expected_code(read(entry.path()));
  }
  for (const auto& info : devo::diagnostic_codes()) {
    INFO(info.code);
    const std::string as_text = fmt::format("[{}]", info.code);
    const std::string as_json = fmt::format("\"code\": \"{}\"", info.code);
    CHECK(
        (outputs.find(as_text) != std::string::npos || outputs.find(as_json) != std::string::npos));
  }
}
