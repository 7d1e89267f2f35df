// The one text escaper every text, Markdown and HTML rendering passes through
// (report.hpp: printable()): names and messages come from users' files and the
// command line, and a control character in them must not reach a terminal,
// where it could retitle the window, clear the screen or hide text.

#include "report/report_common.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <optional>

namespace devo {
namespace {

// A UTF-8 sequence decoded: its code point and length, or nothing when the
// bytes at `text`'s start are not one (a stray byte, an overlong form, a
// surrogate, a cut-off sequence).
struct Decoded {
  char32_t code_point;
  std::size_t length;
};

std::optional<Decoded> decode_utf8(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  char32_t code_point = 0;
  char32_t smallest = 0;
  if (lead < 0x80) {
    return Decoded{lead, 1};
  }
  if ((lead & 0xE0) == 0xC0) {
    length = 2, code_point = lead & 0x1F, smallest = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code_point = lead & 0x0F, smallest = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code_point = lead & 0x07, smallest = 0x10000;
  } else {
    return std::nullopt;
  }
  if (text.size() < length) {
    return std::nullopt;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) {
      return std::nullopt;
    }
    code_point = (code_point << 6) | (byte(i) & 0x3F);
  }
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < smallest || code_point > 0x10FFFF || surrogate) {
    return std::nullopt;
  }
  return Decoded{code_point, length};
}

// Code points that print nothing yet change what is shown: controls (C0, DEL,
// C1), the line and paragraph separators, the invisible format characters
// that reorder or hide text (bidirectional overrides and isolates, zero-width
// characters, the byte order mark) and the noncharacters.
bool is_non_printing(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
    return c != '\n' && c != '\t';
  }
  constexpr std::array<std::pair<char32_t, char32_t>, 9> k_invisible{{
      {0x061C, 0x061C},    // Arabic letter mark
      {0x180E, 0x180E},    // Mongolian vowel separator
      {0x200B, 0x200F},    // zero-width space, joiners, directional marks
      {0x2028, 0x202E},    // line and paragraph separators, bidirectional embeddings
      {0x2060, 0x206F},    // word joiner, invisible operators, isolates
      {0xFDD0, 0xFDEF},    // noncharacters
      {0xFEFF, 0xFEFF},    // byte order mark
      {0xFFF9, 0xFFFB},    // interlinear annotation
      {0xE0001, 0xE007F},  // tags
  }};
  for (const auto& [first, last] : k_invisible) {
    if (c >= first && c <= last) {
      return true;
    }
  }
  return (c & 0xFFFE) == 0xFFFE;  // U+FFFE, U+FFFF and their kin in every plane
}

// "\x1B" for a byte, "\u{202E}" for a code point beyond ASCII: visible, and
// plainly not what the file meant to show.
std::string escaped(char32_t code_point) {
  return code_point < 0x80 ? fmt::format("\\x{:02X}", static_cast<unsigned>(code_point))
                           : fmt::format("\\u{{{:04X}}}", static_cast<unsigned>(code_point));
}

}  // namespace

namespace report {

std::string newlines_as_lf(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace report

std::string printable(std::string_view text, const TextStyle& style) {
  std::string result;
  result.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::string_view rest = text.substr(i);
    if (style.colour) {
      if (const std::size_t colour = report::paint_code_length(rest); colour > 0) {
        result.append(rest.substr(0, colour));
        i += colour;
        continue;
      }
    }
    const auto decoded = decode_utf8(rest);
    if (!decoded) {
      result += fmt::format("\\x{:02X}", static_cast<unsigned char>(rest[0]));
      ++i;
      continue;
    }
    if (is_non_printing(decoded->code_point)) {
      result += escaped(decoded->code_point);
    } else {
      result.append(rest.substr(0, decoded->length));
    }
    i += decoded->length;
  }
  return result;
}

}  // namespace devo
