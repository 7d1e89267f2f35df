#pragma once

// The HTTP API of `devo serve` as a plain function from a request to a
// response, with no sockets: routing, decoding the query or JSON body into a
// use case's request, calling the use case in <devo/app.hpp>, and rendering
// its result with the same renderer the command line uses (docs/server.md).

#include <devo/app.hpp>

#include <string>
#include <utility>
#include <vector>

namespace devo::server {

struct Request {
  std::string method;
  // The path and query, as sent: "/v1/map.svg?authority=Leeds".
  std::string target;
  std::string body;
};

struct Response {
  unsigned status = 200;
  std::string content_type;
  std::string body;
  // Extra headers: Allow on a 405.
  std::vector<std::pair<std::string, std::string>> headers;
};

// What the server was started to answer with.
struct Served {
  // A directory of England data tables; empty: the built-in data.
  std::string data;
  // Whether a request may send a rule file ("ruleset"): --allow-rule-upload.
  bool allow_rule_upload = false;
};

// Answers requests for the data `served` names; app::keep_loaded() has
// loaded it and the rule sets. Immutable: call from any thread.
class Routes {
 public:
  explicit Routes(Served served);

  Response handle(const Request& request) const;

 private:
  Served m_served;
};

}  // namespace devo::server
