#include "geography/proposal.hpp"

#include "check/check.hpp"
#include "geography/access.hpp"
#include "geography/area_facts.hpp"
#include "geography/subjects.hpp"
#include "geography/validity.hpp"
#include "load/decode.hpp"
#include "load/yaml_document.hpp"
#include "support/suggest.hpp"
#include "support/words.hpp"
#include "validate/schema_validator.hpp"

#include <devo/codes.hpp>
#include <devo/computed_facts.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <variant>

namespace devo::geography {
namespace {

class ProposalReader {
 public:
  ProposalReader(const detail::Atlas& atlas, const RuleSet& rules, Date as_of, Diagnostics& diags)
      : m_atlas(atlas), m_rules(rules), m_as_of(as_of), m_diags(diags) {}

  ProposalFacts read(const load::Node& document) {
    validate::check_schema(document, "schemas/proposal.schema.json", m_diags);
    const load::RawProposal raw = load::decode_proposal(document);
    ProposalShape shape{raw.institution.text,
                        raw.institution.location,
                        raw.mayor.text,
                        raw.mayor.location,
                        {},
                        raw.councils_location,
                        {},
                        {}};
    resolve_councils(raw, shape);
    resolve_reshapes(raw, shape);
    ProposalResult result;
    FactInput& facts = result.facts;
    facts.subject.kind = "proposal";
    facts.subject.name = raw.name.text;
    add_given_facts(raw, facts);
    const std::vector<DistrictIndex> districts = area_districts(shape);
    for (const ListedCouncil& council : shape.councils) {
      facts.subject.councils.push_back(council.code);
    }
    for (DistrictIndex district : districts) {
      facts.subject.districts.push_back(m_atlas.districts[district].code);
    }
    add_area_facts(m_atlas, AreaSubject{districts, facts.subject.councils, nullptr}, facts);
    facts.unrecorded = Holding{false, {}, "a proposal holds no powers yet", {}, {}};
    result.findings = validity_findings(m_atlas, shape, districts, facts);
    facts.problems = problems_of(result.findings);
    return result;
  }

 private:
  using ProposalResult = ProposalFacts;

  void resolve_councils(const load::RawProposal& raw, ProposalShape& shape) {
    shape.all_councils_known = !raw.councils.empty();
    for (const load::Located& entry : raw.councils) {
      if (auto code = council_code(entry)) {
        shape.councils.push_back(ListedCouncil{*code, entry.location});
      } else {
        shape.all_councils_known = false;
      }
    }
  }

  // The institutions a proposal says it reshapes, by GSS code, id or name.
  void resolve_reshapes(const load::RawProposal& raw, ProposalShape& shape) {
    for (const load::Located& entry : raw.reshapes) {
      if (const Institution* found = institution_named(entry.text)) {
        shape.reshapes.push_back(found);
        shape.reshape_locations.push_back(entry.location);
        continue;
      }
      // The closest of the names institutions answer to, to name in full.
      std::vector<std::string> keys;
      std::vector<const Institution*> owners;
      for (const Candidate& candidate : m_atlas.candidates) {
        if (candidate.kind == Candidate::Kind::institution) {
          for (const std::string& key : candidate.keys) {
            keys.push_back(key);
            owners.push_back(&m_atlas.institutions[candidate.index]);
          }
        }
      }
      const auto near = support::closest_match(normalise_name(entry.text), keys);
      const auto owner = near ? std::find(keys.begin(), keys.end(), *near) - keys.begin() : 0;
      m_diags.error(entry.location, std::string(codes::unknown_institution),
                    near ? fmt::format("no existing institution is called '{}' (did you mean {}?)",
                                       entry.text, owners[static_cast<std::size_t>(owner)]->name)
                         : fmt::format("no existing institution is called '{}'; give its name, "
                                       "its id in data/institutions.csv or its GSS code",
                                       entry.text));
    }
  }

  // An institution by GSS code, id or any name it answers to.
  const Institution* institution_named(const std::string& text) const {
    const std::string wanted = normalise_name(text);
    for (const Candidate& candidate : m_atlas.candidates) {
      if (candidate.kind != Candidate::Kind::institution) {
        continue;
      }
      const Institution& institution = m_atlas.institutions[candidate.index];
      const bool named =
          std::find(candidate.keys.begin(), candidate.keys.end(), wanted) != candidate.keys.end();
      if (named || institution.id == text ||
          (!institution.code.empty() && normalise_name(institution.code) == wanted)) {
        return &institution;
      }
    }
    return nullptr;
  }

  // A council by GSS code or by the name of a district or county.
  std::optional<std::string> council_code(const load::Located& entry) {
    std::string upper = entry.text;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (m_atlas.district_by_code.contains(upper) || m_atlas.county_by_code.contains(upper)) {
      return upper;
    }
    const std::string wanted = normalise_name(entry.text);
    const auto& code_by_name = codes_by_name();
    if (auto it = code_by_name.find(wanted); it != code_by_name.end()) {
      return it->second;
    }
    const auto near = support::closest_match(wanted, m_names);
    m_diags.error(
        entry.location, std::string(codes::unknown_council),
        near ? fmt::format("no council '{}' in the data (did you mean {}, {}?)", entry.text,
                           council_name(m_atlas, code_by_name.at(*near)), code_by_name.at(*near))
             : fmt::format("no council '{}' in the data; give a GSS code (E06, E07, "
                           "E08, E09 or E10) or a council's name",
                           entry.text));
    return std::nullopt;
  }

