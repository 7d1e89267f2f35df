#include "geography/subjects.hpp"

#include "geography/area_facts.hpp"
#include "support/suggest.hpp"
#include "support/words.hpp"

#include <devo/codes.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace devo::geography {
namespace {

std::string kind_in_words(const District& district) {
  if (district.kind == "city_of_london") {
    return "the City of London";
  }
  std::string words = district.kind;
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

std::string institution_in_words(const Institution& institution) {
  std::string words = institution.kind;
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

std::string without_suffix(std::string name, std::string_view suffix) {
  if (name.size() > suffix.size() && name.ends_with(suffix)) {
    name.resize(name.size() - suffix.size());
  }
  return name;
}

// The short names an institution answers to: "Greater Manchester" for the
// Greater Manchester Combined Authority.
std::vector<std::string> institution_keys(const Institution& institution) {
  std::string name = institution.name;
  if (const auto bracket = name.find(" ("); bracket != std::string::npos) {
    name.resize(bracket);
  }
  std::vector<std::string> keys = {normalise_name(institution.name), normalise_name(name)};
  for (std::string_view suffix :
       {" combined county authority", " combined authority", " council", " authority"}) {
    keys.push_back(without_suffix(normalise_name(name), suffix));
  }
  return keys;
}

}  // namespace

std::vector<Candidate> name_index(const detail::Atlas& atlas) {
  std::vector<Candidate> all;
  for (std::size_t i = 0; i < atlas.districts.size(); ++i) {
    const District& district = atlas.districts[i];
    std::vector<std::string> keys = {normalise_name(district.name)};
    if (const auto comma = district.name.find(','); comma != std::string::npos) {
      keys.push_back(normalise_name(district.name.substr(0, comma)));
    }
    all.push_back(Candidate{
        Candidate::Kind::district, i, district.code, district.name,
        fmt::format("{} ({}, {})", district.name, kind_in_words(district), district.code), keys});
  }
  for (std::size_t i = 0; i < atlas.counties.size(); ++i) {
    const Area& county = atlas.counties[i];
    all.push_back(
        Candidate{Candidate::Kind::county,
                  i,
                  county.code,
                  county.name + " County Council",
                  fmt::format("{} (county council, {})", county.name, county.code),
                  {normalise_name(county.name), normalise_name(county.name + " County Council")}});
  }
  for (std::size_t i = 0; i < atlas.institutions.size(); ++i) {
    const Institution& institution = atlas.institutions[i];
    all.push_back(
        Candidate{Candidate::Kind::institution, i, institution.code, institution.name,
                  institution.code.empty()
                      ? fmt::format("{} ({})", institution.name, institution_in_words(institution))
                      : fmt::format("{} ({}, {})", institution.name,
                                    institution_in_words(institution), institution.code),
                  institution_keys(institution)});
  }
  return all;
}

namespace {

std::vector<const Candidate*> matching(const std::vector<Candidate>& all, std::string_view text) {
  std::vector<const Candidate*> found;
  std::string upper(text);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (const Candidate& candidate : all) {
    if (!candidate.code.empty() && candidate.code == upper) {
      return {&candidate};
    }
  }
  const std::string wanted = normalise_name(text);
  for (const Candidate& candidate : all) {
    if (std::find(candidate.keys.begin(), candidate.keys.end(), wanted) != candidate.keys.end()) {
      found.push_back(&candidate);
    }
  }
  return found;
}

// The names nearest to `text`, for an error message: names containing it,
// then the closest by spelling.
std::vector<std::string> nearest(const std::vector<Candidate>& all, std::string_view text) {
  const std::string wanted = normalise_name(text);
  std::vector<std::string> result;
  for (const Candidate& candidate : all) {
    if (!wanted.empty() && candidate.keys.front().find(wanted) != std::string::npos) {
      result.push_back(candidate.description);
    }
  }
  // Every name each candidate answers to, so that "Greater Manchestr" finds
  // the combined authority by its short name.
  std::vector<std::string> names;
  std::vector<const Candidate*> owners;
  for (const Candidate& candidate : all) {
    for (const std::string& key : candidate.keys) {
      names.push_back(key);
      owners.push_back(&candidate);
    }
  }
  for (int round = 0; round < 3 && result.size() < 5; ++round) {
    const auto match = support::closest_match(wanted, names);
    if (!match) {
      break;
    }
    const Candidate* owner = nullptr;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == *match) {
        owner = owners[i];
      }
    }
    if (std::find(result.begin(), result.end(), owner->description) == result.end()) {
      result.push_back(owner->description);
    }
    // Drop every name of the candidate found, to find the next one.
    for (std::size_t i = names.size(); i-- > 0;) {
      if (owners[i] == owner) {
        names.erase(names.begin() + static_cast<std::ptrdiff_t>(i));
        owners.erase(owners.begin() + static_cast<std::ptrdiff_t>(i));
      }
    }
  }
  if (result.size() > 5) {
    result.resize(5);
  }
  return result;
}

std::vector<std::string> codes_of(const detail::Atlas& atlas,
                                  const std::vector<DistrictIndex>& districts) {
  std::vector<std::string> codes;
  for (DistrictIndex district : districts) {
    codes.push_back(atlas.districts[district].code);
  }
  return codes;
}

FactInput district_subject(const detail::Atlas& atlas, std::size_t index) {
  const District& district = atlas.districts[index];
  FactInput facts;
  facts.subject = Subject{"local_authority_district",
                          district.name,
                          district.code,
                          {district.code},
                          {district.code},
                          {},
                          {}};
  facts.values["institution"] = district.kind;
  facts.values["mayor"] = std::string("none");
  facts.values["existing_institution"] = false;
  add_area_facts(atlas, AreaSubject{{index}, {district.code}, nullptr}, facts);
  return facts;
}

FactInput county_subject(const detail::Atlas& atlas, std::size_t index) {
  const Area& county = atlas.counties[index];
  FactInput facts;
  facts.subject = Subject{"county_council",
                          county.name + " County Council",
                          county.code,
                          {county.code},
                          codes_of(atlas, county.districts),
                          {},
                          {}};
  facts.values["institution"] = std::string("county_council");
  facts.values["mayor"] = std::string("none");
  facts.values["existing_institution"] = false;
  add_area_facts(atlas, AreaSubject{county.districts, {county.code}, nullptr}, facts);
  return facts;
}

FactInput institution_subject(const detail::Atlas& atlas, std::size_t index, Date as_of) {
  const Institution& institution = atlas.institutions[index];
  FactInput facts;
  facts.subject = Subject{institution.kind,
                          institution.name,
                          institution.code,
                          institution.constituents,
                          codes_of(atlas, institution.districts),
                          institution.source,
                          institution.verified ? std::string() : institution.note};
  add_institution_facts(institution, atlas, as_of, facts);
  add_area_facts(atlas, AreaSubject{institution.districts, institution.constituents, &institution},
                 facts);
  return facts;
}

}  // namespace

