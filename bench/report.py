#!/usr/bin/env python3
"""Prints the benchmark table of scripts/bench: W1 to W6 against their goals,
and the peer engines side by side with the ratios devo / peer.

    bench/report.py DEVO_JSON PEERS_JSON

DEVO_JSON is Google Benchmark's JSON output (medians of the repetitions);
PEERS_JSON is what bench/peers/run.mjs prints.
"""

import json
import platform
import sys


def medians(path):
    """The median of each benchmark by name ("W1/decide"), from Google
    Benchmark's JSON; a single run counts as its own median."""
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    found = {}
    for run in data["benchmarks"]:
        name = run["run_name"].split("/real_time")[0].split("/manual_time")[0]
        name = name.split("/iterations:")[0]
        aggregate = run.get("aggregate_name")
        if aggregate in (None, "median") and (aggregate == "median" or name not in found):
            found[name] = run
    return data["context"], found


def rate(run):
    return run["items_per_second"]


def milliseconds(run):
    scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[run["time_unit"]]
    return run["real_time"] * scale


def si(value):
    for limit, suffix in ((1e6, " M"), (1e3, " k")):
        if value >= limit:
            return f"{value / limit:.2f}{suffix}"
    return f"{value:.0f} "


def verdict(met):
    return "met" if met else "MISSED"


def machine(context):
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as file:
            for line in file:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (f"{cpu}, {context['num_cpus']} cores at {context['mhz_per_cpu']} MHz, "
            f"{platform.system()} {platform.release()}; {context['date']}")


def main():
    context, devo = medians(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as file:
        peers = json.load(file)

    print(f"Machine: {machine(context)}")
    print(f"Build: {context.get('library_build_type', '?')} Google Benchmark library; devo Release\n")

    rows = []

    def row(workload, figure, goal, met):
        rows.append((workload, figure, goal, verdict(met) if goal else ""))

    w1 = rate(devo["W1/decide"])
    w1r = rate(devo["W1/reasons"])
    row("W1 decisions/s, statuses of every tier and power", f"{si(w1)}/s", ">= 10 M/s", w1 >= 10e6)
    row("W1 decisions/s, with reasons (requirements not met)", f"{si(w1r)}/s", ">= 2 M/s",
        w1r >= 2e6)
    row("W1 decisions/s, with reasons in words", f"{si(rate(devo['W1/words']))}/s", "", True)
    w2 = milliseconds(devo["W2/sweep"])
    row("W2 England sweep, 335 subjects x 3 rule sets", f"{w2:.1f} ms", "< 50 ms", w2 < 50)
    w3 = rate(devo["W3/proposals"])
    row("W3 proposals/s with every graph fact", f"{si(w3)}/s", ">= 50 k/s", w3 >= 50e3)
    w4 = milliseconds(devo["W4/cold-evaluate"])
    row("W4 cold `devo evaluate --authority`", f"{w4:.1f} ms", "< 20 ms", w4 < 20)
    w5 = milliseconds(devo["W5/enumerate-8"])
    w5_count = devo["W5/enumerate-8"]["slowest_district_groupings"]
    row(f"W5 groupings of <= 8 districts, slowest district ({si(w5_count)}groupings)",
        f"{w5:.0f} ms", "< 1 s", w5 < 1000)
    w6 = milliseconds(devo["W6/england-map"])
    row("W6 England map (SVG, every district by tier)", f"{w6:.1f} ms", "< 50 ms", w6 < 50)
    w6s = milliseconds(devo["W6/subject-map"])
    row("W6 subject map (SVG, Liverpool City Region)", f"{w6s:.1f} ms", "< 10 ms", w6s < 10)

    width = max(len(r[0]) for r in rows)
    print(f"{'workload':<{width}}  {'measured':>12}  {'goal':>10}")
    for workload, figure, goal, met in rows:
        print(f"{workload:<{width}}  {figure:>12}  {goal:>10}  {met}")

    devo_decide = rate(devo["W1/peer-set/decide"])
    devo_explain = rate(devo["W1/peer-set/reasons"])
    print(f"\nPeers on the same rules ({peers['ruleset']['id']}) and subjects "
          f"(10,000 seeded random fact sets, every fact known), Node.js {peers['node']}:")
    print(f"{'engine':<36} {'decide/s':>11} {'explain/s':>11} {'devo/peer':>11} "
          f"{'(explain)':>10}  agrees with devo")
    print(f"{'devo (C++, this build)':<36} {si(devo_decide):>10}  {si(devo_explain):>10}")
    disagreements = 0
    for peer in peers["results"]:
        agrees = peer["mismatches"] == 0 and peer["explain_mismatches"] == 0
        disagreements += 0 if agrees else 1
        name = f"{peer['engine']} {peer['version']}"
        print(f"{name:<36} {si(peer['decide_per_second']):>10}  "
              f"{si(peer['explain_per_second']):>10} "
              f"{devo_decide / peer['decide_per_second']:>10.0f}x "
              f"{devo_explain / peer['explain_per_second']:>9.0f}x  "
              f"{'yes' if agrees else 'NO'} ({peer['subjects']} subjects, "
              f"{peer['mismatches']} + {peer['explain_mismatches']} differ)")
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
