// The search over connected groupings (geography/groupings, behind
// Geography::count_groupings and devo suggest), checked against a brute-force
// enumeration of connected subsets, on small graphs whose counts are known and
// on real neighbourhoods of England's districts; and the facts of a grouping,
// which must not depend on whether the notes in words are asked for.

#include "geography/groupings.hpp"

#include "support/catch.hpp"

#include <devo/geography.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using devo::geography::Adjacency;
using Grouping = std::vector<std::uint32_t>;

const devo::Geography& england() {
  static const devo::Geography k_england = [] {
    devo::Diagnostics diags;
    auto geography = devo::Geography::load_builtin(diags);
    REQUIRE(geography.has_value());
    return *geography;
  }();
  return k_england;
}

// England's district graph, built from the public API alone: codes, their
// indexes and each district's neighbours.
struct DistrictGraph {
  std::vector<std::string> codes;
  std::map<std::string, std::uint32_t> index;
  Adjacency adjacency;
};

const DistrictGraph& district_graph() {
  static const DistrictGraph k_graph = [] {
    DistrictGraph graph;
    graph.codes = england().district_codes();
    for (std::uint32_t i = 0; i < graph.codes.size(); ++i) {
      graph.index.emplace(graph.codes[i], i);
    }
    graph.adjacency.resize(graph.codes.size());
    for (std::uint32_t i = 0; i < graph.codes.size(); ++i) {
      for (const std::string& neighbour : england().neighbours(graph.codes[i])) {
        graph.adjacency[i].push_back(graph.index.at(neighbour));
      }
    }
    return graph;
  }();
  return k_graph;
}

std::uint32_t district(const std::string& code) {
  INFO(code);
  REQUIRE(district_graph().index.contains(code));
  return district_graph().index.at(code);
}

// Whether `members` form one connected piece of `graph`.
bool connected(const Adjacency& graph, const Grouping& members) {
  if (members.empty()) {
    return false;
  }
  const std::set<std::uint32_t> in_set(members.begin(), members.end());
  std::set<std::uint32_t> reached{members.front()};
  std::vector<std::uint32_t> stack{members.front()};
  while (!stack.empty()) {
    const std::uint32_t place = stack.back();
    stack.pop_back();
    for (std::uint32_t next : graph[place]) {
      if (in_set.contains(next) && reached.insert(next).second) {
        stack.push_back(next);
      }
    }
  }
  return reached.size() == in_set.size();
}

// The places within `hops` steps of the seed: no connected grouping of the
// seed and `hops` more places reaches further.
std::vector<std::uint32_t> ball(const Adjacency& graph, const Grouping& seed, std::size_t hops) {
  std::set<std::uint32_t> reached(seed.begin(), seed.end());
  std::vector<std::uint32_t> frontier(seed.begin(), seed.end());
  for (std::size_t step = 0; step < hops; ++step) {
    std::vector<std::uint32_t> next;
    for (std::uint32_t place : frontier) {
      for (std::uint32_t neighbour : graph[place]) {
        if (reached.insert(neighbour).second) {
          next.push_back(neighbour);
        }
      }
    }
    frontier = std::move(next);
  }
  std::vector<std::uint32_t> result;
  for (std::uint32_t place : reached) {
    if (std::find(seed.begin(), seed.end(), place) == seed.end()) {
      result.push_back(place);
    }
  }
  return result;
}

// Every connected grouping of the seed and at most `max_added` allowed places,
// sorted: every subset of the neighbourhood, kept when it is connected.
std::set<Grouping> brute_force(const Adjacency& graph, const Grouping& seed, std::size_t max_added,
                               const std::vector<bool>& allowed) {
  std::vector<std::uint32_t> candidates;
  for (std::uint32_t place : ball(graph, seed, max_added)) {
    if (allowed[place]) {
      candidates.push_back(place);
    }
  }
  std::set<Grouping> result;
  Grouping chosen;
  // Subsets in increasing index order, each once.
  const auto choose = [&](const auto& self, std::size_t from) -> void {
    Grouping members(seed.begin(), seed.end());
    members.insert(members.end(), chosen.begin(), chosen.end());
    if (connected(graph, members)) {
      std::sort(members.begin(), members.end());
      result.insert(members);
    }
    if (chosen.size() == max_added) {
      return;
    }
    for (std::size_t i = from; i < candidates.size(); ++i) {
      chosen.push_back(candidates[i]);
      self(self, i + 1);
      chosen.pop_back();
    }
  };
  choose(choose, 0);
  return result;
}

