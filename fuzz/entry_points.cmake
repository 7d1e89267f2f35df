# The fuzz targets' entry points (entry_points.cpp) as a library, and the replay
# driver built on them without libFuzzer (replay.cpp). Included by
# fuzz/CMakeLists.txt (DEVO_FUZZ) and by tests/fuzz-regressions/CMakeLists.txt
# (the ordinary test build); whichever comes first defines them.
if(NOT TARGET devo_fuzz_entry_points)
  add_library(devo_fuzz_entry_points STATIC "${PROJECT_SOURCE_DIR}/fuzz/entry_points.cpp")
  target_include_directories(devo_fuzz_entry_points
    PUBLIC "${PROJECT_SOURCE_DIR}/fuzz"
    # testing/test_runner.hpp: the case runner for a file already read.
    PRIVATE "${PROJECT_SOURCE_DIR}/engine/src")
  target_link_libraries(devo_fuzz_entry_points PUBLIC devo::engine PRIVATE devo_server devo_warnings)

  # The replay's watchdog is a thread.
  find_package(Threads REQUIRED)
  add_executable(devo_fuzz_replay "${PROJECT_SOURCE_DIR}/fuzz/replay.cpp")
  target_link_libraries(devo_fuzz_replay PRIVATE devo_fuzz_entry_points Threads::Threads devo_warnings)
endif()
