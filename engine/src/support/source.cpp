#include <devo/codes.hpp>
#include <devo/limits.hpp>
#include <devo/source.hpp>
#include <devo/value.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace devo {
namespace {

// Closes a file descriptor on every way out.
class OpenFile {
 public:
  explicit OpenFile(int descriptor) : m_descriptor(descriptor) {}
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  ~OpenFile() {
    if (m_descriptor >= 0) {
      ::close(m_descriptor);
    }
  }
  int get() const { return m_descriptor; }

 private:
  int m_descriptor;
};

void report_unreadable(const Location& where, int error, Diagnostics& diags) {
  diags.error(where, std::string(codes::file_unreadable),
              fmt::format("cannot read the file: {}", std::strerror(error)));
}

void report_too_large(const Location& where, std::uint64_t size, bool at_least,
                      Diagnostics& diags) {
  diags.error(
      where, std::string(codes::too_large),
      fmt::format("the file is {}{} bytes; devo reads files of up to {} bytes",
                  at_least ? "more than " : "", format_integer(static_cast<std::int64_t>(size)),
                  format_integer(limits::k_max_file_bytes)));
}

// The bytes of `path`, read with checked reads: a stream that fails part way
// (EIO from /proc/self/mem, a disk error) would otherwise look like a short
// or empty file. The size on disk is not trusted either (files in /proc say
// 0, a file may grow while it is read): reading stops one byte past the limit.
std::optional<std::string> read_checked(const std::string& path, std::size_t expected_size,
                                        const Location& where, Diagnostics& diags) {
  const OpenFile file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) {
    report_unreadable(where, errno, diags);
    return std::nullopt;
  }
  std::string bytes;
  // One chunk more than expected, so that finding the end needs no new buffer.
  bytes.reserve(expected_size + (1 << 16));
  constexpr std::size_t k_chunk = 1 << 16;
  for (;;) {
    const std::size_t used = bytes.size();
    bytes.resize(used + k_chunk);
    const ssize_t got = ::read(file.get(), bytes.data() + used, k_chunk);
    if (got < 0 && errno == EINTR) {
      bytes.resize(used);
      continue;
    }
    if (got < 0) {
      report_unreadable(where, errno, diags);
      return std::nullopt;
    }
    bytes.resize(used + static_cast<std::size_t>(got));
    if (got == 0) {
      return bytes;
    }
    if (bytes.size() > limits::k_max_file_bytes) {
      report_too_large(where, limits::k_max_file_bytes, true, diags);
      return std::nullopt;
    }
  }
}

}  // namespace

SourceFile SourceFile::from_text(std::string name, std::string text) {
  return SourceFile{std::move(name), std::make_shared<const std::string>(std::move(text))};
}

std::optional<SourceFile> read_source_file(const std::string& path, Diagnostics& diags) {
  namespace fs = std::filesystem;
  const Location where{path, 0, 0};
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (status.type() == fs::file_type::not_found) {
    diags.error(where, std::string(codes::file_not_found), "no such file");
    return std::nullopt;
  }
  if (error) {
    // It may exist but cannot be looked at: no permission on a folder on the
    // way, a loop of symbolic links.
    diags.error(where, std::string(codes::file_unreadable),
                fmt::format("cannot read the file: {}", error.message()));
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    diags.error(where, std::string(codes::not_a_file), "this is a directory, not a file");
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    diags.error(where, std::string(codes::not_a_file), "this is not a regular file");
    return std::nullopt;
  }
  const auto size = fs::file_size(path, error);
  if (!error && size > limits::k_max_file_bytes) {
    report_too_large(where, size, false, diags);
    return std::nullopt;
  }
  auto bytes = read_checked(path, error ? 0 : static_cast<std::size_t>(size), where, diags);
  if (!bytes) {
    return std::nullopt;
  }
  return SourceFile::from_text(path, std::move(*bytes));
}

}  // namespace devo
