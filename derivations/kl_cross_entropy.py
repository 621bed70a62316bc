"""KL divergence = cross-entropy − entropy, for m events (symbolic m).

Follows the note's section 相对熵(KL 散度): D(P‖Q) is the expected difference
between the information content of an event under Q and under P,
f_Q(qᵢ) − f_P(pᵢ) with f(x) = −log₂ x; its first half is the cross-entropy
H(P, Q) and its second half the entropy H(P).
"""
from sympy import IndexedBase, Sum, Symbol, log

from symloss import derive

p, q = IndexedBase("p"), IndexedBase("q")
i, m = Symbol("i", integer=True), Symbol("m")


def information(x):
    """f(x) = −log₂ x, the information content of an event of probability x."""
    return -log(x, 2)


KL_CROSS_ENTROPY = (
    derive("kl", "KL divergence = cross-entropy − entropy",
           assume={"p": "simplex", "q": "simplex", "m": "posint"},
           start=Sum(p[i] * (information(q[i]) - information(p[i])), (i, 1, m)),
           source="相对熵(KL 散度): D(P‖Q) = Σ pᵢ(f_Q(qᵢ) − f_P(pᵢ))")
    .eq(Sum(p[i] * information(q[i]), (i, 1, m)) - Sum(p[i] * information(p[i]), (i, 1, m)),
        "linearity of the sum: split the expected difference", rule="sum_sub_distrib")
    .eq(Sum(p[i] * log(p[i] / q[i], 2), (i, 1, m)),
        "−log₂ qᵢ + log₂ pᵢ = log₂(pᵢ/qᵢ) for pᵢ, qᵢ > 0", rule="log_div_of_pos")
)
