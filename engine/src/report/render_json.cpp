#include "report/json_values.hpp"
#include "report/json_writer.hpp"
#include "report/report_common.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <type_traits>
#include <variant>

// The JSON form of an evaluation is a contract (docs/output.md): tools and
// tests read it, so key names and order do not change, and the same input
// always gives the same bytes. It is written straight into text
// (json_writer.hpp), in the order the keys are written; the pieces other
// reports share are parsed from that text for those that build a tree.
namespace devo::report {
namespace {

void write_receipt(JsonWriter& out, const Receipt& receipt) {
  out.begin_object();
  out.key("ruleset").string(receipt.ruleset);
  out.key("ruleset_sha256").string(receipt.ruleset_sha256);
  if (receipt.ruleset_files.size() > 1) {
    out.key("ruleset_files").objects(receipt.ruleset_files, [&out](const RuleFile& file) {
      out.key("path").string(file.path);
      out.key("sha256").string(file.sha256);
    });
  }
  out.key("devo_version").string(receipt.devo_version);
  out.key("as_of").string(receipt.as_of.to_string());
  if (!receipt.data_vintage.empty()) {
    out.key("data_vintage").string(receipt.data_vintage);
    out.key("data_sha256").string(receipt.data_sha256);
  }
  out.end_object();
}

void write_membership(JsonWriter& out, const Membership& membership) {
  out.begin_object();
  out.key("id").string(membership.id);
  out.key("code").string_or_null(membership.code);
  out.key("name").string(membership.name);
  out.key("kind").string(membership.kind);
  out.key("mayoral").boolean(membership.mayoral);
  out.key("constituent").boolean(membership.constituent);
  out.optional_string("through", membership.through);
  out.end_object();
}

void write_subject(JsonWriter& out, const Subject& subject) {
  out.begin_object();
  out.key("kind").string(subject.kind);
  out.key("name").string(subject.name);
  out.optional_string("code", subject.code);
  out.optional_strings("councils", subject.councils);
  out.optional_strings("districts", subject.districts);
  if (!subject.source.empty()) {
    out.key("source").string(subject.source);
    out.key("verified").boolean(subject.caveat.empty());
    out.optional_string("caveat", subject.caveat);
  }
  out.key("member_of").begin_array();
  for (const Membership& membership : subject.member_of) {
    write_membership(out, membership);
  }
  out.end_array();
  out.end_object();
}

void write_reasons(JsonWriter& out, const std::vector<Reason>& reasons) {
  out.objects(reasons, [&out](const Reason& reason) {
    out.key("status").string(to_string(reason.status));
    out.key("message").string(reason.message);
    if (reason.expectation) {
      out.key("expectation").boolean(true);
    }
  });
}

// A piece written by `write`, as a tree for the reports that build one.
template <typename Item>
Json tree_of(void (*write)(JsonWriter&, const Item&), const Item& item) {
  JsonWriter out;
  write(out, item);
  return Json::parse(std::move(out).finish());
}

}  // namespace

Json receipt_json(const Receipt& receipt) {
  return tree_of(write_receipt, receipt);
}

Json subject_json(const Subject& subject) {
  return tree_of(write_subject, subject);
}

Json reasons_json(const std::vector<Reason>& reasons) {
  return tree_of(write_reasons, reasons);
}

std::string dump_json(const Json& json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

namespace {

void write_problems(JsonWriter& out, const std::vector<Problem>& problems) {
  out.objects(problems, [&out](const Problem& problem) {
    out.key("code").string(problem.code);
    out.key("message").string(problem.message);
    if (!problem.file.empty()) {
      out.key("file").string(problem.file);
      out.key("line").integer(problem.line);
      out.key("column").integer(problem.column);
    }
  });
}

void write_value(JsonWriter& out, const FactValue& value) {
  std::visit(
      [&out](const auto& item) {
        using Item = std::decay_t<decltype(item)>;
        if constexpr (std::is_same_v<Item, bool>) {
          out.boolean(item);
        } else if constexpr (std::is_same_v<Item, std::int64_t>) {
          out.integer(item);
        } else if constexpr (std::is_same_v<Item, std::string>) {
          out.string(item);  // an enum value
        } else if constexpr (std::is_same_v<Item, Date>) {
          out.string(item.to_string());
        } else {
          out.strings(item);  // codes
        }
      },
      value);
}

void write_facts(JsonWriter& out, const std::vector<OrderedFact>& facts) {
  out.begin_object();
  for (const OrderedFact& fact : facts) {
    out.key(*fact.name);
    write_value(out, *fact.value);
  }
  out.end_object();
}

// Notes say why a computed fact is what it is; "fact_notes" is left out when
// there are none.
void write_fact_notes(JsonWriter& out, const std::vector<OrderedFact>& facts,
                      const FactInput& input) {
  std::vector<std::pair<const std::string*, const std::string*>> notes;
  for (const OrderedFact& fact : facts) {
    const auto note = input.notes.find(*fact.name);
    if (note != input.notes.end() && !note->second.empty()) {
      notes.emplace_back(fact.name, &note->second);
    }
  }
  if (notes.empty()) {
    return;
  }
  out.key("fact_notes").begin_object();
  for (const auto& [name, note] : notes) {
    out.key(*name).string(*note);
  }
  out.end_object();
}

// The lower end of an integer fact known only as a range, if it is one.
const std::int64_t* range_start(const FactInput& facts, const std::string& name) {
  const auto value = facts.values.find(name);
  return value == facts.values.end() ? nullptr : std::get_if<std::int64_t>(&value->second);
}

// Integer facts known only as a range: {"at_least": 107, "at_most": 119};
// "fact_ranges" is left out when there are none.
void write_fact_ranges(JsonWriter& out, const FactInput& facts) {
  const bool any = std::any_of(facts.upper.begin(), facts.upper.end(), [&](const auto& entry) {
    return range_start(facts, entry.first) != nullptr;
  });
  if (!any) {
    return;
  }
  out.key("fact_ranges").begin_object();
  for (const auto& [name, upper] : facts.upper) {
    if (const std::int64_t* low = range_start(facts, name)) {
      out.key(name).begin_object();
      out.key("at_least").integer(*low);
      out.key("at_most").integer(upper);
      out.end_object();
    }
  }
  out.end_object();
}

void write_citation(JsonWriter& out, const RuleSet& rules, const Citation& citation) {
  out.begin_object();
  out.key("source").string(citation.source);
  const Source* source = rules.find_source(citation.source);
  if (source != nullptr && !source->title.empty()) {
    out.key("document").string(source->title);
  }
  out.optional_string("section", citation.section);
  out.optional_string("page", citation.page);
  if (source != nullptr && !source->url.empty()) {
    out.key("url").string(source->url);
  }
  out.optional_strings("via", citation.via);
  out.end_object();
}

void write_tier(JsonWriter& out, const RuleSet& rules, std::size_t index,
                const TierResult& result) {
  const Tier* tier = find_tier(rules, index, result.id);
  out.begin_object();
  out.key("id").string(result.id);
  out.key("title").string(tier == nullptr ? std::string_view() : tier->title);
  out.key("status").string(to_string(result.status));
  out.key("reasons");
  write_reasons(out, result.reasons);
  out.optional_strings("settled_by", result.settled_by);
  if (tier != nullptr) {
    out.key("citation");
    write_citation(out, rules, tier->citation);
    out.key("evidence").string(to_string(tier->evidence));
  }
  out.end_object();
}

void write_holding(JsonWriter& out, const Holding& holding) {
  out.key("held");
  if (holding.held) {
    out.boolean(*holding.held);
  } else {
    out.null();
  }
  out.key("held_since").string_or_null(holding.since);
  out.key("held_note").string(holding.note);
  if (!holding.source.empty()) {
    out.key("held_source").string(holding.source);
    out.key("held_evidence").string(holding.evidence);
  }
}

void write_power(JsonWriter& out, const RuleSet& rules, std::size_t index,
                 const PowerResult& result) {
  const Power* power = find_power(rules, index, result.id);
  static const Power k_unknown_power;  // only when the decision is not of these rules
  const Power& rule = power == nullptr ? k_unknown_power : *power;
  out.begin_object();
  out.key("id").string(result.id);
  out.key("title").string(rule.title);
  out.key("group").string(rule.group);
  out.key("tier").string(rule.tier);
  out.key("status").string(to_string(result.status));
  write_holding(out, result.holding);
  out.key("reasons");
  write_reasons(out, result.reasons);
  out.optional_strings("settled_by", result.settled_by);
  out.key("citation");
  write_citation(out, rules, rule.citation);
  out.key("evidence").string(to_string(rule.evidence));
  out.end_object();
}

void write_warnings(JsonWriter& out, const std::vector<Warning>& warnings) {
  out.objects(warnings, [&out](const Warning& warning) {
    out.key("code").string(warning.code);
    out.key("message").string(warning.message);
  });
}

// Room for a large authority's evaluation in words, so that the text is
// allocated once.
constexpr std::size_t k_expected_bytes = 64 * 1024;

}  // namespace

std::string render_json(const Evaluation& evaluation) {
  const RuleSet& rules = evaluation.rules;
  const Decision& decision = evaluation.decision;

  JsonWriter out(k_expected_bytes);
  out.begin_object();
  out.key("receipt");
  write_receipt(out, evaluation.receipt);
  out.key("subject");
  write_subject(out, evaluation.facts.subject);
  out.key("applicable").boolean(decision.applicable);
  if (!decision.applicable) {
    out.key("not_applicable").string(decision.not_applicable);
  }
  out.key("valid").boolean(decision.valid);
  out.key("problems");
  write_problems(out, decision.problems);
  const std::vector<OrderedFact> facts = fact_order(evaluation);
  out.key("facts");
  write_facts(out, facts);
  write_fact_notes(out, facts, evaluation.facts);
  write_fact_ranges(out, evaluation.facts);
  out.key("tier");
  if (decision.tier && *decision.tier < decision.tiers.size()) {
    out.string(decision.tiers[*decision.tier].id);
  } else {
    out.null();
  }
  out.key("tiers").begin_array();
  for (std::size_t i = 0; i < decision.tiers.size(); ++i) {
    write_tier(out, rules, i, decision.tiers[i]);
  }
  out.end_array();
  out.key("powers").begin_array();
  for (std::size_t i = 0; i < decision.powers.size(); ++i) {
    write_power(out, rules, i, decision.powers[i]);
  }
  out.end_array();
  out.key("warnings");
  write_warnings(out, decision.warnings);
  out.end_object();
  return std::move(out).finish();
}

}  // namespace devo::report
