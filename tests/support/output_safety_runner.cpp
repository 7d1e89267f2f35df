// Checks that devo's output can never harm the machine it runs on, and that
// a failure to write is a diagnostic, never a crash:
//
//   devo_output_safety_runner streams DEVO SOURCE_DIR
//     every command with standard output closed, on /dev/full, and on a pipe
//     whose reader has gone (SIGPIPE ignored, as some shells leave it), and
//     with standard error closed: exit 2 with output-unwritable (or a quiet
//     exit 2 for the pipe), never a signal.
//   devo_output_safety_runner targets DEVO SOURCE_DIR SCRATCH_DIR
//     --output onto a character device, a FIFO, a symbolic link, a file of
//     mode 0600 and a name of 254 characters, all made in SCRATCH_DIR (never
//     the real /dev): each is written through or left as it was.

#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <signal.h>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

// One command of each kind, quick and valid when run from the source tree.
const std::vector<std::vector<std::string>> k_commands = {
    {"evaluate", "--authority", "Norfolk", "--as-of", "2026-06-01"},
    {"validate", "--proposal", "examples/06-proposal/proposal.yaml", "--as-of", "2026-06-01"},
    {"test", "tests/cases", "--filter", "Norfolk"},
    {"diff", "--from", "luwp-2022", "--to", "edwp-2024", "--as-of", "2026-06-01"},
    {"docs", "--rules", "luwp-2022"},
    {"check", "rules/luwp-2022.yaml"},
    {"list", "rulesets"},
    {"export", "--rules", "luwp-2022", "--rules-only"},
    {"suggest", "--authority", "Warrington", "--target-tier", "level-3", "--rules", "luwp-2022",
     "--as-of", "2026-06-01"},
    {"--help"},
    {"--version"},
};

// What the child's standard output and error are.
enum class Stream { inherited, closed, dev_full, reader_gone, captured };

struct Run {
  int exit_code = -1;
  int signal = 0;
  std::string err;
};

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) {
    text += (text.empty() ? "" : " ") + word;
  }
  return text;
}

// Sets the child's descriptor `target` up as `how`; `pipe_ends` belong to
// the captured or reader_gone pipe.
void set_up(int target, Stream how, const int pipe_ends[2]) {
  switch (how) {
    case Stream::inherited:
      return;
    case Stream::closed:
      close(target);
      return;
    case Stream::dev_full: {
      const int full = open("/dev/full", O_WRONLY);
      dup2(full, target);
      close(full);
      return;
    }
    case Stream::reader_gone:
    case Stream::captured:
      dup2(pipe_ends[1], target);
      return;
  }
}

