# Every dependency comes from Debian 12's packages (scripts/install-deps); nothing
# is downloaded at build time.
find_package(yaml-cpp 0.7 CONFIG REQUIRED)
find_package(fmt 9 CONFIG REQUIRED)
find_package(nlohmann_json 3.11 CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(Boost 1.74 REQUIRED)

# yaml-cpp 0.7 (Debian 12) exports `yaml-cpp`; 0.8 and later export `yaml-cpp::yaml-cpp`.
if(NOT TARGET yaml-cpp::yaml-cpp)
  add_library(yaml-cpp::yaml-cpp INTERFACE IMPORTED)
  target_link_libraries(yaml-cpp::yaml-cpp INTERFACE yaml-cpp)
endif()

# valijson is header-only. scripts/install-deps unpacks Debian's package into
# .deps/valijson without its needless Qt5/Poco dependencies; an installed
# libvalijson-dev in /usr/include works as well.
find_path(VALIJSON_INCLUDE_DIR valijson/validator.hpp
  HINTS "${PROJECT_SOURCE_DIR}/.deps/valijson/usr/include")
if(NOT VALIJSON_INCLUDE_DIR)
  message(FATAL_ERROR "valijson headers not found: run scripts/install-deps")
endif()
add_library(devo_valijson INTERFACE)
target_include_directories(devo_valijson SYSTEM INTERFACE "${VALIJSON_INCLUDE_DIR}")

# Google Benchmark, for bench/ only (scripts/bench installs libbenchmark-dev).
if(DEVO_BENCH)
  find_package(benchmark REQUIRED)
endif()
