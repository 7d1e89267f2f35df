#include "geography/subjects.hpp"

#include "geography/area_facts.hpp"
#include "support/suggest.hpp"
#include "support/words.hpp"

#include <devo/codes.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <map>
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

// The candidates nearest to `text`, at most `limit`: those whose names start
// with it, then those containing it, then the closest by spelling.
std::vector<const Candidate*> nearest_candidates(const std::vector<Candidate>& all,
                                                 std::string_view text, std::size_t limit) {
  const std::string wanted = normalise_name(text);
  std::vector<const Candidate*> result;
  const auto add = [&](const Candidate* candidate) {
    if (result.size() < limit &&
        std::find(result.begin(), result.end(), candidate) == result.end()) {
      result.push_back(candidate);
    }
  };
  for (const bool at_start : {true, false}) {
    for (const Candidate& candidate : all) {
      const auto at = wanted.empty() ? std::string::npos : candidate.keys.front().find(wanted);
      if (at != std::string::npos && (at == 0) == at_start) {
        add(&candidate);
      }
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
  for (int round = 0; round < 3 && result.size() < std::min<std::size_t>(limit, 5); ++round) {
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
    add(owner);
    // Drop every name of the candidate found, to find the next one.
    for (std::size_t i = names.size(); i-- > 0;) {
      if (owners[i] == owner) {
        names.erase(names.begin() + static_cast<std::ptrdiff_t>(i));
        owners.erase(owners.begin() + static_cast<std::ptrdiff_t>(i));
      }
    }
  }
  return result;
}

// The names nearest to `text`, for an error message.
std::vector<std::string> nearest(const std::vector<Candidate>& all, std::string_view text) {
  std::vector<std::string> result;
  for (const Candidate* candidate : nearest_candidates(all, text, 5)) {
    result.push_back(candidate->description);
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

// What a council alone is told about holdings: its powers come through the
// institution it is in, if any; devo records holdings for institutions.
Holding council_holdings(const std::string& name, const std::vector<Membership>& member_of) {
  Holding unrecorded;
  unrecorded.note =
      member_of.empty()
          ? "devo records which powers are held for devolution institutions, not single councils"
          : fmt::format("{}'s devolved powers are held through {}", name, member_of.front().name);
  return unrecorded;
}

// The facts a council alone has, whatever its area.
void add_council_facts(const std::string& name, std::string kind, FactInput& facts) {
  facts.values["institution"] = std::move(kind);
  facts.values["mayor"] = std::string("none");
  facts.values["mayor_in_office"] = false;
  facts.values["existing_institution"] = false;
  facts.unrecorded = council_holdings(name, facts.subject.member_of);
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
                          {},
                          memberships(atlas, district.code)};
  add_council_facts(district.name, district.kind, facts);
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
                          {},
                          memberships(atlas, county.code)};
  add_council_facts(facts.subject.name, "county_council", facts);
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
                          institution.verified ? std::string() : institution.note,
                          {}};
  add_institution_facts(institution, atlas, as_of, facts);
  add_area_facts(atlas, AreaSubject{institution.districts, institution.constituents, &institution},
                 facts);
  return facts;
}

}  // namespace

std::vector<Membership> memberships(const detail::Atlas& atlas, std::string_view council) {
  const std::vector<DistrictIndex> districts = districts_of_council(atlas, council);
  std::vector<Membership> result;
  if (districts.empty()) {
    return result;
  }
  for (const Institution& institution : atlas.institutions) {
    if (institution.kind == "single_council_deal") {
      continue;
    }
    const auto& constituents = institution.constituents;
    // London's boroughs and the City are in the GLA's area, not members of it.
    const bool constituent =
        institution.kind != "greater_london_authority" &&
        std::find(constituents.begin(), constituents.end(), council) != constituents.end();
    const bool inside = std::all_of(districts.begin(), districts.end(), [&](DistrictIndex d) {
      return std::binary_search(institution.districts.begin(), institution.districts.end(), d);
    });
    if (!constituent && !inside) {
      continue;
    }
    Membership membership{institution.id,
                          institution.code,
                          institution.name,
                          institution.kind,
                          institution.mayoral,
                          constituent,
                          {}};
    if (!constituent && institution.kind != "greater_london_authority") {
      // A district of a county council that is a constituent.
      const auto county = atlas.districts[districts.front()].county;
      if (county) {
        membership.through = atlas.counties[*county].name + " County Council";
      }
    }
    result.push_back(std::move(membership));
  }
  return result;
}

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

