#include "load/yaml_document.hpp"

#include "load/long_runs.hpp"
#include "load/text_checks.hpp"

#include <devo/codes.hpp>
#include <devo/limits.hpp>
#include <devo/value.hpp>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <istream>
#include <optional>
#include <streambuf>
#include <unordered_map>

namespace devo::load {

const Node* Node::find(std::string_view key) const {
  const Entry* entry = find_entry(key);
  return entry == nullptr ? nullptr : &entry->value;
}

const Node::Entry* Node::find_entry(std::string_view key) const {
  for (const Entry& entry : entries) {
    if (entry.key == key) {
      return &entry;
    }
  }
  return nullptr;
}

std::string_view to_string(Node::Kind kind) {
  switch (kind) {
    case Node::Kind::null:
      return "null";
    case Node::Kind::boolean:
      return "bool";
    case Node::Kind::integer:
      return "integer";
    case Node::Kind::real:
      return "number";
    case Node::Kind::string:
      return "string";
    case Node::Kind::sequence:
      return "list";
    case Node::Kind::mapping:
      return "mapping";
  }
  return "null";
}

std::string quoted(const std::string& text) {
  constexpr std::size_t k_shown = 60;
  if (text.size() <= k_shown) {
    return fmt::format("'{}'", text);
  }
  std::size_t cut = k_shown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;  // not inside a UTF-8 sequence
  }
  return fmt::format("'{}…' ({} bytes long)", text.substr(0, cut),
                     format_integer(static_cast<std::int64_t>(text.size())));
}

std::string describe(const Node& node) {
  switch (node.kind) {
    case Node::Kind::null:
      return "nothing (null)";
    case Node::Kind::boolean:
      return fmt::format("the bool {}", node.boolean ? "true" : "false");
    case Node::Kind::integer:
      return fmt::format("the integer {}", node.integer);
    case Node::Kind::real:
      return fmt::format("the number {}", node.text);
    case Node::Kind::string:
      return fmt::format("the string {}", quoted(node.text));
    case Node::Kind::sequence:
      return "a list";
    case Node::Kind::mapping:
      return "a mapping";
  }
  return "a value";
}

namespace {

// yaml-cpp counts from 0; people and editors count from 1. The parser reads
// the text with its long runs cut short (long_runs.hpp), so a column is
// mapped back to the file's.
Location location_of(const YAML::Mark& mark, const std::string& file, const ElidedText& elided) {
  if (mark.is_null() || mark.line < 0) {
    return Location{file, 0, 0};
  }
  const auto line = static_cast<std::uint32_t>(mark.line + 1);
  return Location{file, line,
                  elided.original_column(line, static_cast<std::uint32_t>(mark.column + 1))};
}

bool is_one_of(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), text) != words.end();
}

std::string_view without_sign(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    text.remove_prefix(1);
  }
  return text;
}

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// [-+]?[0-9]+
bool is_integer(std::string_view text) {
  return all_digits(without_sign(text));
}

// [-+]?(.[0-9]+|[0-9]+(.[0-9]*)?)([eE][-+]?[0-9]+)? and the .inf/.nan spellings.
bool is_real(std::string_view text) {
  if (is_one_of(text, {".nan", ".NaN", ".NAN"})) {
    return true;
  }
  text = without_sign(text);
  if (is_one_of(text, {".inf", ".Inf", ".INF"})) {
    return true;
  }
  const std::size_t exponent = text.find_first_of("eE");
  if (exponent != std::string_view::npos) {
    if (!all_digits(without_sign(text.substr(exponent + 1)))) {
      return false;
    }
    text = text.substr(0, exponent);
  }
  const std::size_t point = text.find('.');
  if (point == std::string_view::npos) {
    return all_digits(text);
  }
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction = text.substr(point + 1);
  if (whole.empty()) {
    return all_digits(fraction);
  }
  return all_digits(whole) && (fraction.empty() || all_digits(fraction));
}

