#!/usr/bin/env python3
"""Starts `devo serve` on a free port and asks it what a client would.

Usage: check_server.py DEVO SCRATCH SCHEMA_RUNNER (run from the source tree).

Every answer is compared with what the command line prints for the same
question (the same bytes, from the same renderer); every problem with a
request is a 4xx with devo's diagnostics, each at the JSON Pointer of the
field concerned (each case of tests/server/cases/ gives a request, its body
or a Python expression generating it, and the status, code and pointer
expected); the security headers are on every response; the access log
is one JSON line per request with no body in it; SIGTERM stops the server
with exit 0. The cases of tests/server/cases/ are run too.
"""

import http.client
import json
import os
import socket
import subprocess
import sys
import time

AS_OF = "2026-06-01"
RULES = "edwp-2024"
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


def cli(devo, *arguments):
    return subprocess.run([devo, *arguments], capture_output=True, check=True).stdout


class Server:
    def __init__(self, devo, *options):
        self.process = subprocess.Popen(
            [devo, "serve", "--listen", "127.0.0.1:0", "--idle-timeout", "1", *options],
            stderr=subprocess.PIPE, text=True)
        first = self.process.stderr.readline()
        if "listening on http://127.0.0.1:" not in first:
            print(f"FAIL: the server did not say where it listens: {first!r}")
            sys.exit(1)
        self.port = int(first.split("127.0.0.1:")[1].split("/")[0])

    def ask(self, method, path, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        connection.request(method, path, body=data,
                           headers={"Content-Type": "application/json"} if data else {})
        response = connection.getresponse()
        result = (response.status, dict(response.getheaders()), response.read())
        connection.close()
        return result

    def stop(self):
        self.process.send_signal(15)
        _, rest = self.process.communicate(timeout=20)
        return self.process.returncode, rest


def check_same_as_cli(server, devo):
    status, headers, body = server.ask("GET", "/v1/rulesets")
    check(status == 200 and body == cli(devo, "list", "rulesets", "--format", "json"),
          "GET /v1/rulesets is devo list rulesets --format json")
    status, _, body = server.ask("GET", f"/v1/rulesets/{RULES}/powers")
    check(status == 200 and body == cli(devo, "list", "powers", "--rules", RULES, "--format", "json"),
          "GET /v1/rulesets/edwp-2024/powers is devo list powers --format json")
    status, _, body = server.ask("GET", f"/v1/rulesets/{RULES}/facts")
    check(status == 200 and body == cli(devo, "list", "facts", "--rules", RULES, "--format", "json"),
          "GET /v1/rulesets/edwp-2024/facts is devo list facts --format json")
    status, _, body = server.ask("GET", "/v1/authorities?q=leed&limit=2")
    check(status == 200 and [row["name"] for row in json.loads(body)] == ["Leeds", "Lewes"],
          "GET /v1/authorities?q=leed finds Leeds first, then the nearest spelling")
    full = json.loads(cli(devo, "list", "authorities", "--match", "leed", "--format", "json"))
    check(json.loads(body) == full[:2], "GET /v1/authorities is devo list authorities, cut to limit")
    question = {"authority": "Leeds", "rules": RULES, "as_of": AS_OF}
    status, headers, body = server.ask("POST", "/v1/evaluate", question)
    check(status == 200 and headers.get("Content-Type") == "application/json",
          "POST /v1/evaluate answers JSON")
    check(body == cli(devo, "evaluate", "--authority", "Leeds", "--rules", RULES, "--as-of", AS_OF,
                      "--format", "json"),
          "POST /v1/evaluate gives the bytes devo evaluate --format json prints")
    status, headers, body = server.ask(
        "GET", f"/v1/map.svg?authority=Leeds&rules={RULES}&as_of={AS_OF}")
    check(status == 200 and headers.get("Content-Type") == "image/svg+xml"
          and body == cli(devo, "map", "--authority", "Leeds", "--rules", RULES, "--as-of", AS_OF),
          "GET /v1/map.svg is devo map's SVG")
    status, _, body = server.ask("POST", "/v1/suggest", {
        "authority": "Warrington", "target_tier": "level-3", "rules": "luwp-2022", "as_of": AS_OF,
        "top": 2})
    check(status == 200 and body == cli(devo, "suggest", "--authority", "Warrington",
                                        "--target-tier", "level-3", "--rules", "luwp-2022",
                                        "--as-of", AS_OF, "--top", "2", "--format", "json"),
          "POST /v1/suggest gives the bytes devo suggest --format json prints")
    status, _, body = server.ask("POST", "/v1/diff",
                                 {"from": "luwp-2022", "to": RULES, "as_of": AS_OF})
    check(status == 200 and body == cli(devo, "diff", "--from", "luwp-2022", "--to", RULES,
                                        "--as-of", AS_OF, "--format", "json"),
          "POST /v1/diff gives the bytes devo diff --format json prints")
    with open(os.path.join("examples", "06-proposal", "proposal.yaml")) as example:
        lines = [line.split("#")[0].strip() for line in example if not line.startswith("#")]
    proposal = {"name": lines[0].split(": ", 1)[1], "institution": lines[1].split(": ")[1],
                "mayor": lines[2].split(": ")[1], "councils": [lines[4][2:], lines[5][2:]]}
    status, _, body = server.ask("POST", "/v1/diff", {"from": "luwp-2022", "to": RULES,
                                                      "as_of": AS_OF, "proposals": [proposal]})
    check(status == 200 and body == cli(devo, "diff", "--from", "luwp-2022", "--to", RULES,
                                        "--as-of", AS_OF, "--proposal",
                                        "examples/06-proposal/proposal.yaml", "--format", "json"),
          "POST /v1/diff with a proposal gives the bytes devo diff --proposal prints")
    status, headers, body = server.ask("POST", "/v1/report.html", question)
    check(status == 200 and body.startswith(b"<!DOCTYPE html>") and b"<svg" in body,
          "POST /v1/report.html is the printable page with its map")
    report = body
    status, headers, body = server.ask("POST", "/v1/map.svg", question)
    check(status == 200 and headers.get("Content-Type") == "image/svg+xml" and body.startswith(b"<svg")
          and body in report,
          "POST /v1/map.svg is the map of the evaluation, the one its printable page holds")


def check_warning_pointer(server):
    """A warning about a proposal's text names the pointer of the value, not a
    line of the text devo wrote from the JSON."""
    status, _, body = server.ask("POST", "/v1/evaluate", {"proposal": {
        "name": "Leeds and Bradford", "institution": "combined_authority", "mayor": "elected_mayor",
        "councils": ["Leeds", "Bradford"], "reshapes": ["West Yorkshire Combined Authority"],
        "facts": {"no_such_fact": True}}, "rules": RULES, "as_of": AS_OF})
    warnings = json.loads(body).get("warnings", []) if status == 200 else []
    check(any(w["code"] == "unknown-fact" and w["message"].startswith("#/proposal/facts/no_such_fact: ")
              for w in warnings),
          f"an unknown fact's warning is at its pointer: {warnings}")


def check_page(server):
    """The page at / and its assets are built into devo; nothing else is."""
    status, headers, body = server.ask("GET", "/")
    check(status == 200 and headers.get("Content-Type") == "text/html; charset=utf-8"
          and b"<script" in body and b"<script>" not in body,
          "GET / is the page, with no inline script")
    for asset, kind in [("/assets/devo.css", "text/css"), ("/assets/devo.js", "text/javascript"),
                        ("/assets/accessible-autocomplete.min.js", "text/javascript"),
                        ("/assets/favicon.svg", "image/svg+xml")]:
        status, headers, body = server.ask("GET", asset)
        check(status == 200 and headers.get("Content-Type", "").startswith(kind) and body,
              f"GET {asset} is served as {kind}")
    status, _, body = server.ask("GET", "/assets/devo.css")
    check(b"GDS Transport" not in body and b"govuk-crown" not in body,
          "the stylesheet carries no GOV.UK brand font")
    for path in ["/assets/nope.js", "/assets/../index.html", "/assets/%2e%2e/index.html",
                 "/assets/schemas/openapi.json", "/index.html"]:
        status, _, _ = server.ask("GET", path)
        check(status == 404, f"GET {path} is 404: only the page's own assets are served")
    status, headers, _ = server.ask("POST", "/assets/devo.js", {})
    check(status == 405 and headers.get("Allow") == "GET, HEAD", "POST to an asset is 405")
    _, get_headers, page = server.ask("GET", "/")
    status, headers, body = server.ask("HEAD", "/")
    check(status == 200 and body == b"" and headers.get("Content-Length") == str(len(page))
          and headers.get("Content-Type") == get_headers.get("Content-Type"),
          "HEAD / has GET's headers and no body")


def check_proposal(server, devo, scratch):
    proposal = {"name": "Leeds and Bradford", "institution": "combined_authority",
                "mayor": "elected_mayor", "councils": ["Leeds", "Bradford"],
                "reshapes": ["West Yorkshire Combined Authority"]}
    path = os.path.join(scratch, "proposal.json")
    with open(path, "w") as out:
        json.dump(proposal, out)  # JSON is YAML: the same file the command line reads
    status, _, body = server.ask("POST", "/v1/evaluate",
                                 {"proposal": proposal, "rules": RULES, "as_of": AS_OF})
    answer = json.loads(body)
    expected = json.loads(cli(devo, "evaluate", "--proposal", path, "--rules", RULES,
                              "--as-of", AS_OF, "--format", "json"))
    check(status == 200, f"a proposal evaluates (status {status})")
    check(answer.get("tier") == expected.get("tier")
          and [p["status"] for p in answer["powers"]] == [p["status"] for p in expected["powers"]],
          "a proposal in the body reaches what devo evaluate --proposal gives")
    status, _, body = server.ask("POST", "/v1/validate",
                                 {"proposal": proposal, "rules": RULES, "as_of": AS_OF})
    check(status == 200 and "valid" in json.loads(body), "POST /v1/validate answers a validation")


def problem(server, method, path, body, status, code, pointer, what):
    got_status, _, got = server.ask(method, path, body)
    check(got_status == status, f"{what}: status {got_status}, not {status}")
    if code is None:
        return
    try:
        diagnostics = json.loads(got)
    except ValueError:
        check(False, f"{what}: the answer is not JSON: {got[:200]!r}")
        return
    found = [d for d in diagnostics if d["code"] == code]
    check(bool(found), f"{what}: no {code} in {diagnostics}")
    if found and pointer is not None:
        check(found[0].get("pointer") == pointer and found[0]["file"] is None,
              f"{what}: {code} at {found[0].get('pointer')!r}, not {pointer!r}")


def check_problems(server):
    problem(server, "POST", "/v1/evaluate", b"{\"authority\": ", 400, "invalid-json", "",
            "a body that is not JSON")
    problem(server, "POST", "/v1/evaluate", [1, 2], 400, "wrong-type", "", "a body that is a list")
    problem(server, "POST", "/v1/evaluate", {"authorty": "Leeds"}, 400, "unknown-key", "/authorty",
            "a misspelt field")
    problem(server, "POST", "/v1/evaluate", {"authority": 3}, 400, "wrong-type", "/authority",
            "a number for an authority")
    problem(server, "POST", "/v1/evaluate", {"authority": "Nowhere"}, 400, "unknown-authority",
            "/authority", "an unknown authority")
    problem(server, "POST", "/v1/evaluate", {"authority": "Leeds", "as_of": "2026-02-30"}, 400,
            "invalid-date", "/as_of", "a date that does not exist")
    problem(server, "POST", "/v1/evaluate", {"authority": "Leeds", "rules": "/etc/passwd"}, 400,
            "unknown-ruleset", "/rules", "a file path for the rules (no file is read for a request)")
    problem(server, "POST", "/v1/evaluate",
            {"proposal": {"name": "x", "institution": "combined_authority",
                          "councils": ["Leeds", "Bradfordd"]}},
            400, "unknown-council", "/proposal/councils/1", "a misspelt council in a proposal")
    problem(server, "POST", "/v1/evaluate", {"authority": "Leeds", "assume": ["population"]}, 400,
            None, None, "an assumption without a value")
    problem(server, "GET", "/v1/map.svg?authority=Leeds&color=tier", None, 400, "unknown-key",
            None, "a misspelt query parameter")
    problem(server, "GET", "/v1/authorities?q=leeds&limit=0", None, 400, "invalid-value", None,
            "a search limit of 0")
    problem(server, "GET", "/v1/rulesets/nope/tiers", None, 404, "unknown-ruleset", None,
            "an unknown rule set's tiers")
    problem(server, "GET", "/nowhere", None, 404, None, None, "an unknown path")
    status, headers, _ = server.ask("DELETE", "/v1/evaluate")
    check(status == 405 and headers.get("Allow") == "POST", "a wrong method is 405 with Allow")
    status, headers, _ = server.ask("PUT", "/v1/map.svg")
    check(status == 405 and headers.get("Allow") == "GET, HEAD, POST",
          "a path taking GET takes HEAD too, which Allow says")
    # A body over 1 MiB is refused on its Content-Length, before it is sent.
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    sock.sendall(b"POST /v1/evaluate HTTP/1.1\r\nHost: devo\r\n"
                 b"Content-Length: 1048577\r\n\r\n")
    reply = sock.recv(4096)
    sock.close()
    check(reply.startswith(b"HTTP/1.1 413"), f"a body over 1 MiB is 413 (got {reply[:40]!r})")


def check_headers(server):
    _, headers, body = server.ask("GET", "/healthz")
    check(body == b"ok\n", "GET /healthz is ok")
    csp = headers.get("Content-Security-Policy", "")
    check("frame-ancestors 'none'" in csp and "script-src 'self'" in csp
          and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0],
          "a Content-Security-Policy without inline script, framed by nothing")
    check(headers.get("X-Content-Type-Options") == "nosniff", "X-Content-Type-Options: nosniff")
    check(headers.get("Referrer-Policy") == "no-referrer", "Referrer-Policy")
    check("Access-Control-Allow-Origin" not in headers, "no CORS header")


