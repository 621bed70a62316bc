"""The Bernoulli likelihood of n labels, and why maximizing it is minimizing BCE.

Follows the note's section 极大似然估计, applied to the cat classifier:
P(x₁, …, xₙ | W, b) = Πᵢ P(xᵢ | W, b) = Πᵢ P(xᵢ | yᵢ) because yᵢ = NN_{W,b}(image i).
A label xᵢ ∈ {0, 1} is a Bernoulli draw: P(xᵢ | yᵢ) is yᵢ for a cat and 1 − yᵢ
otherwise, written xᵢyᵢ + (1 − xᵢ)(1 − yᵢ), which is the note's
yᵢ^{xᵢ}(1 − yᵢ)^{1 − xᵢ} (shown on one factor, with the plain symbols x and y). The note then takes the log "to make the maximum
easier"; maximizing the log-likelihood over the outputs y is minimizing the
mean binary cross-entropy −(1/n)Σᵢ[xᵢ log yᵢ + (1 − xᵢ) log(1 − yᵢ)], whose
terms are the negative log-likelihoods of single labels.
"""
from sympy import IndexedBase, Product, Subs, Sum, Symbol, log

from derivations._notation import negated
from symloss import derive

x, y = IndexedBase("x"), IndexedBase("y")          # labels, outputs
i, n = Symbol("i", integer=True), Symbol("n")
x1, y1 = Symbol("x"), Symbol("y")                   # one image: its label and output


def bernoulli_cases(label, output):
    """P(label | output) by cases: output for label 1, 1 − output for label 0."""
    return label * output + (1 - label) * (1 - output)


def bernoulli(label, output):
    """P(label | output) = output^label (1 − output)^(1 − label)."""
    return output ** label * (1 - output) ** (1 - label)


def log_bernoulli(label, output):
    """log P(label | output) = label log output + (1 − label) log(1 − output)."""
    return label * log(output) + (1 - label) * log(1 - output)


independent = Product(bernoulli_cases(x[i], y[i]), (i, 1, n))      # Πᵢ P(xᵢ | yᵢ)
likelihood = Product(bernoulli(x[i], y[i]), (i, 1, n))
log_likelihood = Sum(log_bernoulli(x[i], y[i]), (i, 1, n))

BERNOULLI_BCE = (
    derive("bernoulli-bce", "Bernoulli likelihood → mean binary cross-entropy",
           assume={"x": "label", "y": "probability", "n": "posint"},
           start=independent,
           source="极大似然估计: P(x₁..xₙ|W,b) = Πᵢ P(xᵢ|yᵢ) = Πᵢ yᵢ^{xᵢ}(1−yᵢ)^{1−xᵢ}, then log")
    .eq(likelihood, "the Bernoulli formula: xy + (1 − x)(1 − y) = y^x (1 − y)^(1 − x) for x ∈ {0, 1}",
        rule="bernoulli_pmf")
    .same_argmin(log(likelihood), "y", "log is strictly increasing: the same maximizers",
                 rule="log_lt_log")
    .eq(log_likelihood, "the log of a product of positive factors is the sum of their logs",
        rule="log_prod, log_mul, log_pow")
    .argmax_argmin(-log_likelihood / n, "y",
                   "maximizing f is minimizing −f/n, n > 0", rule="argmax_neg_div")
    .eq(Sum(negated(log_bernoulli(x[i], y[i])), (i, 1, n)) / n,
        "the mean binary cross-entropy over the n images", rule="Finset.sum_neg_distrib")
    .claim(Subs(bernoulli(x1, y1), x1, 1), "=", y1,
           "a cat (x = 1): the factor is y", rule="pow_one, pow_zero")
    .claim(Subs(bernoulli(x1, y1), x1, 0), "=", 1 - y1,
           "not a cat (x = 0): the factor is 1 − y", rule="pow_zero, pow_one")
    .claim(-log(bernoulli(x1, y1)), "=", negated(log_bernoulli(x1, y1)),
           "one label's negative log-likelihood is its binary cross-entropy",
           rule="bce_eq_neg_log_likelihood")
)
