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

namespace {

Located located(const Node& document, std::string_view key) {
  const Node* node = document.find(key);
  if (node == nullptr) {
    return Located{"", document.location};
  }
  return Located{node->is_scalar() ? node->text : std::string(), node->location};
}

}  // namespace

RawProposal decode_proposal(const Node& document) {
  RawProposal proposal;
  proposal.name = located(document, "name");
  proposal.institution = located(document, "institution");
  proposal.mayor = located(document, "mayor");
  if (const Node* councils = document.find("councils")) {
    proposal.councils_location = councils->location;
    for (const Node& item : councils->items) {
      if (item.kind == Node::Kind::string) {
        proposal.councils.push_back(Located{item.text, item.location});
      }
    }
  }
  if (document.find("mayor_first_elected") != nullptr) {
    proposal.mayor_first_elected = located(document, "mayor_first_elected");
  }
  if (const Node* reshapes = document.find("reshapes")) {
    for (const Node& item : reshapes->items) {
      if (item.kind == Node::Kind::string) {
        proposal.reshapes.push_back(Located{item.text, item.location});
      }
    }
  }
  if (const Node* assertions = document.find("assertions")) {
    for (const Node::Entry& entry : assertions->entries) {
      const Node* value = entry.value.find("value");
      const Node* evidence = entry.value.find("evidence");
      if (value != nullptr) {
        proposal.assertions.push_back(
            RawAssertion{RawFact{entry.key, entry.key_location, to_literal(*value)},
                         evidence != nullptr ? evidence->text : std::string()});
      }
    }
  }
  if (const Node* facts = document.find("facts")) {
    for (const Node::Entry& entry : facts->entries) {
      proposal.facts.push_back(RawFact{entry.key, entry.key_location, to_literal(entry.value)});
    }
  }
  return proposal;
}

}  // namespace devo::load
