# devo_embed_files(<output.cpp> <function> <base-dir> <files...>)
#
# Generates <output.cpp> defining
#   std::span<const devo::EmbeddedFile> <function>()
# with the bytes of each file, so that the devo binary carries its schemas and
# rule sets and runs from any directory. Paths are recorded relative to
# <base-dir>. The file is regenerated whenever one of the inputs changes.
function(devo_embed_files output function base_dir)
  set(inputs ${ARGN})
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}"
      "-DOUTPUT=${output}" "-DFUNCTION=${function}" "-DBASE_DIR=${base_dir}"
      "-DINPUTS=${inputs}"
      -P "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
    DEPENDS ${inputs} "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
    COMMENT "Embedding ${function}"
    VERBATIM)
endfunction()