struct Search {
  std::vector<Grouping> visited;  // as given, the seed first
  std::set<Grouping> sorted;
  std::size_t repeats = 0;
  bool ran_to_end = false;
};

Search search(const Adjacency& graph, const Grouping& seed, std::size_t max_added,
              const std::vector<bool>& allowed) {
  Search result;
  result.ran_to_end = devo::geography::for_each_grouping(
      graph, seed, max_added, allowed, [&](std::span<const std::uint32_t> members) {
        result.visited.emplace_back(members.begin(), members.end());
        Grouping sorted(members.begin(), members.end());
        std::sort(sorted.begin(), sorted.end());
        if (!result.sorted.insert(sorted).second) {
          ++result.repeats;
        }
        return true;
      });
  return result;
}

// The search's groupings are the brute force's, each once, each connected,
// each the seed first and no more than `max_added` places added; the first is
// the seed alone.
void check_against_brute_force(const Adjacency& graph, const Grouping& seed, std::size_t max_added,
                               const std::vector<bool>& allowed) {
  const Search found = search(graph, seed, max_added, allowed);
  CHECK(found.ran_to_end);
  CHECK(found.repeats == 0);
  REQUIRE_FALSE(found.visited.empty());
  CHECK(found.visited.front() == seed);
  for (const Grouping& members : found.visited) {
    CHECK(members.size() <= seed.size() + max_added);
    CHECK(std::equal(seed.begin(), seed.end(), members.begin()));
    CHECK(connected(graph, members));
    for (std::size_t i = seed.size(); i < members.size(); ++i) {
      CHECK(allowed[members[i]]);
    }
  }
  const std::set<Grouping> expected = brute_force(graph, seed, max_added, allowed);
  CHECK(found.sorted.size() == expected.size());
  CHECK(found.sorted == expected);
}

Adjacency path(std::uint32_t size) {
  Adjacency graph(size);
  for (std::uint32_t i = 0; i + 1 < size; ++i) {
    graph[i].push_back(i + 1);
    graph[i + 1].push_back(i);
  }
  return graph;
}

Adjacency complete(std::uint32_t size) {
  Adjacency graph(size);
  for (std::uint32_t i = 0; i < size; ++i) {
    for (std::uint32_t j = 0; j < size; ++j) {
      if (i != j) {
        graph[i].push_back(j);
      }
    }
  }
  return graph;
}

std::size_t binomial(std::size_t n, std::size_t k) {
  std::size_t result = 1;
  for (std::size_t i = 1; i <= k; ++i) {
    result = result * (n - k + i) / i;
  }
  return result;
}

}  // namespace

