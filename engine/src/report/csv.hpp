#pragma once

#include <string>
#include <string_view>
#include <vector>

// The one way devo writes CSV (RFC 4180), for spreadsheets: `render_table`,
// a diff and a sweep of England in CSV all come through here.
namespace devo::report {

// One field. The text is made printable() first (a line break kept as "\n"),
// so that a CSV shown on a terminal cannot drive it either. A field that a
// spreadsheet would take for a formula (one starting with `=`, `+`, `-`, `@`
// or a tab) gets a leading `'`, which spreadsheets show as text and do not
// evaluate; a number such as "-1" or "+2.5" is left alone, since it cannot be
// a formula and a spreadsheet should still read it as a number. Then a field
// holding `,`, `"` or a line break is quoted, with each `"` doubled.
std::string csv_field(std::string_view text);

// Rows of fields, each line ended by "\n" (RFC 4180 says CRLF; every
// spreadsheet and CSV reader takes LF, and LF is what devo's other outputs
// end lines with). No byte order mark: tools that read UTF-8 need none.
std::string csv_rows(const std::vector<std::vector<std::string>>& rows);

}  // namespace devo::report