  // Every council's code by its normalised name (and a district's name before
  // any comma, a county's with " County Council"), and those names, in order.
  // Made once per proposal, on the first council given by name: made anew for
  // each council, a proposal of 40,000 councils took seconds, and a file past
  // the document limits minutes (found while fuzzing: docs/fuzzing.md).
  const std::map<std::string, std::string>& codes_by_name() {
    if (!m_code_by_name.empty()) {
      return m_code_by_name;
    }
    for (const District& district : m_atlas.districts) {
      m_code_by_name.emplace(normalise_name(district.name), district.code);
      if (const auto comma = district.name.find(','); comma != std::string::npos) {
        m_code_by_name.emplace(normalise_name(district.name.substr(0, comma)), district.code);
      }
    }
    for (const Area& county : m_atlas.counties) {
      m_code_by_name.emplace(normalise_name(county.name), county.code);
      m_code_by_name.emplace(normalise_name(county.name + " County Council"), county.code);
    }
    for (const auto& [name, code] : m_code_by_name) {
      m_names.push_back(name);
    }
    return m_code_by_name;
  }

  std::vector<DistrictIndex> area_districts(const ProposalShape& shape) const {
    std::set<DistrictIndex> districts;
    for (const ListedCouncil& council : shape.councils) {
      const auto members = districts_of_council(m_atlas, council.code);
      districts.insert(members.begin(), members.end());
    }
    return {districts.begin(), districts.end()};
  }

  // Whether the proposal's mayor (or directly elected leader) is in office on
  // the date: from its first election, when the proposal gives one; without a
  // date, the proposal is shown as it would be once its mayor is in office.
  void add_leadership(const load::RawProposal& raw, FactInput& facts) {
    if (raw.mayor.text == "none") {
      facts.values["mayor_in_office"] = false;
      facts.notes["mayor_in_office"] = "it has no directly elected mayor or leader";
      return;
    }
    if (!raw.mayor_first_elected) {
      facts.values["mayor_in_office"] = true;
      facts.notes["mayor_in_office"] =
          "taken as in office: the proposal gives no date for its first election, so its powers "
          "are shown as they would be once the mayor is in office";
      return;
    }
    const auto date =
        parse_date(raw.mayor_first_elected->text, raw.mayor_first_elected->location, m_diags);
    if (!date) {
      return;
    }
    facts.values["mayor_first_elected"] = *date;
    const bool elected = *date <= m_as_of;
    facts.notes["mayor"] = fmt::format("its first mayor {} elected on {}",
                                       elected ? "was" : "is to be", date->to_string());
    facts.values["mayor_in_office"] = elected;
    facts.notes["mayor_in_office"] =
        elected ? fmt::format(
                      "since its first election on {} (the day the mayor takes office is "
                      "not given; counted from the election)",
                      date->to_string())
                : fmt::format("its first election is on {}, after {}", date->to_string(),
                              m_as_of.to_string());
    add_months_in_post(*date, *date, m_as_of, facts);
    facts.notes["mayor_months_in_post"] =
        elected ? fmt::format("from the first mayoral election on {} to {}", date->to_string(),
                              m_as_of.to_string())
                : fmt::format("none yet: the first mayoral election is on {}", date->to_string());
  }

  // The proposal's institution, mayor, first election, assertions and other
  // facts, typed by the rule set where it declares them.
  void add_given_facts(const load::RawProposal& raw, FactInput& facts) {
    facts.values["institution"] = raw.institution.text;
    facts.values["mayor"] = raw.mayor.text;
    facts.values["existing_institution"] = false;
    add_leadership(raw, facts);
    load::RawFacts given;
    for (const load::RawAssertion& assertion : raw.assertions) {
      given.facts.push_back(assertion.fact);
      facts.notes[assertion.fact.name] =
          fmt::format("asserted by the proposers: {}", assertion.evidence);
    }
    given.facts.insert(given.facts.end(), raw.facts.begin(), raw.facts.end());
    for (const load::RawFact& fact : given.facts) {
      if (is_computed(fact.name)) {
        m_diags.error(
            fact.location, std::string(codes::computed_fact),
            fmt::format("devo computes '{}' from its data; a proposal cannot give it", fact.name));
      } else if (fact.name == "institution" || fact.name == "mayor" ||
                 fact.name == "mayor_first_elected") {
        m_diags.error(fact.location, std::string(codes::computed_fact),
                      fmt::format("'{}' is set by the proposal's own keys ('institution', "
                                  "'mayor', 'mayor_first_elected')",
                                  fact.name));
      }
    }
    if (auto typed = check::check_facts(given, m_rules, m_diags)) {
      for (auto& [name, value] : typed->values) {
        facts.values.insert_or_assign(name, std::move(value));
      }
    }
  }

  static bool is_computed(std::string_view name) {
    for (const ComputedFact& fact : computed_facts()) {
      if (fact.name == name) {
        return true;
      }
    }
    return false;
  }

  const detail::Atlas& m_atlas;
  const RuleSet& m_rules;
  Date m_as_of;
  Diagnostics& m_diags;
  std::map<std::string, std::string> m_code_by_name;
  std::vector<std::string> m_names;
};

}  // namespace

std::optional<ProposalFacts> proposal_facts(const detail::Atlas& atlas, const SourceFile& file,
                                            const RuleSet& rules, Date as_of, Diagnostics& diags) {
  auto document = load::parse_yaml(file, diags);
  if (!document) {
    return std::nullopt;
  }
  return proposal_from_document(atlas, *document, rules, as_of, diags);
}

ProposalFacts proposal_from_document(const detail::Atlas& atlas, const load::Node& document,
                                     const RuleSet& rules, Date as_of, Diagnostics& diags) {
  return ProposalReader(atlas, rules, as_of, diags).read(document);
}

ProposalFacts proposal_from_document(const Geography& england, const load::Node& document,
                                     const RuleSet& rules, Date as_of, Diagnostics& diags) {
  return proposal_from_document(atlas_of(england), document, rules, as_of, diags);
}

}  // namespace devo::geography
