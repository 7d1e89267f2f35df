#include "report/catalogue_words.hpp"
#include "report/markdown.hpp"
#include "report/markup.hpp"
#include "report/report_common.hpp"

#include <devo/report.hpp>
#include <devo/ruleset.hpp>
#include <devo/value.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// A rule set as a catalogue for people who do not read YAML: Markdown (the
// committed docs/rules/<id>.md) or one standalone HTML page. The catalogue is
// written once, as headings, paragraphs, lists and tables of inline spans, and
// each format only decides how a block or a span is spelled, so that both say
// the same things in the same order. Nothing in it depends on the clock, the
// machine or the path the rules were read from, so a fresh render can be
// compared byte for byte with the committed one.
namespace devo::report {
namespace {

// What an empty cell or field shows, so that a gap reads as "none" rather than
// as something lost.
constexpr std::string_view k_none = "—";

Inline or_none(Inline text) {
  return text.empty() ? Inline(k_none) : text;
}

// "3 tiers", "1 tier", "no tiers".
std::string count_of(std::size_t count, std::string_view one, std::string_view many) {
  if (count == 0) {
    return fmt::format("no {}", many);
  }
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

// Only web addresses become links: a rule file's `url` could as well say
// "javascript:", which a catalogue page must never run.
bool is_web_address(std::string_view url) {
  const auto starts = [url](std::string_view prefix) {
    if (url.size() <= prefix.size()) {
      return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) {
        return false;
      }
    }
    return true;
  };
  return starts("https://") || starts("http://");
}

// ---------------------------------------------------------------------------
// Writers: how each format spells blocks and spans

// A table row; `anchor` names it for links (HTML only).
struct Row {
  std::string anchor;
  std::vector<Inline> cells;
};

// A label and its value, as in "Evidence: secondary".
struct Field {
  std::string label;
  Inline value;
};

class Writer {
 public:
  virtual ~Writer() = default;

  virtual void heading(std::size_t level, const Inline& text, std::string_view anchor) = 0;
  virtual void paragraph(const Inline& text) = 0;
  virtual void fields(const std::vector<Field>& fields) = 0;
  virtual void bullets(const std::vector<Inline>& items) = 0;
  virtual void table(const std::vector<std::string_view>& head, const std::vector<Row>& rows) = 0;
  // The whole document.
  virtual std::string finish() = 0;
};

// GitHub-flavoured Markdown without raw HTML (but for `<br>`, where a rule
// file's text breaks a line inside a table cell), so that it reads the same in
// any renderer and as plain text. Text is escaped and tables laid out by
// report/markdown.hpp, as in every Markdown report.
class MarkdownWriter final : public Writer {
 public:
  void heading(std::size_t level, const Inline& text, std::string_view /*anchor*/) override {
    block(fmt::format("{} {}\n", std::string(level, '#'), render(text)));
  }

  void paragraph(const Inline& text) override { block(markdown_line_start(render(text)) + '\n'); }

  // One paragraph, a field a line, with hard line breaks (a trailing
  // backslash): a list here would run into a list just before or after it.
  void fields(const std::vector<Field>& fields) override {
    std::vector<std::string> lines;
    for (const Field& field : fields) {
      lines.push_back(fmt::format("**{}:** {}", markdown_text(field.label), render(field.value)));
    }
    block(join(lines, "\\\n") + '\n');
  }

  void bullets(const std::vector<Inline>& items) override {
    std::string out;
    for (const Inline& item : items) {
      out += fmt::format("- {}\n", markdown_line_start(render(item)));
    }
    block(out);
  }

  void table(const std::vector<std::string_view>& head, const std::vector<Row>& rows) override {
    std::vector<std::string> titles;
    for (std::string_view title : head) {
      titles.push_back(markdown_cell(title));
    }
    std::vector<std::vector<std::string>> cells;
    for (const Row& table_row : rows) {
      std::vector<std::string> row;
      for (const Inline& cell : table_row.cells) {
        row.push_back(render(cell, LineBreaks::html));
      }
      cells.push_back(std::move(row));
    }
    block(markdown_table_of_markup(titles, cells));
  }

