// Runs one case of tests/bad-inputs: devo on a bad input must exit with the
// expected code and report the expected diagnostic code at the expected
// place, within 1 second and 256 MB, and never crash.
//
//   devo_bad_input_runner DEVO CASE_DIR SCRATCH_DIR
//
// CASE_DIR/case.txt holds, one per line:
//   args: <devo's arguments, split at spaces; "double quotes" group words>
//   generate: <generator> <file> <number> [<more>...]   (any number of times)
//   data: <folder>   a copy of the repository's data/ folder, to edit below
//   edit: <file> <line> <operation>   (any number of times, in order): on line
//     <line> (from 1) of <file>, "= TEXT" replaces the line, "sub OLD NEW"
//     replaces the first OLD by NEW (NEW may be left out), "append TEXT" adds
//     to its end, "delete" removes it, "duplicate" repeats it, "truncate"
//     drops it and every line after; "crlf" (any line) ends every line with
//     CRLF, "remove" (any line) deletes the file. In TEXT, OLD and NEW, \xHH
//     is the byte HH, so a case can hold a NUL or a Latin-1 byte.
//   code: <diagnostic code, or "none" when nothing may be reported>
//   location: <text the report must contain, such as "rules.yaml:3:5:">
//   exit: <expected exit code>
//   heavy: yes   (optional) the case's point is its speed on megabytes of input
//     or a long search. The limits hold in the normal build; under the
//     sanitizers, which make such work some twenty times slower and whose
//     quarantine keeps freed memory, they are 10 s and 1 GB for it.
// Every other file of CASE_DIR is copied to SCRATCH_DIR, where devo runs.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <poll.h>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr double k_max_seconds = 1.0;
constexpr long k_max_kilobytes = 256 * 1024;
constexpr double k_max_heavy_sanitized_seconds = 10.0;
constexpr long k_max_heavy_sanitized_kilobytes = 1024 * 1024;
#ifdef DEVO_SANITIZED
constexpr bool k_sanitized = true;
#else
constexpr bool k_sanitized = false;
#endif

struct Case {
  std::vector<std::string> args;
  std::vector<std::vector<std::string>> generators;
  std::string data_folder;
  std::vector<std::string> edits;
  std::string code;
  std::string location;
  int exit_code = 2;
  bool heavy = false;
};

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  bool quoted = false;
  bool any = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if (c == ' ' && !quoted) {
      if (any) {
        words.push_back(word);
      }
      word.clear();
      any = false;
    } else {
      word += c;
      any = true;
    }
  }
  if (any) {
    words.push_back(word);
  }
  return words;
}

Case read_case(const fs::path& file) {
  Case result;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    const auto colon = line.find(": ");
    if (line.empty() || line[0] == '#' || colon == std::string::npos) {
      continue;
    }
    const std::string key = line.substr(0, colon);
    const std::string value = line.substr(colon + 2);
    if (key == "args") {
      result.args = split_words(value);
    } else if (key == "generate") {
      result.generators.push_back(split_words(value));
    } else if (key == "data") {
      result.data_folder = value;
    } else if (key == "edit") {
      result.edits.push_back(value);
    } else if (key == "code") {
      result.code = value;
    } else if (key == "location") {
      result.location = value;
    } else if (key == "exit") {
      result.exit_code = std::stoi(value);
    } else if (key == "heavy") {
      result.heavy = value == "yes";
    }
  }
  return result;
}

// `count` rule files r0.yaml, r1.yaml, ... in `directory`, each extending
// the next; the last extends the built-in luwp-2022, so that a chain within
// the limit loads. `extends` is at line 5, column 12 of each.
void write_extends_chain(const fs::path& directory, long count) {
  // Names are streamed rather than added up: GCC 12 warns falsely (-Wrestrict)
  // about "r" + std::to_string(i) once inlined.
  const auto name = [](long i) {
    std::ostringstream text;
    text << 'r' << i << ".yaml";
    return text.str();
  };
  for (long i = 0; i < count; ++i) {
    std::ofstream out(directory / name(i), std::ios::binary);
    out << "ruleset:\n  id: r" << i << "\n  title: Link " << i
        << "\n  effective_from: 2022-01-01\n  extends: "
        << (i + 1 < count ? name(i + 1) : std::string("luwp-2022")) << "\n";
  }
}