def check_idle_client(server):
    # A client that connects and sends nothing is let go after the idle timeout.
    sock = socket.create_connection(("127.0.0.1", server.port))
    sock.settimeout(10)
    started = time.monotonic()
    closed = sock.recv(1) == b""
    check(closed and time.monotonic() - started < 5, "a silent client is disconnected")
    sock.close()


def validates(schema_runner, schema, body, scratch, what):
    path = os.path.join(scratch, "answer.json")
    with open(path, "wb") as out:
        out.write(body)
    result = subprocess.run([schema_runner, "validate", ".", schema, path],
                            capture_output=True, text=True)
    check(result.returncode == 0, f"{what} follows {schema}: {result.stdout}{result.stderr}")


def check_openapi(server, schema_runner, scratch):
    """The OpenAPI document lists what the server serves, and the answers
    follow the schemas it names."""
    status, _, body = server.ask("GET", "/v1/openapi.json")
    check(status == 200, "GET /v1/openapi.json")
    document = json.loads(body)
    with open(os.path.join("schemas", "openapi.json"), "rb") as committed:
        check(body == committed.read(), "the served OpenAPI document is schemas/openapi.json")
    check(document.get("openapi", "").startswith("3.1"), "an OpenAPI 3.1 document")
    served = {"/healthz", "/v1/openapi.json", "/v1/suggest", "/v1/diff", "/v1/schemas/{name}", "/v1/rulesets",
              "/v1/rulesets/{id}/tiers", "/v1/rulesets/{id}/powers", "/v1/rulesets/{id}/facts",
              "/v1/authorities",
              "/v1/evaluate", "/v1/validate", "/v1/report.html", "/v1/map.svg"}
    check(set(document["paths"]) == served,
          f"the document lists every route and no other: {set(document['paths']) ^ served}")
    def examples(operation):
        body = operation["requestBody"]
        if "$ref" in body:
            body = document["components"]["requestBodies"][body["$ref"].split("/")[-1]]
        return [e["value"] for e in body["content"]["application/json"]["examples"].values()]

    for path, operations in document["paths"].items():
        concrete = path.replace("{id}", RULES).replace("{name}", "evaluate.schema.json")
        for method, operation in operations.items():
            bodies = examples(operation) if "requestBody" in operation else [None]
            if path == "/v1/map.svg" and method == "get":
                concrete += "?authority=Halton"
            for question in bodies:
                status, headers, answer = server.ask(method.upper(), concrete, question)
                check(status == 200, f"{method.upper()} {concrete}, as documented: {status}")
                response = operation["responses"]["200"]
                if "$ref" in response:
                    name = response["$ref"].split("/")[-1]
                    response = document["components"]["responses"][name]
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if schema and schema.get("$ref", "").startswith("/v1/schemas/"):
                    validates(schema_runner, schema["$ref"].split("/")[-1], answer, scratch,
                              f"{method.upper()} {concrete}")
    # A problem's answer follows the diagnostics schema, with its pointer.
    _, _, answer = server.ask("POST", "/v1/evaluate", {"authority": "Leeds", "as_of": "2026-13-01"})
    validates(schema_runner, "diagnostics.schema.json", answer, scratch, "a 400's diagnostics")
    status, _, _ = server.ask("GET", "/v1/schemas/nope.schema.json")
    check(status == 404, "an unknown schema is 404")


