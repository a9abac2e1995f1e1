"""Proof-check script for Lange, Lenarcic & Rosch, Nat. Commun. 8, 15767 (2017).

Runs every claim ``lange2017.*`` (slow ones included) through the symness CLI and exits
non-zero if any fails:  python proofs/lange2017.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from symness.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["verify", "lange2017", "--slow"]))
