#include "geography/graph.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>

#include <algorithm>
#include <map>

namespace devo::geography {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

struct DistrictGraph::Impl {
  Graph graph;
  std::vector<std::vector<std::size_t>> neighbours;
};

namespace {

// Keeps the vertices of one area, so that connectivity is judged on the
// boundaries inside it.
struct InArea {
  const std::vector<bool>* members = nullptr;
  bool operator()(Graph::vertex_descriptor vertex) const { return (*members)[vertex]; }
};

}  // namespace

DistrictGraph::DistrictGraph(std::size_t district_count,
                             const std::vector<std::pair<std::size_t, std::size_t>>& edges)
    : m_impl(std::make_unique<Impl>()) {
  m_impl->graph = Graph(district_count);
  for (const auto& [a, b] : edges) {
    boost::add_edge(a, b, m_impl->graph);
  }
  m_impl->neighbours.resize(district_count);
  for (std::size_t vertex = 0; vertex < district_count; ++vertex) {
    auto [begin, end] = boost::adjacent_vertices(vertex, m_impl->graph);
    m_impl->neighbours[vertex].assign(begin, end);
    std::sort(m_impl->neighbours[vertex].begin(), m_impl->neighbours[vertex].end());
  }
}

DistrictGraph::~DistrictGraph() = default;

std::vector<std::vector<std::size_t>> DistrictGraph::pieces(
    const std::vector<std::size_t>& members) const {
  const Graph& graph = m_impl->graph;
  std::vector<bool> in_area(boost::num_vertices(graph), false);
  for (std::size_t member : members) {
    in_area[member] = true;
  }
  const boost::filtered_graph<Graph, boost::keep_all, InArea> area(graph, boost::keep_all(),
                                                                   InArea{&in_area});
  std::vector<int> component(boost::num_vertices(graph), -1);
  boost::connected_components(area, component.data());

  std::map<int, std::vector<std::size_t>> by_component;
  for (std::size_t member : members) {
    by_component[component[member]].push_back(member);
  }
  std::vector<std::vector<std::size_t>> result;
  for (auto& [id, piece] : by_component) {
    std::sort(piece.begin(), piece.end());
    result.push_back(std::move(piece));
  }
  std::stable_sort(result.begin(), result.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front();
  });
  return result;
}

const std::vector<std::size_t>& DistrictGraph::neighbours(std::size_t district) const {
  return m_impl->neighbours[district];
}

}  // namespace devo::geography
