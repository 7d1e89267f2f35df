// `schema`: the JSON Schemas built into devo, by name, for editors and for
// tools that read devo's output.

#include "support/suggest.hpp"

#include <devo/app.hpp>
#include <devo/codes.hpp>
#include <devo/embedded.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace devo::app {
namespace {

constexpr std::string_view k_folder = "schemas/";
constexpr std::string_view k_suffix = ".schema.json";

// "schemas/evaluate.schema.json" -> "evaluate".
std::string name_of(std::string_view path) {
  if (path.starts_with(k_folder)) {
    path.remove_prefix(k_folder.size());
  }
  if (path.ends_with(k_suffix)) {
    path.remove_suffix(k_suffix.size());
  }
  return std::string(path);
}

}  // namespace

std::vector<std::string> schema_names() {
  std::vector<std::string> names;
  for (const EmbeddedFile& file : builtin_schema_files()) {
    names.push_back(name_of(file.path));
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::string> schema_text(const Given& name, Diagnostics& diags) {
  // The file's name is accepted too: "evaluate.schema.json".
  const std::string wanted = name_of(name.text);
  for (const EmbeddedFile& file : builtin_schema_files()) {
    if (name_of(file.path) == wanted) {
      return std::string(file.bytes);
    }
  }
  const std::vector<std::string> names = schema_names();
  diags.error(
      name.at, std::string(codes::unknown_schema),
      fmt::format("there is no built-in schema '{}'{}; the schemas are {}", name.text,
                  support::did_you_mean(wanted, names), support::quoted_list(names, "and")));
  return std::nullopt;
}

}  // namespace devo::app
