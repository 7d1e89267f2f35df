#include "geography/atlas.hpp"

#include "geography/csv.hpp"
#include "geography/subjects.hpp"
#include "load/yaml_document.hpp"
#include "support/sha256.hpp"

#include <devo/codes.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>

namespace devo::geography {

namespace {

std::optional<PartialDate> parse_single(std::string_view text);

}  // namespace

std::optional<PartialDate> PartialDate::parse(std::string_view text) {
  const auto dots = text.find("..");
  if (dots == std::string_view::npos) {
    return parse_single(text);
  }
  const auto from = parse_single(text.substr(0, dots));
  const auto to = parse_single(text.substr(dots + 2));
  if (!from || !to || to->latest < from->earliest) {
    return std::nullopt;
  }
  return PartialDate{std::string(text), from->earliest, to->latest};
}

std::string PartialDate::words() const {
  const auto dots = text.find("..");
  if (dots == std::string::npos) {
    return text;
  }
  return fmt::format("between {} and {}", text.substr(0, dots), text.substr(dots + 2));
}

std::string PartialDate::when() const {
  if (text.find("..") != std::string::npos) {
    return words();
  }
  return fmt::format("{} {}", exact() ? "on" : "in", text);
}

namespace {

std::optional<PartialDate> parse_single(std::string_view text) {
  if (auto day = Date::parse(text)) {
    return PartialDate{std::string(text), *day, *day};
  }
  int year = 0;
  unsigned month = 0;
  const auto parse_number = [](std::string_view digits, auto& out) {
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return result.ec == std::errc() && result.ptr == digits.data() + digits.size();
  };
  if (text.size() == 4 && parse_number(text, year)) {
    return PartialDate{std::string(text), Date::from_civil(year, 1, 1),
                       Date::from_civil(year, 12, 31)};
  }
  if (text.size() == 7 && text[4] == '-' && parse_number(text.substr(0, 4), year) &&
      parse_number(text.substr(5, 2), month) && month >= 1 && month <= 12) {
    const Date first = Date::from_civil(year, month, 1);
    const Date next =
        month == 12 ? Date::from_civil(year + 1, 1, 1) : Date::from_civil(year, month + 1, 1);
    return PartialDate{std::string(text), first, Date{next.days - 1}};
  }
  return std::nullopt;
}

const std::vector<std::string_view> k_district_columns = {
    "code",      "name", "kind", "county_code", "police_force_area_code", "fire_authority_code",
    "population"};
const std::vector<std::string_view> k_area_columns = {"code", "name"};
const std::vector<std::string_view> k_district_icb_columns = {"district_code", "icb_code",
                                                              "lsoa_count", "lsoa_share"};
const std::vector<std::string_view> k_adjacency_columns = {"district_a", "district_b", "boundary"};
const std::vector<std::string_view> k_institution_columns = {"id",
                                                             "code",
                                                             "name",
                                                             "kind",
                                                             "mayoral",
                                                             "established",
                                                             "mayoral_from",
                                                             "first_mayoral_election",
                                                             "mayor_takes_office",
                                                             "constituents",
                                                             "source",
                                                             "verified",
                                                             "note"};
const std::vector<std::string_view> k_holding_columns = {
    "institution", "holding", "status", "from", "to", "source", "evidence", "note"};
const std::vector<std::string_view> k_ceremonial_county_columns = {
    "id", "name", "councils", "county_council", "partly", "source", "verified", "note"};

const std::set<std::string, std::less<>> k_district_kinds = {
    "unitary_authority", "non_metropolitan_district", "metropolitan_district", "london_borough",
    "city_of_london"};
const std::set<std::string, std::less<>> k_institution_kinds = {
    "combined_authority", "combined_county_authority", "greater_london_authority",
    "single_council_deal"};
const std::set<std::string, std::less<>> k_boundaries = {"land", "tidal_river", "estuary_or_sea"};
const std::set<std::string, std::less<>> k_evidence = {"confirmed", "secondary", "reconstructed"};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  return parts;
}

class AtlasBuilder {
 public:
  AtlasBuilder(const std::map<std::string, SourceFile>& files, Diagnostics& diags)
      : m_files(files), m_diags(diags) {}

