#include "geography/atlas.hpp"

#include "geography/checked_arithmetic.hpp"
#include "geography/csv.hpp"
#include "geography/data_fields.hpp"
#include "geography/shape_tables.hpp"
#include "geography/subjects.hpp"
#include "load/yaml_document.hpp"
#include "support/sha256.hpp"

#include <devo/codes.hpp>
#include <devo/limits.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <set>
#include <tuple>

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
const std::set<std::string, std::less<>> k_holdings = {"pcc-functions", "fire-functions",
                                                       "integrated-settlement", "level-4"};

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

using CodeIndex = std::map<std::string, std::size_t, std::less<>>;

// The codes of a ';'-separated cell, each once, in the order given.
std::vector<std::string> distinct_codes(const std::string& cell) {
  std::vector<std::string> codes;
  std::set<std::string> seen;
  for (std::string& code : split(cell, ';')) {
    if (seen.insert(code).second) {
      codes.push_back(std::move(code));
    }
  }
  return codes;
}

// One kind of area table (counties.csv, icbs.csv, ...): its file, the prefix
// of its codes, and what its rows are called in messages.
struct AreaTableSpec {
  std::string_view file;
  std::string_view prefix;
  std::string_view what;
  bool needs_rows;
};

const AreaTableSpec k_counties{"counties.csv", "E10", "county", false};
const AreaTableSpec k_police_force_areas{"police_force_areas.csv", "E23", "police force area",
                                         true};
const AreaTableSpec k_fire_authorities{"fire_authorities.csv", "E31", "fire authority", true};
const AreaTableSpec k_icbs{"icbs.csv", "E54", "ICB", true};

// Builds the atlas and checks every table, column by column. Each fault is
// reported once, where it is; what only follows from it is not. A row that
// cannot be kept marks its table incomplete, and a code not found in an
// incomplete table is then not reported: it may have been in the row that
// was left out, and the real error comes first.
class AtlasBuilder {
 public:
  AtlasBuilder(const std::map<std::string, SourceFile>& files, std::string_view folder,
               Diagnostics& diags)
      : m_files(files), m_folder(folder), m_diags(diags) {}

  std::shared_ptr<const detail::Atlas> build() {
    auto atlas = std::make_shared<detail::Atlas>();
    m_atlas = atlas.get();
    const std::size_t errors_before = m_diags.error_count();
    read_manifest();
    m_atlas->counties = read_areas(k_counties, m_county_index, &m_county_rows);
    m_atlas->police_force_areas = read_areas(k_police_force_areas, m_police_index, nullptr);
    m_atlas->fire_authorities = read_areas(k_fire_authorities, m_fire_index, nullptr);
    m_atlas->icbs = read_areas(k_icbs, m_icb_index, nullptr);
    read_districts();
    check_counties_have_districts();
    read_district_icbs();
    read_adjacency();
    read_institutions();
    read_holdings();
    read_ceremonial_counties();
    read_shapes();
    if (m_diags.error_count() > errors_before) {
      return nullptr;
    }
    index_areas_of_districts();
    m_atlas->candidates = name_index(*m_atlas);
    return atlas;
  }

 private:
  // The file as the user named it: "mydata/districts.csv".
  std::string path_of(std::string_view name) const {
    return m_folder.empty() ? std::string(name) : (std::filesystem::path(m_folder) / name).string();
  }

  bool complete(std::string_view name) const { return !m_incomplete.contains(name); }

  // The rows of a table, or nothing when the file is missing or cannot be
  // read as that table (reported); a table that must have rows and has none
  // is reported too.
  std::optional<CsvTable> table(std::string_view name, const std::vector<std::string_view>& columns,
                                bool needs_rows) {
    auto file = m_files.find(std::string(name));
    if (file == m_files.end()) {
      m_diags.error(Location{path_of(name), 0, 0}, std::string(codes::invalid_data),
                    "this file of the England data is missing");
      m_incomplete.emplace(name);
      return std::nullopt;
    }
    auto csv = parse_csv(file->second, columns, m_diags);
    if (!csv || !csv->complete) {
      m_incomplete.emplace(name);
    }
    if (csv && needs_rows && csv->rows.empty() && csv->complete) {
      m_diags.error(Location{csv->file, 1, 1}, std::string(codes::invalid_data),
                    "the table has a header but no rows; the England data needs at least one");
      m_incomplete.emplace(name);
      return std::nullopt;
    }
    return csv;
  }

