#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace devo {

// A place in a rule or input file, as people count: lines and columns start at
// 1. A zero line means "this file as a whole" (it could not be read, say).
struct Location {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  friend auto operator<=>(const Location&, const Location&) = default;
};

// "file:line:col", or the file alone for a file as a whole (line 0).
std::string to_string(const Location& where);

enum class Severity { error, warning, note };

std::string_view to_string(Severity severity);

// One finding about a user's file. `code` is stable and documented
// (docs/diagnostics.md); tools and tests match on it, people read `message`.
struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;
  std::string message;
  Location location;
  std::vector<Diagnostic> notes;

  // Attaches a note ("first defined here") and returns *this for chaining.
  Diagnostic& note(Location where, std::string message);
};

// Collects findings so that one run reports all of them, not just the first.
// It also keeps the text of every file it was told about, so that a report can
// quote the offending line.
class Diagnostics {
 public:
  explicit Diagnostics(std::size_t max_errors = 100) : m_max_errors(max_errors) {}

  Diagnostic& error(Location where, std::string code, std::string message);
  Diagnostic& warning(Location where, std::string code, std::string message);
  // Adds a diagnostic made elsewhere (a finding about a proposal, say).
  void report(Diagnostic diagnostic);

  // Makes `text` available for quoting lines of `file` in reports.
  void add_source(const std::string& file, std::shared_ptr<const std::string> text);
  // The text of `file`, or null when it was never added.
  const std::string* source_text(const std::string& file) const;

  bool has_errors() const { return m_error_count > 0; }
  std::size_t error_count() const { return m_error_count; }
  std::size_t warning_count() const { return m_warning_count; }
  bool empty() const { return m_items.empty(); }
  // The most errors reported before the rest are dropped.
  std::size_t max_errors() const { return m_max_errors; }

  // Ordered by file, line, column, severity, then text, so output is stable.
  // When more than `max_errors` errors were reported, the rest are dropped and
  // a final `too-many-errors` diagnostic says how many.
  std::vector<Diagnostic> sorted() const;

 private:
  Diagnostic& add(Severity severity, Location where, std::string code, std::string message);

  std::vector<Diagnostic> m_items;
  std::map<std::string, std::shared_ptr<const std::string>, std::less<>> m_sources;
  std::size_t m_max_errors;
  std::size_t m_error_count = 0;
  std::size_t m_warning_count = 0;
};

}  // namespace devo
