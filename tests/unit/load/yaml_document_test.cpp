#include "load/yaml_document.hpp"

#include "support/catch.hpp"
#include "support/fixtures.hpp"

#include <devo/codes.hpp>

#include <string>

using devo::Diagnostics;
using devo::SourceFile;
using devo::load::Node;
using devo::load::parse_yaml;

namespace {

std::optional<Node> parse(const std::string& text, Diagnostics& diags) {
  return parse_yaml(SourceFile::from_text("f.yaml", text), diags);
}

Node parse_valid(const std::string& text) {
  Diagnostics diags;
  auto node = parse(text, diags);
  REQUIRE(node.has_value());
  REQUIRE(diags.empty());
  return *node;
}

}  // namespace

TEST_CASE("plain scalars get their YAML 1.2 core types and quoted ones stay strings", "[load]") {
  const Node root = parse_valid(
      "a: 42\nb: -7\nc: true\nd: False\ne: ~\nf:\ng: 1.5\nh: \"42\"\ni: 2022-02-02\n"
      "j: hello\nk: 'true'\nl: 1e3\nm: .inf\n");
  CHECK(root.find("a")->kind == Node::Kind::integer);
  CHECK(root.find("a")->integer == 42);
  CHECK(root.find("b")->integer == -7);
  CHECK(root.find("c")->kind == Node::Kind::boolean);
  CHECK(root.find("c")->boolean);
  CHECK(root.find("d")->kind == Node::Kind::boolean);
  CHECK_FALSE(root.find("d")->boolean);
  CHECK(root.find("e")->kind == Node::Kind::null);
  CHECK(root.find("f")->kind == Node::Kind::null);
  CHECK(root.find("g")->kind == Node::Kind::real);
  CHECK(root.find("h")->kind == Node::Kind::string);
  CHECK(root.find("i")->kind == Node::Kind::string);
  CHECK(root.find("i")->text == "2022-02-02");
  CHECK(root.find("j")->kind == Node::Kind::string);
  CHECK(root.find("k")->kind == Node::Kind::string);
  CHECK(root.find("l")->kind == Node::Kind::real);
  CHECK(root.find("m")->kind == Node::Kind::real);
}

TEST_CASE("every node and key knows its line and column, counted from 1", "[load]") {
  const Node root = parse_valid("top:\n  - first\n  - key: value\n");
  CHECK(root.location.line == 1);
  const Node::Entry* top = root.find_entry("top");
  CHECK(top->key_location.line == 1);
  CHECK(top->key_location.column == 1);
  const Node& list = top->value;
  REQUIRE(list.items.size() == 2);
  CHECK(list.items[0].location.line == 2);
  CHECK(list.items[0].location.column == 5);
  CHECK(list.items[1].find_entry("key")->key_location.column == 5);
  CHECK(list.items[1].find("key")->location.column == 10);
}

TEST_CASE("a key given twice is an error that points at both", "[load]") {
  Diagnostics diags;
  auto root = parse("name: a\nmayor: none\nname: b\n", diags);
  REQUIRE(root.has_value());
  CHECK(root->find("name")->text == "a");
  const auto found = devo::test::find_code(diags, devo::codes::duplicate_key);
  REQUIRE(found.has_value());
  CHECK(found->location.line == 3);
  CHECK(found->message == "key 'name' appears twice in this mapping");
  REQUIRE(found->notes.size() == 1);
  CHECK(found->notes[0].location.line == 1);
}

TEST_CASE("files that hold no document, or several, are reported", "[load]") {
  for (const char* text : {"", "# only a comment\n", "   \n"}) {
    Diagnostics diags;
    CHECK_FALSE(parse(text, diags).has_value());
    CHECK(devo::test::codes_of(diags) == std::vector<std::string>{"empty-document"});
  }
  Diagnostics diags;
  CHECK_FALSE(parse("a: 1\n---\nb: 2\n", diags).has_value());
  const auto found = devo::test::find_code(diags, devo::codes::multiple_documents);
  REQUIRE(found.has_value());
  CHECK(found->location.line == 3);
}

TEST_CASE("YAML syntax errors carry the parser's position", "[load]") {
  Diagnostics diags;
  CHECK_FALSE(parse("a: [1, 2\nb: 3\n", diags).has_value());
  const auto found = devo::test::find_code(diags, devo::codes::yaml_syntax);
  REQUIRE(found.has_value());
  CHECK(found->location.line >= 1);
  CHECK_FALSE(found->message.empty());
}

TEST_CASE("integers beyond 64 bits are reported, not wrapped", "[load]") {
  Diagnostics diags;
  auto root = parse("population: 99999999999999999999\nok: 9223372036854775807\n", diags);
  REQUIRE(root.has_value());
  CHECK(devo::test::codes_of(diags) == std::vector<std::string>{"number-out-of-range"});
  CHECK(root->find("ok")->integer == 9223372036854775807);
}

