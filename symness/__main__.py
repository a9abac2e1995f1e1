"""Run the command-line interface: ``python -m symness ...``."""

import sys

from symness.cli import main

sys.exit(main())
