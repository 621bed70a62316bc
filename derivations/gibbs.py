"""Gibbs' inequality: D(P‖Q) ≥ 0, with equality exactly when Q = P.

Follows the note's section 相对熵(KL 散度), "根据吉布斯不等式 KL 散度是大于等于 0
的": write D(P‖Q) = −(1/ln 2) Σ pᵢ ln(qᵢ/pᵢ), bound each ln(qᵢ/pᵢ) by
qᵢ/pᵢ − 1 (log u ≤ u − 1 for u > 0), and use Σqᵢ = Σpᵢ = 1. D(P‖P) = 0. The
bound is strict for u ≠ 1 (shown on u < 1 and on u = 1 + t > 1), so a term with
qᵢ ≠ pᵢ makes D > 0; for instance P = (1/2, 1/2), Q = (1/4, 3/4) give
D = 1 − ½ log₂ 3 > 0.
"""
from sympy import IndexedBase, Rational, Subs, Sum, Symbol, log

from symloss import derive

p, q = IndexedBase("p"), IndexedBase("q")
i, m = Symbol("i", integer=True), Symbol("m")
u, t = Symbol("u"), Symbol("t")

kl = Sum(p[i] * log(p[i] / q[i], 2), (i, 1, m))                     # D(P‖Q), in bits
two = Sum(p[i] * log(p[i] / q[i], 2), (i, 1, 2))                    # two events

GIBBS = (
    derive("gibbs", "Gibbs' inequality: D(P‖Q) ≥ 0, = 0 only for Q = P",
           assume={"p": "simplex", "q": "simplex", "m": "posint",
                   "u": "probability", "t": "positive"},
           start=kl,
           source="相对熵: 根据吉布斯不等式 KL 散度大于等于 0, Q = P 时等于 0")
    .eq(-Sum(p[i] * log(q[i] / p[i]), (i, 1, m)) / log(2),
        "log₂ v = ln v/ln 2 and ln(pᵢ/qᵢ) = −ln(qᵢ/pᵢ)", rule="Real.log_div_log, Real.log_inv")
    .ge(-Sum(p[i] * (q[i] / p[i] - 1), (i, 1, m)) / log(2),
        "ln u ≤ u − 1 for u = qᵢ/pᵢ > 0, weighted by pᵢ > 0, times −1/ln 2 < 0",
        rule="Real.log_le_sub_one_of_pos")
    .eq(-(Sum(q[i], (i, 1, m)) - Sum(p[i], (i, 1, m))) / log(2),
        "pᵢ(qᵢ/pᵢ − 1) = qᵢ − pᵢ", rule="mul_div_cancel₀")
    .eq(0, "Σqᵢ = Σpᵢ = 1", rule="sum_eq_one")
    .claim(Subs(kl, q, p), "=", 0, "D(P‖P) = Σ pᵢ log₂ 1 = 0", rule="kl_self")
    .claim(log(u), "<", u - 1, "the bound is strict below 1 …", rule="Real.log_lt_sub_one_of_pos")
    .claim(log(1 + t), "<", t, "… and above 1: ln u = u − 1 only at u = 1",
           rule="Real.log_lt_sub_one_of_pos")
    .claim(Subs(two, (p[1], p[2], q[1], q[2]),
                (Rational(1, 2), Rational(1, 2), Rational(1, 4), Rational(3, 4))), "=",
           1 - log(3, 2) / 2, "P = (1/2, 1/2), Q = (1/4, 3/4): ½ log₂ 2 + ½ log₂(2/3)",
           rule="Real.logb_div")
    .gt(0, "log₂ 3 < 2: Q ≠ P gives D > 0")
)