  std::string finish() override { return std::move(m_out); }

 private:
  // Blocks are separated by one blank line; the document ends with one newline.
  void block(const std::string& text) {
    if (!m_out.empty()) {
      m_out += '\n';
    }
    m_out += text;
  }

  static std::string render(const Inline& text, LineBreaks breaks = LineBreaks::space) {
    std::string out;
    for (const Span& span : text.spans()) {
      out += render(span, breaks);
    }
    return out;
  }

  static std::string render(const Span& span, LineBreaks breaks) {
    const auto escape = [breaks](std::string_view text) { return markdown_text(text, breaks); };
    switch (span.style) {
      case Span::Style::code:
        return markdown_code(span.text);
      case Span::Style::strong:
        return fmt::format("**{}**", escape(span.text));
      case Span::Style::evidence:
        // The sign stays outside the emphasis: a symbol right after `**` may
        // keep it from opening, depending on the renderer's CommonMark version.
        return span.evidence == Evidence::confirmed
                   ? escape(span.text)
                   : fmt::format("{} **{}**", evidence_sign(span.evidence), escape(span.text));
      case Span::Style::plain:
        break;
    }
    if (is_web_address(span.href)) {
      // An address shown as itself is an autolink, which reads better as text.
      const std::string address = escape_address(span.href);
      return span.text == span.href ? fmt::format("<{}>", address)
                                    : fmt::format("[{}]({})", escape(span.text), address);
    }
    return escape(span.text);
  }

  // A link destination: what would end it, or a table cell, percent-encoded.
  static std::string escape_address(std::string_view url) {
    std::string out;
    for (char c : url) {
      switch (c) {
        case ' ':
          out += "%20";
          break;
        case '(':
          out += "%28";
          break;
        case ')':
          out += "%29";
          break;
        case '<':
          out += "%3C";
          break;
        case '>':
          out += "%3E";
          break;
        case '|':
          out += "%7C";
          break;
        default:
          out += c;
      }
    }
    return out;
  }