namespace {

// When the first mayor is (or was) in office from: the day the sources give
// for taking office, or else the first election, or the day the institution
// became mayoral if that was later, so the count never starts before either.
struct OfficeStart {
  PartialDate date;
  // Why that date, in words, after "since 2024-05-07".
  std::string why;
};

std::optional<OfficeStart> in_office_from(const Institution& institution) {
  if (institution.mayor_takes_office) {
    return OfficeStart{*institution.mayor_takes_office, ""};
  }
  const auto& election = institution.first_mayoral_election;
  if (!election) {
    return std::nullopt;
  }
  const auto& mayoral = institution.mayoral_from;
  if (mayoral && election->latest < mayoral->latest) {
    PartialDate start = *mayoral;
    start.earliest = std::max(election->earliest, mayoral->earliest);
    return OfficeStart{start, fmt::format(", when it became a mayoral institution; its first "
                                          "mayor was elected {}, and the day the mayor took "
                                          "office is not in devo's data",
                                          election->when())};
  }
  return OfficeStart{*election,
                     ", its first mayoral election; the day the mayor took office is "
                     "not in devo's data"};
}

// `mayor`: whether the institution is a mayoral one on `as_of` -- from the
// day it became one where the sources say, or else from its first mayoral
// election, before which the data cannot tell.
void add_mayoral_form(const Institution& institution, Date as_of, FactInput& facts) {
  const auto& from = institution.mayoral_from;
  const auto& election = institution.first_mayoral_election;
  const PartialDate* since = from ? &*from : election ? &*election : nullptr;
  const std::string elected =
      election ? (election->latest <= as_of
                      ? fmt::format("its first mayor was elected {}", election->when())
                      : fmt::format("its first mayor is to be elected {}", election->when()))
               : std::string("the data has no date for its first mayoral election");
  if (since == nullptr) {
    facts.notes["mayor"] =
        fmt::format("a mayoral institution, but {}, so since when is not known", elected);
    return;
  }
  if (since->latest <= as_of) {
    facts.values["mayor"] = std::string("elected_mayor");
    facts.notes["mayor"] =
        from ? fmt::format("it became mayoral {}; {}", from->when(), elected) : elected;
  } else if (as_of < since->earliest && from) {
    facts.values["mayor"] = std::string("none");
    facts.notes["mayor"] = fmt::format("it becomes mayoral {}; {}", from->when(), elected);
  } else if (as_of < since->earliest) {
    facts.notes["mayor"] = fmt::format(
        "the data does not say since when it has been a mayoral institution; {}", elected);
  } else {
    facts.notes["mayor"] =
        fmt::format("it became mayoral {}; the data does not say whether that was before {}",
                    since->when(), as_of.to_string());
  }
}

// `mayor_in_office` and `mayor_months_in_post` on `as_of`: the months are a
// range when the start is known only to the month or the year.
void add_mayor_in_office(const Institution& institution, Date as_of, FactInput& facts) {
  const auto office = in_office_from(institution);
  if (!office) {
    facts.notes["mayor_in_office"] = "the data has no date for its first mayor";
    return;
  }
  const PartialDate& start = office->date;
  add_months_in_post(start.earliest, start.latest, as_of, facts);
  if (as_of < start.earliest) {
    const std::string when = office->why.empty()
                                 ? fmt::format("its first mayor takes office on {}", start.words())
                                 : fmt::format("its first mayor is to be elected {}", start.when());
    facts.values["mayor_in_office"] = false;
    facts.notes["mayor_in_office"] = when;
    facts.notes["mayor_months_in_post"] = "none yet: " + when;
    return;
  }
  if (as_of < start.latest) {
    facts.notes["mayor_in_office"] =
        fmt::format("from {}{}; the data does not say whether that was before {}", start.words(),
                    office->why, as_of.to_string());
  } else {
    facts.values["mayor_in_office"] = true;
    facts.notes["mayor_in_office"] = fmt::format("since {}{}", start.words(), office->why);
  }
  facts.notes["mayor_months_in_post"] =
      start.exact() ? fmt::format("from {} to {}", start.words(), as_of.to_string())
                    : fmt::format(
                          "counted from {}, which the sources give only to the {}; the exact "
                          "date would settle it",
                          start.words(), start.text.size() == 4 ? "year" : "month");
}

bool covers(const std::optional<PartialDate>& from, const std::optional<PartialDate>& to,
            Date day) {
  return (!from || from->latest <= day) && (!to || day < to->earliest);
}

// A row's note for joining with others: without its closing full stop, and
// with its evidence mark when that is less than confirmed.
std::string with_mark(const HoldingRecord& record) {
  std::string note = record.note;
  if (!note.empty() && note.back() == '.') {
    note.pop_back();
  }
  return record.evidence == "confirmed" ? note
                                        : fmt::format("{}; evidence: {}", note, record.evidence);
}

}  // namespace