  std::shared_ptr<const detail::Atlas> build() {
    auto atlas = std::make_shared<detail::Atlas>();
    m_atlas = atlas.get();
    const std::size_t errors_before = m_diags.error_count();
    read_manifest();
    m_atlas->counties = read_areas("counties.csv");
    m_atlas->police_force_areas = read_areas("police_force_areas.csv");
    m_atlas->fire_authorities = read_areas("fire_authorities.csv");
    m_atlas->icbs = read_areas("icbs.csv");
    if (m_diags.error_count() > errors_before) {
      return nullptr;
    }
    read_districts();
    read_district_icbs();
    read_adjacency();
    read_institutions();
    read_holdings();
    read_ceremonial_counties();
    if (m_diags.error_count() > errors_before) {
      return nullptr;
    }
    index_areas_of_districts();
    m_atlas->candidates = name_index(*m_atlas);
    return atlas;
  }

 private:
  std::optional<CsvTable> table(const std::string& name,
                                const std::vector<std::string_view>& columns) {
    auto file = m_files.find(name);
    if (file == m_files.end()) {
      m_diags.error(Location{name, 0, 0}, std::string(codes::invalid_data),
                    "this file of the England data is missing");
      return std::nullopt;
    }
    return parse_csv(file->second, columns, m_diags);
  }

  void bad(const CsvTable& table, const CsvRow& row, std::string message) {
    m_diags.error(table.where(row), std::string(codes::invalid_data), std::move(message));
  }

  void read_manifest() {
    auto file = m_files.find("manifest.yaml");
    if (file == m_files.end()) {
      m_diags.error(Location{"manifest.yaml", 0, 0}, std::string(codes::invalid_data),
                    "this file of the England data is missing");
      return;
    }
    auto document = load::parse_yaml(file->second, m_diags);
    if (!document) {
      return;
    }
    DatasetInfo& info = m_atlas->info;
    const auto text = [&](const load::Node* node) {
      return node != nullptr && node->is_scalar() ? node->text : std::string();
    };
    info.name = text(document->find("name"));
    info.attribution = text(document->find("attribution"));
    const load::Node* licence = document->find("licence");
    info.licence = licence != nullptr && licence->kind == load::Node::Kind::mapping
                       ? text(licence->find("name"))
                       : text(licence);
    if (const load::Node* vintage = document->find("vintage")) {
      for (const load::Node::Entry& entry : vintage->entries) {
        if (!info.vintage.empty()) {
          info.vintage += "; ";
        }
        std::string key = entry.key;
        std::replace(key.begin(), key.end(), '_', ' ');
        info.vintage += fmt::format("{}: {}", key, text(&entry.value));
      }
    }
    std::string all_bytes;
    for (const auto& [name, source] : m_files) {
      all_bytes += name + '\0' + *source.text + '\0';
    }
    info.sha256 = support::sha256_hex(all_bytes);
  }

  std::vector<Area> read_areas(const std::string& name) {
    std::vector<Area> areas;
    auto csv = table(name, k_area_columns);
    if (!csv) {
      return areas;
    }
    std::set<std::string> seen;
    for (const CsvRow& row : csv->rows) {
      if (!seen.insert(row.cells[0]).second) {
        bad(*csv, row, fmt::format("code '{}' is listed twice", row.cells[0]));
        continue;
      }
      areas.push_back(Area{row.cells[0], row.cells[1], {}});
    }
    return areas;
  }

  static std::optional<std::size_t> index_of(const std::vector<Area>& areas,
                                             std::string_view code) {
    const auto it = std::find_if(areas.begin(), areas.end(),
                                 [&](const Area& area) { return area.code == code; });
    if (it == areas.end()) {
      return std::nullopt;
    }
    return static_cast<std::size_t>(it - areas.begin());
  }