// One line of about `megabytes` MiB in the shape `shape`, as the value (or
// key) of a file of `kind`: where the schema asks for a string, so that the
// whole of it goes through every stage.
//   shapes: plain (xxxx), quoted ("xxxx"), single ('xxxx'), flow ([1,1,...]),
//   flow-map ({a: 1, ...} with repeated short keys), comment (# xxxx),
//   key (xxxx: 1), word (x x x x: spaces in a plain scalar)
//   kinds: rules (the title), rules-id, facts (the subject), proposal (the
//   name), test (a case's name)
void write_long_line(std::ofstream& out, long megabytes, const std::string& shape,
                     const std::string& kind) {
  const std::size_t size = static_cast<std::size_t>(megabytes) * 1024 * 1024;
  std::string line;
  if (shape == "plain" || shape == "key") {
    line = std::string(size, 'x');
  } else if (shape == "word") {
    line.reserve(size);
    while (line.size() < size) {
      line += "x ";
    }
    line += 'x';
  } else if (shape == "quoted" || shape == "single") {
    const char quote = shape == "quoted" ? '"' : '\'';
    line.append(1, quote).append(size, 'x').append(1, quote);
  } else if (shape == "flow") {
    // Short enough in values to stay under the value limit: long numbers.
    line.append("[").append(size / 2, '1').append(", ").append(size / 2, '1').append("]");
  } else if (shape == "comment") {
    line.append("x # ").append(size, 'x');
  } else {
    std::cerr << "unknown long-line shape '" << shape << "'\n";
    std::exit(1);
  }
  if (shape == "key") {
    line += ": 1";
  }
  if (kind == "rules-id") {  // the line as the rule set's id, which a pattern checks
    out << "ruleset:\n  id: " << line
        << "\n  title: t\n  effective_from: 2022-01-01\n  extends: luwp-2022\n";
  } else if (kind == "rules") {
    out << "ruleset:\n  id: long\n  title: " << (shape == "key" ? "t\n  " : "") << line
        << "\n  effective_from: 2022-01-01\n  extends: luwp-2022\n";
  } else if (kind == "facts") {
    out << "subject: " << (shape == "key" ? "s\n" : "") << line << "\n";
  } else if (kind == "proposal") {
    out << "name: " << (shape == "key" ? "p\n" : "") << line
        << "\ninstitution: combined_authority\nmayor: elected_mayor\ncouncils: [Essex]\n";
  } else if (kind == "test") {
    out << "cases:\n  - name: " << (shape == "key" ? "c\n    " : "") << line
        << "\n    authority: Essex\n    rules: luwp-2022\n    as_of: 2026-06-01\n"
           "    expect: {tier: none}\n";
  } else {
    std::cerr << "unknown long-line kind '" << kind << "'\n";
    std::exit(1);
  }
}

// Inputs too big or too odd to commit are made here.
void generate(const std::vector<std::string>& spec, const fs::path& directory) {
  const std::string& kind = spec.at(0);
  const fs::path path = directory / spec.at(1);
  const long n = spec.size() > 2 ? std::stol(spec[2]) : 0;
  if (kind == "symlink-loop") {
    fs::create_symlink(path.filename(), path);
    return;
  }
  if (kind == "extends-chain") {  // r0.yaml extends r1.yaml ... (the file is r0.yaml)
    write_extends_chain(directory, n);
    return;
  }
  std::ofstream out(path, std::ios::binary);
  if (kind == "deep-flow") {  // a: [[[[ ... ]]]]
    out << "a: " << std::string(n, '[') << std::string(n, ']') << "\n";
  } else if (kind == "deep-block") {  // - - - - ... x
    for (long i = 0; i < n; ++i) {
      out << "- ";
    }
    out << "x\n";
  } else if (kind == "large-mb") {  // a comment of n megabytes
    out << "# " << std::string(n * 1024 * 1024, 'x') << "\n";
  } else if (kind == "many-keys") {  // n distinct keys
    for (long i = 0; i < n; ++i) {
      out << "key" << i << ": " << i << "\n";
    }
  } else if (kind == "long-line") {  // long-line <file> <MiB> <shape> <kind>
    write_long_line(out, n, spec.at(3), spec.at(4));
  } else if (kind == "alias-bomb") {  // "billion laughs", n levels of 10
    out << "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (long level = 1; level <= n; ++level) {
      out << "a" << level << ": &a" << level << " [";
      for (int i = 0; i < 10; ++i) {
        out << (i > 0 ? ", " : "") << "*a" << level - 1;
      }
      out << "]\n";
    }
  } else {
    std::cerr << "unknown generator '" << kind << "'\n";
    std::exit(1);
  }
}