  std::string m_out;
};

// Styles for screen and print. Evidence marks keep their colours on paper
// (print-color-adjust), and their signs and weight carry them in black and
// white. Printed links do not repeat their addresses after every citation:
// the sources table prints each address once.
constexpr std::string_view k_stylesheet = R"(main { max-width: 72rem; }
p, ul { margin: 0.75rem 0; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem;
  margin: 0.75rem 0; }
dl.fields dt { font-weight: 600; }
dl.fields dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0; font-size: 0.95rem; }
th, td { border: 1px solid #d0d7de; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em;
  background: #f6f8fa; padding: 0.1em 0.3em; border-radius: 4px; }
a { color: #0550ae; }
.evidence { white-space: nowrap; }
.evidence-secondary { background: #fff8c5; color: #6c4a00; font-weight: 600;
  padding: 0 0.3em; border-radius: 4px; }
.evidence-reconstructed { background: #ffebe9; color: #a40e26; font-weight: 700;
  padding: 0 0.3em; border: 1px solid #a40e26; border-radius: 4px; }
@media print {
  @page { margin: 1.5cm; }
  body { font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  tr, li, dl.fields { break-inside: avoid; }
  .evidence { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
)";

// A standalone HTML page: everything from the rules is escaped, and the only
// links are to web addresses and to the page's own anchors.
class HtmlWriter final : public Writer {
 public:
  explicit HtmlWriter(std::string title) : m_title(std::move(title)) {}

  void heading(std::size_t level, const Inline& text, std::string_view anchor) override {
    m_out += fmt::format("<h{}{}>{}</h{}>\n", level, id_attribute(anchor), render(text), level);
  }

  void paragraph(const Inline& text) override { m_out += fmt::format("<p>{}</p>\n", render(text)); }

  void fields(const std::vector<Field>& fields) override {
    m_out += "<dl class=\"fields\">\n";
    for (const Field& field : fields) {
      m_out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", escape(field.label), render(field.value));
    }
    m_out += "</dl>\n";
  }

  void bullets(const std::vector<Inline>& items) override {
    m_out += "<ul>\n";
    for (const Inline& item : items) {
      m_out += fmt::format("<li>{}</li>\n", render(item));
    }
    m_out += "</ul>\n";
  }

  void table(const std::vector<std::string_view>& head, const std::vector<Row>& rows) override {
    m_out += "<table>\n<thead><tr>";
    for (std::string_view title : head) {
      m_out += fmt::format("<th scope=\"col\">{}</th>", escape(title));
    }
    m_out += "</tr></thead>\n<tbody>\n";
    for (const Row& table_row : rows) {
      m_out += fmt::format("<tr{}>", id_attribute(table_row.anchor));
      for (const Inline& cell : table_row.cells) {
        m_out += fmt::format("<td>{}</td>", render(cell));
      }
      m_out += "</tr>\n";
    }
    m_out += "</tbody>\n</table>\n";
  }

  std::string finish() override { return html_page(m_title, k_stylesheet, m_out); }

 private:
  static std::string id_attribute(std::string_view anchor) {
    return anchor.empty() ? std::string() : fmt::format(" id=\"{}\"", escape(anchor));
  }

  static std::string render(const Inline& text) {
    std::string out;
    for (const Span& span : text.spans()) {
      out += render(span);
    }
    return out;
  }

  static std::string render(const Span& span) {
    std::string out;
    switch (span.style) {
      case Span::Style::code:
        out = fmt::format("<code>{}</code>", escape(span.text));
        break;
      case Span::Style::strong:
        out = fmt::format("<strong>{}</strong>", escape(span.text));
        break;
      case Span::Style::evidence: {
        const std::string_view sign = evidence_sign(span.evidence);
        return fmt::format("<span class=\"evidence evidence-{}\">{}{}</span>", span.text, sign,
                           escape(sign.empty() ? span.text : " " + span.text));
      }
      case Span::Style::plain:
        out = escape(span.text);
        break;
    }
    const bool linkable = is_web_address(span.href) || span.href.starts_with('#');
    return linkable ? fmt::format("<a href=\"{}\">{}</a>", escape(span.href), out) : out;
  }

  // Text and attribute values alike: the five characters HTML gives meaning.
  static std::string escape(std::string_view text) { return escape_markup(text); }

  std::string m_title;
  std::string m_out;
};

// ---------------------------------------------------------------------------
// The catalogue

// Something with an evidence mark, for the overview of what to check first.
struct Marked {
  Evidence evidence = Evidence::confirmed;
  // The kind, singular and plural: "power", "powers".
  std::string_view kind;
  std::string_view kinds;
  Inline label;
};

// The order the overview lists kinds in, and the order of evidence by how
// urgently it needs checking.
constexpr std::string_view k_kinds[][2] = {{"tier", "tiers"},
                                           {"power", "powers"},
                                           {"named condition", "named conditions"},
                                           {"requirement", "requirements"},
                                           {"expectation", "expectations"}};
constexpr Evidence k_check_order[] = {Evidence::reconstructed, Evidence::secondary,
                                      Evidence::confirmed};

class Catalogue {
 public:
  Catalogue(const RuleSet& rules, Writer& out) : m_rules(rules), m_words(rules), m_out(out) {}

  void write() {
    header();
    evidence_overview();
    exclusions();
    tiers();
    powers();
    conditions();
    facts();
    sources();
  }

 private:
  void header() {
    m_out.heading(1, Inline(m_rules.title.empty() ? m_rules.id : m_rules.title), {});
    if (!m_rules.summary.empty()) {
      m_out.paragraph(Inline(m_rules.summary));
    }
    std::vector<Field> fields;
    fields.push_back(Field{"Rule set", Inline().code(m_rules.id)});
    fields.push_back(Field{"In force", Inline(in_force_words())});
    if (!m_rules.extends.empty()) {
      fields.push_back(Field{"Extends", Inline()
                                            .code(m_rules.extends)
                                            .plain(": its sources, facts, named conditions, tiers "
                                                   "and powers come first, then this file's own")});
    }
    fields.push_back(Field{"Contents", Inline(contents_words())});
    m_out.fields(fields);
    m_out.paragraph(Inline(
        "Generated by devo from the rule file: to change the catalogue, change the rules and "
        "render it again."));
  }

  std::string in_force_words() const {
    const std::string from = m_rules.effective_from.to_string();
    if (!m_rules.effective_to) {
      return fmt::format("from {}, with no end date", from);
    }
    return fmt::format("from {} to {}", from, m_rules.effective_to->to_string());
  }

  std::string contents_words() const {
    return fmt::format("{}; {} in {}; {}; {}; {}", count_of(m_rules.tiers.size(), "tier", "tiers"),
                       count_of(m_rules.powers.size(), "power", "powers"),
                       count_of(group_powers(m_rules).size(), "group", "groups"),
                       count_of(m_rules.conditions.size(), "named condition", "named conditions"),
                       count_of(m_rules.facts.size(), "fact", "facts"),
                       count_of(m_rules.sources.size(), "source", "sources"));
  }

  // --- Evidence overview -----------------------------------------------------

  void evidence_overview() {
    m_out.heading(2, Inline("Evidence"), "evidence");
    m_out.paragraph(Inline()
                        .plain("Every tier, power and named condition carries a mark saying how "
                               "sure its source is. ")
                        .mark(Evidence::reconstructed)
                        .plain(": from recollection of the source, not yet checked against its "
                               "text; check these first. ")
                        .mark(Evidence::secondary)
                        .plain(": read in a reputable secondary summary, not in the primary text. ")
                        .mark(Evidence::confirmed)
                        .plain(": read in the primary source."));
    const std::vector<Marked> marked = marked_rules();
    std::vector<Inline> lines;
    for (Evidence evidence : k_check_order) {
      if (Inline line = overview_line(marked, evidence); !line.empty()) {
        lines.push_back(std::move(line));
      }
    }
    if (!lines.empty()) {
      m_out.bullets(lines);
    }
  }

  // "⚠ reconstructed (4): named conditions `a`, `b`; powers `c`, `d`", or
  // nothing when no rule has the mark.
  static Inline overview_line(const std::vector<Marked>& marked, Evidence evidence) {
    std::vector<Inline> kinds;
    std::size_t total = 0;
    for (const auto& [kind, kinds_word] : k_kinds) {
      std::vector<Inline> labels;
      for (const Marked& item : marked) {
        if (item.evidence == evidence && item.kind == kind) {
          labels.push_back(item.label);
        }
      }
      if (!labels.empty()) {
        total += labels.size();
        kinds.push_back(Inline(labels.size() == 1 ? kind : kinds_word)
                            .plain(" ")
                            .append(join_inline(labels, Inline(", "))));
      }
    }
    if (total == 0) {
      return {};
    }
    return Inline()
        .mark(evidence)
        .plain(fmt::format(" ({}): ", total))
        .append(join_inline(kinds, Inline("; ")));
  }

  // Every mark in the rule set: tiers, powers and named conditions, and the
  // requirements and expectations that carry marks of their own.
  std::vector<Marked> marked_rules() const {
    std::vector<Marked> marked;
    const auto own_marks = [&](const std::vector<Condition>& conditions, std::string_view kind,
                               std::string_view kinds, const Inline& owner) {
      for (const Condition& condition : conditions) {
        if (condition.evidence) {
          marked.push_back(
              Marked{*condition.evidence, kind, kinds,
                     Inline("“").append(m_words.words(condition)).plain("” of ").append(owner)});
        }
      }
    };
    for (const Tier& tier : m_rules.tiers) {
      const Inline label = Inline().code(tier.id, fmt::format("#{}", tier_anchor(tier.id)));
      marked.push_back(Marked{tier.evidence, "tier", "tiers", label});
      own_marks(tier.requirements, "requirement", "requirements", label);
      own_marks(tier.expectations, "expectation", "expectations", label);
    }
    for (const Power& power : m_rules.powers) {
      const Inline label = Inline().code(power.id, fmt::format("#{}", power_anchor(power.id)));
      marked.push_back(Marked{power.evidence, "power", "powers", label});
      own_marks(power.requirements, "requirement", "requirements", label);
      own_marks(power.expectations, "expectation", "expectations", label);
    }
    for (const NamedCondition& named : m_rules.conditions) {
      if (named.evidence) {
        marked.push_back(
            Marked{*named.evidence, "named condition", "named conditions",
                   Inline().code(named.name, fmt::format("#{}", condition_anchor(named.name)))});
      }
    }
    return marked;
  }

  // --- Where the rule set does not apply ---------------------------------------

  void exclusions() {
    if (m_rules.not_applicable.empty()) {
      return;
    }
    m_out.heading(2, Inline("Where it does not apply"), "not-applicable");
    m_out.paragraph(Inline(
        "For a subject that meets one of these, the evaluation says so in one line and decides "
        "no tier or power: the question does not arise, which is not a failure."));
    std::vector<Row> rows;
    for (std::size_t i = 0; i < m_rules.not_applicable.size(); ++i) {
      const Exclusion& exclusion = m_rules.not_applicable[i];
      rows.push_back(
          Row{fmt::format("not-applicable-{}", i + 1),
              {m_words.words(exclusion.when), Inline(exclusion.reason),
               or_none(citation(exclusion.citation)), Inline().mark(exclusion.evidence)}});
    }
    m_out.table({"When", "Why", "Citation", "Evidence"}, rows);
  }

  // --- Tiers -------------------------------------------------------------------

  void tiers() {
    m_out.heading(2, Inline("Tiers"), "tiers");
    if (m_rules.tiers.empty()) {
      m_out.paragraph(Inline("None."));
      return;
    }
    m_out.paragraph(Inline(
        "Lowest first. Tiers nest: a tier holds when its own requirements hold and the tier "
        "below it holds, so each lists only what it adds. An expectation that fails only warns."));
    for (std::size_t i = 0; i < m_rules.tiers.size(); ++i) {
      tier(i);
    }
  }

  void tier(std::size_t index) {
    const Tier& tier = m_rules.tiers[index];
    m_out.heading(3, titled(tier.title, tier.id), tier_anchor(tier.id));
    if (!tier.summary.empty()) {
      m_out.paragraph(Inline(tier.summary));
    }
    m_out.fields({Field{"Citation", or_none(citation(tier.citation))},
                  Field{"Evidence", Inline().mark(tier.evidence)}});
    const Tier* below = index > 0 ? &m_rules.tiers[index - 1] : nullptr;
    const std::string below_title =
        below == nullptr ? std::string() : (below->title.empty() ? below->id : below->title);
    if (tier.requirements.empty()) {
      m_out.paragraph(Inline(below == nullptr ? "Holds with no requirements."
                                              : fmt::format("Holds when {} holds.", below_title)));
    } else {
      m_out.paragraph(Inline(
          below == nullptr ? "Holds when:" : fmt::format("Holds when {} holds and:", below_title)));
      m_out.bullets(requirements(tier.requirements));
    }
    if (!tier.expectations.empty()) {
      m_out.paragraph(Inline("Expects (a failure only warns):"));
      m_out.bullets(requirements(tier.expectations));
    }
  }

  // "Level 1 (`level-1`)", or the id alone when there is no title.
  static Inline titled(std::string_view title, std::string_view id) {
    if (title.empty()) {
      return Inline().code(id);
    }
    return Inline(title).plain(" (").code(id).plain(")");
  }

  std::vector<Inline> requirements(const std::vector<Condition>& conditions) const {
    std::vector<Inline> lines;
    for (const Condition& condition : conditions) {
      lines.push_back(requirement(condition));
    }
    return lines;
  }

  // A requirement in words, then its evidence mark and citation when it has
  // them. A reference without a mark of its own shows the named condition's:
  // how sure a flag's assignment is, is what a reviewer checks (every `*` and
  // `^` of the 2022 table is reconstructed, whatever the mark of its row).
  Inline requirement(const Condition& condition) const {
    Inline line = m_words.words(condition);
    std::optional<Evidence> evidence = condition.evidence;
    if (!evidence && condition.kind == Condition::Kind::reference) {
      if (const NamedCondition* named = m_rules.find_condition(condition.name)) {
        evidence = named->evidence;
      }
    }
    if (evidence) {
      line.plain(" — ").mark(*evidence);
    }
    if (condition.citation) {
      line.plain(evidence ? "; " : " — ").append(citation(*condition.citation));
    }
    return line;
  }

  // --- Powers ------------------------------------------------------------------

  void powers() {
    m_out.heading(2, Inline("Powers"), "powers");
    if (m_rules.powers.empty()) {
      m_out.paragraph(Inline("None."));
      return;
    }
    m_out.paragraph(Inline(
        "By group. A power is available when its tier holds and its further requirements hold; "
        "since tiers nest, every tier above its own gives it too."));
    const std::vector<PowerGroup> groups = group_powers(m_rules);
    for (std::size_t i = 0; i < groups.size(); ++i) {
      const PowerGroup& group = groups[i];
      m_out.heading(3, Inline(group.name.empty() ? "Other powers" : group.name),
                    fmt::format("group-{}", i + 1));
      std::vector<Row> rows;
      for (std::size_t index : group.powers) {
        rows.push_back(power_row(m_rules.powers[index]));
      }
      m_out.table({"Power", "Tier", "Further requirements", "Citation", "Evidence"}, rows);
    }
  }

  Row power_row(const Power& power) const {
    Inline name = titled(power.title, power.id);
    if (!power.description.empty()) {
      name.plain(". ").plain(power.description);
    }
    if (!power.note.empty()) {
      name.plain(" — ").strong("Note:").plain(" ").plain(power.note);
    }
    if (!power.holding.empty()) {
      name.plain(" — ").strong("Held:").plain(" recorded in devo's data as ").code(power.holding);
    }
    return Row{power_anchor(power.id),
               {name, tier_link(power.tier), further_requirements(power),
                or_none(citation(power.citation)), Inline().mark(power.evidence)}};
  }

  // "Level 3", linked to the tier in HTML.
  Inline tier_link(const std::string& id) const {
    const std::optional<std::size_t> index = m_rules.tier_index(id);
    if (!index || m_rules.tiers[*index].title.empty()) {
      return Inline().code(id, fmt::format("#{}", tier_anchor(id)));
    }
    return Inline().plain(m_rules.tiers[*index].title, fmt::format("#{}", tier_anchor(id)));
  }

  // Requirements joined by a bold "and", since all must hold; expectations
  // after them, said to only warn.
  Inline further_requirements(const Power& power) const {
    const Inline and_then = Inline(" ").strong("and").plain(" ");
    Inline cell = join_inline(requirements(power.requirements), and_then);
    if (!power.expectations.empty()) {
      if (!cell.empty()) {
        cell.plain("; ");
      }
      cell.plain("expects (a failure only warns): ")
          .append(join_inline(requirements(power.expectations), and_then));
    }
    return or_none(std::move(cell));
  }

  // --- Named conditions, facts, sources ---------------------------------------

  void conditions() {
    m_out.heading(2, Inline("Named conditions"), "conditions");
    if (m_rules.conditions.empty()) {
      m_out.paragraph(Inline("None."));
      return;
    }
    m_out.paragraph(Inline("Defined once and used by name in the requirements above."));
    std::vector<Row> rows;
    for (const NamedCondition& named : m_rules.conditions) {
      Inline name = titled(named.title, named.name);
      if (!named.description.empty()) {
        name.plain(". ").plain(named.description);
      }
      rows.push_back(Row{condition_anchor(named.name),
                         {name, m_words.generated(named.when),
                          named.citation ? or_none(citation(*named.citation)) : Inline(k_none),
                          named.evidence ? Inline().mark(*named.evidence) : Inline(k_none)}});
    }
    m_out.table({"Condition", "In words", "Citation", "Evidence"}, rows);
  }

  void facts() {
    m_out.heading(2, Inline("Facts"), "facts");
    if (m_rules.facts.empty()) {
      m_out.paragraph(Inline("None."));
      return;
    }
    m_out.paragraph(
        Inline("What the rules ask about a subject. A fact that is not supplied is unknown, never "
               "false."));
    std::vector<Row> rows;
    for (const FactDeclaration& fact : m_rules.facts) {
      rows.push_back(Row{fact_anchor(fact.name),
                         {titled(fact.title, fact.name), Inline(to_string(fact.type)),
                          or_none(Inline(fact.description)), or_none(fact_values(fact))}});
    }
    m_out.table({"Fact", "Type", "Description", "Values"}, rows);
  }

  // "`combined_authority`: a combined authority; `county_council`: …".
  static Inline fact_values(const FactDeclaration& fact) {
    std::vector<Inline> values;
    for (const auto& [value, label] : fact.values) {
      values.push_back(Inline().code(value).plain(": ").plain(label));
    }
    return join_inline(values, Inline("; "));
  }

  void sources() {
    m_out.heading(2, Inline("Sources"), "sources");
    if (m_rules.sources.empty()) {
      m_out.paragraph(Inline("None."));
      return;
    }
    std::vector<Row> rows;
    for (const Source& source : m_rules.sources) {
      rows.push_back(
          Row{source_anchor(source.id),
              {Inline().code(source.id), or_none(Inline(source.title)),
               or_none(Inline(source.publisher)),
               Inline(source.date ? source.date->to_string() : std::string(k_none)),
               source.url.empty() ? Inline(k_none) : Inline().plain(source.url, source.url)}});
    }
    m_out.table({"Source", "Title", "Publisher", "Date", "Address"}, rows);
  }

  // --- Citations -----------------------------------------------------------------

  // The words of citation_in_words() ("Levelling Up the United Kingdom (CP
  // 604), Table 2.3, p.140, via New Local"), with each document's title linked
  // to its address.
  Inline citation(const Citation& where) const {
    std::vector<Inline> parts;
    if (!where.source.empty()) {
      parts.push_back(source_link(where.source));
    }
    if (!where.section.empty()) {
      parts.push_back(Inline(where.section));
    }
    if (!where.page.empty()) {
      const bool range = where.page.find('-') != std::string::npos;
      parts.push_back(Inline(fmt::format("{}{}", range ? "pp." : "p.", where.page)));
    }
    if (!where.via.empty()) {
      std::vector<Inline> titles;
      for (const std::string& via : where.via) {
        titles.push_back(source_link(via));
      }
      parts.push_back(Inline("via ").append(join_inline(titles, Inline(", "))));
    }
    return join_inline(parts, Inline(", "));
  }

  Inline source_link(const std::string& id) const {
    const Source* source = m_rules.find_source(id);
    if (source == nullptr) {
      return Inline(id);
    }
    return Inline().plain(source->title.empty() ? id : source->title, source->url);
  }

  const RuleSet& m_rules;
  ConditionWords m_words;
  Writer& m_out;
};

}  // namespace
}  // namespace devo::report

namespace devo {

std::string render_catalogue(const RuleSet& rules, CatalogueFormat format) {
  if (format == CatalogueFormat::html) {
    report::HtmlWriter writer(
        fmt::format("{} — rule catalogue", rules.title.empty() ? rules.id : rules.title));
    report::Catalogue(rules, writer).write();
    return printable(writer.finish());
  }
  report::MarkdownWriter writer;
  report::Catalogue(rules, writer).write();
  return printable(writer.finish());
}

}  // namespace devo
