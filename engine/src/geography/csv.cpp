#include "geography/csv.hpp"

#include "load/text_checks.hpp"
#include "support/words.hpp"

#include <devo/codes.hpp>
#include <devo/limits.hpp>
#include <devo/value.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace devo::geography {
namespace {

// One record of the file: its fields (at most the number asked for, plus
// one, so that a row of a million commas cannot take all the memory), where
// each starts, and how many there were in all.
struct Record {
  std::vector<std::string> fields;
  std::vector<std::uint32_t> columns;
  std::size_t count = 0;
};

// A fault in the text itself, at a place.
struct ReadError {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
};

// Splits the text into records of fields, keeping the line each record
// starts on and the column each field starts at. Quoted fields may hold
// commas, quotes ("") and line breaks.
class Reader {
 public:
  explicit Reader(std::string_view text) : m_text(text) {
    if (m_text.substr(0, 3) == "\xEF\xBB\xBF") {
      m_text.remove_prefix(3);
    }
  }

  bool done() const { return m_at >= m_text.size(); }
  std::uint32_t line() const { return m_line; }

  // The next record, keeping at most `max_fields` fields, or the fault that
  // stopped it. After a fault the reader has moved to the next line.
  std::optional<Record> next(std::size_t max_fields, ReadError& error) {
    Record record;
    std::string field;
    std::uint32_t field_column = m_column;
    bool quoted = false;
    bool closed = false;  // the field was quoted and its quote closed
    std::uint32_t quote_line = 0;
    while (m_at < m_text.size()) {
      const std::uint32_t column = m_column;
      const char c = take();
      if (quoted) {
        if (c == '"' && m_at < m_text.size() && m_text[m_at] == '"') {
          field += '"';
          take();
        } else if (c == '"') {
          quoted = false;
          closed = true;
        } else {
          field += c;
        }
      } else if (c == '"' && field.empty() && !closed) {
        quoted = true;
        quote_line = m_line;
      } else if (c == ',') {
        end_field(record, field, field_column, max_fields);
        field_column = m_column;
        closed = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && m_at < m_text.size() && m_text[m_at] == '\n') {
          take();
        }
        end_field(record, field, field_column, max_fields);
        return record;
      } else if (closed) {
        error = runaway_quote(quote_line, field_column);
        if (error.message.empty()) {
          error = {m_line, column, "text follows the closing quote of a quoted field"};
        }
        skip_line();
        return std::nullopt;
      } else {
        field += c;
      }
    }
    if (quoted) {
      error = {quote_line, field_column, "this quoted field is not closed"};
      return std::nullopt;
    }
    end_field(record, field, field_column, max_fields);
    return record;
  }

 private:
  // A quoted field that ran over a line break and then went wrong: the
  // tables hold no line breaks in a field, so the fault is a quote missing
  // where the field opened, not where the reader noticed. Nothing (an empty
  // message) when the field stayed on its line.
  ReadError runaway_quote(std::uint32_t quote_line, std::uint32_t quote_column) const {
    if (quote_line == m_line) {
      return {};
    }
    return {
        quote_line, quote_column,
        fmt::format("this quoted field is not closed on its line; it runs on to line {}", m_line)};
  }

  // Takes one byte, keeping the line and the column (in characters: a UTF-8
  // continuation byte does not move it).
  char take() {
    const char c = m_text[m_at++];
    if (c == '\n' || (c == '\r' && (m_at >= m_text.size() || m_text[m_at] != '\n'))) {
      ++m_line;
      m_column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++m_column;
    }
    return c;
  }

  void skip_line() {
    const std::uint32_t line = m_line;
    while (m_at < m_text.size() && m_line == line) {
      take();
    }
  }

  static void end_field(Record& record, std::string& field, std::uint32_t column,
                        std::size_t max_fields) {
    ++record.count;
    if (record.fields.size() < max_fields) {
      record.fields.push_back(std::move(field));
      record.columns.push_back(column);
    }
    field.clear();
  }

  std::string_view m_text;
  std::size_t m_at = 0;
  std::uint32_t m_line = 1;
  std::uint32_t m_column = 1;
};

void report(Diagnostics& diags, const std::string& file, std::uint32_t line, std::uint32_t column,
            std::string message) {
  diags.error(Location{file, line, column}, std::string(codes::invalid_data), std::move(message));
}

