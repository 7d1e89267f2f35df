#include "load/long_runs.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace devo::load {
namespace {

constexpr std::size_t k_min_run = 256;
constexpr std::string_view k_open = "\xEE\x80\x80";   // U+E000
constexpr std::string_view k_close = "\xEE\x80\x81";  // U+E001

bool is_alphanumeric(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Punctuation with no meaning inside a scalar, a key or a comment.
bool is_inert_mark(unsigned char c) {
  return std::string_view("-._/+=()~$^;<>@").find(static_cast<char>(c)) != std::string_view::npos;
}

// The length of the UTF-8 sequence at `at` if it is one the parser treats as
// an ordinary character (not a line or paragraph separator, NEL or a
// byte-order mark), else 0. The text's encoding is checked already.
std::size_t inert_sequence(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || at + length > text.size()) {
    return 0;
  }
  const std::string_view sequence = text.substr(at, length);
  for (std::string_view special : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"}) {
    if (sequence == special) {
      return 0;
    }
  }
  return length;
}

// The bytes a run may start with at `at`: 1 for a letter or digit, a
// sequence's length for an ordinary non-ASCII character, else 0.
std::size_t run_start(std::string_view text, std::size_t at) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) {
    return is_alphanumeric(c) ? 1 : 0;
  }
  return inert_sequence(text, at);
}

// The bytes a run may go on with at `at`: a start, an inert mark, or one
// space before another character of the run.
std::size_t run_part(std::string_view text, std::size_t at) {
  if (const std::size_t start = run_start(text, at)) {
    return start;
  }
  const auto c = static_cast<unsigned char>(text[at]);
  if (is_inert_mark(c)) {
    return 1;
  }
  if (c == ' ' && at + 1 < text.size() &&
      (run_start(text, at + 1) > 0 || is_inert_mark(static_cast<unsigned char>(text[at + 1])))) {
    return 1;
  }
  return 0;
}

// The end of the run that starts at `at`.
std::size_t run_end(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    const std::size_t part = run_part(text, at);
    if (part == 0) {
      break;
    }
    at += part;
  }
  return at;
}

bool opens_a_name(char before) {
  return std::string_view("&*!%\\").find(before) != std::string_view::npos;
}

}  // namespace

ElidedText::ElidedText(std::string_view text) {
  if (text.find(k_open) != std::string_view::npos || text.find(k_close) != std::string_view::npos) {
    m_text = std::string(text);
    return;
  }
  m_text.reserve(text.size());
  std::unordered_map<std::string_view, std::size_t> index_of;
  std::uint32_t line = 1;
  std::size_t line_start = 0;  // in m_text
  std::size_t at = 0;
  while (at < text.size()) {
    const char c = text[at];
    if (run_start(text, at) == 0) {
      m_text += c;
      ++at;
      if (c == '\n') {
        ++line;
        line_start = m_text.size();
      }
      continue;
    }
    const std::size_t end = run_end(text, at);
    if (at > 0 && opens_a_name(text[at - 1])) {
      // A name (anchor, alias, tag) or an escape: kept whole, even its tail.
      m_text.append(text, at, end - at);
      at = end;
      continue;
    }
    const std::string_view run = text.substr(at, end - at);
    if (run.size() < k_min_run) {
      m_text += run;
    } else {
      const auto [found, added] = index_of.emplace(run, m_runs.size());
      if (added) {
        m_runs.emplace_back(run);
      }
      const std::string placeholder =
          std::string(k_open) + std::to_string(found->second) + std::string(k_close);
      m_cuts.push_back(Cut{line, static_cast<std::uint32_t>(m_text.size() - line_start + 1),
                           run.size() - placeholder.size()});
      m_text += placeholder;
    }
    at = end;
  }
}

std::string ElidedText::restore(const std::string& value) const {
  if (m_runs.empty() || value.find(k_open) == std::string::npos) {
    return value;
  }
  std::string restored;
  std::size_t at = 0;
  for (;;) {
    const std::size_t open = value.find(k_open, at);
    const std::size_t close =
        open == std::string::npos ? std::string::npos : value.find(k_close, open);
    std::size_t index = m_runs.size();
    if (close != std::string::npos) {
      std::from_chars(value.data() + open + k_open.size(), value.data() + close, index);
    }
    if (index >= m_runs.size()) {
      restored.append(value, at, std::string::npos);
      return restored;
    }
    restored.append(value, at, open - at);
    restored += m_runs[index];
    at = close + k_close.size();
  }
}

std::uint32_t ElidedText::original_column(std::uint32_t line, std::uint32_t column) const {
  auto cut = std::lower_bound(m_cuts.begin(), m_cuts.end(), line,
                              [](const Cut& c, std::uint32_t l) { return c.line < l; });
  std::size_t original = column;
  for (; cut != m_cuts.end() && cut->line == line && cut->column < column; ++cut) {
    original += cut->removed;
  }
  return static_cast<std::uint32_t>(original);
}

}  // namespace devo::load
