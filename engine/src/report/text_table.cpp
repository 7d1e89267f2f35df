#include "report/text_table.hpp"

#include <algorithm>

namespace devo::report {
namespace {

constexpr char k_escape = '\x1b';

bool is_continuation_byte(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// The length of the ANSI escape sequence at the start of `text` (ESC '[' then
// parameters up to a final byte in '@'..'~'), or 0 when there is none.
std::size_t escape_length(std::string_view text) {
  if (text.size() < 2 || text[0] != k_escape || text[1] != '[') {
    return 0;
  }
  for (std::size_t i = 2; i < text.size(); ++i) {
    if (text[i] >= '@' && text[i] <= '~') {
      return i + 1;
    }
  }
  return text.size();
}

// The words of one line of text, split at spaces; empty words are dropped.
std::vector<std::string_view> split_words(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < line.size()) {
    const std::size_t end = std::min(line.find(' ', start), line.size());
    if (end > start) {
      words.push_back(line.substr(start, end - start));
    }
    start = end + 1;
  }
  return words;
}

void wrap_line(std::string_view line, std::size_t width, std::vector<std::string>& lines) {
  std::string current;
  std::size_t current_width = 0;
  for (std::string_view word : split_words(line)) {
    const std::size_t word_width = display_width(word);
    if (!current.empty() && current_width + 1 + word_width > width) {
      lines.push_back(std::move(current));
      current.clear();
      current_width = 0;
    }
    if (!current.empty()) {
      current += ' ';
      ++current_width;
    }
    current += word;
    current_width += word_width;
  }
  lines.push_back(std::move(current));
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t skip = escape_length(text.substr(i)); skip > 0) {
      i += skip;
      continue;
    }
    if (!is_continuation_byte(text[i])) {
      ++width;
    }
    ++i;
  }
  return width;
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    wrap_line(text.substr(start, end - start), width, lines);
    if (end == text.size()) {
      break;
    }
    start = end + 1;
  }
  return lines;
}

std::size_t wrap_width(std::size_t indent, std::size_t width) {
  return indent + k_min_wrap >= width ? k_min_wrap : width - indent;
}

std::string hanging_indent(std::string_view prefix, std::string_view text, std::size_t width) {
  const std::size_t indent = display_width(prefix);
  const std::vector<std::string> lines = wrap_words(text, wrap_width(indent, width));
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += i == 0 ? std::string(prefix) : spaces(indent);
    out += lines[i];
    out += '\n';
  }
  return out;
}

std::string spaces(std::size_t count) {
  return std::string(count, ' ');
}

std::string pad_right(std::string_view text, std::size_t width) {
  const std::size_t current = display_width(text);
  return std::string(text) + spaces(width > current ? width - current : 0);
}

}  // namespace devo::report
