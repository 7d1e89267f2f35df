// libFuzzer target: see devo::fuzz::http_request in entry_points.hpp and docs/fuzzing.md.
#include "entry_points.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  devo::fuzz::http_request(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
