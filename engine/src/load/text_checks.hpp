#pragma once

#include <devo/diagnostic.hpp>
#include <devo/source.hpp>

namespace devo::load {

// Checks that `file` is UTF-8 text without NUL bytes (a byte-order mark is
// fine), reporting the first bad byte (invalid-encoding). The YAML parser is
// not given anything else.
bool check_encoding(const SourceFile& file, Diagnostics& diags);

// A quick look at the text before the YAML parser (which recurses once per
// level and keeps every value) sees it: how deep it nests (flow brackets,
// compact "- - -" sequences and indentation) and roughly how many values it
// holds (keys, list items, flow commas), outside quotes and comments. Reports
// the first place past a limit (too-deep, too-large); what it lets through is
// checked exactly once parsed.
bool check_structure(const SourceFile& file, Diagnostics& diags);

}  // namespace devo::load
