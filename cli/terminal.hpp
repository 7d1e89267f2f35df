#pragma once

#include <cstdio>

namespace devo::cli {

// Whether `stream` is a terminal (for a progress bar, say).
bool is_terminal(std::FILE* stream);

// Colour only for a terminal, and never when NO_COLOR is set (no-color.org).
bool wants_colour(std::FILE* stream);

}  // namespace devo::cli
