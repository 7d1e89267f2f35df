#pragma once

#include <devo/ruleset.hpp>

#include <string>
#include <string_view>
#include <vector>

// What the rule catalogue (render_catalogue.cpp) is written in: inline text
// that each format spells its own way, and conditions in words made from the
// rule model.
namespace devo::report {

// One run of inline text. `href` makes it a link: to a web address, or to an
// anchor of the catalogue ("#power-pcc-functions"). Only HTML keeps anchor
// links, since devo names the anchors there; Markdown renderers name heading
// anchors each their own way.
struct Span {
  enum class Style { plain, code, strong, evidence };

  Style style = Style::plain;
  std::string text;
  std::string href;
  Evidence evidence = Evidence::confirmed;
};

// A line of spans, built by chaining: Inline("a ").code("id").plain(" b").
class Inline {
 public:
  Inline() = default;
  explicit Inline(std::string_view text) { plain(text); }

  Inline& plain(std::string_view text, std::string_view href = {}) {
    return add(Span::Style::plain, text, href);
  }
  Inline& code(std::string_view text, std::string_view href = {}) {
    return add(Span::Style::code, text, href);
  }
  Inline& strong(std::string_view text) { return add(Span::Style::strong, text, {}); }
  Inline& mark(Evidence evidence) {
    m_spans.push_back(Span{Span::Style::evidence, std::string(to_string(evidence)), {}, evidence});
    return *this;
  }
  Inline& append(const Inline& other) {
    m_spans.insert(m_spans.end(), other.m_spans.begin(), other.m_spans.end());
    return *this;
  }

  bool empty() const { return m_spans.empty(); }
  const std::vector<Span>& spans() const { return m_spans; }

 private:
  // Empty text adds nothing, so that an Inline built from empty parts is empty.
  Inline& add(Span::Style style, std::string_view text, std::string_view href) {
    if (!text.empty()) {
      m_spans.push_back(Span{style, std::string(text), std::string(href), Evidence::confirmed});
    }
    return *this;
  }

  std::vector<Span> m_spans;
};

// Evidence other than confirmed carries a sign ("⚠" reconstructed, "◐"
// secondary; none for confirmed), in every format and in print, so that a
// reviewer scanning a catalogue or a report finds what to check first.
std::string_view evidence_sign(Evidence evidence);

// `items` with `separator` between them.
Inline join_inline(const std::vector<Inline>& items, const Inline& separator);

// The anchors of the HTML catalogue, one per kind of thing it lists.
std::string tier_anchor(std::string_view id);
std::string power_anchor(std::string_view id);
std::string condition_anchor(std::string_view name);
std::string fact_anchor(std::string_view name);
std::string source_anchor(std::string_view id);

// Words for what a condition asks for, in the phrasing devo's explanations use
// (evaluate/words.cpp), but made from the rule model rather than a compiled
// program, and with the whole structure spelled out: a catalogue has no values
// to lean on, so "all of" and "any of" say how the parts combine, an enum
// comparison names its fact, and a named condition shows its name.
class ConditionWords {
 public:
  explicit ConditionWords(const RuleSet& rules) : m_rules(rules) {}

  // The condition's title when it has one; otherwise words made from it. A
  // reference always shows the name it refers to, so that it can be looked up.
  Inline words(const Condition& condition) const;

  // Words made from the condition itself, even when it has a title: for a
  // named condition's `when`, shown beside the named condition's own title.
  Inline generated(const Condition& condition) const;

 private:
  Inline reference(const Condition& condition) const;
  Inline compound(const Condition& condition) const;
  Inline part(const Condition& child) const;
  std::string comparison(const Condition& condition) const;

  const RuleSet& m_rules;
};

}  // namespace devo::report
