# `devo schema NAME` prints the built-in schema schemas/NAME.schema.json byte
# for byte, for every schema in the source tree.
#   cmake -DDEVO=... -DSOURCE_DIR=... -P check_schema_command.cmake
file(GLOB schemas "${SOURCE_DIR}/schemas/*.schema.json")
list(LENGTH schemas count)
if(count LESS 13)
  message(FATAL_ERROR "only ${count} schemas in ${SOURCE_DIR}/schemas")
endif()
foreach(path IN LISTS schemas)
  get_filename_component(file "${path}" NAME)
  string(REPLACE ".schema.json" "" name "${file}")
  execute_process(COMMAND "${DEVO}" schema "${name}" OUTPUT_VARIABLE printed RESULT_VARIABLE status)
  file(READ "${path}" expected)
  if(NOT status EQUAL 0 OR NOT printed STREQUAL expected)
    message(FATAL_ERROR "devo schema ${name} (exit ${status}) does not print ${file} as it is")
  endif()
endforeach()
message(STATUS "devo schema prints each of the ${count} schemas")
