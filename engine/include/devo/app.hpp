#pragma once

// devo's use cases, as every front end asks for them: the command line, the
// test runner and the web server call these functions and only parse their
// input, render the result and choose an exit code or status around them.
//
// Each use case takes a plain request and reports every problem to
// `Diagnostics`; it gives nothing (or a result the caller must not render)
// when an error was reported. A value from the user travels as a `Given`: its
// text and the place a diagnostic about it points at, which the caller
// chooses — an option ("--authority"), a node of a file, a field of a
// request. The library names no option of any front end.

#include <devo/decision.hpp>
#include <devo/diagnostic.hpp>
#include <devo/diff.hpp>
#include <devo/engine.hpp>
#include <devo/export.hpp>
#include <devo/facts.hpp>
#include <devo/geography.hpp>
#include <devo/map.hpp>
#include <devo/report.hpp>
#include <devo/ruleset.hpp>
#include <devo/suggest.hpp>
#include <devo/testing.hpp>
#include <devo/value.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace devo::app {

// A value a user gave and where it came from. Empty text means "not given".
struct Given {
  std::string text;
  Location at;

  bool empty() const { return text.empty(); }
};

// What every use case over England's subjects is asked on: a date, a rule
// set and the data.
struct Inputs {
  // YYYY-MM-DD; not given: today, in UTC.
  Given as_of;
  // A built-in rule set's id or a rule file's path; not given: the built-in
  // rule set in force on the date.
  Given rules;
  // A directory of England data tables; not given: the data built into devo.
  Given data;
  // A rule file's text sent with a request (devo serve --allow-rule-upload),
  // read instead of any file, with `rules` as its name in diagnostics; its
  // `extends` may name only a built-in rule set.
  std::optional<std::string> rules_text;
};

// The date `date` names, or today (UTC) when it is not given. A date that is
// not real is reported (invalid-date) at its place.
std::optional<Date> resolve_date(const Given& date, Diagnostics& diags);

// The rule set `rules` names (a built-in id or a rule file), or the built-in
// one in force on `as_of` when it is not given (unknown-ruleset when none is).
std::shared_ptr<const RuleSet> resolve_rules(const Given& rules, Date as_of, Diagnostics& diags);
// The rule set of `inputs`: the text sent with a request when there is one,
// otherwise as above.
std::shared_ptr<const RuleSet> resolve_rules(const Inputs& inputs, Date as_of, Diagnostics& diags);

// England's data: the tables in the directory `data` names, or the data built
// into devo.
std::optional<Geography> resolve_geography(const Given& data, Diagnostics& diags);

// For a front end that runs long (the web server): loads the data `data`
// names (or the built-in data) and every built-in rule set once, and keeps
// them for the rest of the process, immutable, so that every later use case
// given the same `data` and a built-in rule set's id is answered from them,
// from any thread, without reading or parsing anything again. Call it once,
// before any other thread uses the application layer. Problems with the data
// are reported; false then, and nothing is kept.
bool keep_loaded(const Given& data, Diagnostics& diags);

// What is needed to reproduce a decision: the rule set, the date and, when the
// facts were computed from it, the data.
Receipt make_receipt(const RuleSet& rules, Date as_of, const std::optional<DatasetInfo>& data);

// What is evaluated.
struct SubjectRequest {
  enum class Kind { authority, proposal, facts };
  Kind kind = Kind::authority;
  // An authority's GSS code or name, or the path of a proposal or facts file
  // (the name a diagnostic gives the file).
  Given name;
  // The file's text when the caller has it already (a web request's body);
  // otherwise the file at `name` is read.
  std::optional<std::string> text;
};

// A subject's facts and what produced them: the findings about a proposal as
// a proposal, and the data its facts were computed from (none for a facts
// file).
struct ResolvedSubject {
  FactInput facts;
  std::vector<Diagnostic> findings;
  std::optional<DatasetInfo> data;
  // The data the facts were computed from (none for a facts file), which a
  // map of the subject is drawn from.
  std::optional<Geography> england;
};

// The facts of an authority, a proposal or a facts file, typed by `rules` on
// `as_of`. Findings about a proposal that could not be read whole are added to
// `diags` beside its errors.
std::optional<ResolvedSubject> resolve_subject(const SubjectRequest& subject, const Given& data,
                                               const RuleSet& rules, Date as_of,
                                               Diagnostics& diags);

// Takes each "fact=value" in `assumptions` as given over what `facts` says,
// typed as a facts file's value is, with `note` beside it in reports.
void assume(const std::vector<Given>& assumptions, const RuleSet& rules, std::string_view note,
            FactInput& facts, Diagnostics& diags);

