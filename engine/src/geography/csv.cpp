#include "geography/csv.hpp"

#include <devo/codes.hpp>

#include <fmt/format.h>

namespace devo::geography {
namespace {

// Splits the text into records of fields, keeping the line each record
// starts on. Quoted fields may hold commas, quotes ("") and line breaks.
class Reader {
 public:
  explicit Reader(std::string_view text) : m_text(text) {
    if (m_text.substr(0, 3) == "\xEF\xBB\xBF") {
      m_text.remove_prefix(3);
    }
  }

  bool done() const { return m_at >= m_text.size(); }
  std::uint32_t line() const { return m_line; }

  // The next record, or an error message.
  std::optional<std::vector<std::string>> next(std::string& error) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    while (m_at < m_text.size()) {
      const char c = m_text[m_at++];
      if (quoted) {
        if (c == '"' && m_at < m_text.size() && m_text[m_at] == '"') {
          field += '"';
          ++m_at;
        } else if (c == '"') {
          quoted = false;
        } else {
          m_line += c == '\n' ? 1 : 0;
          field += c;
        }
      } else if (c == '"' && field.empty()) {
        quoted = true;
      } else if (c == ',') {
        fields.push_back(std::move(field));
        field.clear();
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && m_at < m_text.size() && m_text[m_at] == '\n') {
          ++m_at;
        }
        ++m_line;
        fields.push_back(std::move(field));
        return fields;
      } else {
        field += c;
      }
    }
    if (quoted) {
      error = "a quoted field is not closed";
      return std::nullopt;
    }
    fields.push_back(std::move(field));
    return fields;
  }

 private:
  std::string_view m_text;
  std::size_t m_at = 0;
  std::uint32_t m_line = 1;
};

}  // namespace

std::optional<CsvTable> parse_csv(const SourceFile& file,
                                  const std::vector<std::string_view>& columns,
                                  Diagnostics& diags) {
  diags.add_source(file.name, file.text);
  CsvTable table{file.name, {}};
  Reader reader(*file.text);
  const std::size_t errors_before = diags.error_count();
  bool header = true;
  while (!reader.done()) {
    const std::uint32_t line = reader.line();
    std::string error;
    auto fields = reader.next(error);
    if (!fields) {
      diags.error(Location{file.name, line, 1}, std::string(codes::invalid_data), error);
      return std::nullopt;
    }
    if (header) {
      header = false;
      std::vector<std::string> expected(columns.begin(), columns.end());
      if (*fields != expected) {
        diags.error(Location{file.name, line, 1}, std::string(codes::invalid_data),
                    fmt::format("the header must be '{}'", fmt::join(columns, ",")));
        return std::nullopt;
      }
      continue;
    }
    if (fields->size() == 1 && fields->front().empty()) {
      continue;  // a blank line
    }
    if (fields->size() != columns.size()) {
      diags.error(
          Location{file.name, line, 1}, std::string(codes::invalid_data),
          fmt::format("this row has {} cells; the header has {}", fields->size(), columns.size()));
      continue;
    }
    table.rows.push_back(CsvRow{std::move(*fields), line});
  }
  if (header) {
    diags.error(Location{file.name, 0, 0}, std::string(codes::invalid_data),
                "the file is empty; it needs a header row");
  }
  if (diags.error_count() > errors_before) {
    return std::nullopt;
  }
  return table;
}

}  // namespace devo::geography