TEST_CASE("groupings on small graphs have the counts combinatorics gives",
          "[geography][groupings]") {
  SECTION("a path, from one end: one grouping per length") {
    const Adjacency graph = path(6);
    for (std::size_t added = 0; added <= 7; ++added) {
      INFO("added " << added);
      const Search found = search(graph, {0}, added, std::vector<bool>(6, true));
      CHECK(found.visited.size() == std::min<std::size_t>(added, 5) + 1);
      CHECK(found.repeats == 0);
    }
  }
  SECTION("a path, from the middle: every window holding the seed") {
    // Seed 3 of 0..6: windows [a, b] with a <= 3 <= b and b - a <= added.
    const Adjacency graph = path(7);
    for (std::size_t added = 0; added <= 6; ++added) {
      std::size_t windows = 0;
      for (int a = 0; a <= 3; ++a) {
        for (int b = 3; b <= 6; ++b) {
          windows += static_cast<std::size_t>(b - a) <= added ? 1 : 0;
        }
      }
      INFO("added " << added);
      CHECK(search(graph, {3}, added, std::vector<bool>(7, true)).visited.size() == windows);
      check_against_brute_force(graph, {3}, added, std::vector<bool>(7, true));
    }
  }
  SECTION("a complete graph: every subset of the others is connected") {
    const Adjacency graph = complete(7);
    for (std::size_t added = 0; added <= 6; ++added) {
      std::size_t subsets = 0;
      for (std::size_t k = 0; k <= added; ++k) {
        subsets += binomial(6, k);
      }
      INFO("added " << added);
      const Search found = search(graph, {2}, added, std::vector<bool>(7, true));
      CHECK(found.visited.size() == subsets);
      CHECK(found.repeats == 0);
    }
  }
  SECTION("a cycle, with a place left out: the cycle becomes a path") {
    Adjacency graph = path(8);
    graph[0].push_back(7);
    graph[7].push_back(0);
    std::vector<bool> allowed(8, true);
    allowed[4] = false;
    for (std::size_t added = 0; added <= 7; ++added) {
      INFO("added " << added);
      check_against_brute_force(graph, {0}, added, allowed);
      for (const Grouping& members : search(graph, {0}, added, allowed).visited) {
        CHECK(std::find(members.begin(), members.end(), 4u) == members.end());
      }
    }
  }
  SECTION("a seed of several places grows as one") {
    Adjacency graph = path(8);
    graph[2].push_back(6);
    graph[6].push_back(2);
    for (std::size_t added = 0; added <= 4; ++added) {
      INFO("added " << added);
      check_against_brute_force(graph, {2, 3}, added, std::vector<bool>(8, true));
    }
  }
}

TEST_CASE("the search stops when the visitor says so", "[geography][groupings]") {
  const Adjacency graph = complete(6);
  const std::vector<bool> allowed(6, true);
  for (std::size_t stop_after : {1u, 2u, 7u, 20u}) {
    std::size_t calls = 0;
    const bool ran_to_end = devo::geography::for_each_grouping(graph, Grouping{0}, 5, allowed,
                                                               [&](std::span<const std::uint32_t>) {
                                                                 ++calls;
                                                                 return calls < stop_after;
                                                               });
    INFO("stop after " << stop_after);
    CHECK_FALSE(ran_to_end);
    CHECK(calls == stop_after);
  }
  // 2^5 groupings in all: stopping at the last is still stopping.
  std::size_t calls = 0;
  CHECK(devo::geography::for_each_grouping(graph, Grouping{0}, 5, allowed,
                                           [&](std::span<const std::uint32_t>) {
                                             ++calls;
                                             return true;
                                           }));
  CHECK(calls == 32);
}

TEST_CASE("England's district graph is symmetric", "[geography][groupings]") {
  const DistrictGraph& graph = district_graph();
  REQUIRE(graph.codes.size() == 296);
  for (std::uint32_t i = 0; i < graph.adjacency.size(); ++i) {
    for (std::uint32_t j : graph.adjacency[i]) {
      INFO(graph.codes[i] << " - " << graph.codes[j]);
      CHECK(i != j);
      const auto& back = graph.adjacency[j];
      CHECK(std::find(back.begin(), back.end(), i) != back.end());
    }
  }
}

TEST_CASE("groupings of real districts match a brute-force enumeration", "[geography][groupings]") {
  const DistrictGraph& graph = district_graph();
  const std::vector<bool> everything(graph.codes.size(), true);
  // A unitary in the north-west, a London borough, a shire district, a
  // metropolitan district, the far south-west and an island with no
  // neighbour.
  for (const std::string code :
       {"E06000007", "E09000033", "E07000078", "E08000035", "E06000052", "E06000053"}) {
    const std::uint32_t seed = district(code);
    for (std::size_t added = 0; added <= 3; ++added) {
      INFO(code << ", adding up to " << added);
      check_against_brute_force(graph.adjacency, {seed}, added, everything);
      const auto counted = england().count_groupings(code, added);
      REQUIRE(counted.has_value());
      CHECK(*counted == brute_force(graph.adjacency, {seed}, added, everything).size());
    }
  }
}