// `devo evaluate`: the tier a subject reaches, every power and why.
struct EvaluateRequest {
  SubjectRequest subject;
  Inputs inputs;
  // "fact=value", taken as given over what the subject says, with this note
  // beside each in reports.
  std::vector<Given> assumptions;
  std::string assumption_note = "assumed";
  // How a warning tells a place in the subject's text: a web request gives
  // the JSON Pointer of the value there; unset, the file, line and column.
  std::function<Location(const Location&)> place_of;
};

struct EvaluateResult {
  std::shared_ptr<const RuleSet> rules;
  FactInput facts;
  // With reasons; the warnings about the user's files (an unknown fact, a
  // proposal's warnings) are among its warnings, so that a JSON reader sees
  // them.
  Decision decision;
  Receipt receipt;
  // The data the facts were computed from; none for a facts file.
  std::optional<Geography> england;

  // For render_evaluation(); it refers into this result, which must outlive it.
  Evaluation evaluation() const { return Evaluation{receipt, *rules, facts, decision}; }
};

// Nothing when an error was reported (an unknown authority, a proposal that
// cannot be read, a wrong assumption). Warnings stay in `diags` as well, for
// a front end that shows them beside the result.
std::optional<EvaluateResult> evaluate(const EvaluateRequest& request, Diagnostics& diags);

// `devo validate`: a proposal's problems as a proposal, and whether it
// reaches a tier.
struct ValidateRequest {
  SubjectRequest proposal;
  Inputs inputs;
};

struct ValidateResult {
  std::shared_ptr<const RuleSet> rules;
  // The proposal's facts (its subject among them) and the evaluation that
  // decides its tier, with the data they were computed from.
  FactInput facts;
  Decision decision;
  std::optional<Geography> england;
  // The tier reached, if any, as "level-3" and its title.
  std::string tier;
  std::string tier_title;
  // Every problem with the proposal (errors make it not valid; tier-not-reached
  // among them when it reaches no tier) and the warnings, with the file's text
  // for quoting its lines.
  Diagnostics findings;
  Receipt receipt;

  // Valid: no finding is an error, so it reaches a tier.
  bool valid() const { return !findings.has_errors(); }
  // For render_validation(); it refers into this result, which must outlive it.
  Validation validation() const {
    return Validation{receipt, facts.subject, tier, tier_title, findings};
  }
  // The evaluation behind the verdict, for a map of the proposal; it refers
  // into this result, which must outlive it.
  Evaluation evaluation() const { return Evaluation{receipt, *rules, facts, decision}; }
};

std::optional<ValidateResult> validate(const ValidateRequest& request, Diagnostics& diags);

// `devo check`: rule files, each loaded and checked; the problems go to
// `diags`.
std::vector<CheckedRuleFile> check_rule_files(const std::vector<std::string>& paths,
                                              Diagnostics& diags);

// `devo test`: regression cases run through the pipeline, and their rule
// coverage.
struct TestRequest {
  // Case files, or directories searched for *.yaml. None: the nearest
  // tests/cases folder, in the working directory or above it.
  std::vector<std::string> paths;
  std::string filter;
  Given data;
  std::optional<double> coverage_threshold;
};

struct TestResult {
  TestReport report;
  // Every case passed and coverage met the threshold.
  bool passed = false;
};

std::optional<TestResult> test(const TestRequest& request, Diagnostics& diags);

// `devo diff`: every subject of England under two rule sets, or one at two
// dates.
struct DiffRequest {
  Given from;
  Given to;
  Given from_as_of;
  Given to_as_of;
  // Proposals compared as well (SubjectRequest::Kind::proposal): files, or
  // texts the caller has already (a web request's body).
  std::vector<SubjectRequest> proposals;
  Given data;
  // The power a map of the change will be coloured by, if any: it must be a
  // power of both rule sets (undefined-power), which is checked before any
  // of England is evaluated.
  Given power;
};

struct DiffResult {
  std::shared_ptr<const RuleSet> from;
  std::shared_ptr<const RuleSet> to;
  DiffReport report;
  Receipt from_receipt;
  Receipt to_receipt;
  // The data both sides were evaluated on.
  Geography england;
};

std::optional<DiffResult> diff(const DiffRequest& request, Diagnostics& diags,
                               const DiffProgress& progress = {});

// `devo suggest`: groupings of neighbouring councils around a subject that
// reach a target tier.
struct SuggestRequest {
  // An authority or a proposal (SubjectRequest::Kind::facts is refused).
  SubjectRequest subject;
  // Without a rule set, the built-in one in force that took effect last among
  // those with the target tier, so that a tier of an earlier framework still
  // in force is searched under its own rules.
  Inputs inputs;
  Given target_tier;
  std::vector<Given> wanted_powers;
  std::vector<Given> assumptions;
  std::size_t max_councils = 4;
  std::size_t top = 5;
  std::size_t max_groupings = SuggestOptions{}.max_groupings;
  double time_limit_seconds = SuggestOptions{}.time_limit_seconds;
};