// "\x00" and the like in an edit stand for the byte.
std::string unescape(const std::string& text) {
  std::string bytes;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\\x") == 0 && i + 4 <= text.size()) {
      bytes += static_cast<char>(std::stoi(text.substr(i + 2, 2), nullptr, 16));
      i += 3;
    } else {
      bytes += text[i];
    }
  }
  return bytes;
}

// The next word of `text` from `at` (up to a space), moving `at` past it.
std::string next_word(const std::string& text, std::size_t& at) {
  const std::size_t end = std::min(text.find(' ', at), text.size());
  std::string word = text.substr(at, end - at);
  at = end < text.size() ? end + 1 : end;
  return word;
}

std::vector<std::string> read_lines(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    lines.push_back(line);
  }
  return lines;
}

void write_lines(const fs::path& path, const std::vector<std::string>& lines,
                 const std::string& end) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const std::string& line : lines) {
    out << line << end;
  }
}

// One "edit:" line of a case: see the top of this file.
void apply_edit(const std::string& edit, const fs::path& directory) {
  std::size_t at = 0;
  const fs::path path = directory / next_word(edit, at);
  const std::size_t line = std::stoul(next_word(edit, at));
  const std::string operation = next_word(edit, at);
  const std::string rest = edit.substr(at);
  if (operation == "remove") {
    fs::remove(path);
    return;
  }
  std::vector<std::string> lines = read_lines(path);
  if (operation == "crlf") {
    write_lines(path, lines, "\r\n");
    return;
  }
  if (line < 1 || line > lines.size() + 1) {
    std::cerr << "edit: " << path << " has no line " << line << "\n";
    std::exit(1);
  }
  const auto it = lines.begin() + static_cast<std::ptrdiff_t>(line - 1);
  if (operation == "=") {
    *it = unescape(rest);
  } else if (operation == "sub") {
    std::size_t word_at = 0;
    const std::string old_text = unescape(next_word(rest, word_at));
    const std::string new_text = unescape(rest.substr(word_at));
    const std::size_t found = it->find(old_text);
    if (found == std::string::npos) {
      std::cerr << "edit: line " << line << " of " << path << " has no '" << old_text << "'\n";
      std::exit(1);
    }
    it->replace(found, old_text.size(), new_text);
  } else if (operation == "append") {
    *it += unescape(rest);
  } else if (operation == "delete") {
    lines.erase(it);
  } else if (operation == "duplicate") {
    lines.insert(it, *it);
  } else if (operation == "truncate") {
    lines.erase(it, lines.end());
  } else {
    std::cerr << "unknown edit '" << operation << "'\n";
    std::exit(1);
  }
  write_lines(path, lines, "\n");
}

struct Run {
  int exit_code = -1;
  bool signalled = false;
  std::string output;
  double seconds = 0;
  long kilobytes = 0;
};

