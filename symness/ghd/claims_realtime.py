"""Claim: the LQSS domain-wall profile at Delta = 1/2 against real-time TEBD (issue 18)."""

from __future__ import annotations

import math

from symness.claims import Evidence, claim


@claim("bertini2016.realtime.domain_wall", paper="003", equation="(16), Example 3",
       kind="cross-check", slow=True,
       statement="domain wall at Delta = 1/2, TEBD (tenpy, L = 48, chi = 64 vs 32, order-4 "
                 "Trotter dt = 0.1) at t = 4, 8, 12, 16: on the bulk rays |x/t| <= 0.75 the "
                 "deviation D(t) of s^z and j^z from the GHD profiles decreases monotonically "
                 "as A t^-p with p >= 1/2, and the TEBD truncation + Trotter errors are at "
                 "most D(t)/3 (error model in ghd.realtime_check); runs cached in tables/")
def _realtime_domain_wall() -> Evidence:
    from symness.ghd.realtime_check import compare_domain_wall

    cmp = compare_domain_wall()
    dev = cmp.deviation
    monotone = all(b < a for a, b in zip(dev, dev[1:]))
    numerics_ok = all(c + r <= d / 3 for c, r, d in zip(cmp.chi_error, cmp.trotter_error, dev))
    ok = monotone and numerics_ok and cmp.exponent >= 0.5
    detail = ("D(t) = " + ", ".join(f"{d:.1e}" for d in dev)
              + f" at t = {', '.join(f'{t:g}' for t in cmp.times)}; fit {cmp.amplitude:.2f} "
              + f"t^-{cmp.exponent:.2f}; chi errors " + ", ".join(f"{c:.0e}" for c in cmp.chi_error)
              + f"; Trotter <= {max(cmp.trotter_error):.0e}; GHD error {cmp.ghd_error:.0e}")
    return Evidence.numeric(dev[-1] if ok else math.inf, 0.5 * dev[0], "TEBD (physics-tenpy)",
                            detail=detail)
