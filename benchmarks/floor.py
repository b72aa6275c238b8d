"""The floor for `garden check`: the least any checker must do — read every note file and parse
its front matter. `python benchmarks/floor.py NOTES_DIR` prints how many notes it read.

YAML is read with the fastest safe loader PyYAML offers (libyaml's when it is built in, as the
garden itself uses), so the floor is not flattered by a slow parser.
"""

from __future__ import annotations

import os
import sys

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def front_matter(text: str) -> object:
    """The YAML between a leading `---` line and the next `---` line, parsed; None without it."""
    if not text.startswith("---"):
        return None
    lines = text.split("\n")
    for close in range(1, len(lines)):
        if lines[close].rstrip() in ("---", "..."):
            return yaml.load("\n".join(lines[1:close]), Loader=SAFE_LOADER)
    return None


def read_all(notes_dir: str) -> int:
    count = 0
    for dirpath, dirnames, filenames in os.walk(notes_dir):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".md"):
                with open(os.path.join(dirpath, name), encoding="utf-8") as handle:
                    front_matter(handle.read())
                count += 1
    return count


if __name__ == "__main__":
    print(f"{read_all(sys.argv[1])} notes read")
