#include "terminal.hpp"

#include <cstdlib>
#include <unistd.h>

namespace devo::cli {
namespace {

// Set once, from the command line, before any command runs.
ColourChoice g_colour_choice = ColourChoice::automatic;

}  // namespace

bool is_terminal(std::FILE* stream) {
  return isatty(fileno(stream)) != 0;
}

void set_colour_choice(ColourChoice choice) {
  g_colour_choice = choice;
}

bool wants_colour(std::FILE* stream) {
  switch (g_colour_choice) {
    case ColourChoice::always:
      return true;
    case ColourChoice::never:
      return false;
    case ColourChoice::automatic:
      break;
  }
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') {
    return false;
  }
  return stream != nullptr && is_terminal(stream);
}

}  // namespace devo::cli
