#pragma once

#include <devo/diagnostic.hpp>

#include <string>

namespace devo::cli {

// Writes `text` to standard output, or, when `path` is not empty, to the file
// `path` through a temporary file beside it that is renamed over it once
// complete: a failure (a full disk, a missing folder) leaves no partial file
// and is reported to `diags` (output-unwritable). Gives whether it wrote.
bool write_output(const std::string& text, const std::string& path, Diagnostics& diags);

}  // namespace devo::cli
