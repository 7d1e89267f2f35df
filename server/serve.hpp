#pragma once

// `devo serve`: the HTTP API (routes.hpp) on a socket. Boost.Beast stays in
// serve.cpp: this header names no type of it.

#include <devo/diagnostic.hpp>

#include <cstddef>
#include <string>

namespace devo::server {

struct ServeOptions {
  // host:port; port 0 takes a free one (the line on standard error says which).
  std::string listen = "127.0.0.1:8080";
  // A directory of England data tables; empty: the data built into devo.
  std::string data;
  // Threads answering requests; 0: one per core.
  std::size_t threads = 0;
  // Connections served at once; more are answered 503 and closed.
  std::size_t max_connections = 256;
  // A body larger than this is answered 413.
  std::size_t max_body_bytes = 1 << 20;
  // A client that sends nothing for this long is disconnected.
  double idle_seconds = 30;
  // Whether a request may send a rule file to evaluate with ("ruleset"),
  // loaded with the loader's limits and extending only built-in rule sets.
  bool allow_rule_upload = false;
  // The most the answers kept for repeated requests may take
  // (response_cache.hpp); 0 keeps none.
  std::size_t cache_bytes = std::size_t{64} << 20;
  // The one origin whose pages may call the API from a browser (cors.hpp);
  // empty: none, and no CORS header is sent.
  std::string cors_origin;
};

// Loads the data and the rule sets once, listens, and answers until SIGTERM
// or SIGINT, after which it finishes the requests in flight and returns 0.
// Writes a line when it is listening, and one JSON line per request (method,
// path, status, milliseconds), to standard error. Problems before it
// listens (the data, the address) go to `diags`, and it returns 2.
int serve(const ServeOptions& options, Diagnostics& diags);

}  // namespace devo::server
