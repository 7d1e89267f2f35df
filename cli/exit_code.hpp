#pragma once

namespace devo::cli {

// The exit codes, as documented in `devo --help` and the README.
inline constexpr int k_exit_ok = 0;         // evaluated; the files are valid
inline constexpr int k_exit_invalid = 1;    // validate: not valid; test: a case failed
inline constexpr int k_exit_bad_input = 2;  // a problem in a user's file or in the arguments
inline constexpr int k_exit_internal = 3;   // devo itself went wrong

}  // namespace devo::cli
