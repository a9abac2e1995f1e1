"""Proof-check script for Lange, Lenarcic & Rosch (2017): runs every ``lange2017`` claim.

Usage: ``python proofs/lange2017.py`` (exit status 0 when every claim, slow ones included, holds).
"""

import sys

from symness.cli import main

if __name__ == "__main__":
    sys.exit(main(["verify", "lange2017", "--slow"]))
