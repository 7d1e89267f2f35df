#!/usr/bin/env python3
"""Renders devo's maps to PNG and looks at them as a person would.

Usage: check_map_rendering.py DEVO OUTPUT_DIR (run from the source tree).

Each map is drawn with `devo map`, parsed as XML, rendered to PNG by
rsvg-convert (Debian's librsvg2-bin) at its own size, and then checked:
it is not blank; named districts show, inside their drawn shape, the colour
the legend gives to what they are (the subject and its tier, a neighbour,
the tier an institution reaches as `devo evaluate` decides it); and each
legend swatch is drawn in its colour. The PNGs are left in OUTPUT_DIR to be
looked at. Exits 77 (skipped) without rsvg-convert.
"""

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
AS_OF = "2026-06-01"
RULES = "edwp-2024"


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def run(devo, *arguments):
    result = subprocess.run([devo, *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"devo {' '.join(arguments)} exited {result.returncode}: {result.stderr}")
    return result.stdout


# ---------------------------------------------------------------- PNG

def read_png(path):
    """The image as (width, height, rows of (r, g, b)), from an 8-bit RGB or
    RGBA PNG, decoded with the standard library alone."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    position, idat = 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    if depth != 8 or colour_type not in (2, 6):
        fail(f"{path}: unexpected PNG format (depth {depth}, colour type {colour_type})")
    channels = 4 if colour_type == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[i] = (line[i] + predictor) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def colour_of(hex_colour):
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def near(a, b, tolerance=6):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def mostly(rows, x, y, colour, what):
    """Most of the 3x3 pixels around (x, y) are `colour` (a name written
    there, or an edge, may cover one or two)."""
    x, y = int(round(x)), int(round(y))
    window = [rows[y + dy][x + dx] for dy in range(-1, 2) for dx in range(-1, 2)]
    matching = sum(near(pixel, colour) for pixel in window)
    if matching < 7:
        fail(f"{what}: around ({x}, {y}) the PNG shows {window[4]}, not {colour} "
             f"({matching}/9 pixels match)")


# ---------------------------------------------------------------- SVG

def path_rings(d):
    """The rings of a path devo writes: 'M x y l dx dy ... z', repeated."""
    rings = []
    for part in re.findall(r"M([^z]*)z", d):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", part.replace("l", " "))]
        x, y = numbers[0], numbers[1]
        ring = [(x, y)]
        for i in range(2, len(numbers) - 1, 2):
            x, y = x + numbers[i], y + numbers[i + 1]
            ring.append((x, y))
        ring.append(ring[0])
        rings.append(ring)
    return rings


def inside_point(rings):
    """A point well inside the shape: the middle of the longest stretch
    inside it along a horizontal line a quarter of the way down or up its
    largest ring (away from its middle, where devo writes its name)."""
    def area(ring):
        return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:]))) / 2
    largest = max(rings, key=area)
    top = min(p[1] for p in largest)
    bottom = max(p[1] for p in largest)
    best = None
    for fraction in (0.25, 0.75, 0.3, 0.7):
        y = top + (bottom - top) * fraction + 0.25
        crossings = sorted(
            a[0] + (y - a[1]) / (b[1] - a[1]) * (b[0] - a[0])
            for ring in rings for a, b in zip(ring, ring[1:]) if (a[1] > y) != (b[1] > y))
        for left, right in zip(crossings[::2], crossings[1::2]):
            if best is None or right - left > best[0]:
                best = (right - left, (left + right) / 2, y)
    if best is None or best[0] < 8:
        fail("no stretch inside the shape wide enough to look at")
    return best[1], best[2]


class Map:
    def __init__(self, devo, out_dir, name, *arguments):
        self.svg_path = os.path.join(out_dir, f"{name}.svg")
        self.png_path = os.path.join(out_dir, f"{name}.png")
        with open(self.svg_path, "w") as out:
            out.write(run(devo, "map", *arguments))
        try:
            self.root = ET.parse(self.svg_path).getroot()
        except ET.ParseError as error:
            fail(f"{name}: the SVG is not well-formed XML: {error}")
        if self.root.get("role") != "img" or self.root.find(f"{SVG}title") is None \
                or self.root.find(f"{SVG}desc") is None:
            fail(f"{name}: the SVG lacks role=img, <title> or <desc>")
        subprocess.run(["rsvg-convert", "-o", self.png_path, self.svg_path], check=True)
        self.width, self.height, self.rows = read_png(self.png_path)
        if self.width != int(float(self.root.get("width"))):
            fail(f"{name}: the PNG is {self.width} wide, the SVG {self.root.get('width')}")

    def district(self, name):
        """The fill and rings of the district whose <title> names it."""
        for path in self.root.iter(f"{SVG}path"):
            title = path.find(f"{SVG}title")
            if title is not None and title.text.startswith(f"{name} (E") and path.get("fill"):
                return path.get("fill"), path_rings(path.get("d"))
        fail(f"no district titled {name}")

    def legend(self, starts_with):
        """The fill of the legend row whose text starts with `starts_with`,
        and where its swatch is."""
        texts = list(self.root.iter(f"{SVG}text"))
        for rect in self.root.iter(f"{SVG}rect"):
            if rect.get("width") != "22":
                continue
            x, y = float(rect.get("x")), float(rect.get("y"))
            for text in texts:
                if float(text.get("x")) == x + 30 and abs(float(text.get("y")) - (y + 11)) < 0.5 \
                        and text.text.startswith(starts_with):
                    return rect.get("fill"), (x + 11, y + 7)
        fail(f"no legend row starting '{starts_with}'")

    def check_not_blank(self):
        colours = {pixel for row in self.rows[::7] for pixel in row[::7]}
        if len(colours) < 8:
            fail(f"{self.png_path} looks blank: {len(colours)} colours")

    def check_district(self, name, legend_text):
        fill, rings = self.district(name)
        key_fill, swatch = self.legend(legend_text)
        if fill != key_fill:
            fail(f"{name} is filled {fill}, but the legend's '{legend_text}' is {key_fill}")
        if not fill.startswith("#"):
            fail(f"{name}: a plain fill was expected, not {fill}")
        x, y = inside_point(rings)
        mostly(self.rows, x, y, colour_of(fill), f"{name} ({legend_text})")
        mostly(self.rows, *swatch, colour_of(fill), f"the legend's swatch for '{legend_text}'")


def tier_title(devo, authority):
    evaluation = json.loads(run(devo, "evaluate", "--authority", authority, "--rules", RULES,
                                "--as-of", AS_OF, "--format", "json"))
    tier = evaluation["tier"]["id"] if isinstance(evaluation.get("tier"), dict) \
        else evaluation.get("tier")
    tiers = json.loads(run(devo, "list", "tiers", "--rules", RULES, "--format", "json"))
    for row in tiers:
        if row["id"] == tier:
            return row["title"]
    return None


def main():
    devo, out_dir = sys.argv[1], sys.argv[2]
    if shutil.which("rsvg-convert") is None:
        print("rsvg-convert not found (Debian: librsvg2-bin): skipped")
        return 77
    os.makedirs(out_dir, exist_ok=True)

    region = Map(devo, out_dir, "liverpool-city-region", "--authority", "Liverpool City Region",
                 "--rules", RULES, "--as-of", AS_OF)
    region.check_not_blank()
    region.check_district("Liverpool", "Liverpool City Region Combined Authority, which reaches")
    region.check_district("Warrington", "a neighbouring district")
    # Halton is in the Cheshire police force area: its fill is patterned, and
    # the area is outlined and named.
    fill, _ = region.district("Halton")
    if not fill.startswith("url(#"):
        fail(f"Halton, which splits the police force area, is filled {fill}, not a pattern")
    names = [t.text for t in region.root.iter(f"{SVG}text")]
    if "Cheshire" not in names or not any("Halton is in the Cheshire police force area" in n
                                          for n in names):
        fail("the Cheshire police force area that Halton breaks is not named on the map")

    england = Map(devo, out_dir, "england", "--all", "--rules", RULES, "--as-of", AS_OF)
    england.check_not_blank()
    for district, institution in (("Barnet", "Greater London"),
                                  ("Wigan", "Greater Manchester"),
                                  ("Breckland", "Norfolk and Suffolk")):
        title = tier_title(devo, institution)
        england.check_district(district, title if title else "no tier")
    if not any("Contains OS data" in (t.text or "") for t in england.root.iter(f"{SVG}text")):
        fail("the England map carries no attribution")
    print(f"ok: {region.png_path} and {england.png_path} show what the legend says")
    return 0


if __name__ == "__main__":
    sys.exit(main())
