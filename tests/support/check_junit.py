#!/usr/bin/env python3
"""Checks that devo's JUnit XML parses as XML and says what it should.

usage: check_junit.py SAMPLE_PROGRAM hostile | SAMPLE_PROGRAM PATH...

Runs the sample program (junit_sample.cpp), parses its output with Python's
own XML parser, and checks the counts against the elements; for the hostile
report, that the awkward names come back as written, made printable.
Exits 77 (skipped) when Python has no XML parser.
"""

import subprocess
import sys

try:
    from xml.dom import minidom
except ImportError:  # a Python built without expat
    print("no XML parser in this Python: skipped")
    sys.exit(77)


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def main():
    program, *arguments = sys.argv[1:]
    run = subprocess.run([program, *arguments], capture_output=True, check=False)
    if run.returncode != 0:
        fail(f"{program} exited {run.returncode}: {run.stderr.decode(errors='replace')}")
    try:
        document = minidom.parseString(run.stdout)
    except Exception as error:  # expat's ExpatError, and anything else
        fail(f"not well-formed XML: {error}")
    root = document.documentElement
    if root.tagName != "testsuites":
        fail(f"the root is <{root.tagName}>, not <testsuites>")
    suites = root.getElementsByTagName("testsuite")
    if len(suites) != 1 or suites[0].getAttribute("name") != "devo":
        fail("not one <testsuite name=\"devo\">")
    suite = suites[0]
    cases = suite.getElementsByTagName("testcase")
    failures = suite.getElementsByTagName("failure")
    if int(suite.getAttribute("tests")) != len(cases):
        fail(f"tests=\"{suite.getAttribute('tests')}\" but {len(cases)} <testcase>")
    if int(suite.getAttribute("failures")) != len(failures):
        fail(f"failures=\"{suite.getAttribute('failures')}\" but {len(failures)} <failure>")
    if len(cases) == 0:
        fail("no <testcase>")
    if arguments == ["hostile"]:
        name = cases[1].getAttribute("name")
        expected = "<&\"'>]]> \\x01\\x1B[2J\\xFF\\u{FFFE} end\n"
        if name != expected:
            fail(f"the name came back as {name!r}, not {expected!r}")
        classname = cases[1].getAttribute("classname")
        if classname != "cases/<&>.yaml":
            fail(f"the classname came back as {classname!r}")
        message = failures[0].getAttribute("message")
        if message != "tier: expected \"level-4\" & got <level-3>; second\nline\ttab":
            fail(f"the failure message came back as {message!r}")
        text = failures[0].firstChild.data
        if "]]> <![CDATA[ x ]]>" not in text or "nul\\x00byte" not in text:
            fail(f"the failure text came back as {text!r}")
    print(f"ok: {len(cases)} cases, {len(failures)} failures")


main()
