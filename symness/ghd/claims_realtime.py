"""Claims of Bertini et al. (2016), issue 18: real-time TEBD against GHD, integrated form.

Error model 3 (``ghd.realtime_integrated``; criterion fixed in commit 8f3d123 before the
cumulative charge C_q was computed for any dataset): D_C(t) = max_x |C_q(x, t)/t -
F_q(x/t)| must decrease over the evaluation times with a fitted exponent p >= 1/2, be
resolved by the numerics (TEBD error <= D_C/3, GHD error <= D_C/10) and, for the domain
wall, stay below the prediction from the earlier set.  The reported error is the largest
ratio TEBD error / D_C (tolerance 1/3); the other conditions are ``requires``.  The claims
read the cached runs under ``tables/`` and never re-run TEBD.  Only passing protocols are
registered (README and ``tables/bertini2016_realtime_integrated.md`` report all three),
and only where the criterion can fail: Example 1 passes its criterion too, but at t <= 8
it also passes with F_q1 scaled by +-20 % (``realtime_integrated_data.criterion_power``;
D_C ~ 0.1/t comes from the relaxing junction bond), so it is not a claim.  Error model 4
(``ghd.realtime_twotime``, the two-time rate R that removes that O(1) term; criterion with
a 10 % power fixed before R was computed) brings the Example 1 deviation down to 7e-4 at
the pair (4, 8), but its budget is 16 % of max F at t <= 8, so it lacks the pre-stated
power and ``bertini2016.realtime.ex1-integrated`` is not registered either
(``tables/bertini2016_realtime_twotime.md``).  The second test of error model 4 (pairs
(3, 6), (4, 8), (6, 12) of a chi = 128 run to t = 12, chi error against chi = 64; fixed in
2fb4eb4 before its data were read) has a budget of 9.6 % of max F, rejects every 10 %
change of F and passes: ``bertini2016.realtime.ex1-two-time``.
"""

from __future__ import annotations

from symness.claims import Evidence, claim


def _evidence(result, reference: str, extra: dict[str, bool] | None = None) -> Evidence:
    v = result.verdict
    ratio = max(e / d for e, d in zip(v.tebd_error, v.deviation))
    detail = (", ".join(f"t={t:g}: D_C={d:.1e}" for t, d in zip(v.times, v.deviation))
              + f"; p = {v.exponent:.2f}; GHD error {v.ghd_error:.0e}")
    requires = {name: held for name, held in v.checks.items()
                if name != "TEBD error <= D_C/3"} | (extra or {})
    return Evidence.numeric(ratio, 1 / 3, reference, detail=detail, requires=requires)


@claim("bertini2016.realtime.dw-integrated", paper="003", equation="Example 3, (12), (16)",
       kind="cross-check", slow=True,
       statement="domain wall at Delta = 1/2, TEBD (tenpy, L = 80, chi = 64 vs 32, t = 8 .. "
                 "32): the cumulative transferred magnetisation C(x, t)/t approaches the "
                 "GHD integral F(x/t) = int_{x/t}^oo (s^z - s^z_0) dzeta; D_C decreasing "
                 "with p >= 1/2, below the prediction from L = 64 at t = 32, TEBD error <= "
                 "D_C/3, GHD error <= D_C/10.  Resolution at t <= 32: F changed by 5 % or "
                 "shifted by 3 % of F(0) fails the criterion, 1 % does not")
def _dw_integrated() -> Evidence:
    from symness.ghd.realtime_integrated_data import dw_integrated

    result = dw_integrated()
    return _evidence(result, "GHD/LQSS (converged, rtol 1e-8), integrated over zeta",
                     {"continuity (I2) of the records": result.other["continuity_passes"]})



@claim("bertini2016.realtime.ex2-integrated", paper="003", equation="Example 2, (12), (16)",
       kind="cross-check", slow=True,
       statement="Example 2 (Delta = 1/2, Neel | Bell pairs), pure-state TEBD (L = 48, chi "
                 "= 128 vs 64, t = 4, 6, 8): the cumulative transferred energy C(x, t)/t "
                 "approaches the integral F(x/t) of the LQSS q1 with the exact GGEs; D_C "
                 "decreasing with p >= 1/2, TEBD error <= D_C/3, GHD error <= D_C/10.  "
                 "Resolution at t <= 8: the truncated GGEs K = 1, 2 (F 0.012 away) fail "
                 "the same criterion, a 20 % scaling of F does not")
def _ex2_integrated() -> Evidence:
    from symness.ghd.realtime_integrated_data import ex2_integrated

    return _evidence(ex2_integrated(), "GHD/LQSS with the exact GGEs (ghd.example2_exact), "
                                       "integrated over zeta")


@claim("bertini2016.realtime.ex1-two-time", paper="003", equation="Example 1, (12), (16)",
       kind="cross-check", slow=True,
       statement="Example 1 (Delta = 1/2, beta_L = 1, beta_R = 2), purification TEBD (L = 48, "
                 "chi = 128 vs 64, t <= 12): the two-time rate R(zeta; t1, 2 t1) = [C_s(2 "
                 "zeta t1, 2 t1) - C_s(zeta t1, t1)]/t1 of the transferred energy approaches "
                 "the GHD integral F_q1(zeta) (error model 4, ghd.realtime_twotime): D_R "
                 "decreasing over the pairs (3, 6), (4, 8), (6, 12), |R - F| <= B on the "
                 "shared rays, and F changed by 10 % (scale or shift) rejected.  Criterion "
                 "fixed in c9d85ca, its second test (these pairs, chi 128 vs 64) in 2fb4eb4 "
                 "before the chi = 128 data were read")
def _ex1_two_time() -> Evidence:
    from symness.ghd.realtime_integrated_data import ex1_two_time

    v = ex1_two_time(test="t12").verdict
    power = next(name for name in v.checks if name.startswith("power"))
    detail = ("D_R = " + ", ".join(f"{d:.1e}" for d in v.deviation) + " at the pairs "
              + ", ".join(f"({a:g}, {b:g})" for a, b in v.pairs)
              + f"; B = {v.budget:.1e} = {v.budget / v.f_max:.1%} of max F")
    return Evidence.numeric(v.last_deviation, v.budget, "GHD/LQSS (converged), integrated over "
                            "zeta", detail=detail,
                            requires={name: v.checks[name] for name in
                                      ("D_R decreasing over the pairs", power)})
