# DEVO_SANITIZE: every target of devo (library, CLI, tests) is built with
# AddressSanitizer and UndefinedBehaviorSanitizer, and any finding stops the
# program, so that ctest fails on it.
#
# DEVO_FUZZ: the same sanitizers, plus the coverage instrumentation libFuzzer
# needs; the fuzz targets in fuzz/ link libFuzzer itself. Needs clang.
# DEVO_FUZZ_ASAN=OFF leaves AddressSanitizer out of a fuzz build, for long
# campaigns: its targets run more inputs a second and still stop on undefined
# behaviour, a crash, a timeout or running out of memory; `scripts/fuzz replay`
# runs what they kept under AddressSanitizer (docs/fuzzing.md).
if(DEVO_SANITIZE OR (DEVO_FUZZ AND DEVO_FUZZ_ASAN))
  set(devo_sanitizers "-fsanitize=address,undefined" "-fno-sanitize-recover=all"
                      "-fno-omit-frame-pointer")
elseif(DEVO_FUZZ)
  set(devo_sanitizers "-fsanitize=undefined" "-fno-sanitize-recover=all"
                      "-fno-omit-frame-pointer")
endif()
if(devo_sanitizers)
  add_compile_options(${devo_sanitizers})
  add_link_options(${devo_sanitizers})
endif()
if(DEVO_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "DEVO_FUZZ needs clang: configure with CXX=clang++")
  endif()
  add_compile_options("-fsanitize=fuzzer-no-link")
endif()
