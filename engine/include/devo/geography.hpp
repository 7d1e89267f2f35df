#pragma once

#include <devo/computed_facts.hpp>  // the facts it computes
#include <devo/diagnostic.hpp>
#include <devo/facts.hpp>
#include <devo/ruleset.hpp>
#include <devo/source.hpp>
#include <devo/value.hpp>

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace devo {

namespace detail {
struct Atlas;
struct AtlasAccess;
}  // namespace detail

// Where devo's England data came from, for receipts and reports.
struct DatasetInfo {
  std::string name;
  std::string vintage;
  std::string licence;
  std::string attribution;
  // SHA-256 of the data files, in name order, so that a decision can be tied
  // to the data it was made on.
  std::string sha256;
};

// A proposal's facts, and every finding about it as a proposal: the errors
// (councils listed twice, a single council as a combined authority, an
// overlap with an institution it does not say it reshapes, an area in pieces)
// are also its facts' problems, so that it reaches no tier in `evaluate` as
// in `validate`; the warnings (an area that is an existing institution's) are
// told with it.
struct ProposalFacts {
  FactInput facts;
  std::vector<Diagnostic> findings;
};

// An authority as a list of matches gives it: its GSS code (empty for an
// institution without one yet), its name, and a description that tells it
// from its namesakes ("Lancashire (county council, E10000017)").
struct AuthorityName {
  std::string code;
  std::string name;
  // "district" (a district or unitary council), "county" (a county council)
  // or "institution" (a combined authority, a combined county authority or
  // the GLA): what a proposal may list as a council, and what it reshapes.
  std::string kind;
  std::string description;
};

// Whether computed facts come with the notes in words that explain them.
enum class FactNotes { words, none };

// England's local government geography: districts, county councils, police
// force areas, fire and rescue authorities, integrated care boards, which
// districts share a boundary, and the existing devolution institutions.
// Immutable once loaded; cheap to copy.
class Geography {
 public:
  // The England data built into devo (data/ in the source tree).
  static std::optional<Geography> load_builtin(Diagnostics& diags);
  // The same tables read from `directory`, for a refreshed dataset.
  static std::optional<Geography> load_directory(const std::string& directory, Diagnostics& diags);

  const DatasetInfo& info() const;

  // The subject and computed facts of an existing authority: a district, a
  // county council, a combined authority or the GLA, by GSS code or by name
  // (case does not matter). An unknown or ambiguous name is reported
  // (unknown-authority, ambiguous-authority) with the closest candidates, at
  // `named_at`, the place the caller read the name from.
  // `as_of` decides date-dependent facts, such as whether a mayor is in post.
  std::optional<FactInput> authority(std::string_view code_or_name, Date as_of,
                                     Diagnostics& diags, const Location& named_at = {}) const;

  // Reads a proposal file (schemas/proposal.schema.json), resolves its
  // councils and computes its facts; its own `facts` and `assertions` are typed
  // by `rules`. Problems in the file are errors in `diags`; the facts and
  // findings are still given (for the councils that could be resolved) unless
  // the file is not YAML at all, so that every problem can be reported at once,
  // but they are not fit to evaluate when `diags` has errors.
  std::optional<ProposalFacts> proposal(const SourceFile& file, const RuleSet& rules, Date as_of,
                                        Diagnostics& diags) const;

  // The computed facts of the area made of `councils` (GSS codes of districts
  // and county councils), as for a proposal of those councils but with nothing
  // asserted: subject kind "grouping". With FactNotes::none only the values
  // are computed, not the notes in words that explain them, which is what a
  // search over many groupings needs. An unknown code is reported
  // (unknown-council).
  std::optional<FactInput> grouping(std::span<const std::string> councils, FactNotes notes,
                                    Diagnostics& diags) const;

  // The authorities `text` names or nearly names, for a search box: an exact
  // name or GSS code first, then names starting with it, names containing
  // it, and the names spelt most like it; at most `limit`. An empty text
  // gives every district, county council and institution, in the data's
  // order.
  std::vector<AuthorityName> find_authorities(std::string_view text, std::size_t limit) const;

  // The GSS codes of every local authority district, in order.
  std::vector<std::string> district_codes() const;
  // The districts that share a boundary with `district` (a GSS code), in
  // order; none for a code that is not a district's.
  std::vector<std::string> neighbours(std::string_view district) const;

  // How many connected groupings of districts hold `district` and at most
  // `max_added` more (any districts): the space `devo suggest` searches, at
  // its largest. Nothing for a code that is not a district's.
  std::optional<std::size_t> count_groupings(std::string_view district,
                                             std::size_t max_added) const;

  // The GSS codes of every district, county council, combined authority and
  // the GLA, the subjects of an England-wide run; an institution with no GSS
  // code yet is given by its name. Each is accepted by authority().
  std::vector<std::string> authority_codes() const;

 private:
  // devo's own modules reach the data through geography/access.hpp, which is
  // not installed.
  friend struct detail::AtlasAccess;

  explicit Geography(std::shared_ptr<const detail::Atlas> atlas);

  std::shared_ptr<const detail::Atlas> m_atlas;
};

}  // namespace devo
