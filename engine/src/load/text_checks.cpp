#include "load/text_checks.hpp"

#include <devo/codes.hpp>
#include <devo/limits.hpp>
#include <devo/value.hpp>

#include <fmt/format.h>

namespace devo::load {
namespace {

// Past this, the text is surely deeper than the limit, whatever the
// indentation step; below it the parser is safe and the exact check decides.
constexpr std::size_t k_lexical_depth_limit = 5 * limits::k_max_depth;

// The length of the UTF-8 sequence starting with `lead`, or 0 if `lead`
// cannot start one.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) {
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    return 2;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    return 4;
  }
  return 0;
}

bool valid_sequence(std::string_view text, std::size_t at, std::size_t length) {
  if (at + length > text.size()) {
    return false;
  }
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) {
      return false;
    }
  }
  // Overlong forms, surrogates and code points past U+10FFFF.
  if (length == 3) {
    if ((byte(0) == 0xE0 && byte(1) < 0xA0) || (byte(0) == 0xED && byte(1) >= 0xA0)) {
      return false;
    }
  }
  if (length == 4) {
    if ((byte(0) == 0xF0 && byte(1) < 0x90) || (byte(0) == 0xF4 && byte(1) >= 0x90)) {
      return false;
    }
  }
  return true;
}

bool report_too_deep(const SourceFile& file, std::uint32_t line, std::size_t column,
                     Diagnostics& diags) {
  diags.error(Location{file.name, line, static_cast<std::uint32_t>(column)},
              std::string(codes::too_deep),
              fmt::format("the document nests more than {} levels deep", limits::k_max_depth));
  return false;
}

}  // namespace

bool check_encoding(const SourceFile& file, Diagnostics& diags) {
  const std::string_view text = *file.text;
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  for (std::size_t at = 0; at < text.size();) {
    const unsigned char lead = static_cast<unsigned char>(text[at]);
    if (lead == 0) {
      diags.error(Location{file.name, line, column}, std::string(codes::invalid_encoding),
                  "the file holds a NUL byte; devo reads UTF-8 text");
      return false;
    }
    const std::size_t length = sequence_length(lead);
    if (length == 0 || !valid_sequence(text, at, length)) {
      diags.error(Location{file.name, line, column}, std::string(codes::invalid_encoding),
                  fmt::format("byte 0x{:02X} is not valid UTF-8; devo reads UTF-8 text", lead));
      return false;
    }
    if (lead == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    at += length;
  }
  return true;
}

bool check_structure(const SourceFile& file, Diagnostics& diags) {
  const std::string_view text = *file.text;
  enum class State { plain, single_quoted, double_quoted, comment };
  State state = State::plain;
  std::size_t flow = 0;
  std::size_t values = 0;
  std::uint32_t line = 1;
  std::size_t at = 0;
  while (at < text.size()) {
    // The start of a line: indentation, then any compact "- " or "? ".
    const std::size_t line_start = at;
    std::size_t block = 0;
    if (state == State::plain || state == State::comment) {
      state = State::plain;
      while (at < text.size() && text[at] == ' ') {
        ++at;
        ++block;
      }
      while (at + 1 < text.size() && (text[at] == '-' || text[at] == '?') && text[at + 1] == ' ') {
        at += 2;
        block += 2;
        ++values;
        if (block > k_lexical_depth_limit) {
          return report_too_deep(file, line, at - line_start, diags);
        }
      }
    }
    for (; at < text.size() && text[at] != '\n'; ++at) {
      const char c = text[at];
      const char before = at == line_start ? ' ' : text[at - 1];
      switch (state) {
        case State::comment:
          break;
        case State::single_quoted:
          state = c == '\'' ? State::plain : state;
          break;
        case State::double_quoted:
          if (c == '\\') {
            ++at;
          } else if (c == '"') {
            state = State::plain;
          }
          break;
        case State::plain:
          if (c == '#' && (before == ' ' || before == '\t')) {
            state = State::comment;
          } else if ((c == '\'' || c == '"') &&
                     (before == ' ' || before == '[' || before == '{' || before == ',' ||
                      before == ':' || at == line_start)) {
            state = c == '\'' ? State::single_quoted : State::double_quoted;
          } else if (c == '[' || c == '{') {
            ++flow;
          } else if ((c == ']' || c == '}') && flow > 0) {
            --flow;
          } else if ((c == ':' && (at + 1 == text.size() || text[at + 1] == ' ' ||
                                   text[at + 1] == '\n' || text[at + 1] == '\r')) ||
                     (c == ',' && flow > 0)) {
            ++values;
          }
          break;
      }
      if (flow + block > k_lexical_depth_limit) {
        return report_too_deep(file, line, at - line_start + 1, diags);
      }
      if (values > limits::k_max_nodes) {
        diags.error(Location{file.name, line, static_cast<std::uint32_t>(at - line_start + 1)},
                    std::string(codes::too_large),
                    fmt::format("the document holds more than {} values",
                                format_integer(limits::k_max_nodes)));
        return false;
      }
    }
    ++at;
    ++line;
  }
  return true;
}

}  // namespace devo::load
