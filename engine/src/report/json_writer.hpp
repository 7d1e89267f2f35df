#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// JSON written straight into a string, in exactly the layout dump_json() gives
// a tree (nlohmann's dump with two spaces a level, keys in the order written,
// a final newline). An evaluation is written this way because building and
// then serialising a tree of it was half the time `devo serve` spent on one:
// the bytes are the same, without the tree's allocations.
namespace devo::report {

class JsonWriter {
 public:
  // `expected_bytes`: room reserved at once, so that the text grows in one go.
  explicit JsonWriter(std::size_t expected_bytes = 0);

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  // The next value's key, inside an object.
  JsonWriter& key(std::string_view name);

  // Values. Named for their JSON type rather than overloaded: a string
  // literal would otherwise convert to bool.
  JsonWriter& string(std::string_view text);
  JsonWriter& integer(std::int64_t number);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  // A string, or null when it is empty.
  JsonWriter& string_or_null(std::string_view text);
  JsonWriter& strings(const std::vector<std::string>& texts);

  // An array of an object for each of `items`, whose fields `fields(item)`
  // writes.
  template <typename Items, typename Fields>
  JsonWriter& objects(const Items& items, Fields fields) {
    begin_array();
    for (const auto& item : items) {
      begin_object();
      fields(item);
      end_object();
    }
    return end_array();
  }

  // A key and its value, or nothing when the value is empty: what a report
  // leaves out when it has no value.
  JsonWriter& optional_string(std::string_view name, std::string_view text);
  JsonWriter& optional_strings(std::string_view name, const std::vector<std::string>& texts);

  // The document, with dump_json()'s final newline.
  std::string finish() &&;

 private:
  // The separator, line break and indentation before a value or a key.
  void next_item();
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void indent(std::size_t depth);

  std::string m_text;
  // For each container open, whether it has an item yet.
  std::vector<bool> m_filled;
  // A key was written and its value is next, on the same line.
  bool m_after_key = false;
};

}  // namespace devo::report
