"""Check the notes and build the site into site/: `python build.py [--strict]`."""

import sys

from garden.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
