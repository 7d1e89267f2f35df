#include "geography/atlas.hpp"
#include "geography/proposal.hpp"
#include "geography/subjects.hpp"

#include <devo/codes.hpp>
#include <devo/embedded.hpp>
#include <devo/geography.hpp>

#include <filesystem>

namespace devo {

std::span<const ComputedFact> computed_facts() {
  static constexpr ComputedFact k_facts[] = {
      {"population", FactType::integer, "the sum of the districts' ONS population estimates"},
      {"contiguous", FactType::boolean,
       "the area is one connected piece on the full adjacency set"},
      {"whole_counties", FactType::boolean,
       "every county council area it touches is covered whole"},
      {"police_force_areas", FactType::codes, "the police force areas it touches"},
      {"police_coterminous", FactType::boolean, "the area is exactly one whole police force area"},
      {"fire_authorities", FactType::codes, "the fire and rescue authorities it touches"},
      {"fire_coterminous", FactType::boolean,
       "the area is exactly one whole fire and rescue authority area"},
      {"icbs", FactType::codes, "the integrated care boards it touches"},
      {"icb_coterminous", FactType::boolean, "the area is exactly one whole ICB area"},
      {"devolution_islands", FactType::codes,
       "districts it would leave with no neighbour outside a devolution institution"},
      {"overlaps", FactType::codes, "its councils already in another devolution institution"},
      {"existing_institution", FactType::boolean,
       "the subject is an existing devolution institution in devo's data"},
      {"mayor_months_in_post", FactType::integer,
       "whole months the first mayor has certainly been in post on the as-of date"},
  };
  return k_facts;
}

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
                "--data needs a directory holding the England data tables");
    return std::nullopt;
  }
  std::map<std::string, SourceFile> files;
  for (const std::string& name : geography::data_file_names()) {
    const std::string path = (std::filesystem::path(directory) / name).string();
    if (auto source = read_source_file(path, diags)) {
      files.emplace(name, std::move(*source));
    }
  }
  if (diags.has_errors()) {
    return std::nullopt;
  }
  auto atlas = geography::build_atlas(files, diags);
  if (!atlas) {
    return std::nullopt;
  }
  return Geography(std::move(atlas));
}

const DatasetInfo& Geography::info() const {
  return m_atlas->info;
}

std::optional<FactInput> Geography::authority(std::string_view code_or_name, Date as_of,
                                              Diagnostics& diags) const {
  return geography::authority_facts(*m_atlas, code_or_name, as_of, diags);
}

std::optional<ProposalFacts> Geography::proposal(const SourceFile& file, const RuleSet& rules,
                                                 Date as_of, Diagnostics& diags) const {
  return geography::proposal_facts(*m_atlas, file, rules, as_of, diags);
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
