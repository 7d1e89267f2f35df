# devo_add_golden_cases(<root> <prefix>)
#
# Adds one ctest test per folder under <root> that holds a `cmd` file. The test
# runs the devo binary in that folder with the arguments in `cmd` and compares
# stdout, stderr and the exit code with `expected.out`, `expected.err` and
# `expected.exit` (a missing file expects nothing, or exit code 0). Run
# with DEVO_UPDATE_GOLDEN=1 in the environment to write the expectations from
# the actual output instead; review them with git diff.
function(devo_add_golden_cases root prefix)
  file(GLOB_RECURSE command_files CONFIGURE_DEPENDS "${root}/*/cmd")
  list(SORT command_files)
  foreach(command_file IN LISTS command_files)
    get_filename_component(case_dir "${command_file}" DIRECTORY)
    file(RELATIVE_PATH case_name "${root}" "${case_dir}")
    add_test(NAME "${prefix}: ${case_name}"
      COMMAND "${CMAKE_COMMAND}"
        "-DDEVO=$<TARGET_FILE:devo>"
        "-DCASE_DIR=${case_dir}"
        "-DACTUAL_DIR=${CMAKE_CURRENT_BINARY_DIR}/golden-actual/${prefix}/${case_name}"
        -P "${PROJECT_SOURCE_DIR}/cmake/run_golden_case.cmake")
    set_tests_properties("${prefix}: ${case_name}" PROPERTIES LABELS "golden;${prefix}")
  endforeach()
endfunction()
