#pragma once

#include <devo/diagnostic.hpp>
#include <devo/source.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace devo::geography {

struct CsvRow {
  std::vector<std::string> cells;
  std::uint32_t line = 0;
};

// A CSV table whose header has been checked: rows hold one cell per column,
// in the order of the columns asked for.
struct CsvTable {
  std::string file;
  std::vector<CsvRow> rows;

  Location where(const CsvRow& row) const { return Location{file, row.line, 1}; }
};

// Parses `file` as RFC 4180 CSV (UTF-8, optional byte-order mark, LF or CRLF).
// The header row must name exactly `columns`, in order. A malformed file, a
// different header or a row with the wrong number of cells is reported as
// invalid-data at its line; gives nothing then.
std::optional<CsvTable> parse_csv(const SourceFile& file,
                                  const std::vector<std::string_view>& columns, Diagnostics& diags);

}  // namespace devo::geography
