"""Minimizing the cross-entropy over Q minimizes the KL divergence, at Q = P.

Follows the note's section 相对熵(KL 散度), its conclusion: to bring Q close to
P (D(P‖Q) → 0) it suffices to minimize the cross-entropy, "因此这个式子本身就
可以作为损失函数". H(P, Q) = D(P‖Q) + H(P), and H(P) does not depend on Q, so
both have the same minimizers over Q; by Gibbs' inequality H(P, Q) ≥ H(P),
with equality at Q = P, which is therefore the minimizer.
"""
from sympy import IndexedBase, Subs, Sum, Symbol, log

from derivations._notation import information
from symloss import derive

p, q = IndexedBase("p"), IndexedBase("q")
i, m = Symbol("i", integer=True), Symbol("m")

cross_entropy = Sum(p[i] * information(q[i]), (i, 1, m))     # H(P, Q)
entropy = Sum(p[i] * information(p[i]), (i, 1, m))           # H(P)
kl = Sum(p[i] * log(p[i] / q[i], 2), (i, 1, m))              # D(P‖Q)

MIN_CROSS_ENTROPY = (
    derive("min-cross-entropy", "Minimizing H(P, Q) over Q minimizes D(P‖Q); the minimizer is Q = P",
           assume={"p": "simplex", "q": "simplex", "m": "posint"},
           start=cross_entropy,
           source="相对熵: 找到让交叉熵最小的值, 这个式子本身就可以作为损失函数")
    .eq(kl + entropy, "H(P, Q) = D(P‖Q) + H(P)", rule="kl_eq_crossEntropy_sub_entropy")
    .same_argmin(kl, "q", "H(P) does not depend on Q: the same minimizers over Q",
                 rule="argmin_add_const")
    .claim(cross_entropy, ">=", entropy, "Gibbs' inequality: D(P‖Q) ≥ 0", rule="kl_nonneg")
    .claim(Subs(cross_entropy, q, p), "=", entropy,
           "equality at Q = P, so Q = P minimizes H(P, Q)", rule="crossEntropy_self")
)
