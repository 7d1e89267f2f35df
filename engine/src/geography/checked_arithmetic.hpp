#pragma once

#include <cstdint>
#include <optional>

// Sums and products of the counts read from the England data (populations,
// LSOA counts, how many districts the rows cover). A hostile --data folder can
// hold a population of 2^63 - 1; adding it to another would wrap round, which
// in C++ is undefined behaviour, so every such sum goes through these and an
// overflow is reported instead.
namespace devo::geography {

// a + b, or nothing when the sum does not fit in 64 bits.
inline std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) {
    return std::nullopt;
  }
  return sum;
}

// a * b, or nothing when the product does not fit in 64 bits.
inline std::optional<std::int64_t> checked_multiply(std::int64_t a, std::int64_t b) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product)) {
    return std::nullopt;
  }
  return product;
}

// A running total that remembers whether it ever overflowed: once it has,
// it stays overflowed and gives nothing.
class CheckedTotal {
 public:
  // Adds `value`; false once the total has overflowed.
  bool add(std::int64_t value) {
    if (m_total) {
      m_total = checked_add(*m_total, value);
    }
    return m_total.has_value();
  }
  std::optional<std::int64_t> value() const { return m_total; }

 private:
  std::optional<std::int64_t> m_total = 0;
};

}  // namespace devo::geography
