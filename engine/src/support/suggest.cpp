#include "support/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace devo::support {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    previous[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      current[j] =
          std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  // A third of the word's length, at least 2, is as far as a typo goes.
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    const bool prefix = candidate.size() > word.size() && word.size() >= 4 &&
                        candidate.compare(0, word.size(), word) == 0;
    // The distance is at least the difference in length, so a candidate that
    // much longer or shorter cannot win and is not measured: the full
    // measurement costs the product of the lengths, and a long word (a
    // pasted paragraph as a proposal's council, say) against every name in
    // the data took minutes (found while fuzzing: docs/fuzzing.md).
    const std::size_t gap = candidate.size() > word.size() ? candidate.size() - word.size()
                                                           : word.size() - candidate.size();
    if (!prefix && gap >= best_distance) {
      continue;
    }
    const std::size_t distance = edit_distance(word, candidate);
    const std::size_t score = prefix ? std::min<std::size_t>(distance, 1) : distance;
    // Replacing every letter of a short word is not a typo ('c' is not 'a').
    if (score < best_distance && score < word.size()) {
      best_distance = score;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const auto match = closest_match(word, candidates);
  return match ? fmt::format(" (did you mean '{}'?)", *match) : std::string();
}

std::string quoted_list(const std::vector<std::string>& items, std::string_view last_joiner) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      text += i + 1 == items.size() ? fmt::format(" {} ", last_joiner) : ", ";
    }
    text += fmt::format("'{}'", items[i]);
  }
  return text;
}

}  // namespace devo::support