  void read_districts() {
    auto csv = table("districts.csv", k_district_columns);
    if (!csv) {
      return;
    }
    for (const CsvRow& row : csv->rows) {
      // A row with a bad field is reported but kept, so that the rows naming
      // it elsewhere (adjacency, ICBs) are not reported again.
      const std::size_t index = m_atlas->districts.size();
      if (!m_atlas->district_by_code.emplace(row.cells[0], index).second) {
        bad(*csv, row, fmt::format("district '{}' is listed twice", row.cells[0]));
        continue;
      }
      m_atlas->districts.push_back(read_district(*csv, row));
      const District& district = m_atlas->districts.back();
      if (district.county) {
        m_atlas->counties[*district.county].districts.push_back(index);
      }
      // An unknown area was reported above and the atlas will be discarded;
      // only a real index is used.
      if (district.police_force_area < m_atlas->police_force_areas.size()) {
        m_atlas->police_force_areas[district.police_force_area].districts.push_back(index);
      }
      if (district.fire_authority < m_atlas->fire_authorities.size()) {
        m_atlas->fire_authorities[district.fire_authority].districts.push_back(index);
      }
    }
    for (std::size_t i = 0; i < m_atlas->counties.size(); ++i) {
      m_atlas->county_by_code.emplace(m_atlas->counties[i].code, i);
    }
  }

  District read_district(const CsvTable& csv, const CsvRow& row) {
    const auto& cells = row.cells;
    District district;
    district.code = cells[0];
    district.name = cells[1];
    district.kind = cells[2];
    if (!k_district_kinds.contains(district.kind)) {
      bad(csv, row, fmt::format("'{}' is not a kind of district", district.kind));
    }
    if (!cells[3].empty()) {
      district.county = index_of(m_atlas->counties, cells[3]);
      if (!district.county) {
        bad(csv, row, fmt::format("county '{}' is not in counties.csv", cells[3]));
      }
    }
    const auto police = index_of(m_atlas->police_force_areas, cells[4]);
    if (!police) {
      bad(csv, row,
          fmt::format("police force area '{}' is not in police_force_areas.csv", cells[4]));
    }
    const auto fire = index_of(m_atlas->fire_authorities, cells[5]);
    if (!fire) {
      bad(csv, row, fmt::format("fire authority '{}' is not in fire_authorities.csv", cells[5]));
    }
    district.police_force_area = police.value_or(0);
    district.fire_authority = fire.value_or(0);
    const auto result =
        std::from_chars(cells[6].data(), cells[6].data() + cells[6].size(), district.population);
    if (result.ec != std::errc() || result.ptr != cells[6].data() + cells[6].size() ||
        district.population < 0) {
      bad(csv, row, fmt::format("population '{}' is not a whole number", cells[6]));
      district.population = 0;
    }
    return district;
  }

  void read_district_icbs() {
    auto csv = table("district_icbs.csv", k_district_icb_columns);
    if (!csv) {
      return;
    }
    for (const CsvRow& row : csv->rows) {
      const auto district = m_atlas->district_by_code.find(row.cells[0]);
      const auto icb = index_of(m_atlas->icbs, row.cells[1]);
      if (district == m_atlas->district_by_code.end() || !icb) {
        bad(*csv, row,
            fmt::format("district '{}' or ICB '{}' is not listed", row.cells[0], row.cells[1]));
        continue;
      }
      m_atlas->districts[district->second].icbs.push_back(
          IcbShare{*icb, std::strtod(row.cells[3].c_str(), nullptr)});
      m_atlas->icbs[*icb].districts.push_back(district->second);
    }
    for (const District& district : m_atlas->districts) {
      if (district.icbs.empty()) {
        m_diags.error(Location{"district_icbs.csv", 0, 0}, std::string(codes::invalid_data),
                      fmt::format("district '{}' has no ICB", district.code));
      }
    }
    for (Area& icb : m_atlas->icbs) {
      std::sort(icb.districts.begin(), icb.districts.end());
    }
  }

  void read_adjacency() {
    auto csv = table("adjacency.csv", k_adjacency_columns);
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    if (csv) {
      std::set<std::pair<std::size_t, std::size_t>> seen;
      for (const CsvRow& row : csv->rows) {
        const auto a = m_atlas->district_by_code.find(row.cells[0]);
        const auto b = m_atlas->district_by_code.find(row.cells[1]);
        if (a == m_atlas->district_by_code.end() || b == m_atlas->district_by_code.end() ||
            a->second == b->second) {
          bad(*csv, row,
              fmt::format("'{}' and '{}' are not two listed districts", row.cells[0],
                          row.cells[1]));
          continue;
        }
        if (!k_boundaries.contains(row.cells[2])) {
          bad(*csv, row, fmt::format("'{}' is not a kind of boundary", row.cells[2]));
          continue;
        }
        const auto edge = std::minmax(a->second, b->second);
        if (!seen.insert(edge).second) {
          bad(*csv, row, "this pair is listed twice");
          continue;
        }
        edges.push_back(edge);
      }
    }
    add_sea_links(edges);
    m_atlas->graph = std::make_unique<DistrictGraph>(m_atlas->districts.size(), edges);
  }

