// `devo evaluate` and `devo validate` agree on every proposal in the
// repository: the proposal files under tests/ and examples/, and the
// proposals written inline in the regression cases (tests/cases/*.yaml). For
// each, both commands run with the same rule set, date and data, and must
// give the same tier, the same problems (validate's errors, less its own
// tier-not-reached), and validate must call valid exactly what evaluate finds
// valid and reaching a tier.
//
// Usage: agreement_runner DEVO REPOSITORY WORK_DIRECTORY
// Exit code 0 when they agree everywhere, 1 when they do not, 2 on bad usage.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

struct Proposal {
  std::string where;  // for messages
  fs::path file;
  fs::path directory;   // where the commands run
  std::string options;  // --rules, --as-of, --data
};

struct Run {
  int exit = 0;
  std::string output;
};

Run run(const std::string& command) {
  Run result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    result.exit = -1;
    return result;
  }
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    result.output.append(buffer, got);
  }
  const int status = pclose(pipe);
  result.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

// A file that is a proposal: top-level `institution:` and `councils:` keys.
bool is_proposal_file(const fs::path& path) {
  bool institution = false;
  bool councils = false;
  for (const std::string& line : lines_of(read(path))) {
    institution = institution || starts_with(line, "institution:");
    councils = councils || starts_with(line, "councils:");
  }
  return institution && councils;
}

// The --rules, --as-of and --data of a golden case's `cmd`, so that the
// proposal is checked as its case runs it; a date and the rule set in force
// otherwise.
std::string options_of(const fs::path& directory) {
  std::string options;
  const fs::path cmd = directory / "cmd";
  if (fs::exists(cmd)) {
    std::istringstream words(read(cmd));
    std::vector<std::string> list;
    for (std::string word; words >> word;) {
      list.push_back(word);
    }
    for (std::size_t i = 0; i + 1 < list.size(); ++i) {
      if (list[i] == "--rules" || list[i] == "--as-of" || list[i] == "--data") {
        options += " " + list[i] + " " + list[i + 1];
      }
    }
  }
  if (options.find("--as-of") == std::string::npos) {
    options += " --as-of 2026-12-01";
  }
  return options;
}

std::string indent_of(const std::string& line) {
  return line.substr(0, line.find_first_not_of(' '));
}

std::string value_after(const std::string& line, const std::string& key) {
  const auto at = line.find(key);
  std::string value = line.substr(at + key.size());
  value.erase(0, value.find_first_not_of(' '));
  return value;
}

// The proposals written inline in a case file, each saved as a file of its
// own with its case's rule set and date.
void inline_proposals(const fs::path& file, const fs::path& work, std::vector<Proposal>& out) {
  const std::vector<std::string> lines = lines_of(read(file));
  std::string default_rules;
  std::string default_as_of;
  bool in_defaults = false;
  for (const std::string& line : lines) {
    if (starts_with(line, "defaults:")) {
      in_defaults = true;
    } else if (!line.empty() && line[0] != ' ' && line[0] != '#') {
      in_defaults = false;
    }
    if (in_defaults && line.find("rules:") != std::string::npos) {
      default_rules = value_after(line, "rules:");
    }
    if (in_defaults && line.find("as_of:") != std::string::npos) {
      default_as_of = value_after(line, "as_of:");
    }
  }
  std::size_t case_start = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (starts_with(lines[i], "  - name:")) {
      case_start = i;
    }
    if (lines[i] != "    proposal:") {
      continue;
    }
    std::string rules = default_rules;
    std::string as_of = default_as_of;
    for (std::size_t k = case_start; k < lines.size(); ++k) {
      if (k > case_start && starts_with(lines[k], "  - name:")) {
        break;
      }
      if (starts_with(lines[k], "    rules:")) {
        rules = value_after(lines[k], "rules:");
      }
      if (starts_with(lines[k], "    as_of:")) {
        as_of = value_after(lines[k], "as_of:");
      }
    }
    std::string text;
    std::size_t j = i + 1;
    for (; j < lines.size() && indent_of(lines[j]).size() > 4; ++j) {
      text += lines[j].substr(6) + "\n";
    }
    const fs::path saved = work / (file.stem().string() + "-" + std::to_string(i + 1) + ".yaml");
    std::ofstream(saved) << text;
    out.push_back(Proposal{file.string() + ":" + std::to_string(i + 1), saved, work,
                           " --rules " + rules + " --as-of " + as_of});
    i = j - 1;
  }
}

