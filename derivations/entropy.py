"""Entropy: the expected information content of a system.

Follows the note's section on entropy (一个系统的信息熵可定义为, 对各个事件的
信息量求期望): H(P) = Σᵢ pᵢ f(pᵢ) = −Σᵢ pᵢ log₂ pᵢ, each event's information
weighted by its probability. The note's two example systems are pictures; here
two coins stand in for them: a fair coin (1/2, 1/2) carries exactly 1 bit, a
skewed one (1/4, 3/4) only 2 − (3/4)log₂ 3 ≈ 0.81 bits. For a coin with
P(heads) = θ, h(θ) = θ f(θ) + (1 − θ) f(1 − θ) is at most 1 bit, reached at
θ = 1/2, where its derivative log₂((1 − θ)/θ) vanishes.
"""
from sympy import Derivative, IndexedBase, Rational, Subs, Sum, Symbol, log

from derivations._notation import information
from symloss import derive

p = IndexedBase("p")
i, m = Symbol("i", integer=True), Symbol("m")
theta = Symbol("theta")                 # a coin's probability of heads

coin_entropy = theta * information(theta) + (1 - theta) * information(1 - theta)

ENTROPY = (
    derive("entropy", "Entropy as expected information; a coin has at most 1 bit",
           assume={"p": "simplex", "m": "posint", "theta": "probability"},
           start=Sum(p[i] * information(p[i]), (i, 1, m)),
           source="熵: H(P) = Σ pᵢ f(pᵢ), the expected information content")
    .eq(-Sum(p[i] * log(p[i], 2), (i, 1, m)), "f(pᵢ) = −log₂ pᵢ; take the minus out of the sum",
        rule="Finset.sum_neg_distrib")
    .claim(Subs(coin_entropy, theta, Rational(1, 2)), "=", 1,
           "a fair coin: ½·1 + ½·1 = 1 bit", rule="Real.logb_self_eq_one")
    .claim(Subs(coin_entropy, theta, Rational(1, 4)), "=", 2 - Rational(3, 4) * log(3, 2),
           "a skewed coin: ¼·2 + ¾·log₂(4/3)", rule="Real.logb_div")
    .lt(1, "less than a fair coin's 1 bit: log₂ 3 > 4/3")
    .claim(Derivative(coin_entropy, theta), "=", log((1 - theta) / theta, 2),
           "h′(θ) = log₂((1 − θ)/θ), zero only at θ = 1/2", rule="deriv_binEntropy")
    .claim(coin_entropy, "<=", 1, "a coin carries at most 1 bit", rule="binEntropy_le_one")
)
