#include "support/suggest.hpp"

#include <devo/spelling.hpp>

#include <fmt/format.h>

#include <algorithm>

// A fuzz build traces every comparison for libFuzzer. The edit distance's
// comparisons say only how alike two names are, not how an input was read,
// and tracing them took over a third of the proposal fuzz target's time
// (docs/fuzzing.md), so the measurement is left untraced.
#if defined(__clang__)
#define DEVO_NOT_TRACED_FOR_FUZZING __attribute__((no_sanitize("coverage")))
#else
#define DEVO_NOT_TRACED_FOR_FUZZING
#endif

namespace devo::support {
namespace {

// ASCII letters only, as std::tolower in the "C" locale, without a call per letter.
DEVO_NOT_TRACED_FOR_FUZZING char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The case-blind edit distance between a and b when it is at most `cap`, and
// `cap + 1` otherwise. A row whose every cell is past the cap can only lead to
// a larger distance, so the measurement stops there: against hundreds of
// council names, most candidates are ruled out long before the last row.
DEVO_NOT_TRACED_FOR_FUZZING std::size_t edit_distance_within(std::string_view a, std::string_view b,
                                                             std::size_t cap) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    previous[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_best = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = lower(a[i - 1]) == lower(b[j - 1]);
      const std::size_t removed = previous[j] + 1;
      const std::size_t inserted = current[j - 1] + 1;
      const std::size_t replaced = previous[j - 1] + (same ? 0 : 1);
      // Written out rather than std::min, whose out-of-line copies a fuzz
      // build would trace.
      std::size_t cell = removed < inserted ? removed : inserted;
      cell = replaced < cell ? replaced : cell;
      current[j] = cell;
      row_best = cell < row_best ? cell : row_best;
    }
    if (row_best > cap) {
      return cap + 1;
    }
    std::swap(previous, current);
  }
  return previous[b.size()] <= cap ? previous[b.size()] : cap + 1;
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  // A third of the word's length, at least 2, is as far as a typo goes.
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    if (best_distance == 0) {
      break;  // Only the same word, in other case, is this close.
    }
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
    // A longer name that starts with the word is one step away, however much
    // longer it is.
    const std::size_t score = prefix ? 1 : edit_distance_within(word, candidate, best_distance - 1);
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

namespace devo {

std::optional<std::string> closest_spelling(std::string_view word,
                                            const std::vector<std::string>& candidates) {
  return support::closest_match(word, candidates);
}

}  // namespace devo
