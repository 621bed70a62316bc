"""The two routes meet: maximum likelihood and cross-entropy give one argmin.

Follows the note's two halves: 极大似然估计 ends with the log-likelihood of the
labels in natural logs, 交叉熵 with the cross-entropy in bits. Averaged over
the n images, the cross-entropy route's objective (1/n)Σᵢ H(Pᵢ, Qᵢ) is the
likelihood route's mean binary cross-entropy divided by ln 2 > 0, so the two
have the same minimizers over the outputs y, and both are the maximizers of
the likelihood Πᵢ yᵢ^{xᵢ}(1 − yᵢ)^{1 − xᵢ}.
"""
from sympy import IndexedBase, Product, Sum, Symbol, log

from derivations._notation import negated
from symloss import derive

x, y = IndexedBase("x"), IndexedBase("y")
i, n = Symbol("i", integer=True), Symbol("n")

mean_ce_bits = Sum(negated(x[i] * log(y[i], 2) + (1 - x[i]) * log(1 - y[i], 2)), (i, 1, n)) / n
mean_bce = Sum(negated(x[i] * log(y[i]) + (1 - x[i]) * log(1 - y[i])), (i, 1, n)) / n
likelihood = Product(y[i] ** x[i] * (1 - y[i]) ** (1 - x[i]), (i, 1, n))

TWO_ROUTES = (
    derive("two-routes", "Likelihood (ln) and cross-entropy (log₂) routes: the same argmin",
           assume={"x": "label", "y": "probability", "n": "posint"},
           start=mean_ce_bits,
           source="极大似然估计 (log) and 交叉熵 (log₂): 两条路得到同一个损失函数")
    .eq(mean_bce / log(2), "log₂ u = ln u / ln 2 in every term", rule="Real.log_div_log")
    .same_argmin(mean_bce, "y", "multiplying by ln 2 > 0 keeps the minimizers",
                 rule="argmin_mul_pos")
    .claim(likelihood, "argmax-argmin", mean_ce_bits,
           "maximizing the likelihood is minimizing the mean cross-entropy in bits",
           over=("y",), rule="argmax_likelihood_eq_argmin_crossEntropy")
)