std::string normalise_name(std::string_view name) {
  std::string text;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == '&') {
      text += " and ";
    } else if (std::isalnum(c) != 0 || c >= 0x80) {
      text += static_cast<char>(std::tolower(c));
    } else if (c == ' ' || c == '-' || c == '/') {
      text += ' ';
    }
  }
  std::string folded;
  for (char c : text) {
    if (c == ' ' && (folded.empty() || folded.back() == ' ')) {
      continue;
    }
    folded += c;
  }
  while (!folded.empty() && folded.back() == ' ') {
    folded.pop_back();
  }
  return folded;
}

void add_institution_facts(const Institution& institution, const detail::Atlas& atlas, Date as_of,
                           FactInput& facts) {
  std::string kind = institution.kind;
  if (kind == "single_council_deal" && institution.districts.size() == 1) {
    kind = atlas.districts[institution.districts.front()].kind;
  }
  facts.values["institution"] = kind;
  facts.values["existing_institution"] = true;
  facts.notes["existing_institution"] =
      fmt::format("{} is in devo's data on existing institutions", institution.name);
  if (!institution.mayoral) {
    facts.values["mayor"] = std::string("none");
    return;
  }
  const auto& election = institution.first_mayoral_election;
  if (!election) {
    facts.notes["mayor"] =
        "a mayoral institution, but the data has no date for its first "
        "mayoral election, so whether a mayor is in post is not known";
    return;
  }
  if (election->exact()) {
    facts.values["mayor_first_elected"] = election->earliest;
  }
  if (election->latest <= as_of) {
    facts.values["mayor"] = std::string("elected_mayor");
    facts.notes["mayor"] = fmt::format("first elected {}", election->text);
    add_months_in_post(election->earliest, election->latest, as_of, facts);
  } else if (as_of < election->earliest) {
    facts.values["mayor"] = std::string("none");
    facts.notes["mayor"] =
        fmt::format("a mayoral institution whose first mayor is to be elected {}", election->text);
  } else {
    facts.notes["mayor"] = fmt::format(
        "the first mayoral election was in {}; the data does not say whether that was before {}",
        election->text, as_of.to_string());
  }
}

void add_months_in_post(Date earliest, Date latest, Date as_of, FactInput& facts) {
  if (as_of < latest) {
    return;
  }
  const int months = latest.whole_months_until(as_of);
  facts.values["mayor_months_in_post"] = std::int64_t{months};
  facts.notes["mayor_months_in_post"] =
      earliest == latest
          ? fmt::format("from the first mayoral election on {} to {}", latest.to_string(),
                        as_of.to_string())
          : fmt::format(
                "at least: the first mayoral election is known only to have been between "
                "{} and {}, counted from the later",
                earliest.to_string(), latest.to_string());
}

std::optional<FactInput> authority_facts(const detail::Atlas& atlas, std::string_view code_or_name,
                                         Date as_of, Diagnostics& diags) {
  const std::vector<Candidate>& all = atlas.candidates;
  const auto found = matching(all, code_or_name);
  const Location where{"--authority", 0, 0};
  if (found.empty()) {
    const auto near = nearest(all, code_or_name);
    diags.error(
        where, std::string(codes::unknown_authority),
        near.empty()
            ? fmt::format("no district, county council or institution is called '{}'", code_or_name)
            : fmt::format("no district, county council or institution is called '{}'; "
                          "the closest are {}",
                          code_or_name, support::join_words(near)));
    return std::nullopt;
  }
  if (found.size() > 1) {
    std::vector<std::string> descriptions;
    for (const Candidate* candidate : found) {
      descriptions.push_back(candidate->description);
    }
    diags.error(where, std::string(codes::ambiguous_authority),
                fmt::format("'{}' could be {}; name one by its full name or GSS code", code_or_name,
                            support::join_words(descriptions)));
    return std::nullopt;
  }
  const Candidate& chosen = *found.front();
  switch (chosen.kind) {
    case Candidate::Kind::district:
      return district_subject(atlas, chosen.index);
    case Candidate::Kind::county:
      return county_subject(atlas, chosen.index);
    case Candidate::Kind::institution:
      return institution_subject(atlas, chosen.index, as_of);
  }
  return std::nullopt;
}

}  // namespace devo::geography
