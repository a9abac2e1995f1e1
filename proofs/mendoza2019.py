"""Proof check for Mendoza-Arenas et al., PRB 99, 094435 (2019): runs every mendoza2019 claim.

Usage: python proofs/mendoza2019.py   (exit status 0 only if every claim, slow ones included, holds)
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from symness.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["verify", "mendoza2019", "--slow"]))
