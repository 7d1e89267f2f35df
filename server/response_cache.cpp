#include "response_cache.hpp"

#include <devo/value.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace devo::server {
namespace {

// What an entry costs beyond its key and answer: the list's and the index's
// nodes, the answer's struct and its shared count.
constexpr std::size_t k_entry_overhead = 256;

// The routes answer_may_be_kept() admits, by method and path as sent.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> k_kept_routes = {{
    {"POST", "/v1/evaluate"},
    {"POST", "/v1/validate"},
    {"POST", "/v1/report.html"},
    {"POST", "/v1/map.svg"},
    {"POST", "/v1/diff"},
    {"GET", "/v1/map.svg"},
}};

// Method, target, day and body: a line break ends each of the first three,
// none of which can hold one, so that no two requests share a key.
std::string key_of(const Request& request, std::string_view day) {
  std::string key;
  key.reserve(request.method.size() + request.target.size() + day.size() + request.body.size() + 3);
  key.append(request.method).append(1, '\n');
  key.append(request.target).append(1, '\n');
  key.append(day).append(1, '\n');
  key.append(request.body);
  return key;
}

// The memory an answer takes: what its strings hold room for, which may be
// more than their text.
std::size_t size_of(const Response& response) {
  std::size_t bytes = response.content_type.capacity() + response.body.capacity();
  for (const auto& [name, value] : response.headers) {
    bytes += name.capacity() + value.capacity();
  }
  return bytes;
}

}  // namespace

bool answer_may_be_kept(const Request& request) {
  const std::string_view target = request.target;
  const std::string_view path = target.substr(0, target.find('?'));
  return std::any_of(k_kept_routes.begin(), k_kept_routes.end(), [&](const auto& route) {
    return route.first == request.method && route.second == path;
  });
}

ResponseCache::ResponseCache(std::size_t budget_bytes) : m_budget(budget_bytes) {}

std::shared_ptr<const Response> ResponseCache::find(const Request& request, std::string_view day) {
  const std::string key = key_of(request, day);
  std::lock_guard lock(m_mutex);
  const auto found = m_index.find(key);
  if (found == m_index.end()) {
    return nullptr;
  }
  m_entries.splice(m_entries.begin(), m_entries, found->second);
  return found->second->response;
}

void ResponseCache::keep(const Request& request, std::string_view day,
                         std::shared_ptr<const Response> response) {
  std::string key = key_of(request, day);
  const std::size_t bytes = key.capacity() + size_of(*response) + k_entry_overhead;
  if (bytes > m_budget) {
    return;
  }
  std::lock_guard lock(m_mutex);
  if (m_index.contains(key)) {
    return;  // another thread answered the same request meanwhile
  }
  m_entries.push_front(Entry{std::move(key), std::move(response), bytes});
  m_index.emplace(m_entries.front().key, m_entries.begin());
  m_bytes += bytes;
  while (m_bytes > m_budget) {
    drop_least_recent();
  }
}

void ResponseCache::drop_least_recent() {
  const Entry& last = m_entries.back();
  m_bytes -= last.bytes;
  m_index.erase(last.key);
  m_entries.pop_back();
}

std::size_t ResponseCache::size() const {
  std::lock_guard lock(m_mutex);
  return m_entries.size();
}

std::size_t ResponseCache::bytes() const {
  std::lock_guard lock(m_mutex);
  return m_bytes;
}

std::shared_ptr<const Response> handle_through(const Routes& routes, ResponseCache& cache,
                                               const Request& request) {
  if (!cache.enabled() || !answer_may_be_kept(request)) {
    return std::make_shared<const Response>(routes.handle(request));
  }
  const std::string day = Date::today().to_string();
  if (auto kept = cache.find(request, day)) {
    return kept;
  }
  Response answer = routes.handle(request);
  if (answer.status != 200) {
    return std::make_shared<const Response>(std::move(answer));
  }
  // A renderer reserves room for a large answer at once; a kept answer
  // holds only its own bytes, or the budget would count half of what it took.
  answer.body.shrink_to_fit();
  auto response = std::make_shared<const Response>(std::move(answer));
  cache.keep(request, day, response);
  return response;
}

}  // namespace devo::server
