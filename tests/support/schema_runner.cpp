// Every JSON output devo prints has a schema in schemas/, and the golden
// cases' outputs keep to them.
//
//   devo_schema_runner goldens REPOSITORY MAPPING
//     Checks every schema in schemas/ (its "$id" is urn:devo:schema:<file name>,
//     it has a title and a description; valijson can use it; a
//     definition it shares a name with another output schema is the same
//     there), then validates the expected.out of every golden case under
//     REPOSITORY/tests/golden and REPOSITORY/examples whose `cmd` asks for
//     `--format json` against the schema for its command: the one for a run
//     that went through, or for a run that failed (exit code 2). Fails naming
//     the case, the JSON pointer and the problem; fails too when it finds no
//     JSON output at all, so that it cannot pass having checked nothing.
//
//   devo_schema_runner reject REPOSITORY SCHEMA DOCUMENT POINTER VALUE
//     The self-test: DOCUMENT (a file under REPOSITORY) must validate against
//     schemas/SCHEMA as it is, and must not once the value at POINTER is
//     replaced by VALUE (JSON), or a key POINTER names is added with it, the
//     schema naming that place.
//
//   devo_schema_runner validate REPOSITORY SCHEMA FILE...
//     Validates each FILE against schemas/SCHEMA, to try a schema on any
//     output by hand.
//
// The MAPPING file (tests/output-schemas.txt) holds, one per line,
//   <command> <schema when it runs> <schema when it fails>
// with "-" for no schema and "a|b" for output that may take either shape, and
//   pending <case folder, relative to REPOSITORY>
// for a golden whose expected output is known to be of an older shape and is
// to be regenerated: it is reported but does not fail the test, and the test
// fails once it validates, so that the line is removed.
//
// Exit code 0 when every check passes, 1 when one does not, 2 on bad usage.

#include "validate/valijson.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

// At most this many of valijson's messages are shown for one document.
constexpr std::size_t k_shown_errors = 12;

std::optional<std::string> read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A `cmd` file split as a shell would (the golden runner uses CMake's
// separate_arguments(UNIX_COMMAND)): at blanks, with '...' and "..." grouping
// words and a backslash taking the next character as it is.
std::vector<std::string> split_command(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < text.size()) {
        word += text[++i];
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < text.size()) {
      word += text[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) {
        words.push_back(word);
        word.clear();
        in_word = false;
      }
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) {
    words.push_back(word);
  }
  return words;
}

// The schemas for one command: when it runs, and when it fails (exit 2).
// Empty for no schema.
struct CommandSchemas {
  std::vector<std::string> runs;
  std::vector<std::string> fails;
};

struct Mapping {
  std::map<std::string, CommandSchemas> commands;
  // "evaluate --all": a command whose output takes another shape with an option.
  std::map<std::string, CommandSchemas> variants;
  std::set<std::string> pending;  // case folders, relative to the repository
};

std::vector<std::string> schema_list(const std::string& column) {
  std::vector<std::string> names;
  if (column == "-") {
    return names;
  }
  std::size_t start = 0;
  while (start <= column.size()) {
    const std::size_t bar = column.find('|', start);
    const std::size_t end = bar == std::string::npos ? column.size() : bar;
    names.push_back(column.substr(start, end - start));
    start = end + 1;
  }
  return names;
}

std::optional<Mapping> read_mapping(const fs::path& path) {
  const auto text = read(path);
  if (!text) {
    std::cerr << path.string() << ": cannot be read\n";
    return std::nullopt;
  }
  Mapping mapping;
  std::istringstream lines(*text);
  std::size_t number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    const std::vector<std::string> words = split_command(line.substr(0, line.find('#')));
    if (words.empty()) {
      continue;
    }
    if (words[0] == "pending" && words.size() == 2) {
      mapping.pending.insert(fs::path(words[1]).lexically_normal().string());
    } else if (words.size() == 3 && words[0] != "pending") {
      mapping.commands[words[0]] = CommandSchemas{schema_list(words[1]), schema_list(words[2])};
    } else if (words.size() == 4 && words[1].starts_with("--")) {
      // "<command> <option> ...": the command's output with that option.
      mapping.variants[words[0] + " " + words[1]] =
          CommandSchemas{schema_list(words[2]), schema_list(words[3])};
    } else {
      std::cerr << path.string() << ":" << number
                << ": expected '<command> <schema> <schema when it fails>' or "
                   "'pending <case folder>'\n";
      return std::nullopt;
    }
  }
  if (mapping.commands.empty()) {
    std::cerr << path.string() << ": names no command\n";
    return std::nullopt;
  }
  return mapping;
}

