#include "workloads.hpp"

#include "subjects.hpp"

#include <devo/app.hpp>
#include <devo/export.hpp>
#include <devo/report.hpp>

#include <benchmark/benchmark.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace devo::bench {
namespace {

std::shared_ptr<const RuleSet> builtin_rules(const std::string& id) {
  Diagnostics diags;
  auto source = find_ruleset_source(id, diags);
  auto rules = source ? load_ruleset(*source, diags) : std::nullopt;
  if (!rules) {
    throw std::runtime_error("cannot load the built-in rule set " + id);
  }
  return std::make_shared<const RuleSet>(std::move(*rules));
}

Fixture load_fixture() {
  Fixture fixture;
  Diagnostics diags;
  fixture.geography = Geography::load_builtin(diags);
  if (!fixture.geography) {
    throw std::runtime_error("cannot load the built-in England data");
  }
  for (const std::string& id : builtin_ruleset_ids()) {
    fixture.rule_sets.emplace_back(builtin_rules(id));
  }
  // luwp-2022 first: W1 and the peers use it.
  std::stable_partition(fixture.rule_sets.begin(), fixture.rule_sets.end(),
                        [](const CompiledRules& rules) { return rules.rules().id == "luwp-2022"; });
  fixture.real = real_subjects(*fixture.geography);
  fixture.random = random_subjects(fixture.luwp().rules(), k_random_subjects, k_random_seed);
  return fixture;
}

std::vector<BoundFacts> bind_all(const CompiledRules& rules,
                                 const std::vector<const FactInput*>& subjects) {
  std::vector<BoundFacts> bound;
  bound.reserve(subjects.size());
  for (const FactInput* facts : subjects) {
    bound.push_back(rules.bind(*facts));
  }
  return bound;
}

std::vector<const FactInput*> pointers(const std::vector<FactInput>& subjects) {
  std::vector<const FactInput*> result;
  for (const FactInput& facts : subjects) {
    result.push_back(&facts);
  }
  return result;
}

// W1's subjects: England's real ones and the random ones, interleaved so that
// each stretch of the cycle holds both.
std::vector<const FactInput*> mixed_subjects(const Fixture& fixture) {
  std::vector<const FactInput*> mixed;
  const std::size_t real = fixture.real.size();
  for (std::size_t i = 0; i < fixture.random.size(); ++i) {
    mixed.push_back(&fixture.random[i]);
    if (i < real) {
      mixed.push_back(&fixture.real[i]);
    }
  }
  return mixed;
}

// W1: decisions per second on one core, facts already bound to slots; each
// decision lists every tier's and power's status (and with reasons, the
// requirements that did not hold).
void decide_loop(benchmark::State& state, const std::vector<const FactInput*>& subjects,
                 bool reasons) {
  const CompiledRules& rules = Fixture::get().luwp();
  const std::vector<BoundFacts> bound = bind_all(rules, subjects);
  Outcome outcome;
  std::size_t next = 0;
  for (auto _ : state) {
    rules.decide(bound[next], outcome, reasons);
    benchmark::DoNotOptimize(outcome.powers.data());
    benchmark::ClobberMemory();
    next = next + 1 == bound.size() ? 0 : next + 1;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["subjects"] = static_cast<double>(bound.size());
}

void w1_decide(benchmark::State& state) {
  decide_loop(state, mixed_subjects(Fixture::get()), false);
}
void w1_reasons(benchmark::State& state) {
  decide_loop(state, mixed_subjects(Fixture::get()), true);
}
void w1_peer_set_decide(benchmark::State& state) {
  decide_loop(state, pointers(Fixture::get().random), false);
}
void w1_peer_set_reasons(benchmark::State& state) {
  decide_loop(state, pointers(Fixture::get().random), true);
}

// W1 with every reason in plain words, as `devo evaluate` prints them: the
// whole Decision, from the subject's facts.
void w1_words(benchmark::State& state) {
  const Fixture& fixture = Fixture::get();
  const std::vector<const FactInput*> subjects = mixed_subjects(fixture);
  std::size_t next = 0;
  for (auto _ : state) {
    Decision decision =
        fixture.luwp().evaluate(*subjects[next], EvaluateOptions{true, bench_date()});
    benchmark::DoNotOptimize(decision.powers.data());
    next = next + 1 == subjects.size() ? 0 : next + 1;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// W2: every district, county council, combined authority and the GLA under
// every built-in rule set, from loaded data to decisions (with reasons in
// words) in memory. Each subject's facts are computed once and evaluated
// under each rule set.
void w2_sweep(benchmark::State& state) {
  const Fixture& fixture = Fixture::get();
  const std::vector<std::string> codes = fixture.geography->authority_codes();
  std::size_t decisions = 0;
  for (auto _ : state) {
    std::vector<Decision> results;
    results.reserve(codes.size() * fixture.rule_sets.size());
    Diagnostics diags;
    for (const std::string& code : codes) {
      const auto facts = fixture.geography->authority(code, bench_date(), diags);
      for (const CompiledRules& rules : fixture.rule_sets) {
        results.push_back(rules.evaluate(*facts, EvaluateOptions{true, bench_date()}));
      }
    }
    decisions = results.size();
    benchmark::DoNotOptimize(results.data());
  }
  state.counters["decisions"] = static_cast<double>(decisions);
}

// W3: proposals per second: for each of the seeded random connected
// groupings, every computed fact (population, contiguity, whole counties,
// coterminosity with police, fire and ICB areas, overlaps, devolution
// islands) without the notes in words, the proposal's own assertions (a
// mayoral combined authority), binding and deciding under luwp-2022.
void w3_proposals(benchmark::State& state) {
  const Fixture& fixture = Fixture::get();
  const CompiledRules& rules = fixture.luwp();
  // Made once: Google Benchmark calls this function several times.
  static const auto groupings =
      random_groupings(*fixture.geography, k_random_groupings, k_random_seed);
  Outcome outcome;
  Diagnostics diags;
  std::size_t next = 0;
  std::size_t reached = 0;
  for (auto _ : state) {
    auto facts = fixture.geography->grouping(groupings[next], FactNotes::none, diags);
    facts->values["institution"] = std::string("combined_authority");
    facts->values["mayor"] = std::string("elected_mayor");
    rules.decide(rules.bind(*facts), outcome);
    reached += outcome.tier ? 1 : 0;
    next = next + 1 == groupings.size() ? 0 : next + 1;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["groupings"] = static_cast<double>(groupings.size());
  state.counters["reach_a_tier"] =
      benchmark::Counter(static_cast<double>(reached), benchmark::Counter::kAvgIterations);
}

// W5: every connected grouping of up to 8 districts around each district of
// England, enumerated: the space `devo suggest` searches at its largest. The
// time reported is the slowest district's; the counters say which, how many
// groupings it has, and how many there are around all districts together.
void w5_enumerate(benchmark::State& state) {
  const Geography& geography = *Fixture::get().geography;
  for (auto _ : state) {
    double slowest = 0;
    std::size_t slowest_count = 0;
    std::size_t total = 0;
    std::size_t slowest_index = 0;
    const std::vector<std::string> districts = geography.district_codes();
    for (std::size_t i = 0; i < districts.size(); ++i) {
      const auto start = std::chrono::steady_clock::now();
      const std::size_t count = *geography.count_groupings(districts[i], k_enumerate_added);
      const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
      total += count;
      if (spent.count() > slowest) {
        slowest = spent.count();
        slowest_count = count;
        slowest_index = i;
      }
    }
    state.SetIterationTime(slowest);
    state.counters["slowest_district_groupings"] = static_cast<double>(slowest_count);
    state.counters["slowest_district_index"] = static_cast<double>(slowest_index);
    state.counters["all_districts_groupings"] = static_cast<double>(total);
  }
}

// W6: maps, from an evaluation already made to the SVG's text: England with
// every district coloured by the tier its institution reaches under
// edwp-2024, and one subject (the Liverpool City Region, with its neighbours,
// the police, fire and ICB areas it splits, the institutions it overlaps and
// its inset of England).
app::Inputs edwp_inputs() {
  return app::Inputs{app::Given{bench_date().to_string(), {}}, app::Given{"edwp-2024", {}}, {}};
}

// Times drawing one map and writing its SVG.
template <typename Draw>
void time_map(benchmark::State& state, const Draw& draw) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string svg = render_map_svg(*draw());
    bytes = svg.size();
    benchmark::DoNotOptimize(svg.data());
  }
  state.counters["svg_bytes"] = static_cast<double>(bytes);
}

void w6_england_map(benchmark::State& state) {
  const Geography& england = *Fixture::get().geography;
  Diagnostics diags;
  static const auto evaluation = app::evaluate_england(edwp_inputs(), false, diags);
  time_map(state, [&] { return app::england_map(england, *evaluation, app::MapColour::tier); });
}

void w6_subject_map(benchmark::State& state) {
  const Geography& england = *Fixture::get().geography;
  Diagnostics diags;
  static const auto evaluation = [&] {
    app::EvaluateRequest request;
    request.subject.kind = app::SubjectRequest::Kind::authority;
    request.subject.name.text = "Liverpool City Region";
    request.inputs = edwp_inputs();
    return app::evaluate(request, diags);
  }();
  time_map(state, [&] {
    return app::subject_map(england, evaluation->evaluation(), app::MapColour::tier);
  });
}

// W4: a cold `devo evaluate --authority ...` process, start to exit, its
// output thrown away.
void w4_cold_process(benchmark::State& state, const std::string& devo,
                     std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), devo);
  std::vector<char*> argv;
  for (std::string& argument : arguments) {
    argv.push_back(argument.data());
  }
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  for (auto _ : state) {
    pid_t child = 0;
    if (posix_spawn(&child, devo.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
      state.SkipWithError(("cannot run " + devo + ": " + std::strerror(errno)).c_str());
      break;
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      state.SkipWithError("devo evaluate failed");
      break;
    }
  }
  posix_spawn_file_actions_destroy(&actions);
}

}  // namespace

const Fixture& Fixture::get() {
  static const Fixture fixture = load_fixture();
  return fixture;
}

void write_peer_fixture(const std::string& directory) {
  const Fixture& fixture = Fixture::get();
  const CompiledRules& rules = fixture.luwp();
  std::vector<Decision> decisions;
  for (const FactInput& facts : fixture.random) {
    decisions.push_back(rules.evaluate(facts, EvaluateOptions{false, bench_date()}));
  }
  std::vector<ExportedSubject> subjects;
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    subjects.push_back(ExportedSubject{fixture.random[i], decisions[i]});
  }
  std::filesystem::create_directories(directory);
  for (const auto& [format, name] :
       {std::pair{ExportFormat::json_logic, "json-logic.json"},
        std::pair{ExportFormat::json_rules_engine, "json-rules-engine.json"}}) {
    std::ofstream out(std::filesystem::path(directory) / name, std::ios::binary);
    out << export_rules(rules.rules(), format, subjects);
    if (!out) {
      throw std::runtime_error("cannot write " + directory + "/" + name);
    }
  }
}

void register_workloads(const std::string& devo_binary) {
  benchmark::RegisterBenchmark("W1/decide", w1_decide)->UseRealTime();
  benchmark::RegisterBenchmark("W1/reasons", w1_reasons)->UseRealTime();
  benchmark::RegisterBenchmark("W1/words", w1_words)->UseRealTime();
  benchmark::RegisterBenchmark("W1/peer-set/decide", w1_peer_set_decide)->UseRealTime();
  benchmark::RegisterBenchmark("W1/peer-set/reasons", w1_peer_set_reasons)->UseRealTime();
  benchmark::RegisterBenchmark("W2/sweep", w2_sweep)->UseRealTime()->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("W3/proposals", w3_proposals)->UseRealTime();
  benchmark::RegisterBenchmark("W5/enumerate-8", w5_enumerate)
      ->UseManualTime()
      ->Iterations(1)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("W6/england-map", w6_england_map)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("W6/subject-map", w6_subject_map)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(
      "W4/cold-evaluate", w4_cold_process, devo_binary,
      std::vector<std::string>{"evaluate", "--authority", "Greater Manchester", "--as-of",
                               "2026-06-01"})
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
}

}  // namespace devo::bench
