// A plain table (devo/report.hpp: render_table) in each format, and a sweep
// of England, which is one such table.

#include "report/csv.hpp"
#include "report/json_values.hpp"
#include "report/markdown.hpp"
#include "report/report_common.hpp"

#include <devo/report.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>

namespace devo::report {
namespace {

// Every row as wide as the header: missing cells empty, extra ones dropped.
std::vector<std::vector<std::string>> even_rows(const Table& table) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    std::vector<std::string> cells(table.header.size());
    std::copy_n(row.begin(), std::min(row.size(), cells.size()), cells.begin());
    rows.push_back(std::move(cells));
  }
  return rows;
}

// Columns padded to their widest cell (in bytes, as fmt pads the shorter
// ones), two spaces apart, the last one unpadded.
std::string text_table(const Table& table, const TextStyle& style) {
  const auto safe = [](const std::vector<std::string>& cells) {
    std::vector<std::string> out;
    out.reserve(cells.size());
    for (const std::string& cell : cells) {
      out.push_back(printable(cell));
    }
    return out;
  };
  const std::vector<std::string> header = safe(table.header);
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : even_rows(table)) {
    rows.push_back(safe(row));
  }
  std::vector<std::size_t> widths(header.size(), 0);
  for (std::size_t i = 0; i < header.size(); ++i) {
    widths[i] = header[i].size();
    for (const auto& row : rows) {
      widths[i] = std::max(widths[i], row[i].size());
    }
  }
  const auto line = [&](const std::vector<std::string>& cells, bool bold) {
    std::string text;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const bool last = i + 1 == cells.size();
      const std::string cell = last ? cells[i] : fmt::format("{:<{}}", cells[i], widths[i]);
      text += bold ? paint(cell, Colour::bold, style) : cell;
      text += last ? "" : "  ";
    }
    return text + '\n';
  };
  std::string out = line(header, true);
  for (const auto& row : rows) {
    out += line(row, false);
  }
  return out;
}

std::string json_table(const Table& table) {
  Json array = Json::array();
  for (const auto& row : even_rows(table)) {
    Json object = Json::object();
    for (std::size_t i = 0; i < table.header.size(); ++i) {
      object[table.header[i]] = row[i];
    }
    array.push_back(std::move(object));
  }
  return dump_json(array);
}

}  // namespace
}  // namespace devo::report

namespace devo {

std::string render_table(const Table& table, OutputFormat format, const TextStyle& style) {
  switch (format) {
    case OutputFormat::json:
      return report::json_table(table);
    case OutputFormat::markdown:
      return report::markdown_table(report::MarkdownTable{table.header, table.rows, {}});
    case OutputFormat::csv: {
      std::vector<std::vector<std::string>> rows{table.header};
      for (auto& row : report::even_rows(table)) {
        rows.push_back(std::move(row));
      }
      return report::csv_rows(rows);
    }
    case OutputFormat::text:
      break;
  }
  return report::text_table(table, style);
}

std::string render_sweep(const RuleSet& rules, const std::vector<SweepRow>& rows,
                         OutputFormat format, const TextStyle& style) {
  // The decision's powers are the rule set's, in its order; the id is the
  // fallback for a decision made under other rules.
  const auto status_of = [](const Decision& decision, std::size_t index,
                            const std::string& id) -> std::string {
    if (index < decision.powers.size() && decision.powers[index].id == id) {
      return std::string(to_string(decision.powers[index].status));
    }
    for (const PowerResult& power : decision.powers) {
      if (power.id == id) {
        return std::string(to_string(power.status));
      }
    }
    return {};
  };
  const auto tier_of = [](const Decision& decision) {
    return decision.tier && *decision.tier < decision.tiers.size()
               ? decision.tiers[*decision.tier].id
               : std::string();
  };
  if (format == OutputFormat::json) {
    report::Json array = report::Json::array();
    for (const SweepRow& row : rows) {
      report::Json powers = report::Json::object();
      for (std::size_t i = 0; i < rules.powers.size(); ++i) {
        const std::string status = status_of(row.decision, i, rules.powers[i].id);
        powers[rules.powers[i].id] = status.empty() ? report::Json(nullptr) : report::Json(status);
      }
      const std::string tier = tier_of(row.decision);
      array.push_back(
          report::Json{{"code", row.subject.code},
                       {"name", row.subject.name},
                       {"kind", row.subject.kind},
                       {"tier", tier.empty() ? report::Json(nullptr) : report::Json(tier)},
                       {"powers", std::move(powers)}});
    }
    return report::dump_json(array);
  }
  Table table{{"code", "name", "kind", "tier"}, {}};
  for (const Power& power : rules.powers) {
    table.header.push_back(power.id);
  }
  for (const SweepRow& row : rows) {
    std::vector<std::string> cells{row.subject.code, row.subject.name, row.subject.kind,
                                   tier_of(row.decision)};
    for (std::size_t i = 0; i < rules.powers.size(); ++i) {
      cells.push_back(status_of(row.decision, i, rules.powers[i].id));
    }
    table.rows.push_back(std::move(cells));
  }
  return render_table(table, format, style);
}

}  // namespace devo
