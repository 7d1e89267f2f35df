#pragma once

// Cross-origin requests (CORS), for a web page served from another origin
// that calls the API from the browser. Off unless `devo serve --cors ORIGIN`
// names the one origin allowed: then its requests' answers say it is allowed,
// and browsers' preflight requests to the API are answered. Any other origin
// is told nothing, so the browser keeps the answer from its page.

#include "routes.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace devo::server {

// Whether `origin` is one a browser sends: http:// or https://, a host and
// perhaps a port, nothing after ("https://example.org", not
// "https://example.org/"); only such can ever equal an Origin header.
bool is_origin(std::string_view origin);

class Cors {
 public:
  // `allowed`: the origin allowed; empty, none (no CORS header is ever sent).
  explicit Cors(std::string allowed);

  // A preflight request (OPTIONS to a path under /v1/) answered 204 with the
  // methods and headers allowed and how long a browser may remember them
  // (allow() then says for which origin); nullopt for any other request, or
  // when no origin is allowed.
  std::optional<Response> preflight(std::string_view method, std::string_view target) const;

  // Adds to an answer's `headers` what a browser needs to hand it to a page
  // from the allowed origin, when `origin` (the request's Origin header) is
  // that one.
  void allow(std::string_view origin,
             std::vector<std::pair<std::string, std::string>>& headers) const;

 private:
  std::string m_allowed;
};

}  // namespace devo::server
