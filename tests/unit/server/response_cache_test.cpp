// server/response_cache.hpp: devo serve's answers kept for repeated
// requests — within a byte budget, the least recently used dropped first,
// each for its day only, and only for the routes whose answer depends on the
// request alone.

#include "server/response_cache.hpp"

#include "support/catch.hpp"

#include <memory>
#include <string>
#include <thread>
#include <vector>

using devo::server::answer_may_be_kept;
using devo::server::Request;
using devo::server::Response;
using devo::server::ResponseCache;

namespace {

constexpr const char* k_day = "2026-12-05";

Request evaluation_of(const std::string& authority) {
  return Request{"POST", "/v1/evaluate", "{\"authority\": \"" + authority + "\"}"};
}

std::shared_ptr<const Response> answer_of(std::size_t bytes, char fill = 'x') {
  return std::make_shared<const Response>(
      Response{200, "application/json", std::string(bytes, fill), {}});
}

// Whether an answer is kept for `request` on `day`.
bool kept(ResponseCache& cache, const Request& request, const char* day = k_day) {
  return cache.find(request, day) != nullptr;
}

}  // namespace

TEST_CASE("an answer kept is given back, the same bytes", "[server][cache]") {
  ResponseCache cache(1 << 20);
  const Request request = evaluation_of("Leeds");
  CHECK_FALSE(kept(cache, request));
  const Response answer{200, "application/json", std::string(1000, 'a'), {{"Allow", "POST"}}};
  cache.keep(request, k_day, std::make_shared<const Response>(answer));
  const auto found = cache.find(request, k_day);
  REQUIRE(found != nullptr);
  CHECK(found->status == 200);
  CHECK(found->content_type == "application/json");
  CHECK(found->body == answer.body);
  CHECK(found->headers == answer.headers);
  CHECK(cache.size() == 1);
}

TEST_CASE("method, target and body each tell requests apart", "[server][cache]") {
  ResponseCache cache(1 << 20);
  const Request request = evaluation_of("Leeds");
  cache.keep(request, k_day, answer_of(10));
  CHECK_FALSE(kept(cache, evaluation_of("Bradford")));
  CHECK_FALSE(kept(cache, Request{"POST", "/v1/validate", request.body}));
  CHECK_FALSE(kept(cache, Request{"PUT", "/v1/evaluate", request.body}));
  // A line break could not make one request's key another's.
  CHECK_FALSE(kept(cache, Request{"POST", "/v1/evaluate\n" + std::string(k_day), ""}));
  CHECK(kept(cache, request));
}

TEST_CASE("an answer is kept for its day only", "[server][cache]") {
  ResponseCache cache(1 << 20);
  // Without "as_of", today is the date of the evaluation: tomorrow's answer
  // may differ (a mayor in office for a month more, another rule set in force).
  const Request request = evaluation_of("Leeds");
  cache.keep(request, "2026-12-05", answer_of(10, 'a'));
  CHECK(kept(cache, request, "2026-12-05"));
  CHECK_FALSE(kept(cache, request, "2026-12-06"));
  cache.keep(request, "2026-12-06", answer_of(10, 'b'));
  CHECK(cache.find(request, "2026-12-06")->body == std::string(10, 'b'));
  CHECK(cache.find(request, "2026-12-05")->body == std::string(10, 'a'));
}

TEST_CASE("the budget holds, and the least recently used answer goes first", "[server][cache]") {
  // Room for three answers of 10,000 bytes with their keys and overhead, not four.
  ResponseCache cache(35'000);
  const Request a = evaluation_of("A");
  const Request b = evaluation_of("B");
  const Request c = evaluation_of("C");
  const Request d = evaluation_of("D");
  cache.keep(a, k_day, answer_of(10'000));
  cache.keep(b, k_day, answer_of(10'000));
  cache.keep(c, k_day, answer_of(10'000));
  CHECK(cache.size() == 3);
  CHECK(kept(cache, a));  // a is now the most recently used, b the least
  cache.keep(d, k_day, answer_of(10'000));
  CHECK(cache.size() == 3);
  CHECK(cache.bytes() <= 35'000);
  CHECK_FALSE(kept(cache, b));
  CHECK(kept(cache, a));
  CHECK(kept(cache, c));
  CHECK(kept(cache, d));
}

TEST_CASE("an answer larger than the budget is not kept, and a budget of 0 keeps none",
          "[server][cache]") {
  ResponseCache small(5'000);
  small.keep(evaluation_of("A"), k_day, answer_of(1'000));
  small.keep(evaluation_of("B"), k_day, answer_of(6'000));
  CHECK_FALSE(kept(small, evaluation_of("B")));
  CHECK(kept(small, evaluation_of("A")));  // nothing was dropped to make room in vain

  ResponseCache none(0);
  CHECK_FALSE(none.enabled());
  none.keep(evaluation_of("A"), k_day, answer_of(1));
  CHECK(none.size() == 0);
  CHECK(none.bytes() == 0);
}

TEST_CASE("answers are kept only for the routes that depend on the request alone",
          "[server][cache]") {
  CHECK(answer_may_be_kept(evaluation_of("Leeds")));
  CHECK(answer_may_be_kept(Request{"POST", "/v1/validate", "{}"}));
  CHECK(answer_may_be_kept(Request{"POST", "/v1/report.html", "{}"}));
  CHECK(answer_may_be_kept(Request{"POST", "/v1/diff", "{}"}));
  CHECK(answer_may_be_kept(Request{"GET", "/v1/map.svg?authority=Leeds", ""}));
  CHECK(answer_may_be_kept(Request{"POST", "/v1/map.svg", "{}"}));
  // A search that stops after a time may go further another time.
  CHECK_FALSE(answer_may_be_kept(Request{"POST", "/v1/suggest", "{}"}));
  CHECK_FALSE(answer_may_be_kept(Request{"GET", "/v1/evaluate", ""}));
  CHECK_FALSE(answer_may_be_kept(Request{"GET", "/healthz", ""}));
}

TEST_CASE("threads may keep and find answers at once", "[server][cache]") {
  ResponseCache cache(200'000);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 2'000; ++i) {
        const Request request = evaluation_of(std::to_string((i * 7 + t) % 300));
        if (cache.find(request, k_day) == nullptr) {
          cache.keep(request, k_day, answer_of(1'000));
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  CHECK(cache.bytes() <= 200'000);
  CHECK(cache.size() > 0);
}
