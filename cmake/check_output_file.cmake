# Script mode: --output FILE over an existing file. A command that succeeds
# replaces the file whole, with the permissions a new file gets under the
# umask; one that fails on bad input leaves the old file exactly as it was.
# Neither leaves a temporary file behind.
#   -DDEVO=<devo binary> -DWORKING_DIRECTORY=<where devo runs>
#   -DSCRATCH=<an empty directory for the file>
file(REMOVE_RECURSE "${SCRATCH}")
file(MAKE_DIRECTORY "${SCRATCH}")
set(target "${SCRATCH}/result.txt")
set(previous "the previous result, which a failed run must not touch\n")

function(expect_only_the_target)
  file(GLOB entries "${SCRATCH}/*")
  if(NOT entries STREQUAL target)
    message(FATAL_ERROR "expected only ${target}, found: ${entries}")
  endif()
endfunction()

function(run_devo)
  execute_process(
    COMMAND sh -c "umask 022 && exec \"$0\" \"$@\"" "${DEVO}" ${ARGN} --output "${target}"
    WORKING_DIRECTORY "${WORKING_DIRECTORY}"
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
    RESULT_VARIABLE code)
  set(code "${code}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

# A failed run keeps the previous file.
file(WRITE "${target}" "${previous}")
run_devo(evaluate --authority Nowhere --as-of 2026-06-01)
if(NOT code EQUAL 2)
  message(FATAL_ERROR "an unknown authority should exit 2, not ${code}: ${err}")
endif()
file(READ "${target}" kept)
if(NOT kept STREQUAL previous)
  message(FATAL_ERROR "a failed run changed ${target}")
endif()
expect_only_the_target()

# A successful run replaces it whole.
run_devo(list rulesets)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "devo list rulesets exited ${code}: ${err}")
endif()
file(READ "${target}" replaced)
if(replaced STREQUAL previous OR NOT replaced MATCHES "luwp-2022")
  message(FATAL_ERROR "a successful run did not replace ${target}: ${replaced}")
endif()
expect_only_the_target()

# With the permissions of any new file under umask 022, not mkstemp's 0600.
execute_process(COMMAND stat -c %a "${target}" OUTPUT_VARIABLE mode
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT mode STREQUAL "644")
  message(FATAL_ERROR "${target} has mode ${mode}, expected 644 under umask 022")
endif()