// The tree of the file's first YAML document, built straight from the
// parser's events (one pass over the text), and how the text splits into
// documents.
//
// Building from events rather than through YAML::Load() parses the text once,
// not twice, and sidesteps a yaml-cpp 0.7 bug: LoadAll() loops for ever on
// some malformed text, such as a lone ',' at the top level. The parser meets a
// token no node can start with, reports an empty document without consuming
// the token, and is handed the same token again for the next document
// (jbeder/yaml-cpp#1040, fixed upstream after 0.7, which Debian 12 ships). A
// document that starts where the one before it did is that case: the parser is
// stuck on a token it cannot place, and that is a syntax error there.
//
// Aliases are expanded as the tree is built, so a few of them can stand for
// millions of values ("billion laughs"): each anchored value keeps its size
// and depth, and an alias that would take the document past a limit is not
// copied.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, const ElidedText& elided, Diagnostics& diags)
      : m_file(file), m_elided(elided), m_diags(diags) {}

  std::size_t documents() const { return m_documents; }
  bool first_is_null() const { return m_first_is_null; }
  // Where the second document's root value is.
  const YAML::Mark& second_root() const { return m_second_root; }
  // Where the parser stopped advancing, if it did.
  const std::optional<YAML::Mark>& stuck() const { return m_stuck; }
  bool over_limit() const { return m_reported_depth || m_reported_size; }
  Node take_root() { return std::move(m_root); }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (m_documents > 0 && mark.pos == m_last_start.pos) {
      m_stuck = mark;
    }
    m_last_start = mark;
    ++m_documents;
    m_root_seen = false;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (root_event(mark, true)) {
      return;
    }
    Built built{leaf(mark), false, 0, std::nullopt};
    finish(std::move(built), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (root_event(mark, false)) {
      return;
    }
    finish(expand(mark, anchor), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (root_event(mark, false)) {
      return;
    }
    Built built{leaf(mark), true, 0, std::nullopt};
    if (counting()) {
      check_tag(built.node.location, tag, true);
      resolve_scalar(built.node, tag, value);
    }
    finish(std::move(built), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, Node::Kind::sequence, anchor, tag);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, Node::Kind::mapping, anchor, tag);
  }
  void OnMapEnd() override { close(); }

 private:
  // A finished value, and whether it came from a scalar (a mapping key must).
  struct Built {
    Node node;
    bool scalar = false;
    std::size_t depth = 0;  // how far below it its deepest value is
    // Where the alias is, for a copy an alias stands for: the copy keeps the
    // anchored value's place, but a key is reported where it is used.
    std::optional<Location> alias_at;
  };

  // An anchored value, kept whole for the aliases that name it.
  struct Anchored {
    Node node;
    bool scalar = false;
    std::size_t values = 0;  // how many values it holds, itself included
    std::size_t depth = 0;   // how far below it its deepest value is
  };

  // A list or mapping being built.
  struct Open {
    Node node;
    YAML::anchor_t anchor = 0;
    std::size_t first_value = 0;  // m_values when it opened
    std::size_t depth = 0;        // how far below it its deepest value is
    std::optional<Built> key;     // a mapping's key, waiting for its value
    bool skip_value = false;      // the key repeats an earlier one
    std::unordered_map<std::string, Location> keys;
  };

  // Events outside the first document only mark where documents start. Gives
  // true when the event belongs to a later document and is done with.
  bool root_event(const YAML::Mark& mark, bool null) {
    const bool root = m_stack.empty() && !m_root_seen;
    if (root) {
      m_root_seen = true;
      if (m_documents == 1) {
        m_first_is_null = null;
      } else if (m_documents == 2) {
        m_second_root = mark;
      }
    }
    return m_documents != 1;
  }

  // Whether values are still being built: past a limit the rest of the
  // document is read (for its syntax) but not kept.
  bool counting() const { return !over_limit(); }

  // A new value at the current depth, counted and checked against the limits.
  Node leaf(const YAML::Mark& mark) {
    Node node;
    node.location = location_of(mark, m_file, m_elided);
    count_values(node.location, 1);
    check_depth(node.location, m_stack.size());
    return node;
  }

  void count_values(const Location& where, std::size_t added) {
    if (over_limit()) {
      return;
    }
    m_values += added;
    if (m_values > limits::k_max_nodes) {
      m_diags.error(where, std::string(codes::too_large),
                    fmt::format("the document holds more than {} values once its aliases are "
                                "expanded",
                                format_integer(limits::k_max_nodes)));
      m_reported_size = true;
    }
  }

  void check_depth(const Location& where, std::size_t depth) {
    if (!over_limit() && depth > limits::k_max_depth) {
      m_diags.error(
          where, std::string(codes::too_deep),
          fmt::format("the document nests more than {} levels deep", limits::k_max_depth));
      m_reported_depth = true;
    }
  }

  void open(const YAML::Mark& mark, Node::Kind kind, YAML::anchor_t anchor,
            const std::string& tag) {
    if (root_event(mark, false)) {
      return;
    }
    Open frame;
    frame.node = leaf(mark);
    if (counting()) {
      check_tag(frame.node.location, tag, false);
    }
    frame.node.kind = kind;
    frame.anchor = anchor;
    frame.first_value = m_values;
    m_stack.push_back(std::move(frame));
  }

  void close() {
    if (m_stack.empty()) {
      return;  // a list or mapping in a later document
    }
    Open frame = std::move(m_stack.back());
    m_stack.pop_back();
    if (frame.anchor != 0 && counting()) {
      m_anchors[frame.anchor] =
          Anchored{frame.node, false, m_values - frame.first_value + 1, frame.depth};
    }
    add(Built{std::move(frame.node), false, frame.depth, std::nullopt});
  }

  // A copy of the value `anchor` names, if it fits in the limits.
  Built expand(const YAML::Mark& mark, YAML::anchor_t anchor) {
    const Location where = location_of(mark, m_file, m_elided);
    const auto found = m_anchors.find(anchor);
    if (found == m_anchors.end()) {
      // The anchor names a list or mapping still open around the alias: a
      // value that contains itself has no end.
      if (counting()) {
        m_diags.error(where, std::string(codes::too_deep),
                      "this alias names a list or mapping it is itself inside, which would "
                      "nest for ever");
        m_reported_depth = true;
      }
      return Built{};
    }
    const Anchored& anchored = found->second;
    count_values(where, anchored.values);
    check_depth(where, m_stack.size() + anchored.depth);
    if (!counting()) {
      return Built{};
    }
    return Built{anchored.node, anchored.scalar, anchored.depth, where};
  }

  // A finished scalar, null or alias: kept for its anchor, then added.
  void finish(Built built, YAML::anchor_t anchor) {
    if (anchor != 0 && counting()) {
      m_anchors[anchor] = Anchored{built.node, built.scalar, 1, 0};
    }
    add(std::move(built));
  }

  // A finished value goes into the list or mapping around it, or is the root.
  void add(Built built) {
    if (!counting()) {
      return;
    }
    if (m_stack.empty()) {
      m_root = std::move(built.node);
      return;
    }
    Open& parent = m_stack.back();
    parent.depth = std::max(parent.depth, built.depth + 1);
    if (parent.node.kind == Node::Kind::sequence) {
      parent.node.items.push_back(std::move(built.node));
    } else if (!parent.key) {
      take_key(parent, std::move(built));
    } else {
      if (!parent.skip_value) {
        Built key = std::move(*parent.key);
        parent.node.entries.push_back(
            Node::Entry{std::move(key.node.text), key.node.location, std::move(built.node)});
      }
      parent.key.reset();
      parent.skip_value = false;
    }
  }

  void take_key(Open& parent, Built key) {
    // A key an alias gives is where the alias is, not where its anchor is.
    const std::optional<Location> anchored_at =
        key.alias_at ? std::optional<Location>(key.node.location) : std::nullopt;
    if (key.alias_at) {
      key.node.location = *key.alias_at;
    }
    if (!key.scalar) {
      m_diags.error(key.node.location, std::string(codes::wrong_type),
                    "a mapping key must be plain text, not a list or mapping");
      parent.skip_value = true;
    } else {
      auto [it, inserted] = parent.keys.emplace(key.node.text, key.node.location);
      if (!inserted) {
        // yaml-cpp would keep both entries and look up the first; a person
        // who wrote the key twice meant one of them, so say so.
        Diagnostic& repeated =
            m_diags
                .error(key.node.location, std::string(codes::duplicate_key),
                       fmt::format("key '{}' appears twice in this mapping", key.node.text))
                .note(it->second, "first given here");
        if (anchored_at) {
          repeated.note(*anchored_at, "the alias stands for the value anchored here");
        }
        parent.skip_value = true;
      }
    }
    parent.key = std::move(key);
  }

  // Tags are refused rather than dropped: yaml-cpp hands them over and
  // leaves it to the reader, so `!!binary aGk=` would otherwise read as the
  // string "aGk=" and `!!int "5"` as a string. Only the tags that change
  // nothing devo reads pass: none ("?" plain, "!" quoted) and !!str on a
  // scalar.
  void check_tag(const Location& where, const std::string& tag, bool scalar) {
    if (tag == "?" || tag == "!" || (scalar && tag == k_string_tag)) {
      return;
    }
    m_diags.error(where, std::string(codes::yaml_tag),
                  fmt::format("the YAML tag '{}' is not read by devo; write the value without it "
                              "(only !!str is accepted)",
                              shown_tag(m_elided.restore(tag))));
  }

  // "tag:yaml.org,2002:binary" as it was written, "!!binary".
  static std::string shown_tag(const std::string& tag) {
    constexpr std::string_view core_prefix = "tag:yaml.org,2002:";
    if (tag.starts_with(core_prefix)) {
      return "!!" + tag.substr(core_prefix.size());
    }
    return tag;
  }

  static constexpr std::string_view k_string_tag = "tag:yaml.org,2002:str";

  // "?" marks a plain scalar, whose type comes from its spelling; a quoted
  // scalar ("!") or one tagged !!str is always a string.
  void resolve_scalar(Node& node, const std::string& tag, const std::string& value) {
    node.text = m_elided.restore(value);
    if (tag != "?") {
      node.kind = Node::Kind::string;
      return;
    }
    resolve_plain(node);
  }

  void resolve_plain(Node& node) {
    const std::string& text = node.text;
    if (is_one_of(text, {"", "~", "null", "Null", "NULL"})) {
      node.kind = Node::Kind::null;
    } else if (is_one_of(text, {"true", "True", "TRUE", "false", "False", "FALSE"})) {
      node.kind = Node::Kind::boolean;
      node.boolean = text.front() == 't' || text.front() == 'T';
    } else if (is_integer(text)) {
      resolve_integer(node);
    } else if (is_real(text)) {
      node.kind = Node::Kind::real;
      node.real = std::strtod(text.c_str(), nullptr);
    } else {
      node.kind = Node::Kind::string;
    }
  }

  void resolve_integer(Node& node) {
    std::string_view digits = node.text;
    if (!digits.empty() && digits.front() == '+') {
      digits.remove_prefix(1);
    }
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), node.integer);
    node.kind = Node::Kind::integer;
    if (result.ec == std::errc::result_out_of_range) {
      m_diags.error(node.location, std::string(codes::number_out_of_range),
                    fmt::format("the number {} is too large (the limit is 9223372036854775807)",
                                node.text.size() > 60 ? quoted(node.text) : node.text));
      node.integer = 0;
    }
  }

  const std::string& m_file;
  const ElidedText& m_elided;
  Diagnostics& m_diags;
  Node m_root;
  std::vector<Open> m_stack;
  std::unordered_map<YAML::anchor_t, Anchored> m_anchors;
  std::size_t m_values = 0;
  bool m_reported_depth = false;
  bool m_reported_size = false;

  std::size_t m_documents = 0;
  bool m_root_seen = false;
  bool m_first_is_null = false;
  YAML::Mark m_last_start = YAML::Mark::null_mark();
  YAML::Mark m_second_root = YAML::Mark::null_mark();
  std::optional<YAML::Mark> m_stuck;
};