// A schema from schemas/, as JSON and as valijson uses it.
struct LoadedSchema {
  Json document;
  valijson::Schema schema;
};

using Schemas = std::map<std::string, std::unique_ptr<LoadedSchema>>;

// "<root>", "[tiers]", "[0]" -> "/tiers/0"; "" for the document itself.
std::string pointer_of(const std::vector<std::string>& context) {
  std::string pointer;
  for (const std::string& step : context) {
    if (step == "<root>" || step.size() < 2) {
      continue;
    }
    pointer += '/';
    for (const char c : step.substr(1, step.size() - 2)) {
      pointer += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    }
  }
  return pointer;
}

struct Problem {
  std::string pointer;
  std::string description;
};

std::vector<Problem> problems_of(const LoadedSchema& loaded, const Json& document) {
  valijson::Validator validator;
  valijson::ValidationResults results;
  const valijson::adapters::NlohmannJsonAdapter adapter(document);
  std::vector<Problem> problems;
  if (!validator.validate(loaded.schema, adapter, &results)) {
    for (const auto& error : results) {
      problems.push_back(Problem{pointer_of(error.context), error.description});
    }
    if (problems.empty()) {
      problems.push_back(Problem{"", "does not validate"});
    }
  }
  // The deepest place first: that is where the problem is; the places
  // around it only say that something inside them failed.
  const auto depth = [](const Problem& problem) {
    return std::count(problem.pointer.begin(), problem.pointer.end(), '/');
  };
  std::stable_sort(problems.begin(), problems.end(), [&](const Problem& a, const Problem& b) {
    return depth(a) > depth(b);
  });
  return problems;
}

void show(const std::vector<Problem>& problems, const std::string& indent) {
  for (std::size_t i = 0; i < problems.size() && i < k_shown_errors; ++i) {
    const std::string& pointer = problems[i].pointer;
    std::cerr << indent << (pointer.empty() ? std::string("(the document)") : pointer) << ": "
              << problems[i].description << "\n";
  }
  if (problems.size() > k_shown_errors) {
    std::cerr << indent << "and " << problems.size() - k_shown_errors << " more\n";
  }
}

// Loads schemas/NAME and checks what every output schema must have.
bool load_schema(const fs::path& directory, const std::string& name, Schemas& schemas) {
  if (schemas.contains(name)) {
    return true;
  }
  const fs::path path = directory / name;
  const auto fail = [&](const std::string& why) {
    std::cerr << "FAIL schemas/" << name << ": " << why << "\n";
    return false;
  };
  const auto text = read(path);
  if (!text) {
    return fail("there is no such file");
  }
  auto loaded = std::make_unique<LoadedSchema>();
  try {
    loaded->document = Json::parse(*text);
  } catch (const std::exception& error) {
    return fail(std::string("is not JSON: ") + error.what());
  }
  const Json& document = loaded->document;
  if (!document.is_object()) {
    return fail("is not a JSON object");
  }
  if (document.value("$schema", "") != "http://json-schema.org/draft-07/schema#") {
    return fail("\"$schema\" is not draft 7 (http://json-schema.org/draft-07/schema#)");
  }
  const std::string id = document.value("$id", "");
  if (id != "urn:devo:schema:" + name) {
    return fail("its \"$id\" '" + id + "' is not its name, urn:devo:schema:" + name);
  }
  for (const char* key : {"title", "description"}) {
    if (document.value(key, "").empty()) {
      return fail(std::string("has no ") + key);
    }
  }
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    const valijson::adapters::NlohmannJsonAdapter adapter(document);
    parser.populateSchema(adapter, loaded->schema);
  } catch (const std::exception& error) {
    return fail(std::string("valijson cannot use it: ") + error.what());
  }
  schemas.emplace(name, std::move(loaded));
  return true;
}

