# devo_read_commands(DEVO OUT): the commands `DEVO --help` lists, in its
# order, into OUT; each one's summary into summary_<command> in the caller's
# scope. The man pages and their check both read the commands this way, so a
# new command needs no list kept beside them.
function(devo_read_commands devo out)
  execute_process(COMMAND "${devo}" --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${devo} --help failed: ${status}")
  endif()
  # "  evaluate     Evaluate an authority, ..." lines between "Subcommands:"
  # and the blank line after them.
  string(REGEX MATCH "Subcommands:\n(([ ]+[a-z-]+[ ]+[^\n]*\n)+)" block "${help}")
  string(REPLACE "\n" ";" lines "${CMAKE_MATCH_1}")
  set(commands "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^[ ]+([a-z-]+)[ ]+(.*)$")
      list(APPEND commands "${CMAKE_MATCH_1}")
      set(summary_${CMAKE_MATCH_1} "${CMAKE_MATCH_2}" PARENT_SCOPE)
    endif()
  endforeach()
  if(NOT commands)
    message(FATAL_ERROR "no commands found in ${devo} --help")
  endif()
  set(${out} "${commands}" PARENT_SCOPE)
endfunction()
