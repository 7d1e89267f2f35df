#pragma once

#include <span>
#include <string_view>

namespace devo {

// The stable diagnostic codes. Tools and tests match on these strings, so a
// code is never renamed or reused; docs/diagnostics.md explains each one.
namespace codes {
// Reading files.
inline constexpr std::string_view file_not_found = "file-not-found";
inline constexpr std::string_view file_unreadable = "file-unreadable";
inline constexpr std::string_view not_a_file = "not-a-file";
inline constexpr std::string_view too_large = "too-large";
inline constexpr std::string_view invalid_encoding = "invalid-encoding";
inline constexpr std::string_view output_unwritable = "output-unwritable";
// YAML.
inline constexpr std::string_view yaml_syntax = "yaml-syntax";
inline constexpr std::string_view empty_document = "empty-document";
inline constexpr std::string_view multiple_documents = "multiple-documents";
inline constexpr std::string_view duplicate_key = "duplicate-key";
inline constexpr std::string_view number_out_of_range = "number-out-of-range";
inline constexpr std::string_view too_deep = "too-deep";
inline constexpr std::string_view yaml_tag = "yaml-tag";
// Shape, checked against the JSON Schema in schemas/.
inline constexpr std::string_view unknown_key = "unknown-key";
inline constexpr std::string_view missing_key = "missing-key";
inline constexpr std::string_view wrong_type = "wrong-type";
inline constexpr std::string_view invalid_value = "invalid-value";
inline constexpr std::string_view invalid_date = "invalid-date";
// Meaning, checked once the shape is right.
inline constexpr std::string_view condition_form = "condition-form";
inline constexpr std::string_view duplicate_id = "duplicate-id";
inline constexpr std::string_view undefined_condition = "undefined-condition";
inline constexpr std::string_view undefined_fact = "undefined-fact";
inline constexpr std::string_view undefined_tier = "undefined-tier";
inline constexpr std::string_view undefined_power = "undefined-power";
inline constexpr std::string_view undefined_source = "undefined-source";
inline constexpr std::string_view condition_cycle = "condition-cycle";
inline constexpr std::string_view type_mismatch = "type-mismatch";
inline constexpr std::string_view unknown_enum_value = "unknown-enum-value";
inline constexpr std::string_view effective_dates = "effective-dates";
inline constexpr std::string_view extends_cycle = "extends-cycle";
inline constexpr std::string_view extends_too_deep = "extends-too-deep";
inline constexpr std::string_view unused_condition = "unused-condition";
inline constexpr std::string_view unused_fact = "unused-fact";
inline constexpr std::string_view unknown_fact = "unknown-fact";
// England data (data/ or --data).
inline constexpr std::string_view invalid_data = "invalid-data";
inline constexpr std::string_view no_shapes = "no-shapes";
// Subjects: authorities and proposals.
inline constexpr std::string_view unknown_authority = "unknown-authority";
inline constexpr std::string_view ambiguous_authority = "ambiguous-authority";
inline constexpr std::string_view unknown_council = "unknown-council";
inline constexpr std::string_view computed_fact = "computed-fact";
inline constexpr std::string_view unknown_institution = "unknown-institution";
// Findings about a proposal (devo validate).
inline constexpr std::string_view duplicate_council = "duplicate-council";
inline constexpr std::string_view incoherent_upper_tier = "incoherent-upper-tier";
inline constexpr std::string_view cca_district_member = "cca-district-member";
inline constexpr std::string_view institution_mismatch = "institution-mismatch";
inline constexpr std::string_view elected_leader_not_county = "elected-leader-not-county";
inline constexpr std::string_view overlaps_institution = "overlaps-institution";
inline constexpr std::string_view not_contiguous = "not-contiguous";
inline constexpr std::string_view london_borough = "london-borough";
inline constexpr std::string_view same_as_institution = "same-as-institution";
inline constexpr std::string_view reshapes_nothing = "reshapes-nothing";
inline constexpr std::string_view tier_not_reached = "tier-not-reached";
// The command line.
inline constexpr std::string_view usage = "usage";
inline constexpr std::string_view unknown_ruleset = "unknown-ruleset";
inline constexpr std::string_view unknown_schema = "unknown-schema";
inline constexpr std::string_view search_incomplete = "search-incomplete";
// The web server (devo serve).
inline constexpr std::string_view invalid_json = "invalid-json";
inline constexpr std::string_view rule_upload_off = "rule-upload-off";
inline constexpr std::string_view extends_file_refused = "extends-file-refused";
// The report itself.
inline constexpr std::string_view too_many_errors = "too-many-errors";
}  // namespace codes

struct DiagnosticCodeInfo {
  std::string_view code;
  std::string_view summary;
};

// Every code above with a one-line summary, in the order of docs/diagnostics.md.
std::span<const DiagnosticCodeInfo> diagnostic_codes();

}  // namespace devo
