"""KL divergence = cross-entropy − entropy, for m events (symbolic m).

Follows the note's section 相对熵(KL 散度): D(P‖Q) is the expected difference,
under P, between the information content of an event in Q and in P,
f_Q(qᵢ) − f_P(pᵢ) with f(x) = −log₂ x; its first half is the cross-entropy
H(P, Q) = Σ pᵢ(−log₂ qᵢ) and its second half the entropy H(P) = Σ pᵢ(−log₂ pᵢ).
"""
from sympy import IndexedBase, Sum, Symbol, log

from derivations._notation import information
from symloss import derive

p, q = IndexedBase("p"), IndexedBase("q")
i, m = Symbol("i", integer=True), Symbol("m")

cross_entropy = Sum(p[i] * information(q[i]), (i, 1, m))     # H(P, Q)
entropy = Sum(p[i] * information(p[i]), (i, 1, m))           # H(P)

KL_CROSS_ENTROPY = (
    derive("kl", "KL divergence = cross-entropy − entropy",
           assume={"p": "simplex", "q": "simplex", "m": "posint"},
           start=Sum(p[i] * (information(q[i]) - information(p[i])), (i, 1, m)),
           source="相对熵(KL 散度): D(P‖Q) = Σ pᵢ(f_Q(qᵢ) − f_P(pᵢ)) = H(P,Q) − H(P)")
    .eq(cross_entropy - entropy,
        "linearity of the sum: H(P, Q) − H(P)", rule="Finset.sum_sub_distrib")
    .eq(Sum(p[i] * log(p[i] / q[i], 2), (i, 1, m)),
        "−log₂ qᵢ + log₂ pᵢ = log₂(pᵢ/qᵢ) for pᵢ, qᵢ > 0", rule="Real.logb_div")
)