// Runs devo with standard output and error in one pipe, read as it comes so
// that a large report cannot block the child.
Run run(const std::string& devo, const std::vector<std::string>& args, const fs::path& directory) {
  int pipe_ends[2];
  if (pipe(pipe_ends) != 0) {
    std::perror("pipe");
    std::exit(1);
  }
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child == 0) {
    dup2(pipe_ends[1], STDOUT_FILENO);
    dup2(pipe_ends[1], STDERR_FILENO);
    close(pipe_ends[0]);
    close(pipe_ends[1]);
    if (chdir(directory.c_str()) != 0) {
      _exit(127);
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(devo.c_str()));
    for (const std::string& arg : args) {
      argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    setenv("NO_COLOR", "1", 1);
    execv(devo.c_str(), argv.data());
    _exit(127);
  }
  close(pipe_ends[1]);
  Run result;
  char buffer[65536];
  for (;;) {
    const ssize_t got = read(pipe_ends[0], buffer, sizeof buffer);
    if (got <= 0) {
      break;
    }
    result.output.append(buffer, static_cast<std::size_t>(got));
  }
  close(pipe_ends[0]);
  int status = 0;
  struct rusage usage {};
  wait4(child, &status, 0, &usage);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.kilobytes = usage.ru_maxrss;
  result.signalled = WIFSIGNALED(status);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: devo_bad_input_runner DEVO CASE_DIR SCRATCH_DIR\n";
    return 1;
  }
  const std::string devo = fs::absolute(argv[1]).string();
  const fs::path case_dir = argv[2];
  const fs::path scratch = argv[3];
  fs::remove_all(scratch);
  fs::create_directories(scratch);
  for (const auto& entry : fs::directory_iterator(case_dir)) {
    if (entry.path().filename() != "case.txt") {
      fs::copy(entry.path(), scratch / entry.path().filename(),
               fs::copy_options::copy_symlinks | fs::copy_options::recursive);
    }
  }
  const Case expected = read_case(case_dir / "case.txt");
  for (const auto& generator : expected.generators) {
    generate(generator, scratch);
  }
  if (!expected.data_folder.empty()) {
    fs::copy(fs::path(DEVO_SOURCE_DIR) / "data", scratch / expected.data_folder,
             fs::copy_options::recursive);
  }
  for (const std::string& edit : expected.edits) {
    apply_edit(edit, scratch);
  }
  const Run result = run(devo, expected.args, scratch);

  std::vector<std::string> failures;
  if (result.signalled) {
    failures.push_back("devo was killed by a signal (a crash)");
  }
  if (result.exit_code != expected.exit_code) {
    failures.push_back("exit code " + std::to_string(result.exit_code) + ", expected " +
                       std::to_string(expected.exit_code));
  }
  if (expected.code == "none") {
    if (result.output.find(" [") != std::string::npos &&
        result.output.find("error:") != std::string::npos) {
      failures.push_back("a diagnostic was reported, none expected");
    }
  } else if (result.output.find("[" + expected.code + "]") == std::string::npos) {
    failures.push_back("no diagnostic with code [" + expected.code + "]");
  }
  if (!expected.location.empty() && result.output.find(expected.location) == std::string::npos) {
    failures.push_back("no diagnostic at '" + expected.location + "'");
  }
  const bool relaxed = expected.heavy && k_sanitized;
  if (result.seconds > (relaxed ? k_max_heavy_sanitized_seconds : k_max_seconds)) {
    failures.push_back("took " + std::to_string(result.seconds) + " s");
  }
  if (result.kilobytes > (relaxed ? k_max_heavy_sanitized_kilobytes : k_max_kilobytes)) {
    failures.push_back("used " + std::to_string(result.kilobytes / 1024) + " MB");
  }
  // The measurement, for the record: ctest shows it with -V.
  std::printf("measured: %.3f s, %.1f MB, exit %d\n", result.seconds,
              static_cast<double>(result.kilobytes) / 1024.0, result.exit_code);
  if (!failures.empty()) {
    const std::size_t shown = std::min<std::size_t>(result.output.size(), 4000);
    std::cout << "devo said:\n" << result.output.substr(0, shown) << "\n";
    for (const std::string& failure : failures) {
      std::cout << "FAILED: " << failure << "\n";
    }
    return 1;
  }
  return 0;
}
