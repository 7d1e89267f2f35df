#include "report/csv.hpp"
#include "report/json_values.hpp"
#include "report/report_common.hpp"
#include "report/text_table.hpp"

#include <devo/diagnostic.hpp>
#include <devo/report.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Diagnostics the way compilers print them (GCC, Clang, ninja), because people
// and editors already know how to read and jump to `file:line:col: error: ...`:
//
//   rules/bad.yaml:12:18: error: condition 'mayoral-ca' is not defined [undefined-condition]
//      12 |     - condition: mayoral-ca
//         |                  ^
//   rules/bad.yaml:3:5: note: first defined here
namespace devo::report {
namespace {

// The line-number gutter is at least this wide, as in GCC.
constexpr std::size_t k_gutter_width = 5;
// Tabs in a quoted line are expanded to these stops, so that the caret line,
// which is all spaces, lines up whatever the terminal's tab stops are.
constexpr std::size_t k_tab_width = 8;

bool is_continuation_byte(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// A control character in a quoted line is shown escaped, as printable() would
// show it ("\x1B"), and the caret counts the columns the escape takes.
constexpr std::size_t k_escaped_byte_width = 4;

bool is_control_byte(char byte) {
  const auto value = static_cast<unsigned char>(byte);
  return (value < 0x20 && byte != '\t') || value == 0x7F;
}

// Line `number` (counting from 1) of `text` without its line break, or nothing
// when the text has fewer lines. The empty piece after a final newline is not
// a line.
std::optional<std::string_view> line_of(std::string_view text, std::uint32_t number) {
  std::size_t start = 0;
  for (std::uint32_t line = 1; line < number; ++line) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      return std::nullopt;
    }
    start = end + 1;
  }
  if (start >= text.size()) {
    return std::nullopt;
  }
  std::string_view line = text.substr(start, text.find('\n', start) - start);
  if (!line.empty() && line.back() == '\r') {
    line.remove_suffix(1);
  }
  return line;
}

// At most this many columns of a quoted line are shown: a window around the
// caret, with "…" where the line goes on, so that a line of a megabyte (a
// generated or hostile file) does not flood the terminal.
constexpr std::size_t k_widest_quote = 120;

// A source line as shown, with tabs expanded and clipped to the window around
// the caret, and the screen column (from 0) under which the caret for byte
// column `column` (from 1) goes. Columns count bytes, but a multi-byte UTF-8
// character takes one screen column, so the caret is placed by what is on
// screen. A column past the end of the line points just after it.
struct QuotedLine {
  std::string text;
  std::size_t caret = 0;
};

// The screen column (from 0) where the next character of a line goes, after
// one more byte; a tab moves to the next tab stop.
std::size_t advance(std::size_t screen, char byte) {
  if (byte == '\t') {
    return (screen / k_tab_width + 1) * k_tab_width;
  }
  if (is_control_byte(byte)) {
    return screen + k_escaped_byte_width;
  }
  return is_continuation_byte(byte) ? screen : screen + 1;
}

// Where the caret goes and how many screen columns the whole line takes, in
// one pass that copies nothing: a file of long lines with many problems on
// them would otherwise copy each line once per problem. Past the caret, the
// pass stops once the line is known to go on beyond any window that could be
// shown, and gives the width reached so far.
std::pair<std::size_t, std::size_t> caret_and_width(std::string_view line, std::uint32_t column) {
  const std::size_t target = column > 0 ? column - 1 : 0;
  std::size_t screen = 0;
  std::optional<std::size_t> caret;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i == target) {
      // Inside a character, point at the character.
      caret = is_continuation_byte(line[i]) && screen > 0 ? screen - 1 : screen;
    }
    if (caret && screen > std::max(k_widest_quote, *caret + k_widest_quote)) {
      break;
    }
    screen = advance(screen, line[i]);
  }
  return {caret.value_or(screen), screen};
}

