# Script mode: checks that a committed generated file is what devo generates
# now, and says how to regenerate it when it is not.
#   -DDEVO=<devo binary> -DARGUMENTS=<devo's arguments, ;-separated>
#   -DEXPECTED=<the committed file> -DWORKING_DIRECTORY=<where devo runs>
execute_process(
  COMMAND "${DEVO}" ${ARGUMENTS}
  WORKING_DIRECTORY "${WORKING_DIRECTORY}"
  OUTPUT_VARIABLE actual
  RESULT_VARIABLE exit_code)
if(NOT exit_code EQUAL 0)
  message(FATAL_ERROR "devo ${ARGUMENTS} exited with ${exit_code}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT actual STREQUAL expected)
  string(REPLACE ";" " " command "${ARGUMENTS}")
  message(FATAL_ERROR "${EXPECTED} is out of date; regenerate it with\n"
                      "  build/devo ${command} > ${EXPECTED}\nand commit it")
endif()