def check_rule_upload(upload_server, devo):
    """With --allow-rule-upload, a rule file sent as "ruleset" is evaluated as
    devo evaluate --rules FILE evaluates it (the receipt names it "#/ruleset")."""
    rule_file = os.path.join("tests", "golden", "check", "extends", "rules.yaml")
    with open(rule_file) as text:
        question = {"authority": "Leeds", "ruleset": text.read(), "as_of": AS_OF}
    status, _, body = upload_server.ask("POST", "/v1/evaluate", question)
    answer = json.loads(body) if status == 200 else {}
    expected = json.loads(cli(devo, "evaluate", "--authority", "Leeds", "--rules", rule_file,
                              "--as-of", AS_OF, "--format", "json"))
    for both in (answer, expected):
        both.pop("receipt", None)
    check(status == 200 and answer == expected,
          "a rule file sent with --allow-rule-upload is evaluated as devo evaluate --rules FILE does")


def run_cases(server, upload_server, directory):
    for name in sorted(os.listdir(directory)):
        fields, body = {}, None
        with open(os.path.join(directory, name)) as case:
            text = case.read()
        head, _, rest = text.partition("\nbody:\n")
        for line in head.splitlines():
            if line and not line.startswith("#"):
                key, _, value = line.partition(": ")
                fields[key] = value
        body = rest.encode() if rest else None
        if "generate" in fields:  # a body too large to keep in the case file
            body = eval(fields["generate"], {"json": json}).encode()
        # A case may need the server started with an option (--allow-rule-upload).
        asked = upload_server if fields.get("server") == "--allow-rule-upload" else server
        problem(asked, fields["request"].split()[0], fields["request"].split()[1], body,
                int(fields["status"]), fields.get("code"), fields.get("pointer"), name)