std::vector<std::string> sorted(std::vector<std::string> codes) {
  std::sort(codes.begin(), codes.end());
  return codes;
}

bool agree(const Proposal& proposal, const std::string& devo) {
  const std::string common = " --proposal '" + proposal.file.string() + "'" + proposal.options +
                             " --format json 2>/dev/null";
  const std::string in = "cd '" + proposal.directory.string() + "' && '" + devo + "' ";
  const Run evaluated = run(in + "evaluate" + common);
  const Run validated = run(in + "validate" + common);
  const auto fail = [&](const std::string& why) {
    std::cerr << proposal.where << ": evaluate and validate disagree: " << why << "\n";
    return false;
  };
  if ((evaluated.exit == 2) != (validated.exit == 2)) {
    return fail("one cannot read the proposal (exit " + std::to_string(evaluated.exit) + " and " +
                std::to_string(validated.exit) + ")");
  }
  if (evaluated.exit == 2) {
    return true;  // both report the file's problems
  }
  const Json evaluation = Json::parse(evaluated.output);
  const Json validation = Json::parse(validated.output);
  if (evaluation.at("tier") != validation.at("tier")) {
    return fail("tier " + evaluation.at("tier").dump() + " and " + validation.at("tier").dump());
  }
  std::vector<std::string> problems;
  for (const Json& problem : evaluation.at("problems")) {
    problems.push_back(problem.at("code"));
  }
  std::vector<std::string> errors;
  for (const Json& finding : validation.at("findings")) {
    if (finding.at("severity") == "error" && finding.at("code") != "tier-not-reached") {
      errors.push_back(finding.at("code"));
    }
  }
  if (sorted(problems) != sorted(errors)) {
    return fail("problems " + Json(sorted(problems)).dump() + " and " +
                Json(sorted(errors)).dump());
  }
  const bool valid_and_reaching = evaluation.at("valid").get<bool>() &&
                                  evaluation.at("applicable").get<bool>() &&
                                  !evaluation.at("tier").is_null();
  if (validation.at("valid").get<bool>() != valid_and_reaching) {
    return fail("validate says " + validation.at("valid").dump() + ", evaluate " +
                (valid_and_reaching ? "valid with a tier" : "not valid or no tier"));
  }
  if ((validated.exit == 0) != valid_and_reaching) {
    return fail("validate exits " + std::to_string(validated.exit));
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: agreement_runner DEVO REPOSITORY WORK_DIRECTORY\n";
    return 2;
  }
  const std::string devo = fs::absolute(argv[1]).string();
  const fs::path root = fs::absolute(argv[2]);
  const fs::path work = fs::absolute(argv[3]);
  fs::create_directories(work);
  std::vector<Proposal> proposals;
  std::vector<fs::path> files;
  for (const char* top : {"tests", "examples"}) {
    // Some cases are unreadable on purpose (a symbolic link to itself):
    // skip what cannot be looked at.
    std::error_code error;
    for (const auto& entry : fs::recursive_directory_iterator(root / top, error)) {
      std::error_code kind;
      if (entry.is_regular_file(kind) && !entry.is_symlink(kind) &&
          entry.path().extension() == ".yaml") {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    if (file.parent_path() == root / "tests" / "cases") {
      inline_proposals(file, work, proposals);
    } else if (is_proposal_file(file)) {
      proposals.push_back(
          Proposal{file.string(), file, file.parent_path(), options_of(file.parent_path())});
    }
  }
  int disagreements = 0;
  for (const Proposal& proposal : proposals) {
    disagreements += agree(proposal, devo) ? 0 : 1;
  }
  std::cout << proposals.size() << " proposals, " << disagreements
            << " on which evaluate and validate disagree\n";
  return proposals.empty() || disagreements > 0 ? 1 : 0;
}
