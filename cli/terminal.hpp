#pragma once

#include <cstdio>

namespace devo::cli {

// Colour only for a terminal, and never when NO_COLOR is set (no-color.org).
bool wants_colour(std::FILE* stream);

}  // namespace devo::cli
