// Replays saved fuzz inputs through a target's entry point, without libFuzzer,
// so that the regression inputs in tests/fuzz-regressions/ run in the ordinary
// test build (and, in the fuzz build, with its sanitizers):
//
//   devo_fuzz_replay [--verbose] [--max-seconds S] [--max-rss-mb M] TARGET PATH...
//
// TARGET is a fuzz target's name (fuzz_ruleset_loader, ...); each PATH is an
// input file or a folder whose files are all replayed, in name order (names
// starting with '.' and README files are skipped, so that an empty folder can
// be kept in git). A watchdog stops the replay as soon as one input has run for
// longer than S seconds or the process has grown past M MB, as libFuzzer's
// -timeout and -rss_limit_mb do, so that a hang or a runaway allocation fails
// at once rather than when ctest gives up. Exit status: 0 when every input
// returned within the limits; 1 when one did not; 2 for a bad command line or a
// path that does not exist. A crash or a sanitizer report ends the process
// with their own status, after the name of the input that caused it has been
// printed. --verbose prints what the target renders
// (diagnostics, evaluations), to look into a finding.
#include "entry_points.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;

int usage(const char* message) {
  std::fprintf(stderr,
               "devo_fuzz_replay: %s\n"
               "usage: devo_fuzz_replay [--verbose] [--max-seconds S] [--max-rss-mb M] TARGET "
               "PATH...\n"
               "targets:",
               message);
  for (const devo::fuzz::Target& target : devo::fuzz::targets()) {
    std::fprintf(stderr, " %.*s", static_cast<int>(target.name.size()), target.name.data());
  }
  std::fprintf(stderr, "\n");
  return 2;
}

bool skipped(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.starts_with('.') || name.starts_with("README");
}

// The files to replay, or nothing when a path does not exist.
std::optional<std::vector<fs::path>> inputs(const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::recursive_directory_iterator(path)) {
        if (entry.is_regular_file() && !skipped(entry.path())) {
          found.push_back(entry.path());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(path, error)) {
      files.emplace_back(path);
    } else {
      std::fprintf(stderr, "devo_fuzz_replay: %s: no such file or folder\n", path.c_str());
      return std::nullopt;
    }
  }
  return files;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;  // kilobytes on Linux
}

long current_rss_mb() {
  long pages = 0;
  long resident = 0;
  if (FILE* statm = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2) {
      resident = 0;
    }
    std::fclose(statm);
  }
  return resident * (sysconf(_SC_PAGESIZE) / 1024) / 1024;
}

using Clock = std::chrono::steady_clock;

// What the watchdog looks at: when the current input started (0 when none is
// running) and which one it is.
std::atomic<Clock::rep> g_started{0};
std::atomic<const char*> g_current{nullptr};

[[noreturn]] void give_up(const char* what) {
  const char* name = g_current.load();
  std::printf("\n%s: %s\n", name != nullptr ? name : "(between inputs)", what);
  std::fflush(stdout);
  std::_Exit(1);
}

// Checks ten times a second that the current input has not run for longer
// than `max_seconds` and that the process is not larger than `max_rss_mb`.
void watch(std::optional<double> max_seconds, std::optional<long> max_rss_mb) {
  static char message[128];
  for (;;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const Clock::rep started = g_started.load();
    if (max_seconds && started != 0) {
      const std::chrono::duration<double> running =
          Clock::now() - Clock::time_point(Clock::duration(started));
      if (running.count() > *max_seconds) {
        std::snprintf(message, sizeof message, "still running after %.1f s (the limit)",
                      *max_seconds);
        give_up(message);
      }
    }
    if (max_rss_mb) {
      const long rss = current_rss_mb();
      if (rss > *max_rss_mb) {
        std::snprintf(message, sizeof message, "the process grew to %ld MB (the limit is %ld MB)",
                      rss, *max_rss_mb);
        give_up(message);
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<double> max_seconds;
  std::optional<long> max_rss_mb;
  std::vector<std::string> arguments(argv + 1, argv + argc);
  std::size_t at = 0;
  while (at < arguments.size() && arguments[at].starts_with("--")) {
    const std::string option = arguments[at++];
    if (option == "--verbose") {
      devo::fuzz::set_verbose(true);
      continue;
    }
    if (at >= arguments.size()) {
      return usage("an option needs a value");
    }
    const std::string& text = arguments[at++];
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || value <= 0) {
      return usage("an option's value must be a positive number");
    }
    if (option == "--max-seconds") {
      max_seconds = value;
    } else if (option == "--max-rss-mb") {
      max_rss_mb = static_cast<long>(value);
    } else {
      return usage("unknown option");
    }
  }
  if (at >= arguments.size()) {
    return usage("no target given");
  }
  const std::string_view name = arguments[at];
  const auto targets = devo::fuzz::targets();
  const auto target = std::find_if(targets.begin(), targets.end(),
                                   [&](const devo::fuzz::Target& t) { return t.name == name; });
  if (target == targets.end()) {
    return usage("unknown target");
  }
  const auto files = inputs({arguments.begin() + static_cast<long>(at) + 1, arguments.end()});
  if (!files) {
    return 2;
  }
  if (max_seconds || max_rss_mb) {
    std::thread(watch, max_seconds, max_rss_mb).detach();
  }
  int status = 0;
  for (const fs::path& file : *files) {
    const std::string bytes = read_bytes(file);
    std::printf("%s: %zu bytes ... ", file.c_str(), bytes.size());
    std::fflush(stdout);
    g_current.store(file.c_str());
    const auto start = Clock::now();
    g_started.store(start.time_since_epoch().count());
    target->run(bytes);
    const std::chrono::duration<double> took = Clock::now() - start;
    g_started.store(0);
    g_current.store(nullptr);
    std::printf("%.3f s\n", took.count());
    if (max_seconds && took.count() > *max_seconds) {
      std::printf("  took longer than %.1f s\n", *max_seconds);
      status = 1;
    }
  }
  const long rss = peak_rss_mb();
  std::printf("%.*s: replayed %zu input(s); peak RSS %ld MB\n",
              static_cast<int>(target->name.size()), target->name.data(), files->size(), rss);
  if (max_rss_mb && rss > *max_rss_mb) {
    std::printf("  the process grew past %ld MB\n", *max_rss_mb);
    status = 1;
  }
  return status;
}
