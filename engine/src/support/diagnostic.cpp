#include <devo/codes.hpp>
#include <devo/diagnostic.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace devo {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

std::string to_string(const Location& where) {
  return where.line == 0 ? where.file
                         : fmt::format("{}:{}:{}", where.file, where.line, where.column);
}

Diagnostic& Diagnostic::note(Location where, std::string text) {
  notes.push_back(Diagnostic{Severity::note, {}, std::move(text), std::move(where), {}});
  return *this;
}

Diagnostic& Diagnostics::error(Location where, std::string code, std::string message) {
  ++m_error_count;
  return add(Severity::error, std::move(where), std::move(code), std::move(message));
}

Diagnostic& Diagnostics::warning(Location where, std::string code, std::string message) {
  ++m_warning_count;
  return add(Severity::warning, std::move(where), std::move(code), std::move(message));
}

void Diagnostics::report(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::error) {
    ++m_error_count;
  } else if (diagnostic.severity == Severity::warning) {
    ++m_warning_count;
  }
  m_items.push_back(std::move(diagnostic));
}

Diagnostic& Diagnostics::add(Severity severity, Location where, std::string code,
                             std::string message) {
  m_items.push_back(
      Diagnostic{severity, std::move(code), std::move(message), std::move(where), {}});
  return m_items.back();
}

void Diagnostics::add_source(const std::string& file, std::shared_ptr<const std::string> text) {
  m_sources.insert_or_assign(file, std::move(text));
}

const std::string* Diagnostics::source_text(const std::string& file) const {
  auto it = m_sources.find(file);
  return it == m_sources.end() ? nullptr : it->second.get();
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> items = m_items;
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location, a.severity, a.message, a.code) <
           std::tie(b.location, b.severity, b.message, b.code);
  });
  // Keeping the first errors in file order, not the first found, gives a stable
  // cut whatever order the stages ran in.
  if (m_max_errors == 0 || m_error_count <= m_max_errors) {
    return items;
  }
  std::vector<Diagnostic> kept;
  std::size_t errors = 0;
  for (Diagnostic& item : items) {
    if (item.severity == Severity::error && ++errors > m_max_errors) {
      continue;
    }
    kept.push_back(std::move(item));
  }
  kept.push_back(Diagnostic{Severity::error,
                            std::string(codes::too_many_errors),
                            fmt::format("{} more errors not shown (the limit is {})",
                                        m_error_count - m_max_errors, m_max_errors),
                            Location{},
                            {}});
  return kept;
}

}  // namespace devo