TEST_CASE("count_groupings grows with the councils allowed, and knows only districts",
          "[geography][groupings]") {
  // The Isles of Scilly alone, added to nothing.
  CHECK(england().count_groupings("E06000053", 0) == std::optional<std::size_t>(1));
  // Cornwall's only neighbour is Devon's districts (Torridge, West Devon,
  // and so on): with one more district, one grouping per neighbour.
  const auto cornwall_neighbours = england().neighbours("E06000052");
  CHECK(england().count_groupings("E06000052", 1) ==
        std::optional<std::size_t>(1 + cornwall_neighbours.size()));
  CHECK(england().count_groupings("E06000052", 0) == std::optional<std::size_t>(1));
  std::size_t previous = 0;
  for (std::size_t added = 0; added <= 4; ++added) {
    const auto count = england().count_groupings("E08000003", added);
    REQUIRE(count.has_value());
    CHECK(*count > previous);
    previous = *count;
  }
  CHECK_FALSE(england().count_groupings("E10000017", 2).has_value());  // a county council
  CHECK_FALSE(england().count_groupings("E47000001", 2).has_value());  // a combined authority
  CHECK_FALSE(england().count_groupings("nowhere", 2).has_value());
}

TEST_CASE("groupings with districts left out match a brute-force enumeration",
          "[geography][groupings]") {
  const DistrictGraph& graph = district_graph();
  // Leave out every third district: groupings must go round them.
  std::vector<bool> allowed(graph.codes.size(), true);
  for (std::size_t i = 0; i < allowed.size(); i += 3) {
    allowed[i] = false;
  }
  for (const std::string code : {"E08000003", "E09000033", "E07000078"}) {
    const std::uint32_t seed = district(code);
    for (std::size_t added = 0; added <= 3; ++added) {
      INFO(code << ", adding up to " << added);
      check_against_brute_force(graph.adjacency, {seed}, added, allowed);
    }
  }
  // A seed of two neighbouring districts: Manchester and Salford.
  const Grouping pair{district("E08000003"), district("E08000006")};
  REQUIRE(connected(graph.adjacency, pair));
  for (std::size_t added = 0; added <= 2; ++added) {
    INFO("Manchester and Salford, adding up to " << added);
    check_against_brute_force(graph.adjacency, pair, added,
                              std::vector<bool>(graph.codes.size(), true));
  }
}

namespace {

// Groupings of real councils to compute facts for: some chosen for what they
// show (a county split, a county whole, an area in pieces, an overlap with a
// combined authority, a devolution island, areas split between police forces),
// and random connected walks over the district graph.
std::vector<std::vector<std::string>> real_groupings() {
  std::vector<std::vector<std::string>> groupings = {
      {"E06000007"},                            // Warrington
      {"E06000007", "E06000049"},               // with Cheshire East
      {"E06000007", "E06000049", "E06000050"},  // Cheshire and Warrington
      {"E06000049", "E06000051"},               // Cheshire East, Shropshire
      {"E10000017"},                            // Lancashire County Council
      {"E10000017", "E06000008", "E06000009"},  // with Blackburn, Blackpool
      {"E07000123", "E07000117"},               // Preston, Burnley: in pieces
      {"E07000123"},                            // Preston: Lancashire split
      {"E08000003", "E06000049"},               // Manchester: overlaps GMCA
      {"E06000033", "E06000034"},               // Southend and Thurrock
      {"E06000033", "E06000034", "E10000012"},  // with Essex
      {"E10000020", "E10000029"},               // Norfolk and Suffolk
      {"E06000052", "E06000053"},               // Cornwall, Isles of Scilly
      {"E06000063", "E06000064"},               // Cumberland, Westmorland
      {"E09000033", "E09000007"},               // two London boroughs
      {"E06000035", "E10000016"},               // Medway and Kent
  };
  const DistrictGraph& graph = district_graph();
  std::mt19937_64 random(20260601);
  while (groupings.size() < 80) {
    std::vector<std::uint32_t> members{static_cast<std::uint32_t>(random() % graph.codes.size())};
    const std::size_t size = 1 + random() % 8;
    while (members.size() < size) {
      std::vector<std::uint32_t> frontier;
      for (std::uint32_t member : members) {
        for (std::uint32_t next : graph.adjacency[member]) {
          if (std::find(members.begin(), members.end(), next) == members.end() &&
              std::find(frontier.begin(), frontier.end(), next) == frontier.end()) {
            frontier.push_back(next);
          }
        }
      }
      if (frontier.empty()) {
        break;
      }
      members.push_back(frontier[random() % frontier.size()]);
    }
    std::vector<std::string> codes;
    for (std::uint32_t member : members) {
      codes.push_back(graph.codes[member]);
    }
    groupings.push_back(std::move(codes));
  }
  return groupings;
}

}  // namespace

