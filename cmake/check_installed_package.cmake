# The installed package works for a program of one's own: installs this build
# into a fresh prefix, builds examples/08-library against it with
# find_package(devo), runs it, and builds it once more with pkg-config's flags;
# each time it must print expected.out.
#   cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DCXX=... -P check_installed_package.cmake
set(prefix "${WORK_DIR}/prefix")
file(REMOVE_RECURSE "${WORK_DIR}")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${what} failed (${result}):\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

# The example prints expected.out, which its README shows as what it prints.
file(READ "${SOURCE_DIR}/examples/08-library/expected.out" expected)
file(READ "${SOURCE_DIR}/examples/08-library/README.md" readme)
string(FIND "${readme}" "${expected}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "examples/08-library/README.md does not show expected.out as the output")
endif()

function(expect_answers output how)
  if(NOT output STREQUAL expected)
    message(FATAL_ERROR "the example built ${how} printed:\n${output}\nnot expected.out:\n${expected}")
  endif()
endfunction()

run("cmake --install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")
# The man pages go with the binary when the build made them.
if(EXISTS "${BUILD_DIR}/man/devo.1" AND NOT EXISTS "${prefix}/share/man/man1/devo-evaluate.1")
  message(FATAL_ERROR "cmake --install left out the man pages (share/man/man1)")
endif()
run("configuring the example" "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/examples/08-library"
    -B "${WORK_DIR}/build" "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_CXX_COMPILER=${CXX}"
    -DCMAKE_BUILD_TYPE=Release)
run("building the example" "${CMAKE_COMMAND}" --build "${WORK_DIR}/build")
run("running the example" "${WORK_DIR}/build/devo_library_example")
expect_answers("${output}" "with find_package(devo)")

find_program(PKG_CONFIG pkg-config)
if(PKG_CONFIG)
  set(ENV{PKG_CONFIG_PATH} "${prefix}/lib/pkgconfig")
  run("pkg-config" "${PKG_CONFIG}" --cflags --libs --static devo)
  separate_arguments(flags UNIX_COMMAND "${output}")
  run("building the example with pkg-config" "${CXX}" "${SOURCE_DIR}/examples/08-library/main.cpp"
      -o "${WORK_DIR}/example-pkg-config" ${flags})
  run("running the example built with pkg-config" "${WORK_DIR}/example-pkg-config")
  expect_answers("${output}" "with pkg-config")
endif()
