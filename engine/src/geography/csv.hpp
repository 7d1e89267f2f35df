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
  // Where each cell starts on its line, counted in characters from 1.
  std::vector<std::uint32_t> columns;
  std::uint32_t line = 0;
};

// A CSV table whose header has been checked: rows hold one cell per column,
// in the order of the columns asked for.
struct CsvTable {
  std::string file;
  std::vector<CsvRow> rows;
  // False when a row could not be read and was left out (or the file could
  // not be read at all). A code another table names may have been in that
  // row, so "not in this table" is not reported against an incomplete table:
  // it would bury the real error under knock-on ones.
  bool complete = true;

  Location where(const CsvRow& row, std::size_t cell = 0) const {
    return Location{file, row.line, cell < row.columns.size() ? row.columns[cell] : 1};
  }
};

// Parses `file` as RFC 4180 CSV (UTF-8, optional byte-order mark, LF or CRLF).
// The header row must name exactly `columns`, in order. Every fault is
// reported as invalid-data at its line and column: bytes that are not UTF-8,
// an empty file, a different header, a row with the wrong number of cells, an
// unclosed quote, text after a closing quote, more rows than the limit
// (limits.hpp). A bad row is left out and the table marked incomplete; gives
// nothing when the file is not this table at all (bad bytes, no or a wrong
// header).
std::optional<CsvTable> parse_csv(const SourceFile& file,
                                  const std::vector<std::string_view>& columns, Diagnostics& diags);

// Reports the errors in `found` (a YAML parser's, an encoding check's) to
// `diags` as invalid-data, keeping their places and words: every fault in the
// England data has the one code.
void report_as_invalid_data(const Diagnostics& found, Diagnostics& diags);

}  // namespace devo::geography