  // A district with no boundary at all is an island (the Isle of Wight, the
  // Isles of Scilly): its only link is by sea. It is joined to the other
  // districts of its police force area, the statutory area it shares with the
  // mainland, so that an area holding both is one piece, and so that leaving
  // the island out can strand it.
  void add_sea_links(std::vector<std::pair<std::size_t, std::size_t>>& edges) {
    std::vector<bool> bounded(m_atlas->districts.size(), false);
    for (const auto& [a, b] : edges) {
      bounded[a] = true;
      bounded[b] = true;
    }
    for (std::size_t island = 0; island < m_atlas->districts.size(); ++island) {
      if (bounded[island]) {
        continue;
      }
      District& district = m_atlas->districts[island];
      district.island = true;
      if (district.police_force_area >= m_atlas->police_force_areas.size()) {
        continue;
      }
      for (DistrictIndex other :
           m_atlas->police_force_areas[district.police_force_area].districts) {
        if (other != island && bounded[other]) {
          edges.push_back(std::minmax(island, other));
        }
      }
    }
  }

  void index_areas_of_districts() {
    for (const District& district : m_atlas->districts) {
      m_atlas->police_force_areas_of.push_back({district.police_force_area});
      m_atlas->fire_authorities_of.push_back({district.fire_authority});
      std::vector<std::size_t> icbs;
      for (const IcbShare& share : district.icbs) {
        icbs.push_back(share.icb);
      }
      m_atlas->icbs_of.push_back(std::move(icbs));
    }
  }

  // A partial date cell, or nothing when it is empty; a bad one is reported.
  std::optional<PartialDate> partial_date(const CsvTable& csv, const CsvRow& row, std::size_t cell,
                                          bool& ok) {
    const std::string& text = row.cells[cell];
    if (text.empty()) {
      return std::nullopt;
    }
    auto date = PartialDate::parse(text);
    if (!date) {
      bad(csv, row,
          fmt::format("'{}' is not a date (YYYY, YYYY-MM, YYYY-MM-DD, or a range A..B of them)",
                      text));
      ok = false;
    }
    return date;
  }

  void read_institutions() {
    auto csv = table("institutions.csv", k_institution_columns);
    if (!csv) {
      return;
    }
    for (const CsvRow& row : csv->rows) {
      const auto& cells = row.cells;
      Institution institution;
      institution.id = cells[0];
      institution.code = cells[1];
      institution.name = cells[2];
      institution.kind = cells[3];
      if (!k_institution_kinds.contains(institution.kind)) {
        bad(*csv, row, fmt::format("'{}' is not a kind of institution", institution.kind));
        continue;
      }
      institution.mayoral = cells[4] == "yes";
      bool ok = true;
      institution.established = partial_date(*csv, row, 5, ok);
      institution.mayoral_from = partial_date(*csv, row, 6, ok);
      institution.first_mayoral_election = partial_date(*csv, row, 7, ok);
      institution.mayor_takes_office = partial_date(*csv, row, 8, ok);
      if (!ok) {
        continue;
      }
      institution.constituents = split(cells[9], ';');
      institution.source = cells[10];
      institution.verified = cells[11] == "yes";
      institution.note = cells[12];
      if (!resolve_constituents(institution)) {
        bad(*csv, row,
            fmt::format("a constituent of '{}' is neither a district nor a county",
                        institution.id));
        continue;
      }
      m_atlas->institutions.push_back(std::move(institution));
    }
  }

  static std::optional<HoldingRecord::Status> holding_status(std::string_view text) {
    if (text == "held") {
      return HoldingRecord::Status::held;
    }
    if (text == "decided") {
      return HoldingRecord::Status::decided;
    }
    if (text == "not_held") {
      return HoldingRecord::Status::not_held;
    }
    return std::nullopt;
  }

