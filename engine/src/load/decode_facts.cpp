#include "load/decode.hpp"

namespace devo::load {

RawFacts decode_facts(const Node& document) {
  RawFacts raw;
  if (const Node* subject = document.find("subject"); subject != nullptr) {
    for (const Node::Entry& entry : subject->entries) {
      const std::string& text = entry.value.text;
      if (entry.key == "kind") {
        raw.subject.kind = text;
      } else if (entry.key == "name") {
        raw.subject.name = text;
      } else if (entry.key == "code") {
        raw.subject.code = text;
      }
    }
  }
  if (const Node* facts = document.find("facts"); facts != nullptr) {
    for (const Node::Entry& entry : facts->entries) {
      raw.facts.push_back(RawFact{entry.key, entry.key_location, to_literal(entry.value)});
    }
  }
  return raw;
}

}  // namespace devo::load
