// Runs the peer rules engines on devo's own rules, exported by `devo export`,
// over the same subjects devo is measured on, and prints one JSON document:
// for each engine, decisions per second (median of the runs) listing the
// available powers ("decide") and, for every power, the conditions that failed
// ("explain"), and whether its statuses agree with devo's on every subject.
//
//   node run.mjs JSON_LOGIC_EXPORT RULES_ENGINE_EXPORT [--runs N] [--seconds S]
//
// One decision is one subject: every power of the rule set. Rules are built
// once, outside the timing; each engine warms up first; each timed run
// repeats over the subjects for about S seconds.

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';
import { Engine } from 'json-rules-engine';

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const [jsonLogicPath, rulesEnginePath] = process.argv.slice(2).filter((a) => a.endsWith('.json'));
const runs = option('--runs', 5);
const secondsPerRun = option('--seconds', 0.5);

const jsonLogicExport = JSON.parse(readFileSync(jsonLogicPath, 'utf8'));
const rulesEngineExport = JSON.parse(readFileSync(rulesEnginePath, 'utf8'));

// The engines are two-valued; only subjects with every fact known can agree
// with devo's three-valued statuses (docs/export.md).
const subjects = jsonLogicExport.subjects.filter((s) => s.complete);
if (subjects.length === 0) {
  throw new Error(`${jsonLogicPath} holds no subject with every fact known`);
}
const powers = jsonLogicExport.powers;
const expected = subjects.map((s) => powers.map((p) => s.devo.powers[p.id] === 'available'));

// The installed version, read from the package's own manifest (not every
// package exports it).
function version(name) {
  const manifest = new URL(`./node_modules/${name}/package.json`, import.meta.url);
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

// Each engine: decide(facts) gives one boolean per power; explain(facts)
// gives, per power, the titles of the conditions that failed.
function jsonLogicJs() {
  return {
    name: 'json-logic-js',
    version: version('json-logic-js'),
    decide: (facts) => powers.map((p) => jsonLogic.truthy(jsonLogic.apply(p.available, facts))),
    explain: (facts) =>
      powers.map((p) =>
        p.conditions.filter((c) => !jsonLogic.truthy(jsonLogic.apply(c.logic, facts))).map((c) => c.title)),
  };
}

function jsonLogicEngineCompiled() {
  const engine = new LogicEngine();
  const available = powers.map((p) => engine.build(p.available));
  const conditions = powers.map((p) => p.conditions.map((c) => ({ title: c.title, test: engine.build(c.logic) })));
  return {
    name: 'json-logic-engine (compiled)',
    version: version('json-logic-engine'),
    decide: (facts) => available.map((test) => Boolean(test(facts))),
    explain: (facts) => conditions.map((list) => list.filter((c) => !c.test(facts)).map((c) => c.title)),
  };
}

// json-rules-engine reports every condition's result with each run; a
// condition passed when its own result, or its parts', say so.
function passed(condition) {
  if (condition.all) return condition.all.every(passed);
  if (condition.any) return condition.any.some(passed);
  if (condition.not) return !passed(condition.not);
  return condition.result === true;
}

function jsonRulesEngine() {
  const { rules, conditions } = rulesEngineExport.json_rules_engine;
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, condition] of Object.entries(conditions)) engine.setCondition(name, condition);
  for (const rule of rules) engine.addRule(rule);
  const index = new Map(powers.map((p, i) => [p.id, i]));
  const titles = rulesEngineExport.powers.map((p) => p.conditions.map((c) => c.title));
  return {
    name: 'json-rules-engine',
    version: version('json-rules-engine'),
    async: true,
    decide: async (facts) => {
      const { events } = await engine.run(facts);
      const available = powers.map(() => false);
      for (const event of events) available[index.get(event.type)] = true;
      return available;
    },
    explain: async (facts) => {
      const { results, failureResults } = await engine.run(facts);
      const failed = powers.map(() => []);
      for (const result of [...results, ...failureResults]) {
        const i = index.get(result.name);
        result.conditions.all.forEach((c, k) => {
          if (!passed(c)) failed[i].push(titles[i][k]);
        });
      }
      return failed;
    },
  };
}

async function agreement(engine) {
  let mismatches = 0;
  let explainedMismatches = 0;
  for (let i = 0; i < subjects.length; ++i) {
    const facts = subjects[i].facts;
    const decided = await engine.decide(facts);
    if (decided.some((available, k) => available !== expected[i][k])) ++mismatches;
    // A power is available exactly when none of its conditions failed.
    const explained = await engine.explain(facts);
    if (explained.some((failed, k) => (failed.length === 0) !== expected[i][k])) ++explainedMismatches;
  }
  return { subjects: subjects.length, mismatches, explain_mismatches: explainedMismatches };
}

// Decisions per second: the median of `runs` timed runs, each going round
// the subjects for about `secondsPerRun`.
async function rate(engine, mode) {
  const work = engine[mode];
  const budget = secondsPerRun * 1000;
  let warm = 0;
  for (const start = performance.now(); performance.now() - start < budget / 2; ++warm) {
    await work(subjects[warm % subjects.length].facts);
  }
  const rates = [];
  let sink = 0;
  for (let run = 0; run < runs; ++run) {
    let done = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < budget) {
      for (let k = 0; k < 256; ++k, ++done) {
        sink += (await work(subjects[done % subjects.length].facts)).length;
      }
      elapsed = performance.now() - start;
    }
    rates.push((done * 1000) / elapsed);
  }
  rates.sort((a, b) => a - b);
  return { per_second: rates[Math.floor(rates.length / 2)], min: rates[0], max: rates.at(-1), sink };
}

const results = [];
for (const make of [jsonRulesEngine, jsonLogicJs, jsonLogicEngineCompiled]) {
  const engine = make();
  const checked = await agreement(engine);
  const decide = await rate(engine, 'decide');
  const explain = await rate(engine, 'explain');
  results.push({
    engine: engine.name,
    version: engine.version,
    decide_per_second: Math.round(decide.per_second),
    decide_range: [Math.round(decide.min), Math.round(decide.max)],
    explain_per_second: Math.round(explain.per_second),
    explain_range: [Math.round(explain.min), Math.round(explain.max)],
    ...checked,
  });
}
console.log(JSON.stringify({ node: process.version, ruleset: jsonLogicExport.ruleset, runs, results }, null, 2));
