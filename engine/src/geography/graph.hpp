#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace devo::geography {

// The districts as the nodes of a graph whose edges join districts that share
// a boundary. The only place that knows Boost.Graph is graph.cpp.
class DistrictGraph {
 public:
  DistrictGraph(std::size_t district_count,
                const std::vector<std::pair<std::size_t, std::size_t>>& edges);
  ~DistrictGraph();
  DistrictGraph(const DistrictGraph&) = delete;
  DistrictGraph& operator=(const DistrictGraph&) = delete;

  // The connected pieces of the area `members` (district indices), using only
  // boundaries between members: each piece sorted, the largest piece first.
  std::vector<std::vector<std::size_t>> pieces(const std::vector<std::size_t>& members) const;

  // The districts that share a boundary with `district`, in index order.
  const std::vector<std::size_t>& neighbours(std::size_t district) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace devo::geography
