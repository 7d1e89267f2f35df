#include "terminal.hpp"

#include <cstdlib>
#include <unistd.h>

namespace devo::cli {

bool is_terminal(std::FILE* stream) {
  return isatty(fileno(stream)) != 0;
}

bool wants_colour(std::FILE* stream) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') {
    return false;
  }
  return is_terminal(stream);
}

}  // namespace devo::cli
