"""Proof-check script for Bertini, Collura, De Nardis & Fagotti, PRL 117, 207201 (2016).

Runs every claim ``bertini2016.*`` (slow ones included) through the symness CLI and exits
non-zero if any fails:  python proofs/bertini2016.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from symness.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["verify", "bertini2016", "--slow"]))
