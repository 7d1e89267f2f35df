#include "cors.hpp"

#include <utility>

namespace devo::server {
namespace {

// How long a browser may reuse a preflight's answer before asking again:
// an hour (browsers cap it lower or higher; Chromium at two hours).
constexpr std::string_view k_max_age_seconds = "3600";

}  // namespace

bool is_origin(std::string_view origin) {
  std::string_view host;
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (origin.starts_with(scheme)) {
      host = origin.substr(scheme.size());
    }
  }
  return !host.empty() && host.find_first_of("/?#@ \t\r\n") == std::string_view::npos &&
         host.front() != ':';
}

Cors::Cors(std::string allowed) : m_allowed(std::move(allowed)) {}

std::optional<Response> Cors::preflight(std::string_view method, std::string_view target) const {
  if (m_allowed.empty() || method != "OPTIONS" || !target.starts_with("/v1/")) {
    return std::nullopt;
  }
  return Response{204,
                  {},
                  {},
                  {{"Access-Control-Allow-Methods", "GET, POST"},
                   {"Access-Control-Allow-Headers", "Content-Type"},
                   {"Access-Control-Max-Age", std::string(k_max_age_seconds)}}};
}

// Vary: Origin on every answer, not only the allowed origin's: the answer to
// the same request differs by origin, and a cache between must know it.
void Cors::allow(std::string_view origin,
                 std::vector<std::pair<std::string, std::string>>& headers) const {
  if (m_allowed.empty()) {
    return;
  }
  headers.emplace_back("Vary", "Origin");
  if (origin == m_allowed) {
    headers.emplace_back("Access-Control-Allow-Origin", m_allowed);
  }
}

}  // namespace devo::server