std::optional<Holding> holding_on(const std::vector<const HoldingRecord*>& records, Date as_of) {
  using Status = HoldingRecord::Status;
  Holding holding;
  std::vector<std::string> notes;
  std::vector<std::string> sources;
  const auto use = [&](const HoldingRecord& record, std::string note) {
    notes.push_back(std::move(note));
    sources.push_back(record.source);
    if (holding.evidence.empty() || record.evidence != "confirmed") {
      holding.evidence = record.evidence;
    }
  };
  std::vector<const HoldingRecord*> on_the_day;
  for (const HoldingRecord* record : records) {
    if (covers(record->from, record->to, as_of)) {
      on_the_day.push_back(record);
    }
  }
  const auto held = std::find_if(on_the_day.begin(), on_the_day.end(),
                                 [](const auto* record) { return record->status == Status::held; });
  if (held != on_the_day.end()) {
    holding.held = true;
    holding.since = (*held)->from ? (*held)->from->words() : std::string();
    use(**held, with_mark(**held));
  } else if (!on_the_day.empty()) {
    // Not held; a transfer decided without a planned date is not known to be
    // in force or not.
    bool known = false;
    for (Status status : {Status::not_held, Status::decided}) {
      for (const HoldingRecord* record : on_the_day) {
        if (record->status == status) {
          known = known || status == Status::not_held || record->to.has_value();
          use(*record,
              status == Status::decided ? "decided: " + with_mark(*record) : with_mark(*record));
        }
      }
    }
    if (known) {
      holding.held = false;
    }
  } else {
    // Nothing covers the day: a holding still to come, a record that has run
    // out, or a date the day falls inside.
    for (const HoldingRecord* record : records) {
      if (record->status == Status::held && record->from && as_of < record->from->earliest) {
        holding.held = false;
        use(*record, fmt::format("held from {}: {}", record->from->words(), with_mark(*record)));
      } else if (record->to && record->to->earliest <= as_of) {
        use(*record, fmt::format("{}; the record runs to {}, and what came after is not in "
                                 "devo's data",
                                 with_mark(*record), record->to->words()));
      } else if (!record->from || as_of >= record->from->earliest) {
        use(*record, fmt::format("{}; the data does not say whether that was so by {}",
                                 with_mark(*record), as_of.to_string()));
      }
    }
  }
  if (notes.empty()) {
    return std::nullopt;
  }
  holding.note = fmt::format("{}", fmt::join(notes, "; "));
  std::sort(sources.begin(), sources.end());
  sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
  holding.source = fmt::format("{}", fmt::join(sources, "; "));
  return holding;
}

