#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Small layout helpers for terminal text: how wide a string shows, wrapping,
// indenting and padding. They count UTF-8 code points, not bytes, so that "✓"
// takes one column, and skip ANSI escape sequences, which take none. Wide (East
// Asian) characters and combining marks are not special-cased; the reports do
// not need them to line up.
namespace devo::report {

// The width reports wrap at: fits a 100-column terminal or editor pane.
inline constexpr std::size_t k_text_width = 100;

// The columns `text` takes on a terminal.
std::size_t display_width(std::string_view text);

// `text` split into lines of at most `width` columns, breaking at spaces. A
// newline in `text` always breaks; a word wider than `width` gets a line of
// its own rather than being cut. Runs of spaces between words become one.
// Empty text gives one empty line, so that callers always have a first line.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

// However far text is indented, at least this many columns are left for it, so
// that deep nesting still reads as sentences rather than a column of words.
inline constexpr std::size_t k_min_wrap = 40;

// The columns left for text indented by `indent` in a line of `width`.
std::size_t wrap_width(std::size_t indent, std::size_t width = k_text_width);

// `prefix` then `text` wrapped so that the whole fits in `width` columns, each
// further line indented to start under the text's first column (a hanging
// indent). Each line ends with a newline.
std::string hanging_indent(std::string_view prefix, std::string_view text,
                           std::size_t width = k_text_width);

// `count` spaces.
std::string spaces(std::size_t count);

// `text` padded with spaces on the right to `width` columns (unchanged when
// already as wide).
std::string pad_right(std::string_view text, std::size_t width);

}  // namespace devo::report