  // A fault in a row that is kept: codes it defines stay known, so rows
  // naming them elsewhere are not reported again.
  void bad(const CsvTable& csv, const CsvRow& row, std::size_t cell, std::string message) {
    m_diags.error(csv.where(row, cell), std::string(codes::invalid_data), std::move(message));
  }

  // A fault in a row that is left out; its table is then incomplete.
  void drop(const CsvTable& csv, const CsvRow& row, std::size_t cell, std::string message) {
    bad(csv, row, cell, std::move(message));
    m_incomplete.insert(std::filesystem::path(csv.file).filename().string());
  }

  // The index of the code in `cell` in the table indexed by `index`, or
  // nothing; a code that is not there is reported unless that table is
  // incomplete.
  std::optional<std::size_t> look_up(const CodeIndex& index, std::string_view table_name,
                                     std::string_view what, const CsvTable& csv, const CsvRow& row,
                                     std::size_t cell) {
    const std::string& code = row.cells[cell];
    if (auto found = index.find(code); found != index.end()) {
      return found->second;
    }
    if (complete(table_name)) {
      bad(csv, row, cell, fmt::format("{} '{}' is not in {}", what, code, table_name));
    }
    return std::nullopt;
  }

  void read_manifest() {
    auto file = m_files.find("manifest.yaml");
    if (file == m_files.end()) {
      m_diags.error(Location{path_of("manifest.yaml"), 0, 0}, std::string(codes::invalid_data),
                    "this file of the England data is missing");
      return;
    }
    Diagnostics found;
    auto document = load::parse_yaml(file->second, found);
    report_as_invalid_data(found, m_diags);
    if (!document) {
      return;
    }
    if (document->kind != load::Node::Kind::mapping) {
      m_diags.error(document->location, std::string(codes::invalid_data),
                    fmt::format("the manifest is {}; it must be a mapping (name, vintage, ...)",
                                load::describe(*document)));
      return;
    }
    read_dataset_info(*document);
  }

