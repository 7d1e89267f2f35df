#pragma once

#include <devo/diagnostic.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace devo::load {

// A YAML document as devo sees it: plain data with the location of every node
// and every mapping key. The YAML parser's own types stop at the loader; the
// later stages (validate, decode, check) read only this.
struct Node {
  enum class Kind { null, boolean, integer, real, string, sequence, mapping };
  struct Entry;

  Kind kind = Kind::null;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0;
  // The string itself, or the source spelling of any other scalar.
  std::string text;
  std::vector<Node> items;
  std::vector<Entry> entries;
  Location location;

  bool is_scalar() const { return kind != Kind::sequence && kind != Kind::mapping; }
  // The value under `key` in a mapping, or null.
  const Node* find(std::string_view key) const;
  const Entry* find_entry(std::string_view key) const;
};

struct Node::Entry {
  std::string key;
  Location key_location;
  Node value;
};

std::string_view to_string(Node::Kind kind);

// "a string 'x'", "an integer 5", "a mapping": how messages name a node.
std::string describe(const Node& node);

// `text` in quotes for a message; a long one is cut after 60 bytes and its
// length given, so that a message about a line of megabytes is not megabytes
// itself.
std::string quoted(const std::string& text);

}  // namespace devo::load
