#include <devo/diff.hpp>

#include <algorithm>
#include <map>

namespace devo {
namespace {

std::string tier_of(const RuleSet& rules, const Decision& decision) {
  return decision.tier ? rules.tiers[*decision.tier].id : std::string();
}

// The reasons of the lowest tier that does not hold: why the subject stops
// where it does.
std::vector<Reason> stopping_reasons(const Decision& decision) {
  for (const TierResult& tier : decision.tiers) {
    if (tier.status != Status::holds) {
      return tier.reasons;
    }
  }
  return {};
}

class Differ {
 public:
  Differ(const DiffSide& from, const DiffSide& to) : m_from(from), m_to(to) {
    add_counts(m_tiers, from.rules.rules(), to.rules.rules(), &RuleSet::tiers, &Tier::id);
    add_counts(m_powers, from.rules.rules(), to.rules.rules(), &RuleSet::powers, &Power::id);
    m_tiers.insert(m_tiers.begin(), DiffCount{"none", 0, 0, true, true});
  }

  void compare(const FactInput& from_facts, const FactInput& to_facts) {
    ++m_report.subjects;
    const RuleSet& from_rules = m_from.rules.rules();
    const RuleSet& to_rules = m_to.rules.rules();
    const Decision from = m_from.rules.evaluate(from_facts, EvaluateOptions{true, m_from.as_of});
    const Decision to = m_to.rules.evaluate(to_facts, EvaluateOptions{true, m_to.as_of});
    count_tier(tier_of(from_rules, from), &DiffCount::from);
    count_tier(tier_of(to_rules, to), &DiffCount::to);

    SubjectChange change;
    change.subject = from_facts.subject;
    change.from_tier = tier_of(from_rules, from);
    change.to_tier = tier_of(to_rules, to);
    std::map<std::string, std::size_t, std::less<>> to_index;
    for (std::size_t i = 0; i < to_rules.powers.size(); ++i) {
      to_index.emplace(to_rules.powers[i].id, i);
      count_power(to_rules.powers[i].id, to.powers[i].status, &DiffCount::to);
    }
    for (std::size_t i = 0; i < from_rules.powers.size(); ++i) {
      const std::string& id = from_rules.powers[i].id;
      count_power(id, from.powers[i].status, &DiffCount::from);
      auto it = to_index.find(id);
      if (it == to_index.end()) {
        ++change.only_from;
        change.only_from_available += from.powers[i].status == PowerStatus::available ? 1 : 0;
        continue;
      }
      const PowerResult& before = from.powers[i];
      const PowerResult& after = to.powers[it->second];
      if (before.status != after.status) {
        change.powers.push_back(
            PowerChange{id, before.status, after.status, before.reasons, after.reasons});
      }
      to_index.erase(it);
    }
    for (const auto& [id, index] : to_index) {
      ++change.only_to;
      change.only_to_available += to.powers[index].status == PowerStatus::available ? 1 : 0;
    }
    if (change.from_tier != change.to_tier || !change.powers.empty()) {
      change.from_tier_reasons = stopping_reasons(from);
      change.to_tier_reasons = stopping_reasons(to);
      m_report.changes.push_back(std::move(change));
    }
  }

  DiffReport finish() {
    m_report.tiers = std::move(m_tiers);
    m_report.powers = std::move(m_powers);
    return std::move(m_report);
  }

 private:
  template <typename Item>
  static void add_counts(std::vector<DiffCount>& counts, const RuleSet& from, const RuleSet& to,
                         std::vector<Item> RuleSet::*items, std::string Item::*id) {
    for (const Item& item : from.*items) {
      counts.push_back(DiffCount{item.*id, 0, 0, true, false});
    }
    for (const Item& item : to.*items) {
      auto it = std::find_if(counts.begin(), counts.end(),
                             [&](const DiffCount& count) { return count.id == item.*id; });
      if (it == counts.end()) {
        counts.push_back(DiffCount{item.*id, 0, 0, false, true});
      } else {
        it->in_to = true;
      }
    }
  }

  void count_tier(const std::string& id, std::size_t DiffCount::*side) {
    const std::string key = id.empty() ? "none" : id;
    for (DiffCount& count : m_tiers) {
      if (count.id == key) {
        ++(count.*side);
      }
    }
  }

  void count_power(const std::string& id, PowerStatus status, std::size_t DiffCount::*side) {
    if (status != PowerStatus::available) {
      return;
    }
    for (DiffCount& count : m_powers) {
      if (count.id == id) {
        ++(count.*side);
      }
    }
  }

  const DiffSide& m_from;
  const DiffSide& m_to;
  std::vector<DiffCount> m_tiers;
  std::vector<DiffCount> m_powers;
  DiffReport m_report;
};

}  // namespace

DiffReport diff_rulesets(const Geography& geography, const DiffSide& from, const DiffSide& to,
                         const std::vector<SourceFile>& proposals, Diagnostics& diags,
                         const DiffProgress& progress) {
  Differ differ(from, to);
  const std::vector<std::string> codes = geography.authority_codes();
  const std::size_t total = codes.size() + proposals.size();
  std::size_t done = 0;
  for (const std::string& code : codes) {
    // Facts can depend on the date (is a mayor in post?), so each side has
    // its own.
    auto before = geography.authority(code, from.as_of, diags);
    auto after = geography.authority(code, to.as_of, diags);
    if (before && after) {
      differ.compare(*before, *after);
    }
    if (progress) {
      progress(++done, total);
    }
  }
  for (const SourceFile& file : proposals) {
    const std::size_t errors_before = diags.error_count();
    auto before = geography.proposal(file, from.rules.rules(), from.as_of, diags);
    auto after = geography.proposal(file, to.rules.rules(), to.as_of, diags);
    if (before && after && diags.error_count() == errors_before) {
      differ.compare(before->facts, after->facts);
    }
    if (progress) {
      progress(++done, total);
    }
  }
  return differ.finish();
}

}  // namespace devo
