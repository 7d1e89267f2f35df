#include "geography/groupings.hpp"

#include <algorithm>

namespace devo::geography {
namespace {

class GroupingSearch {
 public:
  GroupingSearch(const Adjacency& graph, std::size_t max_added, const std::vector<bool>& allowed,
                 const std::function<bool(std::span<const std::uint32_t>)>& visit)
      : m_graph(graph),
        // No grouping can add more places than there are (and max_added + 1
        // must not wrap round).
        m_max_added(std::min(max_added, graph.size())),
        m_allowed(allowed),
        m_visit(visit),
        m_seen(graph.size(), false),
        m_candidates(m_max_added + 1) {}

  bool run(std::span<const std::uint32_t> seed) {
    for (std::uint32_t place : seed) {
      if (!m_seen[place]) {
        m_seen[place] = true;
        m_members.push_back(place);
      }
    }
    std::vector<std::uint32_t>& first = m_candidates[0];
    for (std::uint32_t place : m_members) {
      add_neighbours(place, first);
    }
    return grow(0, 0);
  }

 private:
  // Marks the unseen, allowed neighbours of `place` as candidates.
  void add_neighbours(std::uint32_t place, std::vector<std::uint32_t>& candidates) {
    for (std::uint32_t neighbour : m_graph[place]) {
      if (!m_seen[neighbour] && m_allowed[neighbour]) {
        m_seen[neighbour] = true;
        candidates.push_back(neighbour);
      }
    }
  }

  // Visits the grouping so far, then every grouping grown from it by taking
  // candidates [from ..) of level `added`.
  bool grow(std::size_t added, std::size_t from) {
    if (!m_visit(m_members)) {
      return false;
    }
    if (added == m_max_added) {
      return true;
    }
    const std::vector<std::uint32_t>& candidates = m_candidates[added];
    for (std::size_t i = from; i < candidates.size(); ++i) {
      std::vector<std::uint32_t>& next = m_candidates[added + 1];
      next.assign(candidates.begin() + static_cast<std::ptrdiff_t>(i) + 1, candidates.end());
      const std::size_t inherited = next.size();
      m_members.push_back(candidates[i]);
      add_neighbours(candidates[i], next);
      const bool go_on = grow(added + 1, 0);
      // The neighbours found here are candidates only in this branch.
      for (std::size_t k = inherited; k < next.size(); ++k) {
        m_seen[next[k]] = false;
      }
      m_members.pop_back();
      if (!go_on) {
        return false;
      }
    }
    return true;
  }

  const Adjacency& m_graph;
  std::size_t m_max_added;
  const std::vector<bool>& m_allowed;
  const std::function<bool(std::span<const std::uint32_t>)>& m_visit;
  std::vector<bool> m_seen;
  std::vector<std::uint32_t> m_members;
  // The candidates at each level of growth, kept so that nothing is
  // allocated once the search is under way.
  std::vector<std::vector<std::uint32_t>> m_candidates;
};

}  // namespace

bool for_each_grouping(const Adjacency& graph, std::span<const std::uint32_t> seed,
                       std::size_t max_added, const std::vector<bool>& allowed,
                       const std::function<bool(std::span<const std::uint32_t>)>& visit) {
  return GroupingSearch(graph, max_added, allowed, visit).run(seed);
}

}  // namespace devo::geography
