#!/bin/sh
# Checks that every golden case under tests/golden and examples whose cmd asks
# for --format html expects a page that is well-formed both as XML
# (xmllint --noout) and as HTML (xmllint --html --noout), since the printable
# reports promise both; and that every golden map (`devo map`, or
# --format svg) is well-formed XML. Exits 77 (skipped) without xmllint.
#
# libxml2's HTML parser knows HTML 4 only: it calls the newer elements the
# pages use (main, figure, figcaption) and those of an embedded map (SVG)
# invalid, yet parses them as elements. Those notices are expected; any other
# complaint (a bad reference, an element not closed) fails the check. It also
# exits 0 after such complaints, so its messages are what is read.
#
# Usage: check_html.sh REPOSITORY
set -u
repository=$1

if ! command -v xmllint >/dev/null 2>&1; then
  echo "SKIP xmllint not found (Debian: libxml2-utils)"
  exit 77
fi

newer_elements='main|header|footer|section|article|nav|aside|figure|figcaption'
svg_elements='svg|g|path|polygon|polyline|circle|ellipse|rect|line|text|tspan|desc|defs|use|symbol|clipPath|clippath|pattern|title'
expected_notice="HTML parser error : Tag ($newer_elements|$svg_elements) invalid"

checked=0
failed=0
cmds=$(find "$repository/tests/golden" "$repository/examples" -name cmd -type f | sort)
newline='
'
IFS=$newline
maps=0
for cmd in $cmds; do
  if grep -Eq -- '^map |--format svg' "$cmd"; then
    map=$(dirname "$cmd")/expected.out
    [ -s "$map" ] || continue  # a case that expects an error
    maps=$((maps + 1))
    if ! xml_errors=$(xmllint --noout "$map" 2>&1) || [ -n "$xml_errors" ]; then
      echo "FAIL $map is not well-formed XML:"
      echo "$xml_errors"
      failed=$((failed + 1))
    fi
    continue
  fi
  grep -q -- '--format html' "$cmd" || continue
  page=$(dirname "$cmd")/expected.out
  checked=$((checked + 1))
  if ! xml_errors=$(xmllint --noout "$page" 2>&1) || [ -n "$xml_errors" ]; then
    echo "FAIL $page is not well-formed XML:"
    echo "$xml_errors"
    failed=$((failed + 1))
  fi
  # Each complaint is three lines: the message, the line it is on, a caret.
  html_errors=$(xmllint --html --noout "$page" 2>&1 | grep 'parser error' | grep -Ev "$expected_notice")
  if [ -n "$html_errors" ]; then
    echo "FAIL $page does not parse cleanly as HTML:"
    echo "$html_errors"
    failed=$((failed + 1))
  fi
done

if [ "$checked" -eq 0 ]; then
  echo "FAIL no golden case under tests/golden or examples asks for --format html"
  exit 1
fi
if [ "$maps" -eq 0 ]; then
  echo "FAIL no golden case under tests/golden asks for a map"
  exit 1
fi
echo "$checked HTML pages and $maps maps checked, $failed problems"
[ "$failed" -eq 0 ]