QuotedLine quote_line(std::string_view line, std::uint32_t column) {
  const auto [caret, width] = caret_and_width(line, column);
  const bool clipped = width > k_widest_quote;
  // The screen columns shown: [first, last).
  const std::size_t first = clipped && caret > k_widest_quote / 2 ? caret - k_widest_quote / 2 : 0;
  const std::size_t last = clipped ? std::min(width, first + k_widest_quote) : width;
  QuotedLine quoted;
  quoted.text = first > 0 ? "…" : "";
  std::size_t screen = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char byte = line[i];
    const std::size_t next = advance(screen, byte);
    if (byte == '\t') {
      // Each column the tab spans is a space of its own, shown if in the window.
      for (std::size_t at = screen; at < next; ++at) {
        if (at >= first && at < last) {
          quoted.text += ' ';
        }
      }
    } else if (is_control_byte(byte)) {
      if (!clipped || (screen >= first && next <= last)) {
        quoted.text += fmt::format("\\x{:02X}", static_cast<unsigned char>(byte));
      }
    } else if (!clipped) {
      quoted.text += byte;
    } else if (is_continuation_byte(byte)) {
      // Part of the character that started one column back, if any did.
      if (screen > first && screen <= last) {
        quoted.text += byte;
      }
    } else if (screen >= last) {
      break;
    } else if (screen >= first) {
      quoted.text += byte;
    }
    screen = next;
  }
  if (last < width) {
    quoted.text += "…";
  }
  quoted.caret = caret - first + (first > 0 ? 1 : 0);
  return quoted;
}

std::string severity_word(Severity severity, const TextStyle& style) {
  switch (severity) {
    case Severity::error:
      return paint(to_string(severity), Colour::red, style);
    case Severity::warning:
      return paint(to_string(severity), Colour::magenta, style);
    case Severity::note:
      break;
  }
  return paint(to_string(severity), Colour::cyan, style);
}

// "file:line:col:", shortened when the place is less exact, and empty for a
// finding about no file (such as too-many-errors).
std::string location_text(const Location& where) {
  if (where.file.empty()) {
    return {};
  }
  if (where.line == 0) {
    return fmt::format("{}:", where.file);
  }
  if (where.column == 0) {
    return fmt::format("{}:{}:", where.file, where.line);
  }
  return fmt::format("{}:{}:{}:", where.file, where.line, where.column);
}

// The quoted line and its caret, when the file's text is known.
void write_snippet(std::string& out, const Diagnostics& diags, const Location& where,
                   const TextStyle& style) {
  if (where.line == 0) {
    return;
  }
  const std::string* text = diags.source_text(where.file);
  if (text == nullptr) {
    return;
  }
  const std::optional<std::string_view> line = line_of(*text, where.line);
  if (!line) {
    return;
  }
  const QuotedLine quoted = quote_line(*line, where.column);
  const std::string number = std::to_string(where.line);
  const std::size_t gutter = std::max(k_gutter_width, number.size());
  // No trailing space after the bar when the quoted line is empty.
  out += fmt::format("{:>{}} |{}{}\n", number, gutter, quoted.text.empty() ? "" : " ", quoted.text);
  if (where.column > 0) {
    out += fmt::format("{} | {}{}\n", spaces(gutter), spaces(quoted.caret),
                       paint("^", Colour::green, style));
  }
}

void write_diagnostic(std::string& out, const Diagnostics& diags, const Diagnostic& diagnostic,
                      const TextStyle& style) {
  const std::string location = location_text(diagnostic.location);
  if (!location.empty()) {
    out += paint(location, Colour::bold, style) + ' ';
  }
  out += severity_word(diagnostic.severity, style) + ": " + diagnostic.message;
  if (!diagnostic.code.empty()) {
    out += fmt::format(" [{}]", diagnostic.code);
  }
  out += '\n';
  write_snippet(out, diags, diagnostic.location, style);
  for (const Diagnostic& note : diagnostic.notes) {
    write_diagnostic(out, diags, note, style);
  }
}

std::string diagnostics_text(const Diagnostics& diags, const TextStyle& style) {
  std::string out;
  for (const Diagnostic& diagnostic : diags.sorted()) {
    write_diagnostic(out, diags, diagnostic, style);
  }
  return out;
}

// The place as JSON: a part there is none of is null, never 0 or "" (a
// file as a whole has no line). A command-line option such as --as-of is
// no file: it is given as "argument" instead; nor is a field of a web
// request's body, named as a JSON Pointer in its URI fragment form
// ("#/as_of", RFC 6901) and given as "pointer" ("/as_of").
void add_place(Json& json, const Location& where) {
  const bool argument = where.file.starts_with("--");
  const bool pointer = where.file.starts_with('#');
  json["file"] = where.file.empty() || argument || pointer ? Json(nullptr) : Json(where.file);
  if (argument) {
    json["argument"] = where.file;
  }
  if (pointer) {
    json["pointer"] = where.file.substr(1);
  }
  json["line"] = where.line == 0 ? Json(nullptr) : Json(where.line);
  json["column"] = where.line == 0 || where.column == 0 ? Json(nullptr) : Json(where.column);
}

