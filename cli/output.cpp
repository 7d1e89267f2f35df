#include "output.hpp"

#include <devo/codes.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace devo::cli {
namespace {

bool write_all(int descriptor, const std::string& text) {
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t result = ::write(descriptor, text.data() + written, text.size() - written);
    if (result < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    written += static_cast<std::size_t>(result);
  }
  return true;
}

constexpr mode_t k_new_file_mode = 0666;

mode_t current_umask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

}  // namespace

bool write_output(const std::string& text, const std::string& path, Diagnostics& diags) {
  if (path.empty()) {
    fmt::print("{}", text);
    std::fflush(stdout);
    return true;
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temporary =
      (directory / fmt::format(".{}.devo-XXXXXX", target.filename().string())).string();
  const auto fail = [&](std::string_view what) {
    diags.error(Location{path, 0, 0}, std::string(codes::output_unwritable),
                fmt::format("cannot write the output: {}: {}", what, std::strerror(errno)));
    return false;
  };
  const int descriptor = ::mkstemp(temporary.data());
  if (descriptor < 0) {
    return fail("cannot create a temporary file beside it");
  }
  // mkstemp makes the file private to its owner; the result should get the
  // permissions any new file gets here.
  ::fchmod(descriptor, k_new_file_mode & ~current_umask());
  const bool written = write_all(descriptor, text) && ::fsync(descriptor) == 0;
  const int saved_errno = errno;
  ::close(descriptor);
  if (!written) {
    ::unlink(temporary.c_str());
    errno = saved_errno;
    return fail("writing failed");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int rename_errno = errno;
    ::unlink(temporary.c_str());
    errno = rename_errno;
    return fail("cannot put the file in place");
  }
  return true;
}

}  // namespace devo::cli