// The output schemas are self-contained, so shared parts (the receipt, the
// subject, a diagnostic) are written in each; they must not drift apart.
bool shared_definitions_agree(const Schemas& schemas) {
  bool agree = true;
  std::map<std::string, std::pair<std::string, const Json*>> first;  // name -> schema, definition
  for (const auto& [schema, loaded] : schemas) {
    const auto definitions = loaded->document.find("definitions");
    if (definitions == loaded->document.end() || !definitions->is_object()) {
      continue;
    }
    for (const auto& [name, definition] : definitions->items()) {
      const auto [seen, added] = first.try_emplace(name, schema, &definition);
      if (!added && *seen->second.second != definition) {
        std::cerr << "FAIL schemas/" << schema << ": definition '" << name
                  << "' differs from the one in schemas/" << seen->second.first << "\n";
        agree = false;
      }
    }
  }
  return agree;
}

struct Totals {
  std::size_t validated = 0;
  std::size_t failed = 0;
  std::size_t skipped = 0;
  std::size_t pending = 0;
  std::map<std::string, std::size_t> per_schema;
};

bool asks_for_json(const std::vector<std::string>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--format=json" ||
        (words[i] == "--format" && i + 1 < words.size() && words[i + 1] == "json")) {
      return true;
    }
  }
  return false;
}

// Whether the output goes to a file rather than standard output.
bool writes_a_file(const std::vector<std::string>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if ((words[i] == "--output" || words[i] == "-o") && i + 1 < words.size() &&
        words[i + 1] != "-") {
      return true;
    }
    if (words[i].starts_with("--output=") && words[i] != "--output=-") {
      return true;
    }
  }
  return false;
}

int exit_code_of(const fs::path& case_dir) {
  const auto text = read(case_dir / "expected.exit");
  if (!text) {
    return 0;
  }
  try {
    return std::stoi(*text);
  } catch (const std::exception&) {
    return -1;
  }
}

// Checks one golden case; does nothing for one that does not ask for JSON.
void check_case(const fs::path& repository, const fs::path& case_dir, const Mapping& mapping,
                const fs::path& schema_dir, Schemas& schemas, std::set<std::string>& pending_seen,
                Totals& totals) {
  const std::string name = case_dir.lexically_relative(repository).lexically_normal().string();
  const std::vector<std::string> words = split_command(read(case_dir / "cmd").value_or(""));
  if (!asks_for_json(words)) {
    return;
  }
  const bool pending = mapping.pending.contains(name);
  if (pending) {
    pending_seen.insert(name);
  }
  const auto fail = [&](const std::string& why) {
    std::cerr << "FAIL " << name << ": " << why << "\n";
    ++totals.failed;
  };
  const auto command = std::find_if(words.begin(), words.end(), [&](const std::string& word) {
    return mapping.commands.contains(word);
  });
  if (command == words.end()) {
    fail("its cmd names no command of tests/output-schemas.txt");
    return;
  }
  if (writes_a_file(words)) {
    std::cout << "skipped " << name << ": it writes its output to a file\n";
    ++totals.skipped;
    return;
  }
  const int exit_code = exit_code_of(case_dir);
  const std::string output = read(case_dir / "expected.out").value_or("");
  if (output.empty()) {
    if (exit_code == 0) {
      fail("asks for JSON and exits 0, but prints nothing");
    } else {
      std::cout << "skipped " << name << ": prints nothing (exit code " << exit_code << ")\n";
      ++totals.skipped;
    }
    return;
  }
  const CommandSchemas* chosen = &mapping.commands.at(*command);
  for (const std::string& word : words) {
    if (auto variant = mapping.variants.find(*command + " " + word);
        variant != mapping.variants.end()) {
      chosen = &variant->second;
    }
  }
  const CommandSchemas& for_command = *chosen;
  const std::vector<std::string>& names = exit_code == 2 ? for_command.fails : for_command.runs;
  if (names.empty()) {
    fail("'" + *command + "' has no schema for exit code " + std::to_string(exit_code) +
         " in tests/output-schemas.txt, yet prints JSON");
    return;
  }
  Json document;
  try {
    document = Json::parse(output);
  } catch (const std::exception& error) {
    fail(std::string("expected.out is not JSON: ") + error.what());
    return;
  }
  std::vector<std::pair<std::string, std::vector<Problem>>> rejections;
  std::string accepted;
  for (const std::string& schema : names) {
    if (!load_schema(schema_dir, schema, schemas)) {
      fail("its schema schemas/" + schema + " cannot be used");
      return;
    }
    std::vector<Problem> problems = problems_of(*schemas.at(schema), document);
    if (problems.empty()) {
      accepted = schema;
      break;
    }
    rejections.emplace_back(schema, std::move(problems));
  }
  if (pending) {
    ++totals.pending;
    if (!accepted.empty()) {
      fail("listed as pending in tests/output-schemas.txt, but validates against schemas/" +
           accepted + " now: remove its 'pending' line");
    } else {
      std::cout << "pending " << name << ": does not validate yet (tests/output-schemas.txt)\n";
    }
    return;
  }
  if (accepted.empty()) {
    fail("expected.out (exit code " + std::to_string(exit_code) + ") does not validate");
    for (const auto& [schema, problems] : rejections) {
      std::cerr << "  against schemas/" << schema << ":\n";
      show(problems, "    ");
    }
    return;
  }
  ++totals.validated;
  ++totals.per_schema[accepted];
}

