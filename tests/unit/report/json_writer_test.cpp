// report/json_writer.hpp: JSON written straight into text must be, byte for
// byte, what dump_json() makes of the same tree, for every shape and every
// string, well formed UTF-8 or not.

#include "report/json_writer.hpp"

#include "report/json_values.hpp"
#include "support/catch.hpp"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

using devo::report::dump_json;
using devo::report::Json;
using devo::report::JsonWriter;

namespace {

// Writes `json` through the writer, value by value.
void write_tree(JsonWriter& out, const Json& json) {
  if (json.is_object()) {
    out.begin_object();
    for (const auto& [key, value] : json.items()) {
      out.key(key);
      write_tree(out, value);
    }
    out.end_object();
  } else if (json.is_array()) {
    out.begin_array();
    for (const Json& value : json) {
      write_tree(out, value);
    }
    out.end_array();
  } else if (json.is_string()) {
    out.string(json.get<std::string>());
  } else if (json.is_boolean()) {
    out.boolean(json.get<bool>());
  } else if (json.is_null()) {
    out.null();
  } else {
    out.integer(json.get<std::int64_t>());
  }
}

std::string written(const Json& json) {
  JsonWriter out;
  write_tree(out, json);
  return std::move(out).finish();
}

// Strings that try each branch of the check for text written as it is:
// every character JSON escapes, UTF-8 of each length, and each way UTF-8 can
// be malformed, at the start, in the middle and across an eight-byte word.
std::vector<std::string> hard_strings() {
  std::vector<std::string> strings = {
      "",
      "plain",
      "exactly8",
      "exactly16 bytes.",
      "quote \" inside",
      "back\\slash",
      "line\nbreak",
      "tab\tand\rreturn\band\fform",
      "del \x7f kept",
      "£5 — é ≥ 中 😀",
      "1234567\xc3\xa9",          // two bytes across a word's end
      "1234567\xf0\x9f\x98\x80",  // four bytes across a word's end
      "\xff\xfe not UTF-8",
      "truncated \xc3",
      "truncated in a word \xe2\x82 and on",
      "overlong \xc0\xaf",
      "overlong \xe0\x80\xaf",
      "surrogate \xed\xa0\x80",
      "beyond U+10FFFF \xf4\x90\x80\x80",
      "stray continuation \x80\x80",
      std::string("NUL \0 inside", 12),
  };
  for (int c = 0; c < 0x20; ++c) {
    strings.push_back("control " + std::string(1, static_cast<char>(c)) + " in eight bytes");
  }
  return strings;
}

// A random tree: objects, arrays (empty ones too), strings from the hard
// ones and random bytes, integers, booleans and nulls. Seeded: every run
// tries the same trees.
Json random_tree(std::mt19937& random, int depth) {
  const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  static const std::vector<std::string> strings = hard_strings();
  switch (depth > 3 ? 2 + pick(4) : pick(6)) {
    case 0: {
      Json object = Json::object();
      for (int i = pick(4); i > 0; --i) {
        object[strings[static_cast<std::size_t>(pick(static_cast<int>(strings.size())))] +
               std::to_string(i)] = random_tree(random, depth + 1);
      }
      return object;
    }
    case 1: {
      Json array = Json::array();
      for (int i = pick(4); i > 0; --i) {
        array.push_back(random_tree(random, depth + 1));
      }
      return array;
    }
    case 2: {
      std::string bytes;
      for (int i = pick(24); i > 0; --i) {
        bytes += static_cast<char>(random() % 256);
      }
      return bytes;
    }
    case 3:
      return strings[static_cast<std::size_t>(pick(static_cast<int>(strings.size())))];
    case 4:
      return static_cast<std::int64_t>(random()) - (std::int64_t{1} << 31);
    default:
      return pick(3) == 0 ? Json(nullptr) : Json(pick(2) == 0);
  }
}

}  // namespace

TEST_CASE("every string is written as dump_json writes it", "[report][json]") {
  for (const std::string& text : hard_strings()) {
    CAPTURE(text);
    CHECK(written(Json(text)) == dump_json(Json(text)));
    Json object = Json::object();
    object[text] = text;
    CHECK(written(object) == dump_json(object));
  }
}

TEST_CASE("empty and nested containers are laid out as dump_json lays them out", "[report][json]") {
  const Json json = Json::parse(R"({"a": [], "b": {}, "c": [[], {}, [1, [true, null]]],
                                    "d": {"e": {"f": "g"}}, "h": -3})");
  CHECK(written(json) == dump_json(json));
  CHECK(written(Json::array()) == "[]\n");
  CHECK(written(Json::object()) == "{}\n");
}

TEST_CASE("random trees are written as dump_json writes them", "[report][json]") {
  std::mt19937 random(20261205);
  for (int i = 0; i < 2000; ++i) {
    const Json json = random_tree(random, 0);
    CAPTURE(i);
    REQUIRE(written(json) == dump_json(json));
  }
}
