"""Claims ``prosen2011.*``: Prosen (2011), PRL 106, 217206 (seed 000)."""

from symness.mpa.claims_algebra import *  # noqa: F401,F403  (registration side effects)
from symness.mpa.claims_mazur import *  # noqa: F401,F403
from symness.mpa.claims_profiles import *  # noqa: F401,F403
from symness.mpa.claims_theorem import *  # noqa: F401,F403