struct SuggestResult {
  std::shared_ptr<const RuleSet> rules;
  SuggestReport report;
  SuggestOptions options;
  Receipt receipt;
};

std::optional<SuggestResult> suggest(const SuggestRequest& request, Diagnostics& diags,
                                     const SuggestProgress& progress = {});

// `devo list`: the built-in rule sets, or a rule set's tiers or powers, as a
// table.
// `devo list`: the built-in rule sets, or a rule set's tiers, powers or facts
// (facts: each with whether devo computes it from its data or it is given,
// which is what a form asking for the given ones needs).
enum class ListWhat { rulesets, tiers, powers, facts };

std::optional<Table> list(ListWhat what, const Given& rules, Diagnostics& diags);

// `devo list authorities`: the districts, county councils and institutions
// `match` names or nearly names (Geography::find_authorities; every one when
// it is not given), at most `limit`, as a table: code, name, kind
// (AuthorityName::kind), description.
std::optional<Table> list_authorities(const Given& match, const Given& data, std::size_t limit,
                                      Diagnostics& diags);

// `devo docs`: the rule set to write a catalogue of (render_catalogue), as in
// force today when none is named.
std::shared_ptr<const RuleSet> catalogue_rules(const Given& rules, Diagnostics& diags);

// `devo schema`: the names of the built-in JSON Schemas ("evaluate",
// "proposal", ...: schemas/<name>.schema.json), and the text of one. An
// unknown name is reported (unknown-schema) with the names there are.
std::vector<std::string> schema_names();
std::optional<std::string> schema_text(const Given& name, Diagnostics& diags);

// Every district, county council, combined authority and the GLA evaluated
// (without reasons): the subjects of `devo export` and of an England-wide
// sweep.
struct EnglandEvaluation {
  std::shared_ptr<const RuleSet> rules;
  std::vector<FactInput> facts;
  std::vector<Decision> decisions;
  Receipt receipt;

  std::vector<ExportedSubject> subjects() const;
  // The rows of a sweep (render_sweep), one per subject.
  std::vector<SweepRow> sweep_rows() const;
};

// `rules_only`: the rule set alone, without England's subjects.
std::optional<EnglandEvaluation> evaluate_england(const Inputs& inputs, bool rules_only,
                                                  Diagnostics& diags);

// `devo map`: what a map is coloured by. `tier`: for a subject, the tier it
// reaches; for England, the tier reached by the institution each district is
// in (elsewhere its county council, or its own council). `reachable`: for
// England, the tier each district's own council could reach alone.
// `institution`, `police`, `fire`, `icb`: the institution or public-service
// area each district is in. `change`: what a diff changes.
enum class MapColour { tier, reachable, institution, police, fire, icb, change };

// The names of the colourings ("tier", "reachable", ...), in the order above,
// and the colouring a name gives.
const std::vector<std::string>& map_colour_names();
std::optional<MapColour> map_colour(std::string_view name);

struct MapRequest {
  // What is drawn: a subject (an authority or a proposal), or all England.
  SubjectRequest subject;
  bool all = false;
  Inputs inputs;
  MapColour colour = MapColour::tier;
  // Where the colouring was given, to blame one that does not fit the map
  // (`reachable` is for England, `change` for a diff).
  Location colour_at;
};

// The map of a subject, with the tier it reaches, or of England, with every
// district coloured. The data must have the districts' shapes (no-shapes).
std::optional<Map> map(const MapRequest& request, Diagnostics& diags);

// The map of an evaluation already made, for a printable report, drawn from
// the data its facts came from; nothing when there is nothing to draw (facts
// given by hand, data without shapes).
std::optional<Map> map_of(const EvaluateResult& evaluation);
// The map of a proposal validated, drawn even when it is not valid (a
// proposal in pieces shows its pieces).
std::optional<Map> map_of(const ValidateResult& validation);
// The map of a diff: every district coloured by how the tier reached by the
// institution it is in changes, or, with `power` given, how that power's
// status changes (a power of both rule sets: undefined-power otherwise).
// `data` is where the diff's data came from, to blame when it has no shapes.
std::optional<Map> map_of(const DiffResult& diff, const Given& data, const Given& power,
                          Diagnostics& diags);

// The same from data already loaded (for benchmarks and servers that keep
// it); nothing when the data has no shapes or the subject no districts.
std::optional<Map> subject_map(const Geography& england, const Evaluation& evaluation,
                               MapColour colour);
std::optional<Map> england_map(const Geography& england, const EnglandEvaluation& evaluation,
                               MapColour colour);
std::optional<Map> diff_map(const Geography& england, const DiffResult& diff,
                            std::string_view power);

}  // namespace devo::app
