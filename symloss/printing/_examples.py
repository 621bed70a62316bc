"""Two small derivations with hand-made verdicts, for the printers' doctests and tests.

They are not the note's derivations (``derivations/``): they exercise what a
printer must show — logs to base 2, indexed families, sums with limits, hats,
products, argmin steps, and a recorded mistake refuted by a counterexample.

>>> [d.name for d, _ in example_pairs()]
['kl', 'bce']
"""
from __future__ import annotations

from sympy import Add, IndexedBase, Mul, Symbol, log

from symloss.check.report import Report, StepResult
from symloss.check.verdict import Status, Verdict
from symloss.derivation import Derivation, derive

p, q = IndexedBase("p"), IndexedBase("q")
i = Symbol("i", integer=True)
n = Symbol("n")
y, yhat = Symbol("y"), Symbol("yhat")


def kl_derivation() -> Derivation:
    """KL divergence = cross-entropy − entropy ≥ 0, in bits."""
    from sympy import Sum

    def total(f: object) -> Sum:
        return Sum(f, (i, 1, n))

    return (
        derive("kl", "KL divergence is cross-entropy minus entropy",
               assume={"p": "simplex", "q": "simplex", "n": "posint"},
               start=total(p[i] * log(p[i] / q[i], 2)),
               source="Section 5: D(P||Q) = sum_i p_i (f_Q(q_i) - f_P(p_i))")
        .eq(total(p[i] * (log(p[i], 2) - log(q[i], 2))), "log of a quotient", rule="log_div")
        .eq(total(-p[i] * log(q[i], 2)) - total(-p[i] * log(p[i], 2)),
            "split the sum: H(P, Q) - H(P)", rule="sum_sub_distrib")
        .ge(0, "Gibbs' inequality", rule="kl_nonneg")
    )


def kl_results(derivation: Derivation | None = None) -> list[StepResult]:
    """Every KL step proved."""
    d = derivation or kl_derivation()
    methods = ("expand_log", "sum-merge", "lemma:log_le_sub_one_of_pos")
    return [StepResult(d, k, Verdict(Status.PROVED, method=m, seconds=0.01 * (k + 1)))
            for k, m in enumerate(methods)]


def bce_derivation() -> Derivation:
    """Binary cross-entropy from the likelihood, plus the note's dropped minus sign."""
    likelihood = yhat**y * (1 - yhat)**(1 - y)
    inside = Add(y * log(yhat, 2), (1 - y) * log(1 - yhat, 2))
    return (
        derive("bce", "Binary cross-entropy (errata: 100% of the _minus_ & {sign})",
               assume={"y": "label", "yhat": "probability"}, start=likelihood,
               source="Last line of the note: H(P, Q) = x log2 y + (1 - x) log2(1 - y)")
        .argmax_argmin(-y * log(yhat) - (1 - y) * log(1 - yhat), "yhat",
                       "negative log-likelihood: log is increasing")
        .same_argmin(Mul(-1, inside, evaluate=False), "yhat", "divide by log 2 > 0")
        .claim(Mul(-1, inside, evaluate=False), "=", inside,
               "the note's last line drops the minus sign", expected="refuted")
    )


def bce_results(derivation: Derivation | None = None) -> list[StepResult]:
    """Two steps proved, the recorded mistake refuted at y = 1, ŷ = 1/2."""
    d = derivation or bce_derivation()
    return [
        StepResult(d, 0, Verdict(Status.PROVED, method="lemma:argmax_neg_log", seconds=0.2)),
        StepResult(d, 1, Verdict(Status.PROVED, method="positive-scale", seconds=0.05)),
        StepResult(d, 2, Verdict(Status.REFUTED, method="numeric",
                                 counterexample={"y": "1", "yhat": "1/2"},
                                 values=("1.0000000000000000000000000000000", "-1"),
                                 seconds=0.03)),
    ]


def example_pairs() -> list[tuple[Derivation, list[StepResult]]]:
    """``[(kl, results), (bce, results)]``."""
    kl, bce = kl_derivation(), bce_derivation()
    return [(kl, kl_results(kl)), (bce, bce_results(bce))]


def example_report() -> Report:
    """A report over both examples."""
    return Report(tuple(r for _, results in example_pairs() for r in results))
