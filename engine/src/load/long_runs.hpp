#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace devo::load {

// The text the YAML parser reads, with every long run of inert characters
// replaced by a short placeholder, and what it takes to put them back.
//
// yaml-cpp's scanner matches every character of a scalar or comment against
// several patterns: about 60 to 200 ns a byte, so a single 16 MiB line took 2
// to 3.4 s before devo saw a node. A run of letters, digits, a few punctuation
// marks that mean nothing inside a scalar, and single spaces, starting with a
// letter or digit, is read the same way by the parser whatever its length: as
// part of the scalar, key or comment it is in. So the parser is given a
// stand-in of a few bytes for each run of 256 bytes or more, and the tree
// builder puts the run back in the scalars it builds and the places it
// reports. A run right after & * ! % or \ (an anchor, an alias, a tag, a
// directive or an escape) is left alone, as is all of a text that holds the
// placeholders' own characters (U+E000, U+E001).
class ElidedText {
 public:
  explicit ElidedText(std::string_view text);

  // What the parser reads.
  const std::string& text() const { return m_text; }
  // `value`, a scalar or tag as the parser gives it, with its runs put back.
  std::string restore(const std::string& value) const;
  // Column `column` of line `line` of text(), as a column of the original
  // text (both counted from 1).
  std::uint32_t original_column(std::uint32_t line, std::uint32_t column) const;

 private:
  // Where a placeholder starts in text(), and how many bytes shorter it is
  // than its run.
  struct Cut {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::size_t removed = 0;
  };

  std::string m_text;
  std::vector<std::string> m_runs;
  std::vector<Cut> m_cuts;
};

}  // namespace devo::load