namespace {

// The holdings devo's data records for `institution` on `as_of`, and from
// them whether a transfer of police or fire functions has been decided.
void add_holdings(const Institution& institution, Date as_of, FactInput& facts) {
  std::map<std::string, std::vector<const HoldingRecord*>> by_key;
  for (const HoldingRecord& record : institution.holdings) {
    by_key[record.holding].push_back(&record);
  }
  for (const auto& [key, records] : by_key) {
    if (auto holding = holding_on(records, as_of)) {
      facts.holdings[key] = std::move(*holding);
    }
  }
  facts.unrecorded.note =
      fmt::format("devo's data does not record whether {} holds it", institution.name);
  for (const auto& [key, fact] : {std::pair{"pcc-functions", "police_transfer_decided"},
                                  std::pair{"fire-functions", "fire_transfer_decided"}}) {
    const auto it = by_key.find(key);
    if (it == by_key.end()) {
      continue;
    }
    for (const HoldingRecord* record : it->second) {
      const bool decided = record->status != HoldingRecord::Status::not_held &&
                           (!record->from || record->from->latest <= as_of);
      if (decided) {
        facts.values[fact] = true;
        facts.notes[fact] =
            record->status == HoldingRecord::Status::held
                ? fmt::format("held{}",
                              record->from ? " since " + record->from->words() : std::string())
                : with_mark(*record);
      }
    }
  }
}

}  // namespace

void add_institution_facts(const Institution& institution, const detail::Atlas& atlas, Date as_of,
                           FactInput& facts) {
  std::string kind = institution.kind;
  if (kind == "single_council_deal" && institution.districts.size() == 1) {
    kind = atlas.districts[institution.districts.front()].kind;
  }
  facts.values["institution"] = kind;
  facts.values["existing_institution"] = true;
  const auto& established = institution.established;
  facts.notes["existing_institution"] =
      !established ? fmt::format(
                         "{} is in devo's data on existing institutions (the day it was "
                         "established is not in the sources)",
                         institution.name)
      : as_of < established->earliest
          ? fmt::format("{} is in devo's data on existing institutions, established {}: after {}",
                        institution.name, established->when(), as_of.to_string())
          : fmt::format("{} is in devo's data on existing institutions, established {}",
                        institution.name, established->when());
  add_holdings(institution, as_of, facts);
  if (!institution.mayoral) {
    facts.values["mayor"] = std::string("none");
    facts.values["mayor_in_office"] = false;
    facts.notes["mayor_in_office"] = "it has no directly elected mayor";
    return;
  }
  if (institution.first_mayoral_election && institution.first_mayoral_election->exact()) {
    facts.values["mayor_first_elected"] = institution.first_mayoral_election->earliest;
  }
  add_mayoral_form(institution, as_of, facts);
  add_mayor_in_office(institution, as_of, facts);
}

void add_months_in_post(Date earliest, Date latest, Date as_of, FactInput& facts) {
  const std::int64_t least = as_of < latest ? 0 : std::int64_t{latest.whole_months_until(as_of)};
  const std::int64_t most = as_of < earliest ? 0 : std::int64_t{earliest.whole_months_until(as_of)};
  facts.values["mayor_months_in_post"] = least;
  if (least != most) {
    facts.upper["mayor_months_in_post"] = most;
  }
}

std::optional<FactInput> authority_facts(const detail::Atlas& atlas, std::string_view code_or_name,
                                         Date as_of, const Location& where, Diagnostics& diags) {
  const std::vector<Candidate>& all = atlas.candidates;
  const auto found = matching(all, code_or_name);
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

namespace {

std::string kind_name(Candidate::Kind kind) {
  switch (kind) {
    case Candidate::Kind::district:
      return "district";
    case Candidate::Kind::county:
      return "county";
    case Candidate::Kind::institution:
      return "institution";
  }
  return "district";
}

}  // namespace

std::vector<AuthorityName> find_authorities(const detail::Atlas& atlas, std::string_view text,
                                            std::size_t limit) {
  const std::vector<Candidate>& all = atlas.candidates;
  // An exact name or code first, then the names that start with the text,
  // contain it, or are spelt most like it.
  std::vector<const Candidate*> found = matching(all, text);
  for (const Candidate* candidate : nearest_candidates(all, text, limit)) {
    if (std::find(found.begin(), found.end(), candidate) == found.end()) {
      found.push_back(candidate);
    }
  }
  if (text.empty()) {
    found.clear();
    for (const Candidate& candidate : all) {
      found.push_back(&candidate);
    }
  }
  std::vector<AuthorityName> names;
  for (const Candidate* candidate : found) {
    if (names.size() == limit) {
      break;
    }
    names.push_back(AuthorityName{candidate->code, candidate->name, kind_name(candidate->kind),
                                  candidate->description});
  }
  return names;
}

}  // namespace devo::geography