// Reads a string where it is: an istringstream would copy it whole.
class StringBuffer final : public std::streambuf {
 public:
  explicit StringBuffer(const std::string& text) {
    // The get area is only read: the parser never puts characters back.
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

// The character at `pos` of `text` (a whole UTF-8 sequence), for messages.
std::string character_at(const std::string& text, int pos) {
  if (pos < 0 || static_cast<std::size_t>(pos) >= text.size()) {
    return "end of file";
  }
  std::size_t end = static_cast<std::size_t>(pos) + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    ++end;
  }
  return fmt::format("'{}'", text.substr(static_cast<std::size_t>(pos), end - pos));
}

}  // namespace

std::optional<Node> parse_yaml(const SourceFile& file, Diagnostics& diags) {
  diags.add_source(file.name, file.text);
  if (!check_encoding(file, diags) || !check_structure(file, diags)) {
    return std::nullopt;
  }
  const ElidedText elided(*file.text);
  TreeBuilder builder(file.name, elided, diags);
  try {
    StringBuffer buffer(elided.text());
    std::istream stream(&buffer);
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
      if (builder.stuck()) {
        diags.error(location_of(*builder.stuck(), file.name, elided),
                    std::string(codes::yaml_syntax),
                    fmt::format("unexpected {}: it cannot start a value here",
                                character_at(elided.text(), builder.stuck()->pos)));
        return std::nullopt;
      }
    }
  } catch (const YAML::Exception& error) {
    // The one place a yaml-cpp exception may surface; it leaves as a diagnostic.
    diags.error(location_of(error.mark, file.name, elided), std::string(codes::yaml_syntax),
                error.msg);
    return std::nullopt;
  }
  if (builder.documents() == 0 || (builder.documents() == 1 && builder.first_is_null())) {
    diags.error(Location{file.name, 0, 0}, std::string(codes::empty_document),
                "the file holds no YAML document (it is empty or only comments)");
    return std::nullopt;
  }
  if (builder.documents() > 1) {
    diags.error(location_of(builder.second_root(), file.name, elided),
                std::string(codes::multiple_documents),
                fmt::format("the file holds {} YAML documents; devo reads one per file",
                            builder.documents()));
    return std::nullopt;
  }
  // Repeated keys and out-of-range numbers are reported but the tree is still
  // returned, so that later stages can report more problems in the same run.
  // A document past a limit is not worth checking further.
  if (builder.over_limit()) {
    return std::nullopt;
  }
  return builder.take_root();
}

}  // namespace devo::load
