#include "report/markdown.hpp"

#include "report/report_common.hpp"

#include <devo/report.hpp>

#include <algorithm>
#include <cctype>
#include <cstddef>

namespace devo::report {
namespace {

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii_alphanumeric(char c) {
  return is_ascii_letter(c) || (c >= '0' && c <= '9');
}

// Whether the `&` at `at` could begin a character reference: "&amp;",
// "&#60;", "&#x3C;". "Trowers & Hamlins" and "R&D" cannot, and stay as they are.
bool starts_reference(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    if (i < text.size() && (text[i] == 'x' || text[i] == 'X')) {
      ++i;
    }
  } else if (i >= text.size() || !is_ascii_letter(text[i])) {
    return false;
  }
  const std::size_t first = i;
  while (i < text.size() && is_ascii_alphanumeric(text[i])) {
    ++i;
  }
  return i > first && i < text.size() && text[i] == ';';
}

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_blank(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string table_line(const std::vector<std::string>& cells, std::size_t width) {
  std::string line = "|";
  for (std::size_t i = 0; i < width; ++i) {
    line += ' ';
    line += i < cells.size() ? cells[i] : std::string();
    line += " |";
  }
  return line + '\n';
}

}  // namespace

std::string markdown_text(std::string_view text, LineBreaks breaks) {
  const std::string_view line_break = breaks == LineBreaks::html ? "<br>" : " ";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') {
          ++i;
        }
        out += line_break;
        break;
      case '\n':
        out += line_break;
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '#':
      case '~':
        out += '\\';
        out += c;
        break;
      case '&':
        if (starts_reference(text, i)) {
          out += '\\';
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string markdown_code(std::string_view text) {
  std::size_t longest = 0;
  std::size_t run = 0;
  std::string body;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    if (c == '|') {
      body += "\\|";
    } else {
      body += c == '\n' || c == '\r' ? ' ' : c;
    }
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return pad ? fence + ' ' + body + ' ' + fence : fence + body + fence;
}

std::string markdown_line_start(std::string text) {
  if (text.empty()) {
    return text;
  }
  if (text[0] == '-' || text[0] == '+' || text[0] == '=') {
    return '\\' + text;
  }
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0) {
    ++digits;
  }
  if (digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')')) {
    text.insert(digits, 1, '\\');
  }
  return text;
}

std::string markdown_cell(std::string_view text) {
  return markdown_text(printable(newlines_as_lf(trimmed(text))), LineBreaks::html);
}

std::string markdown_table(const MarkdownTable& table) {
  std::vector<std::string> header;
  header.reserve(table.header.size());
  for (const std::string& title : table.header) {
    header.push_back(markdown_cell(title));
  }
  std::vector<std::vector<std::string>> rows;
  rows.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    cells.reserve(row.size());
    for (const std::string& cell : row) {
      cells.push_back(markdown_cell(cell));
    }
    rows.push_back(std::move(cells));
  }
  return markdown_table_of_markup(header, rows, table.align);
}

std::string markdown_table_of_markup(const std::vector<std::string>& header,
                                     const std::vector<std::vector<std::string>>& rows,
                                     const std::vector<Align>& align) {
  const std::size_t width = header.size();
  std::string out = table_line(header, width);
  out += '|';
  for (std::size_t i = 0; i < width; ++i) {
    out += i < align.size() && align[i] == Align::right ? "---:|" : "---|";
  }
  out += '\n';
  for (const auto& row : rows) {
    out += table_line(row, width);
  }
  return out;
}

}  // namespace devo::report
