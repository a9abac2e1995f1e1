"""Proof check for Ishida & Sugita (2022): runs every ``ishida2022.*`` claim, slow ones included.

Exits non-zero if any claim fails.  Usage: ``python proofs/ishida_sugita.py``.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from symness.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["verify", "ishida2022", "--slow"]))
