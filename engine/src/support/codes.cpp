#include <devo/codes.hpp>

namespace devo {

std::span<const DiagnosticCodeInfo> diagnostic_codes() {
  using namespace codes;
  static constexpr DiagnosticCodeInfo k_codes[] = {
      {file_not_found, "the file does not exist"},
      {file_unreadable, "the file exists but cannot be read"},
      {not_a_file, "the path names a directory or something else that is not a file"},
      {too_large,
       "a file or document larger than devo reads (docs/diagnostics.md gives the limits)"},
      {output_unwritable, "the output file named cannot be written; nothing is left half-written"},
      {invalid_encoding, "a file that is not UTF-8 text (a NUL byte, an invalid byte sequence)"},
      {yaml_syntax, "the file is not valid YAML"},
      {empty_document, "the file holds no YAML document (it is empty or only comments)"},
      {multiple_documents, "the file holds more than one YAML document"},
      {duplicate_key, "a mapping has the same key twice"},
      {number_out_of_range, "a number is too large to hold"},
      {too_deep, "the document nests deeper than devo accepts"},
      {yaml_tag, "a YAML tag (`!!binary`, `!custom`) devo does not read"},
      {unknown_key, "a key the schema does not allow, with the closest allowed key"},
      {missing_key, "a required key is missing"},
      {wrong_type, "a value has the wrong type (a string where a number belongs, say)"},
      {invalid_value, "a value of the right type that the schema does not accept"},
      {invalid_date, "a date that is not YYYY-MM-DD or not on the calendar"},
      {condition_form,
       "a condition has none or several of all/any/not/condition/fact, or a "
       "comparison has no operator or several"},
      {duplicate_id, "two tiers, powers or sources share an id"},
      {undefined_condition, "a reference to a named condition that is not defined"},
      {undefined_fact, "a condition uses a fact the rule set does not declare"},
      {undefined_tier, "a power or a test case names a tier that is not defined"},
      {undefined_power, "a test case names a power that is not defined"},
      {undefined_source, "a citation names a source that is not listed"},
      {condition_cycle, "named conditions refer to each other in a cycle"},
      {type_mismatch, "an operator or value that does not fit the fact's type"},
      {unknown_enum_value, "a value that is not one of the enum fact's values"},
      {effective_dates, "a rule set ends before it starts"},
      {extends_cycle, "rule sets extend each other in a cycle"},
      {extends_too_deep, "a chain of `extends` longer than devo follows"},
      {unused_condition, "a named condition that nothing uses (warning)"},
      {unused_fact, "a declared fact that no condition uses (warning)"},
      {unknown_fact, "a facts file gives a fact the rule set does not declare (warning)"},
      {invalid_data,
       "a file of the England data is malformed or refers to a code it does not define"},
      {no_shapes, "a map is asked of data without the districts' shapes"},
      {unknown_authority, "the authority named is no district, county council or institution"},
      {ambiguous_authority, "the authority named could be several; the candidates are listed"},
      {unknown_council, "a proposal lists a council that is not in the data"},
      {computed_fact, "a proposal gives a fact that devo computes from its data"},
      {unknown_institution,
       "a proposal's `reshapes` names no existing institution (by name, id or GSS code)"},
      {duplicate_council, "a proposal lists a council twice (finding)"},
      {incoherent_upper_tier, "a district is listed without its county council (finding)"},
      {cca_district_member, "a combined county authority lists a district council (finding)"},
      {institution_mismatch, "the councils do not fit the institution named (finding)"},
      {elected_leader_not_county,
       "a directly elected leader for anything but a county council (finding)"},
      {overlaps_institution,
       "councils already in another devolution institution that the proposal does not say it "
       "reshapes (finding)"},
      {not_contiguous,
       "the area is in more than one piece, an island joined by sea to its police force area "
       "aside (finding)"},
      {london_borough,
       "a London borough or the City in a proposal: London's strategic authority is the GLA "
       "(finding)"},
      {same_as_institution,
       "the proposal's area is exactly an existing institution's (finding, warning)"},
      {reshapes_nothing,
       "`reshapes` names an institution none of the proposal's councils is in (finding, "
       "warning)"},
      {tier_not_reached, "the proposal reaches no tier of the rule set (finding)"},
      {usage, "the command line is not one devo understands (a missing or unknown option)"},
      {unknown_ruleset, "the rule set named is neither a file nor a built-in rule set"},
      {unknown_schema, "the schema named is not one of devo's built-in schemas"},
      {search_incomplete,
       "suggest: the search stopped at its budget of groupings or time before its end (warning)"},
      {invalid_json, "a request to devo serve has a body that is not JSON"},
      {rule_upload_off, "a request to devo serve sends a rule file, and the server was not started with --allow-rule-upload"},
      {extends_file_refused, "a rule file sent to devo serve extends a file rather than a built-in rule set"},
      {too_many_errors, "more errors than the limit; the rest are not shown"},
  };
  return k_codes;
}

}  // namespace devo