TEST_CASE("nesting deeper than the limit is reported once", "[load]") {
  // 300 levels: parsed, then refused by the exact check.
  const std::string deep = std::string(300, '[') + std::string(300, ']');
  Diagnostics diags;
  CHECK_FALSE(parse("a: " + deep + "\n", diags).has_value());
  CHECK(devo::test::codes_of(diags) == std::vector<std::string>{"too-deep"});
  // 100,000 levels: refused before the parser sees them.
  const std::string deeper = std::string(100000, '[') + std::string(100000, ']');
  Diagnostics more;
  CHECK_FALSE(parse("a: " + deeper + "\n", more).has_value());
  CHECK(devo::test::codes_of(more) == std::vector<std::string>{"too-deep"});
}

TEST_CASE("text that is not UTF-8 is refused at the first bad byte", "[load]") {
  Diagnostics diags;
  CHECK_FALSE(parse(std::string("a: 1\nb: x\0y\n", 12), diags).has_value());
  auto found = devo::test::find_code(diags, "invalid-encoding");
  REQUIRE(found.has_value());
  CHECK(found->location.line == 2);
  CHECK(found->location.column == 5);
  for (const char* bad :
       {"a: caf\xE9\n", "a: \xC0\xAF\n", "a: \xED\xA0\x80\n", "a: \xF4\x90\x80\x80\n"}) {
    Diagnostics one;
    CHECK_FALSE(parse(bad, one).has_value());
    CHECK(devo::test::codes_of(one) == std::vector<std::string>{"invalid-encoding"});
  }
  // Valid multi-byte text passes.
  CHECK(parse_valid("a: caf\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x98\x80\n").find("a")->text ==
        "caf\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x98\x80");
}

TEST_CASE("documents with too many values are refused, aliases included", "[load]") {
  std::string many;
  for (int i = 0; i < 60000; ++i) {
    many += "k" + std::to_string(i) + ": 1\n";
  }
  Diagnostics diags;
  CHECK_FALSE(parse(many, diags).has_value());
  CHECK(devo::test::codes_of(diags) == std::vector<std::string>{"too-large"});
  // Eight levels of ten aliases: a hundred million values once expanded.
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level <= 8; ++level) {
    bomb += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) {
      bomb += (i > 0 ? ", *a" : "*a") + std::to_string(level - 1);
    }
    bomb += "]\n";
  }
  Diagnostics bombed;
  CHECK_FALSE(parse(bomb, bombed).has_value());
  CHECK(devo::test::codes_of(bombed) == std::vector<std::string>{"too-large"});
}

TEST_CASE("a byte-order mark and CRLF line ends are accepted", "[load]") {
  const Node root = parse_valid(
      "\xEF\xBB\xBF"
      "a: 1\r\nb: two\r\n");
  CHECK(root.find("a")->integer == 1);
  CHECK(root.find("b")->text == "two");
  CHECK(root.find_entry("b")->key_location.line == 2);
}

TEST_CASE("an alias stands for a copy of the value its anchor names", "[load]") {
  const Node root = parse_valid(
      "base: &b {x: 1, y: [a, b]}\n"
      "copy: *b\n"
      "name: &n council\n"
      "*n : 2\n");
  const Node* copy = root.find("copy");
  REQUIRE(copy != nullptr);
  CHECK(copy->kind == Node::Kind::mapping);
  CHECK(copy->find("x")->integer == 1);
  REQUIRE(copy->find("y")->items.size() == 2);
  CHECK(copy->find("y")->items[1].text == "b");
  // A copy keeps the anchored value's place, as yaml-cpp's own nodes do.
  CHECK(copy->location.line == 1);
  // An alias of a scalar may be a key.
  CHECK(root.find("council")->integer == 2);
}

TEST_CASE("an alias of the list or mapping it is inside is refused, not followed", "[load]") {
  Diagnostics diags;
  CHECK_FALSE(parse("a: &a [1, *a]\n", diags).has_value());
  CHECK(devo::test::codes_of(diags) == std::vector<std::string>{"too-deep"});
}

