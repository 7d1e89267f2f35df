#pragma once

#include <devo/diagnostic.hpp>

#include <string>
#include <string_view>

// The one way the command line writes anything: a command's output to
// standard output or a file, and messages to standard error. Nothing else in
// cli/ writes to a stream, so that every write error is handled the same way.
namespace devo::cli {

// Makes writing safe before anything else runs: a standard stream the caller
// closed is held open on /dev/null, read-only, so that no file devo opens can
// take its descriptor (a rule file read as standard error, an output file
// written as standard output) and writing to it still fails as it should; and
// SIGPIPE is ignored, so that a reader that went away is a write error devo
// handles rather than a signal that kills it.
void guard_standard_streams();

enum class Written {
  ok,
  // The failure is in `diags` (output-unwritable).
  failed,
  // Standard output is a pipe whose reader has gone (`devo … | head -n1`):
  // nobody is left to tell, so nothing is reported.
  reader_gone,
};

// Writes `text` to standard output when `path` is empty or "-"; otherwise to
// the file `path`:
// - a regular file (new or existing) is written to a temporary file beside it,
//   then renamed over it, so that a failure (a full disk) leaves no partial
//   file; an existing file keeps its permissions and, where allowed, its owner;
// - a symbolic link is followed: its target is written, the link kept;
// - a character device or a FIFO is written straight into, never replaced;
// - anything else (a folder, a block device, a socket) is refused.
// The temporary name is kept within the system's limit on a name's length.
Written write_output(std::string_view text, const std::string& path, Diagnostics& diags);

// Writes `text` to standard error as it is. A failure is ignored: standard
// error is where failures are reported, so there is nowhere left to say it.
void write_error_stream(std::string_view text);

}  // namespace devo::cli
