#include "report/json_values.hpp"
#include "report/report_common.hpp"

#include <nlohmann/json.hpp>

#include <type_traits>
#include <variant>

// The JSON form of an evaluation is a contract (docs/output.md): tools and
// tests read it, so key names and order do not change, and the same input
// always gives the same bytes. ordered_json keeps keys in insertion order.
namespace devo::report {

Json receipt_json(const Receipt& receipt) {
  Json json = Json::object();
  json["ruleset"] = receipt.ruleset;
  json["ruleset_sha256"] = receipt.ruleset_sha256;
  if (receipt.ruleset_files.size() > 1) {
    Json files = Json::array();
    for (const RuleFile& file : receipt.ruleset_files) {
      files.push_back(Json{{"path", file.path}, {"sha256", file.sha256}});
    }
    json["ruleset_files"] = std::move(files);
  }
  json["devo_version"] = receipt.devo_version;
  json["as_of"] = receipt.as_of.to_string();
  if (!receipt.data_vintage.empty()) {
    json["data_vintage"] = receipt.data_vintage;
    json["data_sha256"] = receipt.data_sha256;
  }
  return json;
}

Json subject_json(const Subject& subject) {
  Json json = Json::object();
  json["kind"] = subject.kind;
  json["name"] = subject.name;
  if (!subject.code.empty()) {
    json["code"] = subject.code;
  }
  if (!subject.councils.empty()) {
    json["councils"] = subject.councils;
  }
  if (!subject.districts.empty()) {
    json["districts"] = subject.districts;
  }
  if (!subject.source.empty()) {
    json["source"] = subject.source;
    json["verified"] = subject.caveat.empty();
    if (!subject.caveat.empty()) {
      json["caveat"] = subject.caveat;
    }
  }
  Json member_of = Json::array();
  for (const Membership& membership : subject.member_of) {
    Json item = Json::object();
    item["id"] = membership.id;
    item["code"] = membership.code.empty() ? Json(nullptr) : Json(membership.code);
    item["name"] = membership.name;
    item["kind"] = membership.kind;
    item["mayoral"] = membership.mayoral;
    item["constituent"] = membership.constituent;
    if (!membership.through.empty()) {
      item["through"] = membership.through;
    }
    member_of.push_back(std::move(item));
  }
  json["member_of"] = std::move(member_of);
  return json;
}

Json problems_json(const std::vector<Problem>& problems) {
  Json json = Json::array();
  for (const Problem& problem : problems) {
    Json item = Json::object();
    item["code"] = problem.code;
    item["message"] = problem.message;
    if (!problem.file.empty()) {
      item["file"] = problem.file;
      item["line"] = problem.line;
      item["column"] = problem.column;
    }
    json.push_back(std::move(item));
  }
  return json;
}

Json reasons_json(const std::vector<Reason>& reasons) {
  Json json = Json::array();
  for (const Reason& reason : reasons) {
    Json item = Json::object();
    item["status"] = to_string(reason.status);
    item["message"] = reason.message;
    if (reason.expectation) {
      item["expectation"] = true;
    }
    json.push_back(std::move(item));
  }
  return json;
}

std::string dump_json(const Json& json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

namespace {

Json value_json(const FactValue& value) {
  return std::visit(
      [](const auto& item) -> Json {
        using Item = std::decay_t<decltype(item)>;
        if constexpr (std::is_same_v<Item, Date>) {
          return item.to_string();
        } else {
          // bool, integer, enum value (a string) and codes (an array of strings)
          // map onto JSON as they are.
          return item;
        }
      },
      value);
}

Json facts_json(const std::vector<FactLine>& lines) {
  Json json = Json::object();
  for (const FactLine& line : lines) {
    json[line.name] = value_json(*line.value);
  }
  return json;
}

// Integer facts known only as a range: {"at_least": 107, "at_most": 119}.
Json fact_ranges_json(const FactInput& facts) {
  Json json = Json::object();
  for (const auto& [name, upper] : facts.upper) {
    const auto value = facts.values.find(name);
    const std::int64_t* low =
        value == facts.values.end() ? nullptr : std::get_if<std::int64_t>(&value->second);
    if (low != nullptr) {
      json[name] = Json{{"at_least", *low}, {"at_most", upper}};
    }
  }
  return json;
}

Json fact_notes_json(const std::vector<FactLine>& lines) {
  Json json = Json::object();
  for (const FactLine& line : lines) {
    if (!line.note.empty()) {
      json[line.name] = line.note;
    }
  }
  return json;
}

Json citation_json(const RuleSet& rules, const Citation& citation) {
  Json json = Json::object();
  json["source"] = citation.source;
  const Source* source = rules.find_source(citation.source);
  if (source != nullptr && !source->title.empty()) {
    json["document"] = source->title;
  }
  if (!citation.section.empty()) {
    json["section"] = citation.section;
  }
  if (!citation.page.empty()) {
    json["page"] = citation.page;
  }
  if (source != nullptr && !source->url.empty()) {
    json["url"] = source->url;
  }
  if (!citation.via.empty()) {
    json["via"] = citation.via;
  }
  return json;
}

Json tier_json(const RuleSet& rules, std::size_t index, const TierResult& result) {
  const Tier* tier = find_tier(rules, index, result.id);
  Json json = Json::object();
  json["id"] = result.id;
  json["title"] = tier == nullptr ? std::string() : tier->title;
  json["status"] = to_string(result.status);
  json["reasons"] = reasons_json(result.reasons);
  if (!result.settled_by.empty()) {
    json["settled_by"] = result.settled_by;
  }
  if (tier != nullptr) {
    json["citation"] = citation_json(rules, tier->citation);
    json["evidence"] = to_string(tier->evidence);
  }
  return json;
}

Json power_json(const RuleSet& rules, std::size_t index, const PowerResult& result) {
  const Power* power = find_power(rules, index, result.id);
  static const Power k_unknown_power;  // only when the decision is not of these rules
  const Power& rule = power == nullptr ? k_unknown_power : *power;
  Json json = Json::object();
  json["id"] = result.id;
  json["title"] = rule.title;
  json["group"] = rule.group;
  json["tier"] = rule.tier;
  json["status"] = to_string(result.status);
  const Holding& holding = result.holding;
  json["held"] = holding.held ? Json(*holding.held) : Json(nullptr);
  json["held_since"] = holding.since.empty() ? Json(nullptr) : Json(holding.since);
  json["held_note"] = holding.note;
  if (!holding.source.empty()) {
    json["held_source"] = holding.source;
    json["held_evidence"] = holding.evidence;
  }
  json["reasons"] = reasons_json(result.reasons);
  if (!result.settled_by.empty()) {
    json["settled_by"] = result.settled_by;
  }
  json["citation"] = citation_json(rules, rule.citation);
  json["evidence"] = to_string(rule.evidence);
  return json;
}

Json warnings_json(const std::vector<Warning>& warnings) {
  Json json = Json::array();
  for (const Warning& warning : warnings) {
    Json item = Json::object();
    item["code"] = warning.code;
    item["message"] = warning.message;
    json.push_back(std::move(item));
  }
  return json;
}

}  // namespace

std::string render_json(const Evaluation& evaluation) {
  const RuleSet& rules = evaluation.rules;
  const Decision& decision = evaluation.decision;

  Json json = Json::object();
  json["receipt"] = receipt_json(evaluation.receipt);
  json["subject"] = subject_json(evaluation.facts.subject);
  json["applicable"] = decision.applicable;
  if (!decision.applicable) {
    json["not_applicable"] = decision.not_applicable;
  }
  json["valid"] = decision.valid;
  json["problems"] = problems_json(decision.problems);
  const std::vector<FactLine> facts = facts_in_order(evaluation);
  json["facts"] = facts_json(facts);
  if (Json notes = fact_notes_json(facts); !notes.empty()) {
    json["fact_notes"] = std::move(notes);
  }
  if (Json ranges = fact_ranges_json(evaluation.facts); !ranges.empty()) {
    json["fact_ranges"] = std::move(ranges);
  }
  json["tier"] = nullptr;
  if (decision.tier && *decision.tier < decision.tiers.size()) {
    json["tier"] = decision.tiers[*decision.tier].id;
  }
  json["tiers"] = Json::array();
  for (std::size_t i = 0; i < decision.tiers.size(); ++i) {
    json["tiers"].push_back(tier_json(rules, i, decision.tiers[i]));
  }
  json["powers"] = Json::array();
  for (std::size_t i = 0; i < decision.powers.size(); ++i) {
    json["powers"].push_back(power_json(rules, i, decision.powers[i]));
  }
  json["warnings"] = warnings_json(decision.warnings);
  return dump_json(json);
}

}  // namespace devo::report
