# Warnings for devo's own targets only (linked PRIVATE); third-party code is left alone.
add_library(devo_warnings INTERFACE)
target_compile_options(devo_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  $<$<BOOL:${DEVO_DEV}>:-Werror>)
