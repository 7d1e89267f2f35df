#include "output.hpp"

#include <devo/codes.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace devo::cli {
namespace {

// The failure of one write(2) loop: errno, or 0 for none.
int write_all(int descriptor, std::string_view text) {
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t result = ::write(descriptor, text.data() + written, text.size() - written);
    if (result < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno;
    }
    written += static_cast<std::size_t>(result);
  }
  return 0;
}

bool is_open(int descriptor) {
  return ::fcntl(descriptor, F_GETFD) != -1 || errno != EBADF;
}

constexpr mode_t k_new_file_mode = 0666;
constexpr mode_t k_permission_bits = 07777;
// The temporary file's name: "." + the target's name (cut short if need be) +
// this suffix, whose Xs mkstemp replaces.
constexpr std::string_view k_temporary_suffix = ".devo-XXXXXX";

mode_t current_umask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

class OutputFile {
 public:
  OutputFile(const std::string& path, Diagnostics& diags) : m_path(path), m_diags(diags) {}

  Written write(std::string_view text) {
    struct stat link {};
    if (::lstat(m_path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
      return write_through_link(text);
    }
    return write_to(m_path, text);
  }

 private:
  // A link to an existing file writes that file, as if it had been named; a
  // dangling link creates its target, as a shell's `>` does.
  Written write_through_link(std::string_view text) {
    const std::unique_ptr<char, decltype(&std::free)> target(::realpath(m_path.c_str(), nullptr),
                                                             &std::free);
    if (target) {
      return write_to(target.get(), text);
    }
    if (errno != ENOENT) {
      return fail("cannot follow the symbolic link");
    }
    return write_in_place(m_path, text, O_CREAT | O_TRUNC);
  }

  Written write_to(const std::string& path, std::string_view text) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
      if (errno != ENOENT) {
        return fail("cannot look at it");
      }
      return replace_atomically(path, text, std::nullopt);
    }
    if (S_ISREG(status.st_mode)) {
      // Renaming over a file needs only the folder's permission: a file the
      // user may not write is refused, as the shell's `>` refuses it.
      if (::access(path.c_str(), W_OK) != 0) {
        return fail("the file is not writable");
      }
      return replace_atomically(path, text, status);
    }
    if (S_ISCHR(status.st_mode) || S_ISFIFO(status.st_mode)) {
      return write_in_place(path, text, 0);
    }
    errno = 0;
    return fail(S_ISDIR(status.st_mode)
                    ? "it is a folder"
                    : "it is not a file, a character device or a FIFO, which are what devo "
                      "writes to");
  }

  // Devices and FIFOs take the output as it comes: renaming a file over one
  // would replace the system's device node or leave a FIFO's reader waiting.
  Written write_in_place(const std::string& path, std::string_view text, int create_flags) {
    const int descriptor =
        ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | create_flags, k_new_file_mode);
    if (descriptor < 0) {
      return fail("cannot open it for writing");
    }
    const int error = write_all(descriptor, text);
    ::close(descriptor);
    if (error != 0) {
      errno = error;
      return fail("writing failed");
    }
    return Written::ok;
  }

  Written replace_atomically(const std::string& path, std::string_view text,
                             const std::optional<struct stat>& existing) {
    std::string temporary = temporary_name(path);
    const int descriptor = ::mkstemp(temporary.data());
    if (descriptor < 0) {
      return fail("cannot create a temporary file beside it");
    }
    keep_permissions(descriptor, existing);
    int error = write_all(descriptor, text);
    if (error == 0 && ::fsync(descriptor) != 0) {
      error = errno;
    }
    ::close(descriptor);
    if (error == 0 && std::rename(temporary.c_str(), path.c_str()) != 0) {
      error = errno;
    }
    if (error != 0) {
      ::unlink(temporary.c_str());
      errno = error;
      return fail("writing failed");
    }
    return Written::ok;
  }

  // mkstemp makes the file private to its owner: a replaced file keeps what it
  // had, a new one gets what any new file gets here.
  static void keep_permissions(int descriptor, const std::optional<struct stat>& existing) {
    if (!existing) {
      ::fchmod(descriptor, k_new_file_mode & ~current_umask());
      return;
    }
    // Only root can give a file away; for anyone else the file is theirs.
    if (::fchown(descriptor, existing->st_uid, existing->st_gid) != 0) {
      errno = 0;
    }
    ::fchmod(descriptor, existing->st_mode & k_permission_bits);
  }

  static std::string temporary_name(const std::string& path) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string name = target.filename().string();
    const std::size_t room = NAME_MAX - 1 - k_temporary_suffix.size();
    if (name.size() > room) {
      name.resize(room);
    }
    return (directory / ("." + name + std::string(k_temporary_suffix))).string();
  }

  Written fail(std::string_view what) {
    const std::string reason = errno != 0 ? std::strerror(errno) : "";
    m_diags.error(Location{m_path, 0, 0}, std::string(codes::output_unwritable),
                  reason.empty() ? fmt::format("cannot write the output: {}", what)
                                 : fmt::format("cannot write the output: {}: {}", what, reason));
    return Written::failed;
  }

  const std::string& m_path;
  Diagnostics& m_diags;
};

Written write_standard_output(std::string_view text, Diagnostics& diags) {
  const int error = write_all(STDOUT_FILENO, text);
  if (error == 0) {
    return Written::ok;
  }
  if (error == EPIPE) {
    return Written::reader_gone;
  }
  diags.error(Location{"standard output", 0, 0}, std::string(codes::output_unwritable),
              fmt::format("cannot write the output: {}", std::strerror(error)));
  return Written::failed;
}

}  // namespace

void guard_standard_streams() {
  for (const int descriptor : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    if (is_open(descriptor)) {
      continue;
    }
    // open() gives the lowest free descriptor, which is this one.
    const int held = ::open("/dev/null", O_RDONLY | O_NOCTTY);
    if (held >= 0 && held != descriptor) {
      ::dup2(held, descriptor);
      ::close(held);
    }
  }
  std::signal(SIGPIPE, SIG_IGN);
}

Written write_output(std::string_view text, const std::string& path, Diagnostics& diags) {
  if (path.empty() || path == "-") {
    return write_standard_output(text, diags);
  }
  return OutputFile(path, diags).write(text);
}

void write_error_stream(std::string_view text) {
  static_cast<void>(write_all(STDERR_FILENO, text));
}

}  // namespace devo::cli
