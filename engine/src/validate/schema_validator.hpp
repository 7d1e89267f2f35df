#pragma once

#include "load/document.hpp"

#include <devo/diagnostic.hpp>

#include <string_view>

namespace devo::validate {

// Checks `document` against the JSON Schema built into devo as `schema_path`
// ("schemas/ruleset.schema.json"). Every failure becomes a diagnostic at the
// node or key it concerns; gives true when the document is valid.
bool check_schema(const load::Node& document, std::string_view schema_path, Diagnostics& diags);

}  // namespace devo::validate
