#pragma once

#include "geography/atlas.hpp"

#include <devo/geography.hpp>

// devo's own way beneath Geography, for the modules that work on the atlas
// itself (`devo suggest` grows groupings over its districts, counties and
// adjacency graph). Not installed: the public headers name detail::Atlas only
// as an opaque member.
namespace devo::detail {

struct AtlasAccess {
  static const Atlas& of(const Geography& geography) { return *geography.m_atlas; }
};

}  // namespace devo::detail

namespace devo::geography {

// The data `england` was loaded from.
inline const detail::Atlas& atlas_of(const Geography& england) {
  return detail::AtlasAccess::of(england);
}

}  // namespace devo::geography
