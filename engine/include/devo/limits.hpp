#pragma once

#include <cstddef>

// The limits on what devo reads. No real rule, facts, proposal or test file
// comes near them; they are there so that a hostile or broken file gets a
// clear diagnostic instead of a crash, a hang or all the memory.
namespace devo::limits {

// The largest file devo reads (too-large).
inline constexpr std::size_t k_max_file_bytes = 16 * 1024 * 1024;
// The deepest nesting of lists and mappings in a document (too-deep).
inline constexpr std::size_t k_max_depth = 200;
// The most values a document may hold, counted in its text before it is
// parsed and again once its aliases are expanded (too-large): a file of a
// million short lines, or a few "billion laughs" aliases, must not take all
// the memory. The largest built-in rule file holds about 2,000.
inline constexpr std::size_t k_max_nodes = 50'000;
// The most `extends` followed from one rule set (extends-too-deep): a rule set
// may be built on a chain of at most this many others. The built-in ones are
// built on one at most.
inline constexpr std::size_t k_max_extends_depth = 64;

}  // namespace devo::limits

// The England data (data/ or --data). The largest real table has about 1,000
// rows, the institutions and ceremonial counties cover about 600 districts in
// all, and the arcs of the shapes hold under 10,000 points; the limits keep a
// hostile folder of 16 MiB tables from taking all the memory or time
// (invalid-data).
namespace devo::limits {

// The most rows a table of the data may hold.
inline constexpr std::size_t k_max_data_rows = 50'000;
// The most districts the rows of institutions.csv, or of
// ceremonial_counties.csv, may cover in all (a county council's code counts
// each of its districts).
inline constexpr std::size_t k_max_data_memberships = 1'000'000;
// The most points the arcs of arcs.csv may hold in all (the built-in data has
// under 10,000).
inline constexpr std::size_t k_max_data_points = 1'000'000;

}  // namespace devo::limits
