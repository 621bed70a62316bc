"""Event counts: padding P with zero probabilities changes no sum.

Follows the note's section 交叉熵: "m 为 P 和 Q 两个系统的事件数中最大的那个值";
when Q has n = m + k events and P only m, P is padded with p_{m+1} = … =
p_{m+k} = 0 and the cross-entropy is summed over max(m, m + k) = m + k events.
The padded terms are 0·(−log₂ qᵢ) = 0, so the sum is the one over P's support.
For the entropy of the padded P the terms are 0·log 0, which is taken as
lim_{t→0⁺} t·(−log₂ t) = 0: the convention 0·log 0 = 0.
"""
from sympy import IndexedBase, Limit, Max, Mul, Sum, Symbol

from derivations._notation import information
from symloss import derive

p, q = IndexedBase("p"), IndexedBase("q")
i, m, k = Symbol("i", integer=True), Symbol("m"), Symbol("k")
t = Symbol("t")

zero_times = Mul(0, information(q[i]), evaluate=False)        # 0·(−log₂ qᵢ), kept on the page
zero_log_zero = Limit(t * information(t), t, 0, "+")           # 0·(−log₂ 0) := lim t(−log₂ t)

EVENT_COUNTS = (
    derive("event-counts", "Padding P with zeros: the sum over max(#P, #Q) events is the sum over P",
           assume={"p": "simplex", "q": "probability", "m": "posint", "k": "posint"},
           start=Sum(p[i] * information(q[i]), (i, 1, m)) + Sum(zero_times, (i, m + 1, Max(m, m + k))),
           source="交叉熵: m 为 P 和 Q 两个系统的事件数中最大的那个值")
    .eq(Sum(p[i] * information(q[i]), (i, 1, m)),
        "each padded term is 0·(−log₂ qᵢ) = 0", rule="zero_mul, Finset.sum_const_zero")
    .claim(zero_log_zero, "=", 0, "t·log t → 0 as t → 0⁺: the convention 0·log 0 = 0",
           rule="Real.tendsto_mul_log_zero")
    .claim(Sum(p[i] * information(p[i]), (i, 1, m)) + Sum(zero_log_zero, (i, m + 1, m + k)), "=",
           Sum(p[i] * information(p[i]), (i, 1, m)),
           "so the entropy of the padded P is that of P", rule="Finset.sum_const_zero")
)
