# Script mode: runs one golden case (see DevoGolden.cmake).
#   -DDEVO=<devo binary> -DCASE_DIR=<case folder> -DACTUAL_DIR=<scratch folder>
file(READ "${CASE_DIR}/cmd" command_line)
string(STRIP "${command_line}" command_line)
separate_arguments(arguments UNIX_COMMAND "${command_line}")

# Colour is off for pipes already; NO_COLOR makes sure of it.
set(ENV{NO_COLOR} 1)
execute_process(
  COMMAND "${DEVO}" ${arguments}
  WORKING_DIRECTORY "${CASE_DIR}"
  OUTPUT_VARIABLE actual_out
  ERROR_VARIABLE actual_err
  RESULT_VARIABLE actual_exit
  TIMEOUT 60)

set(kinds out err exit)
set(actual_exit "${actual_exit}\n")

if(DEFINED ENV{DEVO_UPDATE_GOLDEN})
  foreach(kind IN LISTS kinds)
    set(expected_file "${CASE_DIR}/expected.${kind}")
    set(empty FALSE)
    if(kind STREQUAL "exit")
      if(actual_exit STREQUAL "0\n")
        set(empty TRUE)
      endif()
    elseif(actual_${kind} STREQUAL "")
      set(empty TRUE)
    endif()
    if(empty)
      file(REMOVE "${expected_file}")
    else()
      file(WRITE "${expected_file}" "${actual_${kind}}")
    endif()
  endforeach()
  message(STATUS "updated the expectations of ${CASE_DIR}")
  return()
endif()

set(failed FALSE)
file(MAKE_DIRECTORY "${ACTUAL_DIR}")
foreach(kind IN LISTS kinds)
  set(expected_file "${CASE_DIR}/expected.${kind}")
  if(EXISTS "${expected_file}")
    file(READ "${expected_file}" expected)
  elseif(kind STREQUAL "exit")
    set(expected "0\n")
  else()
    set(expected "")
  endif()
  if(NOT actual_${kind} STREQUAL expected)
    set(failed TRUE)
    file(WRITE "${ACTUAL_DIR}/actual.${kind}" "${actual_${kind}}")
    file(WRITE "${ACTUAL_DIR}/expected.${kind}" "${expected}")
    execute_process(
      COMMAND diff -u "${ACTUAL_DIR}/expected.${kind}" "${ACTUAL_DIR}/actual.${kind}"
      OUTPUT_VARIABLE difference)
    message("--- ${kind} differs from ${expected_file}:\n${difference}")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "golden case ${CASE_DIR} failed; if the change is intended, rerun with "
                      "DEVO_UPDATE_GOLDEN=1 and review the expectations with git diff")
endif()
