#include "commands.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <devo/codes.hpp>
#include <devo/engine.hpp>
#include <devo/report.hpp>
#include <devo/version.hpp>

#include "exit_code.hpp"
#include "terminal.hpp"

namespace devo::cli {
namespace {

OutputFormat output_format(const std::string& name) {
  if (name == "json") {
    return OutputFormat::json;
  }
  return name == "markdown" ? OutputFormat::markdown : OutputFormat::text;
}

void print_diagnostics(const Diagnostics& diags) {
  fmt::print(stderr, "{}",
             render_diagnostics(diags, OutputFormat::text, TextStyle{wants_colour(stderr)}));
}

std::optional<Date> parse_as_of(const std::string& text, Diagnostics& diags) {
  if (text.empty()) {
    return Date::today();
  }
  auto date = Date::parse(text);
  if (!date) {
    diags.error(Location{"--as-of", 0, 0}, std::string(codes::invalid_date),
                fmt::format("'{}' is not a real date in the form YYYY-MM-DD", text));
  }
  return date;
}

// The rule set `--rules` names, or without it the built-in one in force on
// `as_of`.
std::shared_ptr<const RuleSet> load_rules(const std::string& argument, Date as_of,
                                          Diagnostics& diags) {
  std::string id_or_path = argument;
  if (id_or_path.empty()) {
    auto in_force = builtin_ruleset_in_force(as_of);
    if (!in_force) {
      diags.error(Location{"--rules", 0, 0}, std::string(codes::unknown_ruleset),
                  fmt::format("no built-in rule set is in force on {}; name one with --rules",
                              as_of.to_string()));
      return nullptr;
    }
    id_or_path = *in_force;
  }
  auto source = find_ruleset_source(id_or_path, diags);
  if (!source) {
    return nullptr;
  }
  auto rules = load_ruleset(*source, diags);
  return rules ? std::make_shared<const RuleSet>(std::move(*rules)) : nullptr;
}

// Warnings about the user's files (an unknown fact, say) belong in the result
// too, so that a JSON reader sees them.
void add_input_warnings(const Diagnostics& diags, Decision& decision) {
  for (const Diagnostic& diagnostic : diags.sorted()) {
    if (diagnostic.severity != Severity::warning) {
      continue;
    }
    const Location& at = diagnostic.location;
    const std::string where = at.line == 0 ? at.file
                                           : fmt::format("{}:{}:{}", at.file, at.line, at.column);
    decision.warnings.push_back(
        Warning{diagnostic.code, fmt::format("{}: {}", where, diagnostic.message)});
  }
}

}  // namespace

int run_evaluate(const EvaluateArguments& arguments) {
  Diagnostics diags(arguments.max_errors);
  const auto as_of = parse_as_of(arguments.as_of, diags);
  auto rules = as_of ? load_rules(arguments.rules, *as_of, diags) : nullptr;
  std::optional<FactInput> facts;
  if (rules) {
    if (auto source = read_source_file(arguments.facts, diags)) {
      facts = load_facts(*source, *rules, diags);
    }
  }
  if (diags.has_errors() || !facts) {
    print_diagnostics(diags);
    return k_exit_bad_input;
  }
  if (!diags.empty()) {
    print_diagnostics(diags);
  }
  const CompiledRules compiled(rules);
  Decision decision = compiled.evaluate(*facts, EvaluateOptions{true, as_of});
  add_input_warnings(diags, decision);
  const Evaluation evaluation{
      Receipt{rules->id, rules->sha256, std::string(k_version), *as_of}, *rules, *facts,
      decision};
  fmt::print("{}", render_evaluation(evaluation, output_format(arguments.format),
                                     TextStyle{wants_colour(stdout)}));
  return k_exit_ok;
}

int run_check(const CheckArguments& arguments) {
  Diagnostics diags(arguments.max_errors);
  std::vector<std::string> summaries;
  for (const std::string& path : arguments.paths) {
    const std::size_t errors_before = diags.error_count();
    auto source = read_source_file(path, diags);
    if (!source) {
      continue;
    }
    auto rules = load_ruleset(*source, diags);
    if (rules && diags.error_count() == errors_before) {
      summaries.push_back(fmt::format("{}: ok: rule set '{}', {} tiers, {} powers, {} named "
                                      "conditions, {} facts",
                                      path, rules->id, rules->tiers.size(), rules->powers.size(),
                                      rules->conditions.size(), rules->facts.size()));
    }
  }
  const OutputFormat format = output_format(arguments.format);
  fmt::print("{}", render_diagnostics(diags, format, TextStyle{wants_colour(stdout)}));
  if (format == OutputFormat::text) {
    for (const std::string& summary : summaries) {
      fmt::print("{}\n", summary);
    }
  }
  return diags.has_errors() ? k_exit_bad_input : k_exit_ok;
}

namespace {

using Table = std::vector<std::vector<std::string>>;

void print_table(const std::vector<std::string>& header, const Table& rows,
                 OutputFormat format) {
  if (format == OutputFormat::json) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const auto& row : rows) {
      nlohmann::ordered_json object;
      for (std::size_t i = 0; i < header.size(); ++i) {
        object[header[i]] = row[i];
      }
      array.push_back(object);
    }
    fmt::print("{}\n", array.dump(2));
    return;
  }
  if (format == OutputFormat::markdown) {
    auto line = [](const std::vector<std::string>& cells) {
      std::string text = "|";
      for (const std::string& cell : cells) {
        text += " " + cell + " |";
      }
      return text;
    };
    fmt::print("{}\n", line(header));
    fmt::print("{}\n", line(std::vector<std::string>(header.size(), "---")));
    for (const auto& row : rows) {
      fmt::print("{}\n", line(row));
    }
    return;
  }
  std::vector<std::size_t> widths(header.size(), 0);
  for (std::size_t i = 0; i < header.size(); ++i) {
    widths[i] = header[i].size();
    for (const auto& row : rows) {
      widths[i] = std::max(widths[i], row[i].size());
    }
  }
  auto print_row = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      text += i + 1 == cells.size() ? cells[i] : fmt::format("{:<{}}  ", cells[i], widths[i]);
    }
    fmt::print("{}\n", text);
  };
  print_row(header);
  for (const auto& row : rows) {
    print_row(row);
  }
}

