#pragma once

#include <devo/diagnostic.hpp>

#include <memory>
#include <optional>
#include <string>

namespace devo {

// A file's name, as diagnostics show it, and its bytes.
struct SourceFile {
  std::string name;
  std::shared_ptr<const std::string> text;

  static SourceFile from_text(std::string name, std::string text);
};

// Reads `path` whole. A missing, unreadable, non-regular or too large file
// (limits.hpp) is reported to `diags` (file-not-found, file-unreadable,
// not-a-file, too-large) and gives nothing.
std::optional<SourceFile> read_source_file(const std::string& path, Diagnostics& diags);

}  // namespace devo