  void read_dataset_info(const load::Node& document) {
    DatasetInfo& info = m_atlas->info;
    const auto text = [&](const load::Node* node) {
      return node != nullptr && node->is_scalar() ? node->text : std::string();
    };
    info.name = text(document.find("name"));
    info.attribution = text(document.find("attribution"));
    if (const load::Node* boundaries = document.find("boundaries");
        boundaries != nullptr && boundaries->kind == load::Node::Kind::mapping) {
      m_atlas->boundaries_attribution = text(boundaries->find("attribution"));
      m_atlas->boundaries_vintage = text(boundaries->find("vintage"));
    }
    const load::Node* licence = document.find("licence");
    info.licence = licence != nullptr && licence->kind == load::Node::Kind::mapping
                       ? text(licence->find("name"))
                       : text(licence);
    if (const load::Node* vintage = document.find("vintage")) {
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

  std::vector<Area> read_areas(const AreaTableSpec& spec, CodeIndex& index,
                               std::vector<Location>* rows) {
    std::vector<Area> areas;
    auto csv = table(spec.file, k_area_columns, spec.needs_rows);
    if (!csv) {
      return areas;
    }
    for (const CsvRow& row : csv->rows) {
      const std::string& code = row.cells[0];
      if (!is_gss_code(code, {spec.prefix})) {
        drop(
            *csv, row, 0,
            fmt::format("'{}' is not a {} code ({} and six digits)", code, spec.what, spec.prefix));
        continue;
      }
      if (!index.emplace(code, areas.size()).second) {
        bad(*csv, row, 0, fmt::format("{} '{}' is listed twice", spec.what, code));
        continue;
      }
      if (row.cells[1].empty()) {
        bad(*csv, row, 1, fmt::format("{} '{}' has no name", spec.what, code));
      }
      areas.push_back(Area{code, row.cells[1], {}});
      if (rows != nullptr) {
        rows->push_back(csv->where(row));
      }
    }
    return areas;
  }

  void read_districts() {
    auto csv = table("districts.csv", k_district_columns, true);
    if (!csv) {
      return;
    }
    for (const CsvRow& row : csv->rows) {
      // A row with a bad field is reported but kept, so that the rows naming
      // it elsewhere (adjacency, ICBs) are not reported again.
      const std::size_t index = m_atlas->districts.size();
      if (!m_atlas->district_by_code.emplace(row.cells[0], index).second) {
        bad(*csv, row, 0, fmt::format("district '{}' is listed twice", row.cells[0]));
        continue;
      }
      m_atlas->districts.push_back(read_district(*csv, row));
      m_district_rows.push_back(csv->where(row));
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
    m_atlas->county_by_code = m_county_index;
  }

  District read_district(const CsvTable& csv, const CsvRow& row) {
    const auto& cells = row.cells;
    District district;
    district.code = cells[0];
    district.name = cells[1];
    district.kind = cells[2];
    if (!is_gss_code(district.code, {"E06", "E07", "E08", "E09"})) {
      bad(csv, row, 0,
          fmt::format("'{}' is not a district code (E06, E07, E08 or E09 and six digits)",
                      district.code));
    }
    if (district.name.empty()) {
      bad(csv, row, 1, fmt::format("district '{}' has no name", district.code));
    }
    check_district_kind(csv, row, district);
    check_county_cell(csv, row, district);
    district.police_force_area =
        look_up(m_police_index, "police_force_areas.csv", "police force area", csv, row, 4)
            .value_or(k_unknown);
    district.fire_authority =
        look_up(m_fire_index, "fire_authorities.csv", "fire authority", csv, row, 5)
            .value_or(k_unknown);
    district.population = read_population(csv, row);
    return district;
  }

  // The kind must be one of five, and agree with the code's prefix
  // (data/README.md).
  void check_district_kind(const CsvTable& csv, const CsvRow& row, const District& district) {
    if (!k_district_kinds.contains(district.kind)) {
      bad(csv, row, 2, fmt::format("'{}' is not a kind of district", district.kind));
      return;
    }
    const std::string_view prefix = std::string_view(district.code).substr(0, 3);
    const std::string_view expected = district.code == "E09000001" ? "city_of_london"
                                      : prefix == "E06"            ? "unitary_authority"
                                      : prefix == "E07"            ? "non_metropolitan_district"
                                      : prefix == "E08"            ? "metropolitan_district"
                                      : prefix == "E09"            ? "london_borough"
                                                                   : "";
    if (!expected.empty() && district.kind != expected) {
      bad(csv, row, 2,
          fmt::format("a district with code '{}' is a {}, not a {}", district.code, expected,
                      district.kind));
    }
  }

  // A non-metropolitan district names its county; no other kind has one.
  void check_county_cell(const CsvTable& csv, const CsvRow& row, District& district) {
    const std::string& county = row.cells[3];
    const bool lower_tier = district.kind == "non_metropolitan_district";
    if (county.empty()) {
      if (lower_tier) {
        bad(csv, row, 3,
            fmt::format("non-metropolitan district '{}' has no county_code", district.code));
      }
      return;
    }
    if (!lower_tier && k_district_kinds.contains(district.kind)) {
      bad(csv, row, 3, fmt::format("a {} has no county; county_code must be empty", district.kind));
      return;
    }
    district.county = look_up(m_county_index, "counties.csv", "county", csv, row, 3);
  }

  // The population, and the England total so far, which must fit in 64 bits:
  // every area's population is a sum of some of these, so if the whole sum
  // fits, each of them does.
  std::int64_t read_population(const CsvTable& csv, const CsvRow& row) {
    const std::string& cell = row.cells[6];
    const WholeNumber population = parse_whole_number(cell);
    if (population.fault != WholeNumber::Fault::none) {
      bad(csv, row, 6,
          fmt::format("population '{}' {}", cell, whole_number_fault_words(population.fault)));
      return 0;
    }
    if (!m_england_population.add(population.value) && !m_reported_population_overflow) {
      m_reported_population_overflow = true;
      bad(csv, row, 6,
          fmt::format("population '{}' takes the total of the districts so far past "
                      "9,223,372,036,854,775,807, the most devo can count",
                      cell));
    }
    return population.value;
  }

  // A county council no district lies in would make an institution or a
  // ceremonial county naming it stand for no area at all.
  void check_counties_have_districts() {
    if (!complete("districts.csv")) {
      return;
    }
    for (std::size_t i = 0; i < m_atlas->counties.size(); ++i) {
      const Area& county = m_atlas->counties[i];
      if (county.districts.empty()) {
        m_diags.error(m_county_rows[i], std::string(codes::invalid_data),
                      fmt::format("no district in districts.csv lies in county '{}'", county.code));
      }
    }
  }

  // One row of district_icbs.csv that was read whole, for the check that
  // each district's shares are its LSOA counts over their total.
  struct IcbRow {
    const CsvRow* row = nullptr;
    std::int64_t lsoa_count = 0;
    double share = 0;
  };

  void read_district_icbs() {
    auto csv = table("district_icbs.csv", k_district_icb_columns, true);
    if (!csv) {
      return;
    }
    std::vector<std::vector<IcbRow>> rows_of(m_atlas->districts.size());
    std::vector<bool> faulty(m_atlas->districts.size(), false);
    m_has_icb_row.assign(m_atlas->districts.size(), false);
    std::set<std::pair<std::size_t, std::size_t>> seen;
    for (const CsvRow& row : csv->rows) {
      const auto district = look_up(district_index(), "districts.csv", "district", *csv, row, 0);
      const auto icb = look_up(m_icb_index, "icbs.csv", "ICB", *csv, row, 1);
      const auto count = parse_whole_number(row.cells[2]);
      if (count.fault != WholeNumber::Fault::none || count.value < 1) {
        bad(*csv, row, 2,
            fmt::format("lsoa_count '{}' {}", row.cells[2],
                        count.fault == WholeNumber::Fault::none
                            ? "must be at least 1"
                            : whole_number_fault_words(count.fault)));
      }
      const auto share = parse_share(row.cells[3]);
      if (!share) {
        bad(*csv, row, 3,
            fmt::format("lsoa_share '{}' is not a decimal in (0, 1], such as 0.4521",
                        row.cells[3]));
      }
      if (district) {
        m_has_icb_row[*district] = true;
      }
      if (!district || !icb) {
        continue;
      }
      if (!seen.emplace(*district, *icb).second) {
        bad(*csv, row, 1,
            fmt::format("district '{}' and ICB '{}' are listed twice", row.cells[0], row.cells[1]));
        continue;
      }
      m_atlas->districts[*district].icbs.push_back(IcbShare{*icb, share.value_or(0)});
      m_atlas->icbs[*icb].districts.push_back(*district);
      if (count.fault != WholeNumber::Fault::none || count.value < 1 || !share) {
        faulty[*district] = true;
      } else {
        rows_of[*district].push_back(IcbRow{&row, count.value, *share});
      }
    }
    for (std::size_t district = 0; district < rows_of.size(); ++district) {
      if (!faulty[district]) {
        check_shares(*csv, rows_of[district]);
      }
    }
    check_every_district_has_an_icb();
    for (Area& icb : m_atlas->icbs) {
      std::sort(icb.districts.begin(), icb.districts.end());
    }
  }

  // Each share is the row's LSOA count over the district's total, to the
  // four places the table gives (so within half of 0.0001).
  void check_shares(const CsvTable& csv, const std::vector<IcbRow>& rows) {
    CheckedTotal total;
    for (const IcbRow& row : rows) {
      if (!total.add(row.lsoa_count)) {
        bad(csv, *row.row, 2,
            "the district's LSOA counts add up to more than 9,223,372,036,854,775,807");
        return;
      }
    }
    for (const IcbRow& row : rows) {
      const double expected =
          static_cast<double>(row.lsoa_count) / static_cast<double>(*total.value());
      if (std::abs(row.share - expected) > 0.00005 + 1e-9) {
        bad(csv, *row.row, 3,
            fmt::format("lsoa_share {} is not lsoa_count {} over the district's {} LSOAs "
                        "({:.4f})",
                        row.row->cells[3], row.lsoa_count, *total.value(), expected));
      }
    }
  }

  void check_every_district_has_an_icb() {
    if (!complete("district_icbs.csv")) {
      return;
    }
    for (std::size_t i = 0; i < m_atlas->districts.size(); ++i) {
      const District& district = m_atlas->districts[i];
      // A row naming an ICB that could not be read still counts: the fault
      // is in that row or table, reported there.
      if (!m_has_icb_row[i]) {
        m_diags.error(m_district_rows[i], std::string(codes::invalid_data),
                      fmt::format("district '{}' has no row in district_icbs.csv; every "
                                  "district lies in at least one ICB",
                                  district.code));
      }
    }
  }

  const CodeIndex& district_index() const { return m_atlas->district_by_code; }

  void read_adjacency() {
    auto csv = table("adjacency.csv", k_adjacency_columns, false);
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    if (csv) {
      std::set<std::pair<std::size_t, std::size_t>> seen;
      for (const CsvRow& row : csv->rows) {
        const auto a = look_up(district_index(), "districts.csv", "district", *csv, row, 0);
        const auto b = look_up(district_index(), "districts.csv", "district", *csv, row, 1);
        if (!k_boundaries.contains(row.cells[2])) {
          bad(*csv, row, 2,
              fmt::format("'{}' is not a kind of boundary (land, tidal_river, estuary_or_sea)",
                          row.cells[2]));
        }
        if (!a || !b) {
          continue;
        }
        if (*a == *b) {
          bad(*csv, row, 1, "a district cannot share a boundary with itself");
          continue;
        }
        const auto edge = std::minmax(*a, *b);
        if (!seen.insert(edge).second) {
          bad(*csv, row, 0, "this pair is listed twice");
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

  // The shapes, when the data has them: both tables, or neither (then there
  // are no shapes, and everything but maps works).
  void read_shapes() {
    const bool has_arcs = m_files.contains("arcs.csv");
    const bool has_rings = m_files.contains("district_rings.csv");
    if (!has_arcs && !has_rings) {
      return;
    }
    if (has_arcs != has_rings) {
      const std::string_view missing = has_arcs ? "district_rings.csv" : "arcs.csv";
      m_diags.error(Location{path_of(missing), 0, 0}, std::string(codes::invalid_data),
                    "this file of the England data is missing: the districts' shapes are arcs.csv "
                    "and district_rings.csv together, or neither");
      return;
    }
    auto arcs = table("arcs.csv", k_arc_columns, true);
    auto rings = table("district_rings.csv", k_district_ring_columns, true);
    if (!arcs || !rings) {
      return;
    }
    m_atlas->shapes = read_shape_tables(
        *arcs, *rings,
        ShapeDistricts{m_atlas->district_by_code, m_district_rows, complete("districts.csv")},
        m_diags);
  }

  // A partial date cell, or nothing when it is empty; a bad one is reported.
  std::optional<PartialDate> partial_date(const CsvTable& csv, const CsvRow& row,
                                          std::size_t cell) {
    const std::string& text = row.cells[cell];
    if (text.empty()) {
      return std::nullopt;
    }
    auto date = PartialDate::parse(text);
    if (!date) {
      bad(csv, row, cell,
          fmt::format("'{}' is not a date (YYYY, YYYY-MM, YYYY-MM-DD, or a range A..B of them)",
                      text));
    }
    return date;
  }

  // A "yes" / "no" cell; anything else is reported and read as "no".
  bool yes_no(const CsvTable& csv, const CsvRow& row, std::size_t cell, std::string_view column) {
    const auto value = parse_yes_no(row.cells[cell]);
    if (!value) {
      bad(csv, row, cell, fmt::format("{} '{}' must be yes or no", column, row.cells[cell]));
    }
    return value.value_or(false);
  }

  void read_institutions() {
    auto csv = table("institutions.csv", k_institution_columns, false);
    if (!csv) {
      return;
    }
    std::set<std::string> codes;
    for (const CsvRow& row : csv->rows) {
      const auto& cells = row.cells;
      if (!m_institution_index.emplace(cells[0], m_atlas->institutions.size()).second) {
        bad(*csv, row, 0, fmt::format("institution '{}' is listed twice", cells[0]));
        continue;
      }
      Institution institution;
      institution.id = cells[0];
      institution.code = cells[1];
      institution.name = cells[2];
      institution.kind = cells[3];
      check_institution_names(*csv, row, codes);
      if (!k_institution_kinds.contains(institution.kind)) {
        bad(*csv, row, 3, fmt::format("'{}' is not a kind of institution", institution.kind));
      }
      institution.mayoral = yes_no(*csv, row, 4, "mayoral");
      institution.established = partial_date(*csv, row, 5);
      institution.mayoral_from = partial_date(*csv, row, 6);
      institution.first_mayoral_election = partial_date(*csv, row, 7);
      institution.mayor_takes_office = partial_date(*csv, row, 8);
      check_mayoral_dates(*csv, row, institution);
      institution.constituents = split(cells[9], ';');
      institution.source = cells[10];
      institution.verified = yes_no(*csv, row, 11, "verified");
      institution.note = cells[12];
      if (auto districts = districts_of_cell(*csv, row, 9, "constituent")) {
        institution.districts = std::move(*districts);
      }
      m_atlas->institutions.push_back(std::move(institution));
    }
  }

  void check_institution_names(const CsvTable& csv, const CsvRow& row,
                               std::set<std::string>& codes) {
    const auto& cells = row.cells;
    if (!is_kebab_case(cells[0])) {
      bad(csv, row, 0,
          fmt::format("id '{}' is not kebab-case (such as greater-manchester)", cells[0]));
    }
    if (!cells[1].empty() && !is_gss_code(cells[1], {"E47", "E61"})) {
      bad(csv, row, 1,
          fmt::format("'{}' is not an institution code (E47 or E61 and six digits) or empty",
                      cells[1]));
    } else if (!cells[1].empty() && !codes.insert(cells[1]).second) {
      bad(csv, row, 1, fmt::format("code '{}' is given to two institutions", cells[1]));
    }
    if (cells[2].empty()) {
      bad(csv, row, 2, fmt::format("institution '{}' has no name", cells[0]));
    }
  }

  // A body without a mayor has no mayoral dates; a mayor takes office no
  // earlier than the first mayoral election.
  void check_mayoral_dates(const CsvTable& csv, const CsvRow& row, const Institution& institution) {
    if (!institution.mayoral) {
      for (const std::size_t cell : {std::size_t{6}, std::size_t{7}, std::size_t{8}}) {
        if (!row.cells[cell].empty()) {
          bad(csv, row, cell,
              fmt::format("institution '{}' has no mayor (mayoral is no), so {} must be empty",
                          institution.id, k_institution_columns[cell]));
          return;
        }
      }
    }
    const auto& election = institution.first_mayoral_election;
    const auto& office = institution.mayor_takes_office;
    if (election && office && office->latest < election->earliest) {
      bad(csv, row, 8,
          fmt::format("the mayor takes office ({}) before the first mayoral election ({})",
                      office->text, election->text));
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
    auto csv = table("holdings.csv", k_holding_columns, false);
    if (!csv) {
      return;
    }
    std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
    for (const CsvRow& row : csv->rows) {
      const auto& cells = row.cells;
      const auto institution =
          look_up(m_institution_index, "institutions.csv", "institution", *csv, row, 0);
      if (!k_holdings.contains(cells[1])) {
        bad(*csv, row, 1,
            fmt::format("'{}' is not a holding (pcc-functions, fire-functions, "
                        "integrated-settlement, level-4)",
                        cells[1]));
      }
      const auto status = holding_status(cells[2]);
      if (!status) {
        bad(*csv, row, 2, fmt::format("'{}' is not held, decided or not_held", cells[2]));
      }
      if (!k_evidence.contains(cells[6])) {
        bad(*csv, row, 6,
            fmt::format("'{}' is not an evidence mark (confirmed, secondary, reconstructed)",
                        cells[6]));
      }
      HoldingRecord record{cells[1],
                           status.value_or(HoldingRecord::Status::not_held),
                           partial_date(*csv, row, 3),
                           partial_date(*csv, row, 4),
                           cells[5],
                           cells[6],
                           cells[7]};
      if (record.from && record.to && record.to->latest < record.from->earliest) {
        bad(*csv, row, 4, fmt::format("'to' {} is before 'from' {}", cells[4], cells[3]));
      }
      if (!seen.emplace(cells[0], cells[1], cells[2], cells[3]).second) {
        bad(*csv, row, 0, "another row has the same institution, holding, status and from");
      }
      if (!institution || !status) {
        continue;
      }
      Institution& holder = m_atlas->institutions[*institution];
      if (*status == HoldingRecord::Status::held && !holder.mayoral &&
          (cells[1] == "pcc-functions" || cells[1] == "fire-functions")) {
        bad(*csv, row, 2,
            fmt::format("institution '{}' has no mayor (mayoral is no) to hold {}", holder.id,
                        cells[1]));
      }
      holder.holdings.push_back(std::move(record));
    }
  }

  void read_ceremonial_counties() {
    auto csv = table("ceremonial_counties.csv", k_ceremonial_county_columns, false);
    m_atlas->ceremonial_counties_of.assign(m_atlas->districts.size(), {});
    if (!csv) {
      return;
    }
    std::set<std::string> ids;
    for (const CsvRow& row : csv->rows) {
      const auto& cells = row.cells;
      CeremonialCounty county;
      county.id = cells[0];
      county.name = cells[1];
      county.county_council = cells[3];
      if (!is_kebab_case(county.id)) {
        bad(*csv, row, 0,
            fmt::format("id '{}' is not kebab-case (such as east-sussex)", county.id));
      }
      if (!ids.insert(county.id).second) {
        bad(*csv, row, 0, fmt::format("ceremonial county '{}' is listed twice", county.id));
        continue;
      }
      if (county.name.empty()) {
        bad(*csv, row, 1, fmt::format("ceremonial county '{}' has no name", county.id));
      }
      county.verified = yes_no(*csv, row, 6, "verified");
      auto councils = districts_of_cell(*csv, row, 2, "council");
      check_county_council_and_partly(*csv, row);
      if (!councils) {
        continue;
      }
      county.districts = std::move(*councils);
      county.county_council_districts = districts_of_codes(split(cells[3], ';'));
      county.partly = districts_of_codes(split(cells[4], ';'));
      const std::size_t index = m_atlas->ceremonial_counties.size();
      for (DistrictIndex district : county.districts) {
        m_atlas->ceremonial_counties_of[district].push_back(index);
      }
      m_atlas->ceremonial_counties.push_back(std::move(county));
    }
  }

  // county_council is one of the row's councils; each of `partly` is one of
  // them and a district.
  void check_county_council_and_partly(const CsvTable& csv, const CsvRow& row) {
    const auto councils = split(row.cells[2], ';');
    const auto listed = [&](const std::string& code) {
      return std::find(councils.begin(), councils.end(), code) != councils.end();
    };
    if (!row.cells[3].empty() && !listed(row.cells[3])) {
      bad(csv, row, 3,
          fmt::format("county_council '{}' is not one of the county's councils", row.cells[3]));
    }
    for (const std::string& code : split(row.cells[4], ';')) {
      const bool district = m_atlas->district_by_code.contains(code) || !complete("districts.csv");
      if (!listed(code) || !district) {
        bad(csv, row, 4,
            fmt::format("'{}' in partly is not a district among the county's councils", code));
        return;
      }
    }
  }

  // The districts of the ';'-separated district and county codes in `cell`,
  // or nothing when a code is neither (reported, unless the table it would
  // be in is incomplete), the cell is empty, or the rows so far cover more
  // districts in all than the limit (limits.hpp).
  std::optional<std::vector<DistrictIndex>> districts_of_cell(const CsvTable& csv,
                                                              const CsvRow& row, std::size_t cell,
                                                              std::string_view what) {
    const auto codes = distinct_codes(row.cells[cell]);
    if (codes.empty()) {
      bad(csv, row, cell, fmt::format("the row lists no {}", what));
      return std::nullopt;
    }
    for (const std::string& code : codes) {
      if (!m_atlas->district_by_code.contains(code) && !m_county_index.contains(code)) {
        if (complete("districts.csv") && complete("counties.csv")) {
          bad(csv, row, cell,
              fmt::format("{} '{}' is neither a district nor a county", what, code));
        }
        return std::nullopt;
      }
    }
    auto districts = districts_of_codes(codes);
    auto& total = m_memberships[csv.file];
    if (!total.add(static_cast<std::int64_t>(districts.size())) ||
        *total.value() > static_cast<std::int64_t>(limits::k_max_data_memberships)) {
      if (districts.size() > 0 && !m_reported_memberships.contains(csv.file)) {
        m_reported_memberships.insert(csv.file);
        bad(csv, row, cell,
            fmt::format("the rows up to here cover more than {} districts in all, the most "
                        "devo reads",
                        format_integer(static_cast<std::int64_t>(limits::k_max_data_memberships))));
      }
      return std::nullopt;
    }
    return districts;
  }

  // The districts of district and county codes; codes that are neither are
  // passed over (districts_of_cell reports them).
  std::vector<DistrictIndex> districts_of_codes(const std::vector<std::string>& codes) const {
    std::set<DistrictIndex> districts;
    for (const std::string& code : codes) {
      if (auto district = m_atlas->district_by_code.find(code);
          district != m_atlas->district_by_code.end()) {
        districts.insert(district->second);
      } else if (auto county = m_county_index.find(code); county != m_county_index.end()) {
        const auto& members = m_atlas->counties[county->second].districts;
        districts.insert(members.begin(), members.end());
      }
    }
    return std::vector<DistrictIndex>(districts.begin(), districts.end());
  }

  // Stands for an area code that was not found (reported); the atlas is then
  // discarded, and no code uses it.
  static constexpr std::size_t k_unknown = static_cast<std::size_t>(-1);

  const std::map<std::string, SourceFile>& m_files;
  std::string m_folder;
  Diagnostics& m_diags;
  detail::Atlas* m_atlas = nullptr;
  std::set<std::string, std::less<>> m_incomplete;
  CodeIndex m_county_index;
  CodeIndex m_police_index;
  CodeIndex m_fire_index;
  CodeIndex m_icb_index;
  CodeIndex m_institution_index;
  std::vector<Location> m_county_rows;
  std::vector<Location> m_district_rows;
  std::vector<bool> m_has_icb_row;
  CheckedTotal m_england_population;
  bool m_reported_population_overflow = false;
  std::map<std::string, CheckedTotal> m_memberships;
  std::set<std::string> m_reported_memberships;
};

}  // namespace

const std::vector<std::string>& data_file_names() {
  static const std::vector<std::string> k_names = {
      "manifest.yaml",          "districts.csv",           "counties.csv",
      "police_force_areas.csv", "fire_authorities.csv",    "icbs.csv",
      "district_icbs.csv",      "adjacency.csv",           "institutions.csv",
      "holdings.csv",           "ceremonial_counties.csv", "arcs.csv",
      "district_rings.csv"};
  return k_names;
}

std::shared_ptr<const detail::Atlas> build_atlas(const std::map<std::string, SourceFile>& files,
                                                 Diagnostics& diags, std::string_view folder) {
  return AtlasBuilder(files, folder, diags).build();
}

}  // namespace devo::geography