// The first difference of the header from `columns`, at column `at`, in
// words: a column left out, one the table does not have, or one out of place.
std::string header_difference(const std::string& found, std::size_t at,
                              const std::vector<std::string_view>& columns,
                              const std::string& expected) {
  const auto later =
      std::find(columns.begin() + static_cast<std::ptrdiff_t>(at) + 1, columns.end(), found);
  if (later == columns.begin() + static_cast<std::ptrdiff_t>(at) + 1) {
    return fmt::format("the header has no column '{}' before '{}'; it must be '{}'", columns[at],
                       found, expected);
  }
  if (std::find(columns.begin(), columns.end(), found) == columns.end()) {
    return fmt::format("the table has no column '{}'; the header must be '{}'", found, expected);
  }
  return fmt::format("column {} of the header is '{}', not '{}'; the header must be '{}'", at + 1,
                     found, columns[at], expected);
}

// The header must be exactly the columns: says which one is missing, extra
// or out of place, at the cell where the difference starts.
bool check_header(const SourceFile& file, const Record& header, std::uint32_t line,
                  const std::vector<std::string_view>& columns, Diagnostics& diags) {
  const std::string expected = fmt::format("{}", fmt::join(columns, ","));
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i >= header.fields.size()) {
      report(diags, file.name, line, header.columns.empty() ? 1 : header.columns.back(),
             fmt::format("the header has no column '{}'; it must be '{}'", columns[i], expected));
      return false;
    }
    if (header.fields[i] != columns[i]) {
      report(diags, file.name, line, header.columns[i],
             header_difference(header.fields[i], i, columns, expected));
      return false;
    }
  }
  if (header.count > columns.size()) {
    report(diags, file.name, line, header.columns.back(),
           fmt::format("the header has {} columns, one more than '{}'", header.count, expected));
    return false;
  }
  return true;
}

bool blank(const Record& record) {
  return record.count == 1 && record.fields.front().empty();
}

// A cell of devo's data is one line of printable text: a control character
// (a line break inside quotes, an escape code) in a name would reach the
// reports. The row is kept, so that nothing else is reported for want of it.
void check_printable(const SourceFile& file, const Record& record, std::uint32_t line,
                     Diagnostics& diags) {
  for (std::size_t cell = 0; cell < record.fields.size() && cell < record.columns.size(); ++cell) {
    if (const auto control = support::first_control_character(record.fields[cell])) {
      report(diags, file.name, line, record.columns[cell],
             fmt::format("this cell holds a control character ({}); a cell is one line of "
                         "printable text",
                         support::escaped_byte(*control)));
    }
  }
}

}  // namespace

std::optional<CsvTable> parse_csv(const SourceFile& file,
                                  const std::vector<std::string_view>& columns,
                                  Diagnostics& diags) {
  diags.add_source(file.name, file.text);
  Diagnostics encoding;
  if (!load::check_encoding(file, encoding)) {
    report_as_invalid_data(encoding, diags);
    return std::nullopt;
  }
  Reader reader(*file.text);
  if (reader.done()) {
    report(diags, file.name, 1, 1,
           fmt::format("the file is empty; it needs the header row '{}'", fmt::join(columns, ",")));
    return std::nullopt;
  }
  CsvTable table{file.name, {}};
  bool header = true;
  while (!reader.done()) {
    const std::uint32_t line = reader.line();
    ReadError error;
    auto record = reader.next(columns.size() + 1, error);
    if (!record) {
      report(diags, file.name, error.line, error.column, std::move(error.message));
      if (header) {
        return std::nullopt;
      }
      table.complete = false;
      continue;
    }
    if (header) {
      if (!check_header(file, *record, line, columns, diags)) {
        return std::nullopt;
      }
      header = false;
      continue;
    }
    if (blank(*record)) {
      continue;
    }
    if (record->count != columns.size()) {
      // At the first extra cell, or the last one when some are missing.
      const std::size_t at = std::min(record->count, columns.size() + 1) - 1;
      report(
          diags, file.name, line, record->columns[at],
          fmt::format("this row has {} cells; the header has {}", record->count, columns.size()));
      table.complete = false;
      continue;
    }
    if (table.rows.size() == limits::k_max_data_rows) {
      report(diags, file.name, line, 1,
             fmt::format("the table has more than {} rows, the most devo reads",
                         format_integer(static_cast<std::int64_t>(limits::k_max_data_rows))));
      table.complete = false;
      break;
    }
    check_printable(file, *record, line, diags);
    table.rows.push_back(CsvRow{std::move(record->fields), std::move(record->columns), line});
  }
  return table;
}

void report_as_invalid_data(const Diagnostics& found, Diagnostics& diags) {
  for (Diagnostic diagnostic : found.sorted()) {
    if (diagnostic.severity == Severity::error) {
      diagnostic.code = std::string(codes::invalid_data);
      diags.report(std::move(diagnostic));
    }
  }
}

}  // namespace devo::geography
