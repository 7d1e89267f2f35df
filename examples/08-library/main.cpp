// devo as a library: load a built-in rule set, evaluate an existing authority
// and a proposed grouping of councils, and print the tier each reaches and
// its powers. Everything here is the public API (engine/include/devo/).
//
//   08-library [AUTHORITY]     default: Greater Manchester

#include <devo/engine.hpp>
#include <devo/geography.hpp>
#include <devo/report.hpp>

#include <iostream>
#include <memory>
#include <string>

namespace {

// Any problem in what devo was given comes back as diagnostics, never as an
// exception: print them as the command line would.
bool failed(const devo::Diagnostics& diags) {
  if (diags.has_errors()) {
    std::cerr << devo::render_diagnostics(diags, devo::OutputFormat::text);
    return true;
  }
  return false;
}

// The tier reached, how many powers are available, and each power that is
// not, with its first reason.
void print(const std::string& name, const devo::RuleSet& rules, const devo::Decision& decision) {
  std::cout << name << ": "
            << (decision.tier ? rules.tiers[*decision.tier].title : std::string("no tier")) << "\n";
  std::size_t available = 0;
  for (std::size_t i = 0; i < decision.powers.size(); ++i) {
    const devo::PowerResult& power = decision.powers[i];
    if (power.status == devo::PowerStatus::available) {
      ++available;
      continue;
    }
    std::cout << "  " << rules.powers[i].title << ": " << devo::to_string(power.status);
    if (!power.reasons.empty()) {
      std::cout << " (" << power.reasons.front().message << ")";
    }
    std::cout << "\n";
  }
  std::cout << "  " << available << " of " << decision.powers.size() << " powers available\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::string authority = argc > 1 ? argv[1] : "Greater Manchester";
  const devo::Date as_of = *devo::Date::parse("2026-12-01");
  devo::Diagnostics diags;

  // The rule set: a built-in id (or a path to a rule file of one's own).
  auto source = devo::find_ruleset_source("luwp-2022", diags);
  auto rules = source ? devo::load_ruleset(*source, diags) : std::nullopt;
  // England's geography, built into the library: no files are needed beside it.
  auto england = devo::Geography::load_builtin(diags);
  if (failed(diags) || !rules || !england) {
    return 2;
  }
  const devo::CompiledRules compiled(std::make_shared<const devo::RuleSet>(std::move(*rules)));

  // An existing authority, by name or GSS code.
  auto facts = england->authority(authority, as_of, diags);
  if (failed(diags) || !facts) {
    return 2;
  }
  print(facts->subject.name, compiled.rules(),
        compiled.evaluate(*facts, devo::EvaluateOptions{true, as_of}));

  // A proposal, as a proposal file would give it.
  const auto proposal =
      england->proposal(devo::SourceFile::from_text("proposal.yaml",
                                                    "name: Norfolk and Suffolk\n"
                                                    "institution: combined_county_authority\n"
                                                    "mayor: elected_mayor\n"
                                                    "councils: [Norfolk, Suffolk]\n"
                                                    "reshapes: [Norfolk and Suffolk]\n"),
                        compiled.rules(), as_of, diags);
  if (failed(diags) || !proposal) {
    return 2;
  }
  print(proposal->facts.subject.name, compiled.rules(),
        compiled.evaluate(proposal->facts, devo::EvaluateOptions{true, as_of}));
  return 0;
}
