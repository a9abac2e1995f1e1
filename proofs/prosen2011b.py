"""Proof check for Prosen, PRL 107, 137201 (2011), the maximally driven XXZ chain.

Runs every ``strong_drive`` claim, slow ones included (no seed text: the MPA is
derived in :mod:`symness.strong_drive.coefficients` and checked against the exact
sector solver).
"""

import sys

from symness.cli import main

if __name__ == "__main__":
    sys.exit(main(["verify", "strong_drive", "--slow"]))
