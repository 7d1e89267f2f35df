#include "report/json_writer.hpp"

#include "report/json_values.hpp"

#include <fmt/format.h>

#include <cstring>

namespace devo::report {
namespace {

bool in_range(unsigned byte, unsigned low, unsigned high) {
  return byte >= low && byte <= high;
}

// The length of the well-formed UTF-8 sequence of two or more bytes at the
// start of `text` (Unicode's table 3-7: no overlong forms, no surrogates,
// nothing beyond U+10FFFF), or 0 when there is none.
std::size_t multibyte_length(std::string_view text) {
  const auto byte = [&](std::size_t i) -> unsigned {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0U;
  };
  const unsigned lead = byte(0);
  const auto continued = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      if (!in_range(byte(i), 0x80, 0xBF)) {
        return false;
      }
    }
    return true;
  };
  if (in_range(lead, 0xC2, 0xDF)) {
    return continued(1, 2) ? 2 : 0;
  }
  if (in_range(lead, 0xE0, 0xEF)) {
    const unsigned low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned high = lead == 0xED ? 0x9F : 0xBF;
    return in_range(byte(1), low, high) && continued(2, 3) ? 3 : 0;
  }
  if (in_range(lead, 0xF0, 0xF4)) {
    const unsigned low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned high = lead == 0xF4 ? 0x8F : 0xBF;
    return in_range(byte(1), low, high) && continued(2, 4) ? 4 : 0;
  }
  return 0;
}

// Whether any of eight bytes is other than plain ASCII that JSON keeps as it
// is: a control character, a quote, a backslash, or part of a longer UTF-8
// sequence. Eight at a time, because checking every byte of an evaluation's
// text one by one was a tenth of the time a web request took.
bool any_special(std::uint64_t word) {
  constexpr std::uint64_t ones = 0x0101010101010101;
  constexpr std::uint64_t highs = 0x8080808080808080;
  // The high bit of a byte that was zero: exact for "is there one".
  const auto has_zero = [&](std::uint64_t bytes) { return ((bytes - ones) & ~bytes & highs) != 0; };
  const bool control = ((word - ones * 0x20) & ~word & highs) != 0;
  return (word & highs) != 0 || control || has_zero(word ^ (ones * std::uint64_t{'"'})) ||
         has_zero(word ^ (ones * std::uint64_t{'\\'}));
}

// Whether nlohmann would write `text` between its quotes as it is: UTF-8
// that is well formed, with no quote, backslash or control character, which
// JSON escapes. Nearly every string devo writes is such.
bool written_as_is(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (std::uint64_t word = 0; i + sizeof word <= text.size()) {
      std::memcpy(&word, text.data() + i, sizeof word);
      if (!any_special(word)) {
        i += sizeof word;
        continue;
      }
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte < 0x20 || byte == '"' || byte == '\\') {
        return false;
      }
      ++i;
      continue;
    }
    const std::size_t length = multibyte_length(text.substr(i));
    if (length == 0) {
      return false;
    }
    i += length;
  }
  return true;
}

}  // namespace

JsonWriter::JsonWriter(std::size_t expected_bytes) {
  m_text.reserve(expected_bytes);
}

void JsonWriter::indent(std::size_t depth) {
  m_text.append(2 * depth, ' ');
}

void JsonWriter::next_item() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_filled.empty()) {
    return;
  }
  m_text += m_filled.back() ? ",\n" : "\n";
  m_filled.back() = true;
  indent(m_filled.size());
}

JsonWriter& JsonWriter::open(char bracket) {
  next_item();
  m_text += bracket;
  m_filled.push_back(false);
  return *this;
}

// An empty container closes on the line it opened ("[]"), as nlohmann writes it.
JsonWriter& JsonWriter::close(char bracket) {
  const bool filled = m_filled.back();
  m_filled.pop_back();
  if (filled) {
    m_text += '\n';
    indent(m_filled.size());
  }
  m_text += bracket;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  string(name);
  m_text += ": ";
  m_after_key = true;
  return *this;
}

// Anything JSON escapes, or that is not UTF-8, is written by nlohmann itself,
// with dump_json()'s replacement of bytes that are not UTF-8, so that the
// bytes stay exactly those of the tree.
JsonWriter& JsonWriter::string(std::string_view text) {
  next_item();
  if (written_as_is(text)) {
    m_text += '"';
    m_text += text;
    m_text += '"';
  } else {
    m_text += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t number) {
  next_item();
  fmt::format_to(std::back_inserter(m_text), "{}", number);
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
  next_item();
  m_text += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  next_item();
  m_text += "null";
  return *this;
}

JsonWriter& JsonWriter::string_or_null(std::string_view text) {
  return text.empty() ? null() : string(text);
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& texts) {
  begin_array();
  for (const std::string& text : texts) {
    string(text);
  }
  return end_array();
}

JsonWriter& JsonWriter::optional_string(std::string_view name, std::string_view text) {
  return text.empty() ? *this : key(name).string(text);
}

JsonWriter& JsonWriter::optional_strings(std::string_view name,
                                         const std::vector<std::string>& texts) {
  return texts.empty() ? *this : key(name).strings(texts);
}

std::string JsonWriter::finish() && {
  m_text += '\n';
  return std::move(m_text);
}

}  // namespace devo::report
