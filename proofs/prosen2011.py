"""Proof check for Prosen (2011): run every ``prosen2011`` claim, slow ones included."""

import sys

from symness.cli import main

if __name__ == "__main__":
    sys.exit(main(["verify", "prosen2011", "--slow"]))