def main():
    devo = sys.argv[1]
    scratch = sys.argv[2]
    schema_runner = sys.argv[3]
    os.makedirs(scratch, exist_ok=True)
    server = Server(devo)
    try:
        check_headers(server)
        check_same_as_cli(server, devo)
        check_page(server)
        check_warning_pointer(server)
        check_proposal(server, devo, scratch)
        check_openapi(server, schema_runner, scratch)
        check_problems(server)
        upload_server = Server(devo, "--allow-rule-upload")
        try:
            check_rule_upload(upload_server, devo)
            run_cases(server, upload_server, os.path.join("tests", "server", "cases"))
        finally:
            upload_server.stop()
        check_idle_client(server)
        check_cache_and_cors(server, devo)
    finally:
        code, log = server.stop()
    check(code == 0, f"SIGTERM stops the server with exit 0 (got {code})")
    lines = [line for line in log.splitlines() if line.startswith("{")]
    entries = [json.loads(line) for line in lines]
    check(len(entries) >= 20 and all(set(e) == {"method", "path", "status", "ms"} for e in entries),
          "the access log is one JSON line per request: method, path, status, ms")
    check(not any("Bradfordd" in line or "?" in e["path"] for line, e in zip(lines, entries)),
          "the access log holds no body and no query")
    check(log.rstrip().endswith("devo serve: stopped"), "the server says it stopped")
    if failures:
        print(f"{len(failures)} checks failed")
        return 1
    print("ok: the HTTP API answers as the command line does")
    return 0