TEST_CASE("a grouping's facts are the same with and without notes", "[geography][groupings]") {
  for (const std::vector<std::string>& councils : real_groupings()) {
    std::string label;
    for (const std::string& council : councils) {
      label += council + " ";
    }
    INFO(label);
    devo::Diagnostics diags;
    const auto with_words = england().grouping(councils, devo::FactNotes::words, diags);
    const auto without = england().grouping(councils, devo::FactNotes::none, diags);
    CHECK(diags.empty());
    REQUIRE(with_words.has_value());
    REQUIRE(without.has_value());
    CHECK(with_words->values == without->values);
    CHECK(with_words->subject.kind == "grouping");
    CHECK(without->subject.kind == "grouping");
    CHECK(with_words->subject.councils == without->subject.councils);
    CHECK(with_words->subject.districts == without->subject.districts);
    // Only the words differ: each fact computed from the area is explained
    // in one, none in the other.
    CHECK(without->notes.empty());
    for (const char* name : {"population", "contiguous", "whole_counties", "police_force_areas",
                             "police_coterminous", "fire_authorities", "fire_coterminous", "icbs",
                             "icb_coterminous", "devolution_islands", "overlaps"}) {
      INFO(name);
      CHECK(with_words->values.contains(name));
      CHECK(with_words->notes.contains(name));
    }
    for (const auto& [name, note] : with_words->notes) {
      CHECK(with_words->values.contains(name));
    }
  }
}

TEST_CASE("the groupings chosen for their facts show what they were chosen for",
          "[geography][groupings]") {
  // A guard on real_groupings(): were the data to change, the facts compared
  // above should still cover both values of each.
  std::map<std::string, std::set<std::string>> seen;
  for (const std::vector<std::string>& councils : real_groupings()) {
    devo::Diagnostics diags;
    const auto facts = england().grouping(councils, devo::FactNotes::none, diags);
    REQUIRE(facts.has_value());
    for (const char* name : {"contiguous", "whole_counties", "police_coterminous"}) {
      seen[name].insert(std::get<bool>(facts->values.at(name)) ? "true" : "false");
    }
    for (const char* name : {"overlaps", "devolution_islands"}) {
      seen[name].insert(std::get<devo::Codes>(facts->values.at(name)).empty() ? "none" : "some");
    }
  }
  for (const auto& [name, values] : seen) {
    INFO(name);
    CHECK(values.size() == 2);
  }
}

TEST_CASE("a grouping with a code that is no council is reported", "[geography][groupings]") {
  devo::Diagnostics diags;
  const std::vector<std::string> councils{"E06000007", "E99999999"};
  CHECK_FALSE(england().grouping(councils, devo::FactNotes::none, diags).has_value());
  REQUIRE(diags.has_errors());
  CHECK(diags.sorted().front().code == "unknown-council");
}

TEST_CASE("a limit beyond the number of places is no limit", "[geography][groupings]") {
  const std::size_t no_limit = std::numeric_limits<std::size_t>::max();
  CHECK(search(path(5), {0}, no_limit, std::vector<bool>(5, true)).visited.size() == 5);
  CHECK(search(complete(5), {0}, no_limit, std::vector<bool>(5, true)).visited.size() == 16);
  check_against_brute_force(path(6), {2}, 6, std::vector<bool>(6, true));
}

TEST_CASE("an island is joined by sea to the rest of its police force area",
          "[geography][groupings]") {
  // The Isles of Scilly share no boundary: their neighbours are the other
  // districts of the Devon and Cornwall police force area, so growing them by
  // one council adds one of those.
  const auto neighbours = england().neighbours("E06000053");
  CHECK(std::find(neighbours.begin(), neighbours.end(), "E06000052") != neighbours.end());
  CHECK(neighbours.size() == 11);
  CHECK(england().count_groupings("E06000053", 1) ==
        std::optional<std::size_t>(1 + neighbours.size()));
}