Run run(const std::string& devo, const std::vector<std::string>& arguments,
        const fs::path& directory, Stream out, Stream err) {
  int out_pipe[2];
  int err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) {
    std::perror("pipe");
    std::exit(1);
  }
  if (out == Stream::reader_gone) {
    close(out_pipe[0]);  // Nobody will ever read what devo writes.
  }
  const pid_t child = fork();
  if (child == 0) {
    // As a shell that ignores SIGPIPE leaves it for its children.
    signal(SIGPIPE, SIG_IGN);
    set_up(STDOUT_FILENO, out, out_pipe);
    set_up(STDERR_FILENO, err, err_pipe);
    for (const int end : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
      close(end);
    }
    if (chdir(directory.c_str()) != 0) {
      _exit(127);
    }
    std::vector<char*> argv{const_cast<char*>(devo.c_str())};
    for (const std::string& argument : arguments) {
      argv.push_back(const_cast<char*>(argument.c_str()));
    }
    argv.push_back(nullptr);
    setenv("NO_COLOR", "1", 1);
    execv(devo.c_str(), argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  // Standard output is drained on a thread of its own, so that neither pipe
  // can fill and block devo while the other is read.
  std::thread drain_out([&] {
    if (out != Stream::reader_gone) {
      char buffer[65536];
      while (read(out_pipe[0], buffer, sizeof buffer) > 0) {
      }
      close(out_pipe[0]);
    }
  });
  Run result;
  char buffer[65536];
  ssize_t got = 0;
  while ((got = read(err_pipe[0], buffer, sizeof buffer)) > 0) {
    result.err.append(buffer, static_cast<std::size_t>(got));
  }
  close(err_pipe[0]);
  drain_out.join();
  int status = 0;
  waitpid(child, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  return result;
}

class Checks {
 public:
  void expect(bool holds, const std::string& what, const Run& run = {}) {
    ++m_count;
    if (!holds) {
      ++m_failed;
      std::cout << "FAILED: " << what << " (exit " << run.exit_code << ", signal " << run.signal
                << ")\n";
      if (!run.err.empty()) {
        std::cout << "  devo said: " << run.err.substr(0, 600) << "\n";
      }
    }
  }
  int finish() const {
    std::cout << m_count - m_failed << " of " << m_count << " checks held\n";
    return m_failed == 0 ? 0 : 1;
  }

 private:
  int m_count = 0;
  int m_failed = 0;
};

bool reports_unwritable(const Run& run) {
  return run.err.find("[output-unwritable]") != std::string::npos;
}

int check_streams(const std::string& devo, const fs::path& source) {
  Checks checks;
  for (const auto& command : k_commands) {
    const std::string name = "devo " + joined(command);
    const Run closed = run(devo, command, source, Stream::closed, Stream::captured);
    checks.expect(closed.signal == 0 && closed.exit_code == 2 && reports_unwritable(closed),
                  name + " >&-: exit 2 with output-unwritable", closed);
    const Run full = run(devo, command, source, Stream::dev_full, Stream::captured);
    checks.expect(full.signal == 0 && full.exit_code == 2 && reports_unwritable(full),
                  name + " >/dev/full: exit 2 with output-unwritable", full);
    const Run gone = run(devo, command, source, Stream::reader_gone, Stream::captured);
    checks.expect(gone.signal == 0 && gone.exit_code == 2 && gone.err.empty(),
                  name + " | (reader gone): a quiet exit 2", gone);
    const Run no_err = run(devo, command, source, Stream::captured, Stream::closed);
    checks.expect(no_err.signal == 0 && no_err.exit_code == 0, name + " 2>&-: exit 0", no_err);
    const Run neither = run(devo, command, source, Stream::closed, Stream::closed);
    checks.expect(neither.signal == 0 && neither.exit_code == 2, name + " >&- 2>&-: exit 2",
                  neither);
  }
  // An error to report with nowhere to report it.
  const std::vector<std::string> failing{"check", "no-such-file.yaml"};
  const Run failing_run = run(devo, failing, source, Stream::captured, Stream::closed);
  checks.expect(failing_run.signal == 0 && failing_run.exit_code == 2,
                "devo check no-such-file.yaml 2>&-: exit 2", failing_run);
  return checks.finish();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct stat status_of(const fs::path& path) {
  struct stat status {};
  lstat(path.c_str(), &status);
  return status;
}

int check_targets(const std::string& devo, const fs::path& source, const fs::path& scratch) {
  Checks checks;
  fs::remove_all(scratch);
  fs::create_directories(scratch);
  const std::vector<std::string> list{"list", "rulesets"};
  const auto list_to = [&](const std::string& target) {
    std::vector<std::string> arguments = list;
    arguments.insert(arguments.end(), {"--output", (scratch / target).string()});
    return run(devo, arguments, source, Stream::captured, Stream::captured);
  };
  const std::string expected_text = [&] {
    const Run to_file = list_to("expected.txt");
    checks.expect(to_file.exit_code == 0, "--output expected.txt", to_file);
    return read_file(scratch / "expected.txt");
  }();
  checks.expect(!expected_text.empty(), "--output writes the list");

  // A character device like /dev/null, made here (as root only).
  if (mknod((scratch / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
    const Run onto_device = list_to("null");
    const struct stat after = status_of(scratch / "null");
    checks.expect(
        onto_device.exit_code == 0 && S_ISCHR(after.st_mode) && after.st_rdev == makedev(1, 3),
        "--output onto a character device writes into it and leaves the node", onto_device);
  } else {
    std::cout << "note: not root, so no device node was made; the device check is skipped\n";
  }

  // A FIFO with a reader waiting on it: the reader gets the output.
  mkfifo((scratch / "fifo").c_str(), 0644);
  std::string from_fifo;
  std::thread reader([&] { from_fifo = read_file(scratch / "fifo"); });
  const Run onto_fifo = list_to("fifo");
  reader.join();
  checks.expect(onto_fifo.exit_code == 0 && S_ISFIFO(status_of(scratch / "fifo").st_mode) &&
                    from_fifo == expected_text,
                "--output onto a FIFO gives its reader the output and leaves the FIFO", onto_fifo);

  // A symbolic link to a private file: the target is written and stays
  // private; the link stays a link.
  { std::ofstream(scratch / "private.txt") << "old\n"; }
  fs::permissions(scratch / "private.txt", fs::perms::owner_read | fs::perms::owner_write);
  fs::create_symlink("private.txt", scratch / "link.txt");
  const Run onto_link = list_to("link.txt");
  checks.expect(onto_link.exit_code == 0 && S_ISLNK(status_of(scratch / "link.txt").st_mode) &&
                    read_file(scratch / "private.txt") == expected_text &&
                    (status_of(scratch / "private.txt").st_mode & 07777) == 0600,
                "--output onto a link writes its target, keeping the link and the mode 0600",
                onto_link);

  // A file of mode 0600 named directly keeps its mode.
  { std::ofstream(scratch / "secret.txt") << "old\n"; }
  fs::permissions(scratch / "secret.txt", fs::perms::owner_read | fs::perms::owner_write);
  const Run onto_private = list_to("secret.txt");
  checks.expect(onto_private.exit_code == 0 &&
                    (status_of(scratch / "secret.txt").st_mode & 07777) == 0600 &&
                    read_file(scratch / "secret.txt") == expected_text,
                "--output over a file of mode 0600 keeps the mode", onto_private);

  // A name of 254 characters, one short of the limit.
  const std::string long_name = std::string(250, 'n') + ".txt";
  const Run onto_long = list_to(long_name);
  checks.expect(onto_long.exit_code == 0 && read_file(scratch / long_name) == expected_text,
                "--output with a 254-character name", onto_long);

  // A folder is refused and left a folder.
  fs::create_directory(scratch / "folder");
  const Run onto_folder = list_to("folder");
  checks.expect(onto_folder.exit_code == 2 && reports_unwritable(onto_folder) &&
                    fs::is_directory(scratch / "folder"),
                "--output onto a folder: output-unwritable, the folder kept", onto_folder);

  // No temporary file is left behind by any of these.
  for (const auto& entry : fs::directory_iterator(scratch)) {
    checks.expect(entry.path().filename().string().find(".devo-") == std::string::npos,
                  "no temporary file left: " + entry.path().filename().string());
  }
  return checks.finish();
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "streams" && argc == 4) {
    return check_streams(fs::absolute(argv[2]).string(), argv[3]);
  }
  if (mode == "targets" && argc == 5) {
    return check_targets(fs::absolute(argv[2]).string(), argv[3], fs::absolute(argv[4]));
  }
  std::cerr << "usage: devo_output_safety_runner streams DEVO SOURCE_DIR\n"
               "       devo_output_safety_runner targets DEVO SOURCE_DIR SCRATCH_DIR\n";
  return 1;
}