std::string date_range(const RuleSet& rules) {
  return rules.effective_to
             ? fmt::format("{} to {}", rules.effective_from.to_string(),
                           rules.effective_to->to_string())
             : fmt::format("from {}", rules.effective_from.to_string());
}

}  // namespace

int run_list(const ListArguments& arguments) {
  Diagnostics diags;
  const OutputFormat format = output_format(arguments.format);
  if (arguments.what == "rulesets") {
    Table rows;
    for (const std::string& id : builtin_ruleset_ids()) {
      auto rules = load_rules(id, Date::today(), diags);
      if (rules) {
        rows.push_back({rules->id, date_range(*rules), rules->title});
      }
    }
    if (diags.has_errors()) {
      print_diagnostics(diags);
      return k_exit_internal;
    }
    print_table({"id", "in force", "title"}, rows, format);
    return k_exit_ok;
  }
  auto rules = load_rules(arguments.rules, Date::today(), diags);
  if (!rules) {
    print_diagnostics(diags);
    return k_exit_bad_input;
  }
  Table rows;
  if (arguments.what == "tiers") {
    for (const Tier& tier : rules->tiers) {
      rows.push_back({tier.id, tier.title, std::string(to_string(tier.evidence)), tier.summary});
    }
    print_table({"id", "title", "evidence", "summary"}, rows, format);
  } else {
    for (const Power& power : rules->powers) {
      rows.push_back({power.id, power.tier, std::string(to_string(power.evidence)), power.group,
                      power.title});
    }
    print_table({"id", "tier", "evidence", "group", "title"}, rows, format);
  }
  return k_exit_ok;
}

}  // namespace devo::cli
