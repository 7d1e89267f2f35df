#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace devo::geography {

// Places (districts, or councils made of districts) and which share a
// boundary, as adjacency lists indexed by place.
using Adjacency = std::vector<std::vector<std::uint32_t>>;

// Calls `visit` once for every connected grouping that holds every place of
// `seed` and at most `max_added` more, each added place sharing a boundary
// with the grouping and permitted by `allowed`: the seed alone first, then
// bigger groupings, each exactly once. `visit` gets the places, the seed's
// first, and returns false to stop the search. Returns whether the search
// ran to its end.
//
// Each grouping grows from a list of candidates: the places next to it not
// yet considered. Taking the i-th candidate, the ones before it are left out
// of that branch for good (an earlier branch took them), so no grouping is
// reached twice and none is missed.
bool for_each_grouping(const Adjacency& graph, std::span<const std::uint32_t> seed,
                       std::size_t max_added, const std::vector<bool>& allowed,
                       const std::function<bool(std::span<const std::uint32_t>)>& visit);

}  // namespace devo::geography