  void read_holdings() {
    auto csv = table("holdings.csv", k_holding_columns);
    if (!csv) {
      return;
    }
    for (const CsvRow& row : csv->rows) {
      const auto& cells = row.cells;
      const auto institution =
          std::find_if(m_atlas->institutions.begin(), m_atlas->institutions.end(),
                       [&](const Institution& candidate) { return candidate.id == cells[0]; });
      if (institution == m_atlas->institutions.end()) {
        bad(*csv, row, fmt::format("institution '{}' is not in institutions.csv", cells[0]));
        continue;
      }
      const auto status = holding_status(cells[2]);
      if (!status) {
        bad(*csv, row, fmt::format("'{}' is not held, decided or not_held", cells[2]));
        continue;
      }
      if (!k_evidence.contains(cells[6])) {
        bad(*csv, row,
            fmt::format("'{}' is not an evidence mark (confirmed, secondary, reconstructed)",
                        cells[6]));
        continue;
      }
      bool ok = true;
      HoldingRecord record{cells[1],
                           *status,
                           partial_date(*csv, row, 3, ok),
                           partial_date(*csv, row, 4, ok),
                           cells[5],
                           cells[6],
                           cells[7]};
      if (ok) {
        institution->holdings.push_back(std::move(record));
      }
    }
  }

  void read_ceremonial_counties() {
    auto csv = table("ceremonial_counties.csv", k_ceremonial_county_columns);
    m_atlas->ceremonial_counties_of.assign(m_atlas->districts.size(), {});
    if (!csv) {
      return;
    }
    for (const CsvRow& row : csv->rows) {
      const auto& cells = row.cells;
      CeremonialCounty county;
      county.id = cells[0];
      county.name = cells[1];
      county.county_council = cells[3];
      county.verified = cells[6] == "yes";
      const auto councils = districts_of_codes(split(cells[2], ';'));
      const auto partly = districts_of_codes(split(cells[4], ';'));
      const auto county_council = districts_of_codes(split(cells[3], ';'));
      if (!councils || !partly || !county_council || councils->empty()) {
        bad(*csv, row,
            fmt::format("a council of '{}' is neither a district nor a county", county.id));
        continue;
      }
      county.districts = *councils;
      county.partly = *partly;
      county.county_council_districts = *county_council;
      const std::size_t index = m_atlas->ceremonial_counties.size();
      for (DistrictIndex district : county.districts) {
        m_atlas->ceremonial_counties_of[district].push_back(index);
      }
      m_atlas->ceremonial_counties.push_back(std::move(county));
    }
  }

  // The districts of district and county codes, or nothing if a code is
  // neither.
  std::optional<std::vector<DistrictIndex>> districts_of_codes(
      const std::vector<std::string>& codes) const {
    std::set<DistrictIndex> districts;
    for (const std::string& code : codes) {
      if (auto district = m_atlas->district_by_code.find(code);
          district != m_atlas->district_by_code.end()) {
        districts.insert(district->second);
      } else if (auto county = m_atlas->county_by_code.find(code);
                 county != m_atlas->county_by_code.end()) {
        const auto& members = m_atlas->counties[county->second].districts;
        districts.insert(members.begin(), members.end());
      } else {
        return std::nullopt;
      }
    }
    return std::vector<DistrictIndex>(districts.begin(), districts.end());
  }

  bool resolve_constituents(Institution& institution) {
    auto districts = districts_of_codes(institution.constituents);
    if (!districts) {
      return false;
    }
    institution.districts = std::move(*districts);
    return !institution.districts.empty();
  }

  const std::map<std::string, SourceFile>& m_files;
  Diagnostics& m_diags;
  detail::Atlas* m_atlas = nullptr;
};

}  // namespace

const std::vector<std::string>& data_file_names() {
  static const std::vector<std::string> k_names = {
      "manifest.yaml",        "districts.csv", "counties.csv",           "police_force_areas.csv",
      "fire_authorities.csv", "icbs.csv",      "district_icbs.csv",      "adjacency.csv",
      "institutions.csv",     "holdings.csv",  "ceremonial_counties.csv"};
  return k_names;
}

std::shared_ptr<const detail::Atlas> build_atlas(const std::map<std::string, SourceFile>& files,
                                                 Diagnostics& diags) {
  return AtlasBuilder(files, diags).build();
}

}  // namespace devo::geography
