#include "geography/proposal.hpp"

#include "check/check.hpp"
#include "geography/area_facts.hpp"
#include "geography/subjects.hpp"
#include "load/decode.hpp"
#include "load/yaml_document.hpp"
#include "support/suggest.hpp"
#include "validate/schema_validator.hpp"

#include <devo/codes.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <variant>

namespace devo::geography {
namespace {

struct Council {
  std::string code;
  Location location;
};

bool is_county_code(std::string_view code) {
  return code.starts_with("E10");
}
bool is_two_tier_district(const detail::Atlas& atlas, std::string_view code) {
  auto it = atlas.district_by_code.find(code);
  return it != atlas.district_by_code.end() &&
         atlas.districts[it->second].kind == "non_metropolitan_district";
}

class ProposalReader {
 public:
  ProposalReader(const detail::Atlas& atlas, const RuleSet& rules, Date as_of, Diagnostics& diags)
      : m_atlas(atlas), m_rules(rules), m_as_of(as_of), m_diags(diags) {}

  ProposalFacts read(const load::Node& document) {
    validate::check_schema(document, "schemas/proposal.schema.json", m_diags);
    const load::RawProposal raw = load::decode_proposal(document);
    resolve_councils(raw);
    ProposalFacts result;
    FactInput& facts = result.facts;
    facts.subject.kind = "proposal";
    facts.subject.name = raw.name.text;
    add_given_facts(raw, facts);
    const std::vector<DistrictIndex> districts = area_districts();
    for (const Council& council : m_councils) {
      facts.subject.councils.push_back(council.code);
    }
    for (DistrictIndex district : districts) {
      facts.subject.districts.push_back(m_atlas.districts[district].code);
    }
    add_area_facts(m_atlas, AreaSubject{districts, facts.subject.councils, nullptr}, facts);
    find_problems(raw, facts, result.findings);
    return result;
  }

 private:
  void resolve_councils(const load::RawProposal& raw) {
    for (const load::Located& entry : raw.councils) {
      if (auto code = council_code(entry)) {
        m_councils.push_back(Council{*code, entry.location});
      }
    }
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

  std::vector<DistrictIndex> area_districts() const {
    std::set<DistrictIndex> districts;
    for (const Council& council : m_councils) {
      const auto members = districts_of_council(m_atlas, council.code);
      districts.insert(members.begin(), members.end());
    }
    return {districts.begin(), districts.end()};
  }

  // The proposal's institution, mayor, first election, assertions and other
  // facts, typed by the rule set where it declares them.
  void add_given_facts(const load::RawProposal& raw, FactInput& facts) {
    facts.values["institution"] = raw.institution.text;
    facts.values["mayor"] = raw.mayor.text;
    facts.values["existing_institution"] = false;
    if (raw.mayor_first_elected) {
      if (auto date = Date::parse(raw.mayor_first_elected->text)) {
        facts.values["mayor_first_elected"] = *date;
        add_months_in_post(*date, *date, m_as_of, facts);
      } else {
        m_diags.error(raw.mayor_first_elected->location, std::string(codes::invalid_date),
                      fmt::format("'{}' is not a real date in the form YYYY-MM-DD",
                                  raw.mayor_first_elected->text));
      }
    }
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
        m_diags.error(
            fact.location, std::string(codes::computed_fact),
            fmt::format("'{}' is set by the proposal's own '{}' key", fact.name, fact.name));
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

  void find_problems(const load::RawProposal& raw, const FactInput& facts,
                     std::vector<Diagnostic>& findings) const {
    const auto finding = [&](Location where, std::string_view code, std::string message) {
      findings.push_back(
          Diagnostic{Severity::error, std::string(code), std::move(message), std::move(where), {}});
      return &findings.back();
    };
    std::map<std::string, Location> first;
    std::vector<Council> distinct;
    for (const Council& council : m_councils) {
      auto [it, inserted] = first.emplace(council.code, council.location);
      if (inserted) {
        distinct.push_back(council);
      } else {
        finding(council.location, codes::duplicate_council,
                fmt::format("{} ({}) is listed twice", council_name(m_atlas, council.code),
                            council.code))
            ->note(it->second, "first listed here");
      }
    }
    const std::string& institution = raw.institution.text;
    for (const Council& council : distinct) {
      if (!is_two_tier_district(m_atlas, council.code)) {
        continue;
      }
      const District& district = m_atlas.districts[m_atlas.district_by_code.at(council.code)];
      const Area& county = m_atlas.counties[*district.county];
      if (institution == "combined_county_authority") {
        finding(council.location, codes::cca_district_member,
                fmt::format("{} is a district council; a combined county authority's members "
                            "are county councils and unitary authorities",
                            district.name));
      } else if (!first.contains(county.code)) {
        finding(council.location, codes::incoherent_upper_tier,
                fmt::format("{} is a district of {}, but {} County Council ({}), which holds the "
                            "upper-tier functions there, is not listed",
                            district.name, county.name, county.name, county.code));
      }
    }
    check_institution(raw, findings, finding);
    if (m_councils.empty()) {
      return;  // nothing resolved: the unknown councils are already reported
    }
    const auto& overlaps = std::get<Codes>(facts.values.at("overlaps"));
    if (!overlaps.empty()) {
      finding(raw.councils_location, codes::overlaps_institution, facts.notes.at("overlaps"));
    }
    if (!std::get<bool>(facts.values.at("contiguous"))) {
      finding(raw.councils_location, codes::not_contiguous, facts.notes.at("contiguous"));
    }
  }

  template <typename Finding>
  void check_institution(const load::RawProposal& raw, std::vector<Diagnostic>& findings,
                         const Finding& finding) const {
    (void)findings;
    const std::string& institution = raw.institution.text;
    std::set<std::string> distinct;
    for (const Council& council : m_councils) {
      distinct.insert(council.code);
    }
    if (raw.mayor.text == "elected_leader" && institution != "county_council") {
      finding(raw.mayor.location, codes::elected_leader_not_county,
              "a directly elected leader is for a county council; a combined authority or a "
              "unitary has a directly elected mayor");
    }
    const bool one_county = distinct.size() == 1 && is_county_code(*distinct.begin());
    const bool one_unitary = distinct.size() == 1 && distinct.begin()->starts_with("E06");
    if (institution == "county_council" && !one_county) {
      finding(raw.institution.location, codes::institution_mismatch,
              "a county council proposal lists exactly one county council (E10)");
    } else if (institution == "unitary_authority" && !one_unitary) {
      finding(raw.institution.location, codes::institution_mismatch,
              "a unitary authority proposal lists exactly one unitary council (E06)");
    } else if ((institution == "combined_authority" || institution == "combined_county_authority" ||
                institution == "joint_committee") &&
               distinct.size() < 2) {
      finding(
          raw.institution.location, codes::institution_mismatch,
          fmt::format("a {} is made of at least two councils",
                      institution == "joint_committee" ? "joint committee" : "combined authority"));
    }
  }

  const detail::Atlas& m_atlas;
  const RuleSet& m_rules;
  Date m_as_of;
  Diagnostics& m_diags;
  std::vector<Council> m_councils;
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

}  // namespace devo::geography
