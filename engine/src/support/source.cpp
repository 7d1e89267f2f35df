#include <devo/codes.hpp>
#include <devo/limits.hpp>
#include <devo/source.hpp>
#include <devo/value.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace devo {

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
    diags.error(where, std::string(codes::too_large),
                fmt::format("the file is {} bytes; devo reads files of up to {} bytes",
                            format_integer(static_cast<std::int64_t>(size)),
                            format_integer(limits::k_max_file_bytes)));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error(where, std::string(codes::file_unreadable),
                fmt::format("cannot read the file: {}", std::strerror(errno)));
    return std::nullopt;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) {
    diags.error(where, std::string(codes::file_unreadable), "reading the file failed");
    return std::nullopt;
  }
  return SourceFile::from_text(path, std::move(bytes).str());
}

}  // namespace devo
