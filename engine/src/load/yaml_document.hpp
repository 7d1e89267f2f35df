#pragma once

#include "load/document.hpp"

#include <devo/diagnostic.hpp>
#include <devo/source.hpp>

#include <optional>

namespace devo::load {

// Parses `file` as one YAML document and resolves plain scalars to null, bool,
// integer, number or string (the YAML 1.2 core schema; dates stay strings).
// Gives nothing on a syntax error, an empty file, several documents, text
// that is not UTF-8, or a document past a limit (limits.hpp). Repeated
// mapping keys (the first is kept) and out-of-range numbers are reported but a
// tree is still given, so later stages can report more.
std::optional<Node> parse_yaml(const SourceFile& file, Diagnostics& diags);

}  // namespace devo::load