TEST_CASE("aliases that together nest past the limit are refused", "[load]") {
  // Each level's list holds the one before it: 250 levels once expanded,
  // though no line of the text nests more than one.
  std::string text = "l0: &l0 [x]\n";
  for (int level = 1; level <= 250; ++level) {
    text += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [*l" +
            std::to_string(level - 1) + "]\n";
  }
  Diagnostics diags;
  CHECK_FALSE(parse(text, diags).has_value());
  CHECK(devo::test::codes_of(diags) == std::vector<std::string>{"too-deep"});
}

TEST_CASE("a token that cannot start a value is a syntax error, not an endless loop", "[load]") {
  // yaml-cpp 0.7's LoadAll() loops for ever on these (docs/fuzzing.md).
  for (const char* text : {",", "a: 1\n,\n", "]\n"}) {
    Diagnostics diags;
    CHECK_FALSE(parse(text, diags).has_value());
    CHECK(devo::test::find_code(diags, devo::codes::yaml_syntax).has_value());
  }
}

TEST_CASE("a key that is a list, a mapping or nothing is refused, and its value skipped",
          "[load]") {
  Diagnostics diags;
  auto root = parse("? [a, b]\n: 1\nok: 2\n", diags);
  REQUIRE(root.has_value());
  CHECK(devo::test::codes_of(diags) == std::vector<std::string>{"wrong-type"});
  REQUIRE(root->entries.size() == 1);
  CHECK(root->find("ok")->integer == 2);
}

TEST_CASE("a YAML tag is refused at its place, not dropped", "[load]") {
  for (const std::string text :
       {"a: !!binary aGVsbG8=\n", "a: !custom x\n", "a: !!int \"5\"\n", "a: !<tag:x> x\n",
        "a: !!map {b: 1}\n", "a: !list [1]\n", "!!str b: !!set {x}\n"}) {
    INFO(text);
    Diagnostics diags;
    parse(text, diags);
    const auto tag = devo::test::find_code(diags, devo::codes::yaml_tag);
    REQUIRE(tag.has_value());
    CHECK(tag->location.line == 1);
    CHECK(tag->location.column >= 1);
  }
  Diagnostics diags;
  parse("key: !!binary aGk=\n", diags);
  const auto tag = devo::test::find_code(diags, devo::codes::yaml_tag);
  REQUIRE(tag.has_value());
  CHECK(tag->location.column == 6);
  CHECK(tag->message.find("'!!binary'") != std::string::npos);
}

TEST_CASE("only !!str among tags is accepted, on a scalar", "[load]") {
  const Node root = parse_valid("a: !!str 42\nb: ! 7\n");
  CHECK(root.find("a")->kind == Node::Kind::string);
  CHECK(root.find("a")->text == "42");
  CHECK(root.find("b")->kind == Node::Kind::string);
  Diagnostics diags;
  parse("a: !!str [1]\n", diags);
  CHECK(devo::test::codes_of(diags) == std::vector<std::string>{"yaml-tag"});
}

TEST_CASE("an alias that repeats a key is reported at the alias, with the anchor as a note",
          "[load]") {
  Diagnostics diags;
  parse("m:\n  a: &k b\n  b: 1\n  *k : 2\n", diags);
  const auto repeated = devo::test::find_code(diags, devo::codes::duplicate_key);
  REQUIRE(repeated.has_value());
  CHECK(repeated->location.line == 4);
  CHECK(repeated->location.column == 3);
  REQUIRE(repeated->notes.size() == 2);
  CHECK(repeated->notes[0].location.line == 3);  // the key first given
  CHECK(repeated->notes[1].location.line == 2);  // the anchor
  CHECK(repeated->notes[1].location.column == 6);
}

TEST_CASE("long runs read as they are written, with places counted in the file", "[load]") {
  const std::string run(5000, 'x');
  const std::string words = "a b-c d.e " + std::string(3000, 'y') + " z";
  const Node root =
      parse_valid("a: " + run + "\nb: [\"" + run + "\", " + words + ", 7]\nc: '" + run + "' # " +
                  run + "\n" + run + ": &" + run + " 1\nd: *" + run + "\n");
  CHECK(root.find("a")->text == run);
  const Node* b = root.find("b");
  REQUIRE(b->items.size() == 3);
  CHECK(b->items[0].text == run);
  CHECK(b->items[1].text == words);
  // A place after a long run on its line is the file's column.
  CHECK(b->items[2].location.column == 4 + run.size() + 4 + words.size() + 3);
  CHECK(root.find("c")->text == run);
  CHECK(root.find(run) != nullptr);
  CHECK(root.find_entry(run)->key_location.line == 4);
  CHECK(root.find("d")->integer == 1);
}

TEST_CASE("long runs keep their meaning in block, folded, multi-line and escaped scalars",
          "[load]") {
  const std::string run(400, 'r');
  const std::string other = "w " + std::string(300, 'v');
  const Node root =
      parse_valid("literal: |\n  " + run + "\n  " + other + " tail\n" + "folded: >\n  " + run +
                  "\n  " + other + "\n" + "plain: " + run + "\n  " + other + "\n" + "escaped: \"" +
                  run + "\\t" + other + "\\x41\"\n" + "quoted: \"" + run + "\n  " + other + "\"\n");
  CHECK(root.find("literal")->text == run + "\n" + other + " tail\n");
  CHECK(root.find("folded")->text == run + " " + other + "\n");
  CHECK(root.find("plain")->text == run + " " + other);
  CHECK(root.find("escaped")->text == run + "\t" + other + "A");
  CHECK(root.find("quoted")->text == run + " " + other);
}

TEST_CASE("a long run of digits is still a number, and one past 64 bits is reported", "[load]") {
  Diagnostics diags;
  parse("n: " + std::string(300, '9') + "\n", diags);
  CHECK(devo::test::codes_of(diags) == std::vector<std::string>{"number-out-of-range"});
  const Node root = parse_valid("s: \"" + std::string(300, '9') + "\"\n");
  CHECK(root.find("s")->text == std::string(300, '9'));
}