Json diagnostic_json(const Diagnostic& diagnostic) {
  Json json = Json::object();
  json["code"] = diagnostic.code;
  json["severity"] = to_string(diagnostic.severity);
  json["message"] = diagnostic.message;
  add_place(json, diagnostic.location);
  if (!diagnostic.notes.empty()) {
    Json notes = Json::array();
    for (const Diagnostic& note : diagnostic.notes) {
      Json item = Json::object();
      item["message"] = note.message;
      add_place(item, note.location);
      notes.push_back(std::move(item));
    }
    json["notes"] = std::move(notes);
  }
  return json;
}

std::string diagnostics_json(const Diagnostics& diags) {
  return dump_json(diagnostics_array(diags));
}

// The text form in a fenced block, never coloured: escape codes mean nothing
// in Markdown. The fence is longer than any run of backticks in the text, so a
// quoted line cannot close it early.
std::string diagnostics_markdown(const Diagnostics& diags) {
  const std::string text = diagnostics_text(diags, TextStyle{.colour = false});
  if (text.empty()) {
    return text;
  }
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
  return fmt::format("{}text\n{}{}\n", fence, text, fence);
}

std::string diagnostics_csv(const Diagnostics& diags) {
  std::vector<std::vector<std::string>> rows{
      {"file", "line", "column", "severity", "code", "message"}};
  const auto place = [](const Location& where) {
    const bool known = where.line != 0;
    return std::pair{known ? std::to_string(where.line) : std::string(),
                     known && where.column != 0 ? std::to_string(where.column) : std::string()};
  };
  for (const Diagnostic& diagnostic : diags.sorted()) {
    const auto [line, column] = place(diagnostic.location);
    rows.push_back({diagnostic.location.file, line, column,
                    std::string(to_string(diagnostic.severity)), diagnostic.code,
                    diagnostic.message});
    for (const Diagnostic& note : diagnostic.notes) {
      const auto [note_line, note_column] = place(note.location);
      rows.push_back(
          {note.location.file, note_line, note_column, "note", diagnostic.code, note.message});
    }
  }
  return csv_rows(rows);
}

}  // namespace

Json diagnostics_array(const Diagnostics& diags) {
  Json json = Json::array();
  for (const Diagnostic& diagnostic : diags.sorted()) {
    json.push_back(diagnostic_json(diagnostic));
  }
  return json;
}

}  // namespace devo::report

namespace devo {

std::string render_diagnostics(const Diagnostics& diags, OutputFormat format,
                               const TextStyle& style) {
  switch (format) {
    case OutputFormat::json:
      return report::diagnostics_json(diags);
    case OutputFormat::markdown:
      return printable(report::diagnostics_markdown(diags));
    case OutputFormat::csv:
      return report::diagnostics_csv(diags);
    case OutputFormat::text:
      break;
  }
  return printable(report::diagnostics_text(diags, style), style);
}

std::string render_check(const std::vector<CheckedRuleFile>& files, const Diagnostics& diags,
                         OutputFormat format, const TextStyle& style) {
  if (format == OutputFormat::json) {
    report::Json checked = report::Json::array();
    for (const CheckedRuleFile& file : files) {
      report::Json item = report::Json::object();
      item["file"] = file.file;
      item["ok"] = file.ok;
      if (file.ok) {
        item["ruleset"] = file.ruleset;
        item["tiers"] = file.tiers;
        item["powers"] = file.powers;
        item["conditions"] = file.conditions;
        item["facts"] = file.facts;
      }
      checked.push_back(std::move(item));
    }
    report::Json json = report::Json::object();
    json["files"] = std::move(checked);
    json["diagnostics"] = report::diagnostics_array(diags);
    return report::dump_json(json);
  }
  std::string text = render_diagnostics(diags, format, style);
  if (format == OutputFormat::text) {
    for (const CheckedRuleFile& file : files) {
      if (file.ok) {
        text += printable(fmt::format(
            "{}: ok: rule set '{}', {} tiers, {} powers, {} named conditions, {} facts\n",
            file.file, file.ruleset, file.tiers, file.powers, file.conditions, file.facts));
      }
    }
  }
  return text;
}

}  // namespace devo