std::vector<fs::path> golden_cases(const fs::path& repository) {
  std::vector<fs::path> cases;
  for (const char* root : {"tests/golden", "examples"}) {
    const fs::path folder = repository / root;
    if (!fs::is_directory(folder)) {
      continue;
    }
    // Some cases hold a link that loops or a file that cannot be read, on
    // purpose: only the name is looked at, and the error code taken.
    for (const auto& entry :
         fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied)) {
      std::error_code error;
      if (entry.path().filename() == "cmd" && entry.is_regular_file(error)) {
        cases.push_back(entry.path().parent_path());
      }
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

int run_goldens(const fs::path& repository, const fs::path& mapping_file) {
  const auto mapping = read_mapping(mapping_file);
  if (!mapping) {
    return 2;
  }
  const fs::path schema_dir = repository / "schemas";
  Schemas schemas;
  bool sound = true;
  for (const auto* commands : {&mapping->commands, &mapping->variants}) {
    for (const auto& [command, names] : *commands) {
      for (const auto* list : {&names.runs, &names.fails}) {
        for (const std::string& name : *list) {
          sound = load_schema(schema_dir, name, schemas) && sound;
        }
      }
    }
  }
  sound = shared_definitions_agree(schemas) && sound;
  // The schemas of the files devo reads are held to the same: draft 7, a
  // title, a description, their name as their "$id", usable by valijson.
  Schemas inputs;
  for (const auto& entry : fs::directory_iterator(schema_dir)) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".schema.json") && !schemas.contains(name)) {
      sound = load_schema(schema_dir, name, inputs) && sound;
    }
  }

  Totals totals;
  std::set<std::string> pending_seen;
  for (const fs::path& case_dir : golden_cases(repository)) {
    check_case(repository, case_dir, *mapping, schema_dir, schemas, pending_seen, totals);
  }
  for (const std::string& pending : mapping->pending) {
    if (!pending_seen.contains(pending)) {
      std::cerr << "FAIL " << pending
                << ": listed as pending in tests/output-schemas.txt, but no golden case there "
                   "asks for JSON\n";
      ++totals.failed;
    }
  }
  for (const auto& [schema, count] : totals.per_schema) {
    std::cout << "schemas/" << schema << ": " << count << " golden output"
              << (count == 1 ? "" : "s") << " validated\n";
  }
  std::cout << totals.validated << " validated, " << totals.failed << " failed, "
            << totals.pending << " pending, " << totals.skipped << " skipped\n";
  if (totals.validated == 0) {
    std::cerr << "FAIL no golden case under tests/golden or examples asks for --format json: "
                 "nothing was checked\n";
    return 1;
  }
  return sound && totals.failed == 0 ? 0 : 1;
}

