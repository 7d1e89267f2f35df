#pragma once

#include <cstdio>

namespace devo::cli {

// Whether `stream` is a terminal (for a progress bar, say).
bool is_terminal(std::FILE* stream);

// --color: auto (the default) colours a terminal's output unless NO_COLOR is
// set (no-color.org); always and never do as they say, whatever the stream.
enum class ColourChoice { automatic, always, never };
void set_colour_choice(ColourChoice choice);

// Whether to colour what goes to `stream` (null for a file), by the choice
// above.
bool wants_colour(std::FILE* stream);

}  // namespace devo::cli
