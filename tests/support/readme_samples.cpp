// Checks that the sample outputs in the README and the examples' READMEs are
// what their commands print today. A sample is a fenced code block right after
// a line
//
//   <!-- sample: build/devo evaluate --authority "Liverpool City Region" -->
//
// whose command -- a shell line, which may prepare a file before running devo
// -- is run from the repository root, with every `build/devo` replaced by the
// binary under test, the last command's standard error joined to its
// standard output, and colour off. The block's lines must appear in the output in order, each run
// of lines between `...` lines consecutively; `...` stands for any lines, and
// a sample may begin and end anywhere in the output.
//
// Usage: readme_samples DEVO REPOSITORY FILE.md...
// Exit code 0 when every sample matches, 1 when one does not, 2 on bad usage.

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

struct Sample {
  std::string file;
  int line = 0;
  std::string command;
  std::vector<std::string> expected;
};

std::string trim_right(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r' || text.back() == '\t')) {
    text.pop_back();
  }
  return text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    lines.push_back(trim_right(line));
  }
  return lines;
}

std::vector<Sample> samples_in(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  const std::vector<std::string> lines = lines_of(text.str());
  const std::string marker = "<!-- sample: ";
  std::vector<Sample> samples;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.rfind(marker, 0) != 0 || line.size() < marker.size() + 4 ||
        line.substr(line.size() - 4) != " -->") {
      continue;
    }
    Sample sample{path,
                  static_cast<int>(i + 1),
                  line.substr(marker.size(), line.size() - marker.size() - 4),
                  {}};
    std::size_t j = i + 1;
    if (j >= lines.size() || lines[j].rfind("```", 0) != 0) {
      std::cerr << path << ":" << i + 1 << ": a sample marker must be followed by a code block\n";
      std::exit(2);
    }
    for (++j; j < lines.size() && lines[j].rfind("```", 0) != 0; ++j) {
      sample.expected.push_back(lines[j]);
    }
    samples.push_back(std::move(sample));
    i = j;
  }
  return samples;
}

// The command with every `build/devo` replaced by the binary under test;
// empty when it runs no devo at all.
std::string command_line(const std::string& command, const std::string& devo) {
  const std::string word = "build/devo ";
  std::string line;
  std::size_t done = 0;
  for (std::size_t at = command.find(word); at != std::string::npos;
       at = command.find(word, done)) {
    line += command.substr(done, at - done) + "'" + devo + "' ";
    done = at + word.size();
  }
  if (done == 0) {
    return {};
  }
  return "export NO_COLOR=1; " + line + command.substr(done) + " 2>&1";
}

std::string run(const std::string& shell_command) {
  std::string output;
  FILE* pipe = popen(shell_command.c_str(), "r");
  if (pipe == nullptr) {
    return output;
  }
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    output.append(buffer, got);
  }
  pclose(pipe);
  return output;
}

// Whether `segment` occurs as consecutive lines of `actual` at or after
// `from`; on success `from` moves past it.
bool find_segment(const std::vector<std::string>& actual, const std::vector<std::string>& segment,
                  std::size_t& from) {
  if (segment.empty()) {
    return true;
  }
  for (std::size_t start = from; start + segment.size() <= actual.size(); ++start) {
    bool all = true;
    for (std::size_t k = 0; k < segment.size() && all; ++k) {
      all = actual[start + k] == segment[k];
    }
    if (all) {
      from = start + segment.size();
      return true;
    }
  }
  return false;
}

bool check(const Sample& sample, const std::string& devo) {
  const std::string shell_command = command_line(sample.command, devo);
  if (shell_command.empty()) {
    std::cerr << sample.file << ":" << sample.line << ": a sample's command runs no 'build/devo'\n";
    return false;
  }
  const std::vector<std::string> actual = lines_of(run(shell_command));
  std::vector<std::vector<std::string>> segments(1);
  for (const std::string& line : sample.expected) {
    if (line == "...") {
      segments.emplace_back();
    } else {
      segments.back().push_back(line);
    }
  }
  std::size_t from = 0;
  for (const auto& segment : segments) {
    if (!find_segment(actual, segment, from)) {
      std::cerr << sample.file << ":" << sample.line << ": the sample of `" << sample.command
                << "` no longer matches its output; these lines are not found in order:\n";
      for (const std::string& line : segment) {
        std::cerr << "  | " << line << "\n";
      }
      std::cerr << "the command prints:\n";
      for (const std::string& line : actual) {
        std::cerr << "  > " << line << "\n";
      }
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: readme_samples DEVO REPOSITORY FILE.md...\n";
    return 2;
  }
  const std::string devo = argv[1];
  if (std::system(nullptr) == 0) {
    return 2;
  }
  // Commands are written as run from the repository root.
  const std::string root = argv[2];
  if (chdir(root.c_str()) != 0) {
    std::cerr << "readme_samples: cannot enter " << root << "\n";
    return 2;
  }
  int samples = 0;
  int failed = 0;
  for (int i = 3; i < argc; ++i) {
    for (const Sample& sample : samples_in(argv[i])) {
      ++samples;
      failed += check(sample, devo) ? 0 : 1;
    }
  }
  std::cout << samples << " samples, " << failed << " not matching their commands\n";
  return samples == 0 || failed > 0 ? 1 : 0;
}
