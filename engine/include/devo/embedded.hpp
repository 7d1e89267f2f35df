#pragma once

#include <span>
#include <string_view>

namespace devo {

// A file compiled into the devo binary: its path relative to the project root
// ("rules/luwp-2022.yaml") and its bytes.
struct EmbeddedFile {
  std::string_view path;
  std::string_view bytes;
};

// The rule sets shipped in rules/.
std::span<const EmbeddedFile> builtin_rule_files();
// The JSON Schemas in schemas/.
std::span<const EmbeddedFile> builtin_schema_files();
// The England dataset in data/ (its tables and manifest).
std::span<const EmbeddedFile> builtin_data_files();

}  // namespace devo
