#include "report/csv.hpp"

#include "report/report_common.hpp"

#include <devo/report.hpp>

#include <cstddef>

namespace devo::report {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// "-1", "+2", "3.5", "-.5": a sign, digits and at most one decimal point, with
// at least one digit. Such a field is a number to a spreadsheet, never a
// formula, so it needs no guard.
bool is_plain_number(std::string_view text) {
  std::size_t i = text.empty() || (text[0] != '-' && text[0] != '+') ? 0 : 1;
  bool digits = false;
  bool point = false;
  for (; i < text.size(); ++i) {
    if (is_digit(text[i])) {
      digits = true;
    } else if (text[i] == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digits;
}

// Spreadsheets (Excel, LibreOffice, Google Sheets) evaluate a cell that
// starts with one of these as a formula, which can run commands or send data
// away ("=HYPERLINK(...)", "@SUM(...)", "-2+3"); a tab or carriage return
// before one is skipped by some of them. OWASP's advice on CSV injection.
bool could_be_formula(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  switch (text[0]) {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return true;
    case '+':
    case '-':
      return !is_plain_number(text);
    default:
      return false;
  }
}

}  // namespace

std::string csv_field(std::string_view text) {
  std::string field = printable(newlines_as_lf(text));
  if (could_be_formula(field)) {
    field.insert(field.begin(), '\'');
  }
  if (field.find_first_of(",\"\n\r") == std::string::npos) {
    return field;
  }
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') {
      quoted += '"';
    }
    quoted += c;
  }
  return quoted + '"';
}

std::string csv_rows(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) {
        out += ',';
      }
      out += csv_field(row[i]);
    }
    out += '\n';
  }
  return out;
}

}  // namespace devo::report
