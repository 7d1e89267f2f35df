# Script mode: runs one devo command three ways and fails unless all three give
# byte-identical output and the same exit code:
#   1. to standard output, with TZ=UTC and LC_ALL=C;
#   2. to standard output, with a far-off time zone and a UTF-8 locale, so that
#      nothing in the output may depend on the clock's zone or the locale;
#   3. with --output FILE, whose content must equal what standard output got.
# Standard error (diagnostics) must match between runs 1 and 2 as well.
#   -DDEVO=<devo binary> -DARGUMENTS=<devo's arguments, ;-separated>
#   -DWORKING_DIRECTORY=<where devo runs> -DSCRATCH=<a directory for the file>
function(run_devo label environment)
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env ${environment} "${DEVO}" ${ARGUMENTS} ${ARGN}
    WORKING_DIRECTORY "${WORKING_DIRECTORY}"
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
    RESULT_VARIABLE code)
  set(${label}_out "${out}" PARENT_SCOPE)
  set(${label}_err "${err}" PARENT_SCOPE)
  set(${label}_code "${code}" PARENT_SCOPE)
endfunction()

string(REPLACE ";" " " command "devo ${ARGUMENTS}")
run_devo(first "TZ=UTC;LC_ALL=C")
run_devo(second "TZ=Pacific/Kiritimati;LC_ALL=C.UTF-8;LANG=C.UTF-8")
if(NOT first_code MATCHES "^[0-3]$")
  message(FATAL_ERROR "${command} did not exit normally: ${first_code}\n${first_err}")
endif()
if(NOT first_out STREQUAL second_out)
  message(FATAL_ERROR "${command}: standard output differs between two runs")
endif()
if(NOT first_err STREQUAL second_err)
  message(FATAL_ERROR "${command}: standard error differs between two runs")
endif()
if(NOT first_code STREQUAL second_code)
  message(FATAL_ERROR "${command}: exit code ${first_code}, then ${second_code}")
endif()

file(MAKE_DIRECTORY "${SCRATCH}")
set(output_file "${SCRATCH}/output")
file(REMOVE "${output_file}")
run_devo(third "TZ=UTC;LC_ALL=C" --output "${output_file}")
if(NOT third_code STREQUAL first_code)
  message(FATAL_ERROR "${command} --output: exit code ${third_code}, not ${first_code}")
endif()
if(NOT third_out STREQUAL "")
  message(FATAL_ERROR "${command} --output also wrote to standard output")
endif()
# A command that stops on bad input prints nothing and must leave no file.
if(NOT EXISTS "${output_file}")
  if(NOT first_out STREQUAL "")
    message(FATAL_ERROR "${command} --output wrote no file")
  endif()
  set(written "")
else()
  file(READ "${output_file}" written)
endif()
if(NOT written STREQUAL first_out)
  message(FATAL_ERROR "${command} --output wrote something other than standard output gets")
endif()
file(GLOB leftovers "${SCRATCH}/*")
list(REMOVE_ITEM leftovers "${output_file}")
if(leftovers)
  message(FATAL_ERROR "${command} --output left files behind: ${leftovers}")
endif()
