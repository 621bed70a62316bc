"""Maximum likelihood for a coin: 7 heads and 3 tails give θ̂ = 7/10.

Follows the note's section 极大似然估计: the probability of the observed
tosses under the model θ (the chance of heads) is L(θ) = θ⁷(1 − θ)³. Its log
has the same maximizers; the log's derivative vanishes only at θ = 7/10, and
the second derivative is negative everywhere (−1000/21 at 7/10), so 7/10 is
the maximum, which the last claim of the first part states outright. The
general case: k heads and t tails (n = k + t tosses) give θ̂ = k/(k + t) = k/n.
"""
from sympy import Derivative, Rational, Subs, Symbol, log

from symloss import derive

theta = Symbol("theta")
k, t = Symbol("k"), Symbol("t")      # heads and tails; n = k + t tosses

likelihood = theta ** 7 * (1 - theta) ** 3
log_likelihood = 7 * log(theta) + 3 * log(1 - theta)
general_log_likelihood = k * log(theta) + t * log(1 - theta)

COIN_MLE = (
    derive("coin-mle", "A coin, 7 heads and 3 tails: θ̂ = 7/10 (and k of n: θ̂ = k/n)",
           assume={"theta": "probability", "k": "posint", "t": "posint"},
           start=likelihood,
           source="极大似然估计: P(C₁, …, C₁₀ | θ) for 7 heads and 3 tails")
    .same_argmin(log(likelihood), "theta",
                 "log is strictly increasing: L and log L have the same maximizers",
                 rule="log_lt_log")
    .eq(log_likelihood, "log of a product of powers of positive numbers", rule="log_mul, log_pow")
    .claim(Derivative(log_likelihood, theta), "=", 7 / theta - 3 / (1 - theta),
           "d/dθ log θ = 1/θ, d/dθ log(1 − θ) = −1/(1 − θ)", rule="deriv_log")
    .eq((7 - 10 * theta) / (theta * (1 - theta)),
        "over θ(1 − θ) > 0: the derivative has the sign of 7 − 10θ", rule="div_add_div")
    .claim(Subs(Derivative(log_likelihood, theta), theta, Rational(7, 10)), "=", 0,
           "so it vanishes at θ = 7/10 and only there", rule="deriv_eq_zero")
    .claim(Derivative(log_likelihood, (theta, 2)), "=", -7 / theta ** 2 - 3 / (1 - theta) ** 2,
           "differentiate once more", rule="deriv_inv")
    .lt(0, "a sum of negative terms: log L is strictly concave on (0, 1)",
        rule="StrictConcaveOn.of_deriv2_neg")
    .claim(Subs(Derivative(log_likelihood, (theta, 2)), theta, Rational(7, 10)), "=",
           Rational(-1000, 21), "at θ = 7/10: −7·100/49 − 3·100/9")
    .lt(0, "negative: θ = 7/10 is a maximum")
    .claim(log_likelihood, "<=", 7 * log(Rational(7, 10)) + 3 * log(Rational(3, 10)),
           "θ̂ = 7/10 maximizes log L on all of (0, 1)", rule="IsMaxOn.of_deriv")
    .claim(log(theta ** k * (1 - theta) ** t), "=", general_log_likelihood,
           "k heads and t tails: L(θ) = θᵏ(1 − θ)ᵗ", rule="log_mul, log_pow")
    .claim(Derivative(general_log_likelihood, theta), "=", k / theta - t / (1 - theta),
           "as above", rule="deriv_log")
    .eq((k - (k + t) * theta) / (theta * (1 - theta)),
        "the sign of k − nθ with n = k + t", rule="div_add_div")
    .claim(Subs(Derivative(general_log_likelihood, theta), theta, k / (k + t)), "=", 0,
           "it vanishes at θ̂ = k/(k + t) = k/n", rule="deriv_eq_zero")
    .claim(Derivative(general_log_likelihood, (theta, 2)), "=",
           -k / theta ** 2 - t / (1 - theta) ** 2, "differentiate once more", rule="deriv_inv")
    .lt(0, "strictly concave: θ̂ = k/n is the maximum", rule="StrictConcaveOn.of_deriv2_neg")
)