# ------------------------------------------------------------ the cache and CORS


def ask_with_headers(server, method, path, headers, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    result = (response.status, dict(response.getheaders()), response.read())
    connection.close()
    return result


def check_cache_and_cors(server, devo):
    """An answer given again from the cache is the same; with --cache-mib 0
    nothing is kept and the answers are the same still. Without --cors no CORS
    header is sent, even to a page that asks; with --cors ORIGIN, that origin's
    requests are allowed and preflights to /v1/ answered, and no other's."""
    question = {"authority": "Leeds", "rules": RULES, "as_of": AS_OF}
    expected = cli(devo, "evaluate", "--authority", "Leeds", "--rules", RULES, "--as-of", AS_OF,
                   "--format", "json")
    answers = [server.ask("POST", "/v1/evaluate", question) for _ in range(3)]
    check(all(status == 200 and body == expected for status, _, body in answers),
          "an evaluation asked again (from the cache) is the same bytes")
    origin = "https://devo.example.org"
    status, headers, _ = ask_with_headers(server, "OPTIONS", "/v1/evaluate", {
        "Origin": origin, "Access-Control-Request-Method": "POST"})
    check(status == 405 and not any(h.startswith("Access-Control") for h in headers),
          f"without --cors a preflight is not answered (status {status})")
    _, headers, _ = ask_with_headers(server, "GET", "/v1/rulesets", {"Origin": origin})
    check(not any(h.startswith("Access-Control") for h in headers) and "Vary" not in headers,
          "without --cors no CORS header is sent, even to a page that asks")

    uncached = Server(devo, "--cache-mib", "0")
    try:
        answers = [uncached.ask("POST", "/v1/evaluate", question) for _ in range(2)]
        check(all(status == 200 and body == expected for status, _, body in answers),
              "with --cache-mib 0 every evaluation is made anew, the same bytes")
    finally:
        uncached.stop()

    cors = Server(devo, "--cors", origin)
    try:
        status, headers, body = ask_with_headers(cors, "OPTIONS", "/v1/evaluate", {
            "Origin": origin, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type"})
        check(status == 204 and body == b"" and "Content-Length" not in headers
              and headers.get("Access-Control-Allow-Origin") == origin
              and headers.get("Access-Control-Allow-Methods") == "GET, POST"
              and headers.get("Access-Control-Allow-Headers") == "Content-Type"
              and int(headers.get("Access-Control-Max-Age", "0")) > 0
              and headers.get("Vary") == "Origin",
              f"with --cors a preflight from the origin is answered 204: {status} {headers}")
        status, headers, body = ask_with_headers(cors, "POST", "/v1/evaluate", {
            "Origin": origin, "Content-Type": "application/json"}, json.dumps(question).encode())
        check(status == 200 and body == expected
              and headers.get("Access-Control-Allow-Origin") == origin
              and headers.get("Vary") == "Origin",
              "with --cors an evaluation asked from the origin is allowed to it, the same bytes")
        status, headers, _ = ask_with_headers(cors, "GET", "/v1/rulesets", {
            "Origin": "https://elsewhere.example.org"})
        check(status == 200 and "Access-Control-Allow-Origin" not in headers
              and headers.get("Vary") == "Origin",
              "with --cors another origin is not allowed")
        _, headers, _ = ask_with_headers(cors, "GET", "/v1/rulesets", {})
        check("Access-Control-Allow-Origin" not in headers, "with --cors, no origin is no CORS")
        status, headers, _ = ask_with_headers(cors, "OPTIONS", "/healthz", {"Origin": origin})
        check(status == 405 and "Access-Control-Allow-Methods" not in headers,
              "with --cors only paths under /v1/ answer a preflight")
    finally:
        cors.stop()
    refused = subprocess.run([devo, "serve", "--listen", "127.0.0.1:0", "--cors",
                              origin + "/"], capture_output=True, text=True, timeout=20)
    check(refused.returncode == 2 and "--cors" in refused.stderr,
          "an origin with a path (a trailing /) is refused at start, exit 2")


if __name__ == "__main__":
    sys.exit(main())