int run_reject(const fs::path& repository, const std::string& schema_name,
               const std::string& document_file, const std::string& pointer,
               const std::string& value) {
  Schemas schemas;
  if (!load_schema(repository / "schemas", schema_name, schemas)) {
    return 1;
  }
  const LoadedSchema& schema = *schemas.at(schema_name);
  Json document;
  Json replacement;
  try {
    document = Json::parse(read(repository / document_file).value_or(""));
    replacement = Json::parse(value);
  } catch (const std::exception& error) {
    std::cerr << "bad usage: " << error.what() << "\n";
    return 2;
  }
  if (const auto problems = problems_of(schema, document); !problems.empty()) {
    std::cerr << "FAIL " << document_file << " does not validate as it is, so its rejection "
              << "would prove nothing:\n";
    show(problems, "  ");
    return 1;
  }
  const Json::json_pointer at(pointer);
  // A key may be added to an object, to try a key the schema does not allow.
  const bool added = !document.contains(at);
  if (added && (at.empty() || !document.contains(at.parent_pointer()) ||
                !document[at.parent_pointer()].is_object())) {
    std::cerr << "bad usage: " << document_file << " has nothing at " << pointer << "\n";
    return 2;
  }
  document[at] = replacement;
  const auto problems = problems_of(schema, document);
  if (problems.empty()) {
    std::cerr << "FAIL schemas/" << schema_name << " accepts " << document_file << " with "
              << pointer << " = " << replacement.dump() << "\n";
    return 1;
  }
  // An added key is reported at the object that holds it.
  const std::string place = added ? at.parent_pointer().to_string() : pointer;
  const bool named = std::any_of(problems.begin(), problems.end(),
                                 [&](const Problem& problem) { return problem.pointer == place; });
  std::cout << "schemas/" << schema_name << " rejects " << pointer << " = " << replacement.dump()
            << ":\n";
  show(problems, "  ");
  if (!named) {
    std::cerr << "FAIL the rejection does not name " << place << "\n";
    return 1;
  }
  return 0;
}

// Validates files against schemas/SCHEMA: for trying a schema on any output.
int run_validate(const fs::path& repository, const std::string& schema_name,
                 const std::vector<std::string>& files) {
  Schemas schemas;
  if (!load_schema(repository / "schemas", schema_name, schemas)) {
    return 1;
  }
  bool valid = true;
  for (const std::string& file : files) {
    Json document;
    try {
      document = Json::parse(read(file).value_or(""));
    } catch (const std::exception& error) {
      std::cerr << "FAIL " << file << ": not JSON: " << error.what() << "\n";
      valid = false;
      continue;
    }
    const auto problems = problems_of(*schemas.at(schema_name), document);
    if (problems.empty()) {
      std::cout << file << ": valid\n";
    } else {
      std::cerr << "FAIL " << file << ": does not validate against schemas/" << schema_name
                << "\n";
      show(problems, "  ");
      valid = false;
    }
  }
  return valid ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> arguments(argv + 1, argv + argc);
  try {
    if (arguments.size() == 3 && arguments[0] == "goldens") {
      return run_goldens(arguments[1], arguments[2]);
    }
    if (arguments.size() == 6 && arguments[0] == "reject") {
      return run_reject(arguments[1], arguments[2], arguments[3], arguments[4], arguments[5]);
    }
    if (arguments.size() >= 4 && arguments[0] == "validate") {
      return run_validate(arguments[1], arguments[2],
                          std::vector<std::string>(arguments.begin() + 3, arguments.end()));
    }
  } catch (const std::exception& error) {
    std::cerr << "FAIL " << error.what() << "\n";
    return 1;
  }
  std::cerr << "usage: devo_schema_runner goldens REPOSITORY MAPPING\n"
               "       devo_schema_runner reject REPOSITORY SCHEMA DOCUMENT POINTER VALUE\n"
               "       devo_schema_runner validate REPOSITORY SCHEMA FILE...\n";
  return 2;
}
