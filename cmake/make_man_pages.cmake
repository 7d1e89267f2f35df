# Writes devo's man pages with help2man from the binary's own --help: devo(1)
# and one page per command, devo-evaluate(1) and so on, so that the pages say
# what the binary does. Run as: cmake -DDEVO=... -DHELP2MAN=... -DOUT_DIR=... -P
#
# The commands are read from `devo --help` itself, so a new command gets its
# page without a list kept here.

include("${CMAKE_CURRENT_LIST_DIR}/read_devo_commands.cmake")
devo_read_commands("${DEVO}" commands)
file(MAKE_DIRECTORY "${OUT_DIR}")

function(run_help2man output name help_option include)
  set(arguments --no-info --no-discard-stderr "--help-option=${help_option}"
      "--name=${name}" "--output=${output}")
  if(include)
    list(APPEND arguments "--include=${include}")
  endif()
  execute_process(COMMAND "${HELP2MAN}" ${arguments} "${DEVO}" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "help2man failed for ${output}")
  endif()
endfunction()

set(see_also "[SEE ALSO]\n")
foreach(command IN LISTS commands)
  set(page "${OUT_DIR}/devo-${command}.1")
  # help2man puts the first sentence of the summary in NAME; the title and
  # name are the command's, not the program's.
  string(REGEX REPLACE ":.*$" "" name "${summary_${command}}")
  string(SUBSTRING "${name}" 0 1 first)
  string(SUBSTRING "${name}" 1 -1 rest)
  string(TOLOWER "${first}" first)
  set(name "${first}${rest}")
  run_help2man("${page}" "${name}" "${command} --help" "")
  file(READ "${page}" text)
  string(TOUPPER "devo-${command}" title)
  string(REGEX REPLACE "\n\\.TH DEVO " "\n.TH ${title} " text "${text}")
  string(REPLACE "\n.SH NAME\ndevo \\-" "\n.SH NAME\ndevo-${command} \\-" text "${text}")
  file(WRITE "${page}" "${text}")
  string(APPEND see_also ".BR devo-${command} (1),\n")
endforeach()
string(REGEX REPLACE ",\n$" "\n" see_also "${see_also}")
file(WRITE "${OUT_DIR}/see-also.h2m" "${see_also}")
run_help2man("${OUT_DIR}/devo.1"
  "which English devolution deal tier a council, combined authority or grouping of councils could reach, and why"
  "--help" "${OUT_DIR}/see-also.h2m")
file(REMOVE "${OUT_DIR}/see-also.h2m")
