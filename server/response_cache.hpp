#pragma once

// A bounded cache of devo serve's answers. Most of the time an answer takes
// is evaluating and rendering, and many clients ask the same questions (an
// authority's evaluation, its map), so an answer already given is given
// again from memory — the same bytes, since the same request on the same day
// gets the same answer (docs/ARCHITECTURE.md: the date is an input).
//
// Only successful answers are kept, and only of the routes whose answer
// depends on the request alone (answer_may_be_kept). A request without
// "as_of" is evaluated as of today, so the day is part of every key: an
// answer is never given on a later day than it was made. The kept answers
// take at most a budget of bytes; past it, the least recently used go.

#include "routes.hpp"

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace devo::server {

// Whether the answer to `request` depends on nothing but the request and the
// date, with the data and rule sets loaded at start: evaluations,
// validations, printable reports, diffs and maps. Not a suggestion, whose
// search stops after a time and so may go further on an idle machine; nor
// what is cheaper to answer than to look up.
bool answer_may_be_kept(const Request& request);

class ResponseCache {
 public:
  // At most `budget_bytes` of requests and answers are kept (each counted as
  // its key, its answer and a fixed overhead); 0 keeps nothing.
  explicit ResponseCache(std::size_t budget_bytes);

  // The answer kept for `request` on `day` ("2026-12-05"), which is then
  // the most recently used; null if none is kept.
  std::shared_ptr<const Response> find(const Request& request, std::string_view day);

  // Keeps `response`, the answer to `request` on `day`, as the most recently
  // used; drops the least recently used until the budget holds. An answer
  // larger than the whole budget is not kept.
  void keep(const Request& request, std::string_view day, std::shared_ptr<const Response> response);

  bool enabled() const { return m_budget > 0; }
  std::size_t size() const;
  std::size_t bytes() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const Response> response;
    std::size_t bytes = 0;
  };

  void drop_least_recent();

  const std::size_t m_budget;
  mutable std::mutex m_mutex;
  // Most recently used first.
  std::list<Entry> m_entries;
  // Views of the entries' keys, which stay where they are in the list.
  std::unordered_map<std::string_view, std::list<Entry>::iterator> m_index;
  std::size_t m_bytes = 0;
};

// `routes.handle(request)`, with an answer that may be kept taken from
// `cache` when it is there and put into it when it is new. The day is
// today's, in UTC, as for a request without "as_of". Shared, not copied: an
// answer from the cache is sent from where it is kept.
std::shared_ptr<const Response> handle_through(const Routes& routes, ResponseCache& cache,
                                               const Request& request);

}  // namespace devo::server
