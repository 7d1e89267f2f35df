#include "terminal.hpp"

#include <cstdlib>
#include <unistd.h>

namespace devo::cli {

bool wants_colour(std::FILE* stream) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') {
    return false;
  }
  return isatty(fileno(stream)) != 0;
}

}  // namespace devo::cli
