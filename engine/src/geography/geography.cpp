#include "geography/area_facts.hpp"
#include "geography/atlas.hpp"
#include "geography/groupings.hpp"
#include "geography/proposal.hpp"
#include "geography/subjects.hpp"

#include <devo/codes.hpp>
#include <devo/embedded.hpp>
#include <devo/geography.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace devo {

Geography::Geography(std::shared_ptr<const detail::Atlas> atlas) : m_atlas(std::move(atlas)) {}

std::optional<Geography> Geography::load_builtin(Diagnostics& diags) {
  std::map<std::string, SourceFile> files;
  for (const EmbeddedFile& file : builtin_data_files()) {
    const std::string name = std::filesystem::path(file.path).filename().string();
    files.emplace(name, SourceFile::from_text(std::string(file.path), std::string(file.bytes)));
  }
  auto atlas = geography::build_atlas(files, diags);
  if (!atlas) {
    return std::nullopt;
  }
  return Geography(std::move(atlas));
}

std::optional<Geography> Geography::load_directory(const std::string& directory,
                                                   Diagnostics& diags) {
  if (!std::filesystem::is_directory(directory)) {
    diags.error(Location{directory, 0, 0}, std::string(codes::not_a_file),
                "not a directory; England's data tables are read from a directory");
    return std::nullopt;
  }
  std::map<std::string, SourceFile> files;
  bool unreadable = false;
  for (const std::string& name : geography::data_file_names()) {
    const std::string path = (std::filesystem::path(directory) / name).string();
    std::error_code error;
    if (!std::filesystem::exists(path, error) && !error) {
      continue;  // the atlas reports a missing table as invalid data, and reads the rest
    }
    if (auto source = read_source_file(path, diags)) {
      files.emplace(name, std::move(*source));
    } else {
      unreadable = true;
    }
  }
  if (unreadable) {
    return std::nullopt;
  }
  auto atlas = geography::build_atlas(files, diags, directory);
  if (!atlas) {
    return std::nullopt;
  }
  return Geography(std::move(atlas));
}

const DatasetInfo& Geography::info() const {
  return m_atlas->info;
}

std::optional<FactInput> Geography::authority(std::string_view code_or_name, Date as_of,
                                              Diagnostics& diags, const Location& named_at) const {
  return geography::authority_facts(*m_atlas, code_or_name, as_of, named_at, diags);
}

std::optional<ProposalFacts> Geography::proposal(const SourceFile& file, const RuleSet& rules,
                                                 Date as_of, Diagnostics& diags) const {
  return geography::proposal_facts(*m_atlas, file, rules, as_of, diags);
}

std::optional<FactInput> Geography::grouping(std::span<const std::string> councils, FactNotes notes,
                                             Diagnostics& diags) const {
  geography::AreaSubject area;
  area.notes = notes == FactNotes::words;
  for (const std::string& council : councils) {
    const auto districts = geography::districts_of_council(*m_atlas, council);
    if (districts.empty()) {
      diags.error(Location{"grouping", 0, 0}, std::string(codes::unknown_council),
                  fmt::format("'{}' is not the GSS code of a district or county council", council));
      return std::nullopt;
    }
    area.councils.push_back(council);
    area.districts.insert(area.districts.end(), districts.begin(), districts.end());
  }
  std::sort(area.districts.begin(), area.districts.end());
  area.districts.erase(std::unique(area.districts.begin(), area.districts.end()),
                       area.districts.end());
  FactInput facts;
  facts.subject.kind = "grouping";
  facts.unrecorded = Holding{false, {}, "a grouping holds no powers yet", {}, {}};
  facts.subject.councils = area.councils;
  for (geography::DistrictIndex district : area.districts) {
    facts.subject.districts.push_back(m_atlas->districts[district].code);
  }
  facts.subject.name = area.notes ? geography::districts_in_words(*m_atlas, area.districts)
                                  : std::string("grouping");
  facts.values["existing_institution"] = false;
  geography::add_area_facts(*m_atlas, area, facts);
  return facts;
}

std::vector<AuthorityName> Geography::find_authorities(std::string_view text,
                                                       std::size_t limit) const {
  return geography::find_authorities(*m_atlas, text, limit);
}

std::vector<std::string> Geography::district_codes() const {
  std::vector<std::string> codes;
  for (const geography::District& district : m_atlas->districts) {
    codes.push_back(district.code);
  }
  return codes;
}

std::vector<std::string> Geography::neighbours(std::string_view district) const {
  std::vector<std::string> codes;
  const auto it = m_atlas->district_by_code.find(district);
  if (it != m_atlas->district_by_code.end()) {
    for (geography::DistrictIndex neighbour : m_atlas->graph->neighbours(it->second)) {
      codes.push_back(m_atlas->districts[neighbour].code);
    }
  }
  return codes;
}

std::optional<std::size_t> Geography::count_groupings(std::string_view district,
                                                      std::size_t max_added) const {
  const auto it = m_atlas->district_by_code.find(district);
  if (it == m_atlas->district_by_code.end()) {
    return std::nullopt;
  }
  geography::Adjacency adjacency(m_atlas->districts.size());
  for (std::size_t i = 0; i < adjacency.size(); ++i) {
    for (geography::DistrictIndex neighbour : m_atlas->graph->neighbours(i)) {
      adjacency[i].push_back(static_cast<std::uint32_t>(neighbour));
    }
  }
  const std::vector<bool> allowed(adjacency.size(), true);
  const std::uint32_t seed[] = {static_cast<std::uint32_t>(it->second)};
  std::size_t count = 0;
  geography::for_each_grouping(adjacency, seed, max_added, allowed,
                               [&](std::span<const std::uint32_t>) {
                                 ++count;
                                 return true;
                               });
  return count;
}

std::vector<std::string> Geography::authority_codes() const {
  std::vector<std::string> codes;
  for (const geography::District& district : m_atlas->districts) {
    codes.push_back(district.code);
  }
  for (const geography::Area& county : m_atlas->counties) {
    codes.push_back(county.code);
  }
  for (const geography::Institution& institution : m_atlas->institutions) {
    // Cornwall's deal is Cornwall's district, already listed; an institution
    // without a GSS code yet is named instead.
    if (institution.kind != "single_council_deal") {
      codes.push_back(institution.code.empty() ? institution.name : institution.code);
    }
  }
  return codes;
}

}  // namespace devo
