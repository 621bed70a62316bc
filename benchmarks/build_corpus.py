"""The benchmark corpus: its source, and an independent numeric check of every truth value.

``benchmarks/claims.jsonl`` is generated from the table below::

    python benchmarks/build_corpus.py            # validate every claim, then write claims.jsonl
    python benchmarks/build_corpus.py --check    # validate only

Each entry is (topic, lhs, rel, rhs, assume, truth[, witnesses]). The truth value is decided
by hand; this script then checks it with mpmath at 50 significant digits, using its own
parser (SymPy's ``parse_expr`` on these trusted strings) and its own sampler — nothing
from symloss — so that the corpus does not inherit the checker's mistakes:

* a true claim must hold, with both sides finite and real, at every one of ~300 sampled
  domain points (readable values, edge values such as 1e-12 and 1 - 1e-12, random ones);
* a false claim must fail at a sampled point or at one of its listed witnesses: by a
  margin far above rounding, or, for a strict relation failing by equality, exactly
  (SymPy, exact arithmetic at the witness).

Domains as in symloss: undeclared names are real, a Sum limit is a positive integer,
``simplex`` is an indexed family p[i] > 0 summing to 1 over the range of its Sums.
Discipline: every claim has both sides finite and real on its whole domain, so that its
truth value does not depend on a convention about undefined points.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "claims.jsonl"

P = {"p": "probability"}
PQs = {"p": "probability", "q": "probability"}
POS = {"a": "positive", "b": "positive"}
POS3 = {"a": "positive", "b": "positive", "c": "positive"}
R = {}  # undeclared names are real
SX = {"p": "simplex", "q": "simplex"}
S1 = {"p": "simplex"}
LBL = {"x": "label", "y": "probability"}
LBLF = {"x": "label", "y": "probability"}  # families x[i], y[i]
XU = {"x": "unit", "y": "probability"}
XYP = {"x": "probability", "y": "probability"}

H2 = "-p*log2(p) - (1 - p)*log2(1 - p)"
HN = "-p*log(p) - (1 - p)*log(1 - p)"
BCE = "-(x*log(y) + (1 - x)*log(1 - y))"
BCEZ = "-(x*log(sigmoid(z)) + (1 - x)*log(1 - sigmoid(z)))"
KL = "Sum(p[i]*log(p[i]/q[i]), (i, 1, n))"
KL2 = "Sum(p[i]*log(p[i]/q[i]), (i, 1, 2))"
CE = "Sum(-p[i]*log(q[i]), (i, 1, n))"
HS = "Sum(-p[i]*log(p[i]), (i, 1, n))"
BKL = "p*log(p/q) + (1 - p)*log((1 - p)/(1 - q))"
LIK = "Product(y[i]**x[i]*(1 - y[i])**(1 - x[i]), (i, 1, n))"
LL = "Sum(x[i]*log(y[i]) + (1 - x[i])*log(1 - y[i]), (i, 1, n))"
NLL = "Sum(-(x[i]*log(y[i]) + (1 - x[i])*log(1 - y[i])), (i, 1, n))"

T, F = True, False
UNIFORM2 = {"n": 2, "p": [0.5, 0.5], "q": [0.5, 0.5]}

# (topic, lhs, rel, rhs, assume, truth, [witness points])
CLAIMS = [
    # -- logs of products, powers, quotients -------------------------------------------
    ("log-rules", "log(a*b)", "=", "log(a) + log(b)", POS, T),
    ("log-rules", "log(a*b*c)", "=", "log(a) + log(b) + log(c)", POS3, T),
    ("log-rules", "log(a + b)", "=", "log(a) + log(b)", POS, F),
    ("log-rules", "log(a + b)", "=", "log(a)*log(b)", POS, F),
    ("log-rules", "log(a/b)", "=", "log(a) - log(b)", POS, T),
    ("log-rules", "log(a/b)", "=", "log(b) - log(a)", POS, F),
    ("log-rules", "log(a**3)", "=", "3*log(a)", POS, T),
    ("log-rules", "log(a**3)", "=", "log(a)**3", POS, F),
    ("log-rules", "log(sqrt(a))", "=", "log(a)/2", POS, T),
    ("log-rules", "log(sqrt(a))", "=", "2*log(a)", POS, F),
    ("log-rules", "log(a**b)", "=", "b*log(a)", {"a": "positive", "b": "real"}, T),
    ("log-rules", "log(a**b)", "=", "a*log(b)", POS, F),
    ("log-rules", "log(a**2*b)", "=", "2*log(a) + log(b)", POS, T),
    ("log-rules", "log(a**2*b)", "=", "2*log(a*b)", POS, F),
    ("log-rules", "log(x**2)", "=", "2*log(x)", {"x": "positive"}, T),
    ("log-rules", "sqrt(x**2)", "=", "x", {"x": "real"}, F),
    ("log-rules", "log(p*(1 - p))", "=", "log(p) + log(1 - p)", P, T),
    ("log-rules", "log(p*(1 - p))", "=", "log(p)*log(1 - p)", P, F),
    ("log-rules", "log(p/(1 - p))", "=", "log(p) - log(1 - p)", P, T),
    ("log-rules", "log(p/(1 - p))", "=", "log(p)/log(1 - p)", P, F),
    ("log-rules", "log(1/p)", "=", "-log(p)", P, T),
    ("log-rules", "log(1/p)", "=", "1/log(p)", P, F),
    ("log-rules", "log(p**2*(1 - p)**3)", "=", "2*log(p) + 3*log(1 - p)", P, T),
    ("log-rules", "log(p**2*(1 - p)**3)", "=", "3*log(p) + 2*log(1 - p)", P, F),
    ("log-rules", "log(exp(x))", "=", "x", R, T),
    ("log-rules", "exp(log(a))", "=", "a", POS, T),
    ("log-rules", "exp(log(a) + log(b))", "=", "a*b", POS, T),
    ("log-rules", "exp(log(a) + log(b))", "=", "a + b", POS, F),
    ("log-rules", "log(exp(x) + exp(x))", "=", "x + log(2)", R, T),
    ("log-rules", "log(a) + log(b)", "<=", "log(a + b)", POS, F, [{"a": 3, "b": 3}]),
    ("log-rules", "log(p) + log(q)", "<", "log(p + q)", PQs, T),
    ("log-rules", "log(1 + x**2)", "<=", "x**2", R, T),
    ("log-rules", "log(1 + x**2)", ">=", "x**2/2", R, F, [{"x": 3}]),
    # -- log bases ------------------------------------------------------------------------
    ("log-bases", "log(a, 2)", "=", "log(a)/log(2)", POS, T),
    ("log-bases", "log2(a)", "=", "log(a, 2)", POS, T),
    ("log-bases", "log(a, 2)", "=", "log(a)*log(2)", POS, F),
    ("log-bases", "log2(a)", "=", "log(a)", POS, F),
    ("log-bases", "log(a, 2)*log(2)", "=", "ln(a)", POS, T),
    ("log-bases", "log(8, 2)", "=", "3", R, T),
    ("log-bases", "log(8, 2)", "=", "4", R, F),
    ("log-bases", "log(a, 4)", "=", "log(a, 2)/2", POS, T),
    ("log-bases", "log(a, 4)", "=", "2*log(a, 2)", POS, F),
    ("log-bases", "log(a*b, 2)", "=", "log(a, 2) + log(b, 2)", POS, T),
    ("log-bases", "log(a + b, 2)", "=", "log(a, 2) + log(b, 2)", POS, F),
    ("log-bases", "log(a, 10)", "=", "log(a)/log(10)", POS, T),
    ("log-bases", "log(a, 2)", "=", "3*log(a, 8)", POS, T),
    ("log-bases", "log(a, 2)", "=", "log(a, 8)/3", POS, F),
    ("log-bases", "log2(p)", "<", "log(p)", P, T),
    ("log-bases", "log2(p)", ">", "log(p)", P, F),
    # -- information content ----------------------------------------------------------------
    ("information", "-log(1/8, 2)", "=", "3", R, T),
    ("information", "-log(1/8, 2)", "=", "8", R, F),
    ("information", "-log(2**(-16), 2)", "=", "16", R, T),
    ("information", "-log(2**(-16), 2)", "=", "15", R, F),
    ("information", "-log(1/2, 2) - log(1/4, 2)", "=", "-log(1/8, 2)", R, T),
    ("information", "(-log(1/2, 2))*(-log(1/4, 2))", "=", "-log(1/8, 2)", R, F),
    ("information", "-log2(p*q)", "=", "-log2(p) - log2(q)", PQs, T),
    ("information", "-log2(p*q)", "=", "log2(p)*log2(q)", PQs, F),
    ("information", "-log2(p)", ">", "0", P, T),
    ("information", "-log2(p)", ">=", "1", P, F),
    ("information", "-log2(p/2)", "=", "1 - log2(p)", P, T),
    ("information", "-log2(p/2)", "=", "-log2(p)/2", P, F),
    ("information", "-log2(p/4)", "=", "-log2(p) + 2", P, T),
    ("information", "-log2(sqrt(p))", "=", "-log2(p)/2", P, T),
    ("information", "-log2(p**2)", ">=", "-log2(p)", P, T),
    ("information", "-log2(p**2)", "<=", "-log2(p)", P, F),
    # -- entropy ----------------------------------------------------------------------------
    ("entropy", H2, "<=", "1", P, T),
    ("entropy", H2, ">", "0", P, T),
    ("entropy", H2, "<", "1", P, F, [{"p": "1/2"}]),
    ("entropy", H2, ">=", "1/2", P, F, [{"p": "1/10"}]),
    ("entropy", HN, "<=", "log(2)", P, T),
    ("entropy", HN, "<=", "1/2", P, F, [{"p": "1/2"}]),
    ("entropy", HN, "=", "-(p*log(p) + (1 - p)*log(1 - p))", P, T),
    ("entropy", HN, "=", "-(p*log(p) - (1 - p)*log(1 - p))", P, F),
    ("entropy", HN, "=", "(" + H2 + ")*log(2)", P, T),
    ("entropy", HS, ">=", "0", S1, T),
    ("entropy", HS, ">", "0", S1, F, [{"n": 1, "p": [1]}]),
    ("entropy", HS, "<=", "log(n)", S1, T),
    ("entropy", HS, ">=", "log(n)", S1, F, [{"n": 2, "p": [0.9, 0.1]}]),
    ("entropy", "Sum(-p[i]*log2(p[i]), (i, 1, n))", "=", HS + "/log(2)", S1, T),
    ("entropy", "Sum(-p[i]*log2(p[i]), (i, 1, n))", "=", HS + "*log(2)", S1, F),
    ("entropy", "Sum(p[i]*log(1/p[i]), (i, 1, n))", "=", HS, S1, T),
    ("entropy", "Sum(p[i]*log(1/p[i]), (i, 1, n))", "=", "Sum(p[i]*log(p[i]), (i, 1, n))", S1, F,
     [{"n": 2, "p": [0.5, 0.5]}]),
    ("entropy", "Sum(-p[i]*log(p[i]), (i, 1, 2))", "<=", "log(2)", S1, T),
    ("entropy", "Sum(-p[i]*log(p[i]), (i, 1, 3))", "<=", "log(3)", S1, T),
    ("entropy", "Sum(-p[i]*log(p[i]), (i, 1, 3))", "<=", "log(2)", S1, F, [{"p": ["1/3", "1/3", "1/3"]}]),
    ("entropy", "Sum(-p[i]*log(p[i]), (i, 1, 2))", "=", "-p[1]*log(p[1]) - p[2]*log(p[2])", S1, T),
    ("entropy", "Sum(-p[i]*log(p[i]), (i, 1, 2))", "=", "-p[1]*log(p[1]) + p[2]*log(p[2])", S1, F),
    ("sums", "Sum(p[i], (i, 1, n))", "=", "1", S1, T),
    ("sums", "Sum(p[i]**2, (i, 1, n))", "=", "1", S1, F, [{"n": 2, "p": [0.5, 0.5]}]),
    ("sums", "Sum(p[i]**2, (i, 1, n))", "<=", "1", S1, T),
    ("sums", "Sum(p[i]**2, (i, 1, n))", "<", "1", S1, F, [{"n": 1, "p": [1]}]),
    ("sums", "Sum(p[i]**2, (i, 1, n))", ">", "0", S1, T),
    # -- cross-entropy ------------------------------------------------------------------------
    ("cross-entropy", CE, ">=", HS, SX, T),
    ("cross-entropy", CE, "<=", HS, SX, F),
    ("cross-entropy", CE, ">", HS, SX, F, [UNIFORM2]),
    ("cross-entropy", CE + " - " + HS, "=", KL, SX, T),
    ("cross-entropy", CE + " - " + HS, "=", "Sum(q[i]*log(q[i]/p[i]), (i, 1, n))", SX, F),
    ("cross-entropy", CE, ">=", "0", SX, T),
    ("cross-entropy", CE, ">=", "log(n)", SX, F, [{"n": 2, "p": [0.99, 0.01], "q": [0.99, 0.01]}]),
    ("cross-entropy", "Sum(-p[i]*log2(q[i]), (i, 1, n))", "=", CE + "/log(2)", SX, T),
    ("cross-entropy", "Sum(-p[i]*log2(q[i]), (i, 1, n))", "=", "Sum(-q[i]*log2(p[i]), (i, 1, n))", SX, F),
    ("cross-entropy", "Sum(-p[i]*log(q[i]), (i, 1, 2))", "=", "-p[1]*log(q[1]) - p[2]*log(q[2])", SX, T),
    ("cross-entropy", "Sum(-p[i]*log(q[i]), (i, 1, 2))", "=", "p[1]*log(q[1]) + p[2]*log(q[2])", SX, F),
    ("cross-entropy", "Sum(-p[i]*log(q[i]), (i, 1, 2))", "=", "-p[1]*log(q[1]) + p[2]*log(q[2])", SX, F),
    ("cross-entropy", "Sum(-p[i]*log(q[i]), (i, 1, 3))", ">=", "Sum(-p[i]*log(p[i]), (i, 1, 3))", SX, T),
    ("cross-entropy", "Sum(-p[i]*log(q[i]), (i, 1, 3))", "<=", "Sum(-p[i]*log(p[i]), (i, 1, 3))", SX, F),
    ("cross-entropy", "-(x*log2(y) + (1 - x)*log2(1 - y))", ">=",
     "-(x*log2(x) + (1 - x)*log2(1 - x))", XYP, T),
    ("cross-entropy", "-(x*log2(y) + (1 - x)*log2(1 - y))", "=", "x*log2(y) + (1 - x)*log2(1 - y)", XYP, F),
    ("cross-entropy", "-(x*log2(y) + (1 - x)*log2(1 - y))", ">", "0", XYP, T),
    ("cross-entropy", "-(x*log2(y) + (1 - x)*log2(1 - y))", "<=", "1", XYP, F),
    # -- KL divergence -----------------------------------------------------------------------
    ("kl", KL, ">=", "0", SX, T),
    ("kl", KL, ">", "0", SX, F, [UNIFORM2]),
    ("kl", KL, "<=", "0", SX, F),
    ("kl", KL, "=", "Sum(q[i]*log(q[i]/p[i]), (i, 1, n))", SX, F),
    ("kl", KL, "=", "Sum(p[i]*log(p[i]), (i, 1, n)) - Sum(p[i]*log(q[i]), (i, 1, n))", SX, T),
    ("kl", KL, "=", "Sum(p[i]*log(q[i]), (i, 1, n)) - Sum(p[i]*log(p[i]), (i, 1, n))", SX, F),
    ("kl", KL, "=", "-Sum(p[i]*log(q[i]/p[i]), (i, 1, n))", SX, T),
    ("kl", KL + "/log(2)", "=", "Sum(p[i]*log2(p[i]/q[i]), (i, 1, n))", SX, T),
    ("kl", KL, "=", "Sum(p[i]*log2(p[i]/q[i]), (i, 1, n))", SX, F),
    ("kl", KL + " + Sum(q[i]*log(q[i]/p[i]), (i, 1, n))", ">=", "0", SX, T),
    ("kl", KL, ">=", "0", {"p": "simplex", "q": "positive"}, F, [{"n": 2, "p": [0.5, 0.5], "q": [10, 10]}]),
    ("kl", KL, ">=", "-log(Sum(q[i], (i, 1, n)))", {"p": "simplex", "q": "positive"}, T),
    ("kl", KL2, ">=", "0", SX, T),
    ("kl", KL2, "=", "p[1]*log(p[1]/q[1]) + p[2]*log(p[2]/q[2])", SX, T),
    ("kl", KL2, "=", "p[1]*log(p[1]/q[1]) - p[2]*log(p[2]/q[2])", SX, F),
    ("kl", KL2, "=", "Sum(q[i]*log(q[i]/p[i]), (i, 1, 2))", SX, F),
    ("kl", BKL, ">=", "0", PQs, T),
    ("kl", BKL, ">", "0", PQs, F, [{"p": "1/2", "q": "1/2"}]),
    ("kl", BKL, ">=", "2*(p - q)**2", PQs, T),
    ("kl", BKL, ">=", "4*(p - q)**2", PQs, F, [{"p": "51/100", "q": "1/2"}]),
    ("kl", BKL, "<=", "(p - q)**2", PQs, F, [{"p": "1/2", "q": "1/100"}]),
    ("kl", BKL, "=", "-(p*log(q) + (1 - p)*log(1 - q)) + (p*log(p) + (1 - p)*log(1 - p))", PQs, T),
    # -- binary cross-entropy ------------------------------------------------------------------
    ("bce", BCE, ">=", "0", LBL, T),
    ("bce", BCE, ">", "0", LBL, T),
    ("bce", BCE, "=", "-log(y**x*(1 - y)**(1 - x))", LBL, T),
    ("bce", "y**x*(1 - y)**(1 - x)", "=", "x*y + (1 - x)*(1 - y)", LBL, T),
    ("bce", "y**x*(1 - y)**(1 - x)", "=", "x*y", LBL, F),
    ("bce", BCE, "=", "-x*log(y) + (1 - x)*log(1 - y)", LBL, F),
    ("bce", BCE, "=", "x*log(y) + (1 - x)*log(1 - y)", LBL, F),
    ("bce", BCE, "=", "-x*log(y) - (1 - x)*log(1 - y)", LBL, T),
    ("bce", BCE, ">", "0", XU, T),
    ("bce", BCE, ">=", "log(2)", XU, F),
    ("bce", BCEZ, "=", "log(1 + exp(-z)) + (1 - x)*z", {"x": "label", "z": "real"}, T),
    ("bce", BCEZ, "=", "log(1 + exp(-z)) + x*z", {"x": "label", "z": "real"}, F),
    ("bce", "diff(" + BCEZ + ", z)", "=", "sigmoid(z) - x", {"x": "label", "z": "real"}, T),
    ("bce", "diff(" + BCEZ + ", z)", "=", "x - sigmoid(z)", {"x": "label", "z": "real"}, F),
    ("bce", "diff(" + BCE + ", y)", "=", "-x/y + (1 - x)/(1 - y)", LBL, T),
    ("bce", "diff(" + BCE + ", y)", "=", "-x/y - (1 - x)/(1 - y)", LBL, F),
    ("bce", NLL + "/n", ">=", "0", LBLF, T),
    ("bce", NLL, "<=", "n*log(2)", LBLF, F, [{"n": 1, "x": [1], "y": ["1/10"]}]),
    ("bce", "-log(" + LIK + ")", "=", NLL, LBLF, T),
    ("bce", "-log(" + LIK + ")", "=", "Sum(-x[i]*log(y[i]) + (1 - x[i])*log(1 - y[i]), (i, 1, n))", LBLF, F),
    ("bce", "log(" + LIK + ")", "=", LL + "/n", LBLF, F, [{"n": 2, "x": [1, 1], "y": ["1/2", "1/2"]}]),
    ("bce", LIK, "<", "1", LBLF, T),
    ("bce", LIK, ">=", "2**(-n)", LBLF, F, [{"n": 1, "x": [1], "y": ["1/10"]}]),
    # -- squared error -------------------------------------------------------------------------
    ("squared-error", "(yhat - y)**2/2", ">=", "0", R, T),
    ("squared-error", "(yhat - y)**2/2", ">", "0", R, F, [{"yhat": 1, "y": 1}]),
    ("squared-error", "diff((yhat - y)**2/2, yhat)", "=", "yhat - y", R, T),
    ("squared-error", "diff((yhat - y)**2/2, yhat)", "=", "y - yhat", R, F),
    ("squared-error", "Sum((x[i] - y[i])**2, (i, 1, n))", ">=", "0", R, T),
    ("squared-error", "Sum((x[i] - y[i])**2, (i, 1, n))", ">", "0", R, F, [{"n": 1, "x": [1], "y": [1]}]),
    ("squared-error", "Sum((x[i] - y[i])**2/2, (i, 1, n))", "=", "Sum((x[i] - y[i])**2, (i, 1, n))/2", R, T),
    ("squared-error", "Sum((x[i] - y[i])**2/2, (i, 1, n))", "=", "Sum(x[i] - y[i], (i, 1, n))**2/2", R, F),
    ("squared-error", "diff(Sum((x[i] - w)**2, (i, 1, n)), w)", "=", "Sum(2*(w - x[i]), (i, 1, n))", R, T),
    ("squared-error", "diff(Sum((x[i] - w)**2, (i, 1, n)), w)", "=", "Sum(2*(x[i] - w), (i, 1, n))", R, F),
    ("squared-error", "Abs(a - b)", "<=", "(a - b)**2/2 + 1/2", R, T),
    ("squared-error", "Abs(a - b)", "<=", "(a - b)**2", R, F, [{"a": "1/2", "b": 0}]),
    ("squared-error", "(a - b)**2", "=", "Abs(a - b)**2", R, T),
    ("squared-error", "(a**2 + b**2)/2", ">=", "((a + b)/2)**2", R, T),
    ("squared-error", "(a**2 + b**2)/2", "<=", "((a + b)/2)**2", R, F),
    # -- sigmoid and tanh ------------------------------------------------------------------------
    ("sigmoid-tanh", "sigmoid(z)", "=", "1/(1 + exp(-z))", R, T),
    ("sigmoid-tanh", "sigmoid(z)", "=", "exp(z)/(1 + exp(z))", R, T),
    ("sigmoid-tanh", "sigmoid(z)", "=", "exp(-z)/(1 + exp(-z))", R, F),
    ("sigmoid-tanh", "sigmoid(z)", ">", "0", R, T),
    ("sigmoid-tanh", "sigmoid(z)", "<", "1", R, T),
    ("sigmoid-tanh", "sigmoid(z)", ">=", "1/2", R, F),
    ("sigmoid-tanh", "sigmoid(-z)", "=", "1 - sigmoid(z)", R, T),
    ("sigmoid-tanh", "sigmoid(-z)", "=", "sigmoid(z)", R, F),
    ("sigmoid-tanh", "sigmoid(z) + sigmoid(-z)", "=", "1", R, T),
    ("sigmoid-tanh", "diff(sigmoid(z), z)", "=", "sigmoid(z)*(1 - sigmoid(z))", R, T),
    ("sigmoid-tanh", "diff(sigmoid(z), z)", "=", "sigmoid(z)**2", R, F),
    ("sigmoid-tanh", "diff(sigmoid(z), z)", "<=", "1/4", R, T),
    ("sigmoid-tanh", "diff(sigmoid(z), z)", "<", "1/4", R, F, [{"z": 0}]),
    ("sigmoid-tanh", "diff(sigmoid(z), z)", ">", "0", R, T),
    ("sigmoid-tanh", "log(sigmoid(z))", "=", "-log(1 + exp(-z))", R, T),
    ("sigmoid-tanh", "log(sigmoid(z))", "=", "log(1 + exp(-z))", R, F),
    ("sigmoid-tanh", "log(sigmoid(z))", "<", "0", R, T),
    ("sigmoid-tanh", "log(sigmoid(z))", "<=", "-log(2)", R, F),
    ("sigmoid-tanh", "log(sigmoid(z)/(1 - sigmoid(z)))", "=", "z", R, T),
    ("sigmoid-tanh", "log(sigmoid(z)/(1 - sigmoid(z)))", "=", "-z", R, F),
    ("sigmoid-tanh", "tanh(z)", "=", "2*sigmoid(2*z) - 1", R, T),
    ("sigmoid-tanh", "tanh(z)", "=", "2*sigmoid(z) - 1", R, F),
    ("sigmoid-tanh", "tanh(z)", "=", "(exp(z) - exp(-z))/(exp(z) + exp(-z))", R, T),
    ("sigmoid-tanh", "tanh(z)", "=", "(exp(z) - exp(-z))/2", R, F),
    ("sigmoid-tanh", "tanh(z)", "<", "1", R, T),
    ("sigmoid-tanh", "tanh(z)", ">", "-1", R, T),
    ("sigmoid-tanh", "tanh(z)", ">=", "0", R, F),
    ("sigmoid-tanh", "Abs(tanh(z))", "<=", "Abs(z)", R, T),
    ("sigmoid-tanh", "Abs(tanh(z))", ">=", "Abs(z)", R, F),
    ("sigmoid-tanh", "diff(tanh(z), z)", "=", "1 - tanh(z)**2", R, T),
    ("sigmoid-tanh", "diff(tanh(z), z)", "=", "1 + tanh(z)**2", R, F),
    ("sigmoid-tanh", "tanh(-z)", "=", "-tanh(z)", R, T),
    ("sigmoid-tanh", "tanh(-z)", "=", "tanh(z)", R, F),
    # -- derivatives -------------------------------------------------------------------------------
    ("derivatives", "diff(x**3, x)", "=", "3*x**2", R, T),
    ("derivatives", "diff(x**3, x)", "=", "x**2", R, F),
    ("derivatives", "diff(diff(x**3, x), x)", "=", "6*x", R, T),
    ("derivatives", "diff(diff(x**3, x), x)", "=", "3*x", R, F),
    ("derivatives", "diff(log(x), x)", "=", "1/x", {"x": "positive"}, T),
    ("derivatives", "diff(log(x), x)", "=", "log(x)/x", {"x": "positive"}, F),
    ("derivatives", "diff(exp(2*x), x)", "=", "2*exp(2*x)", R, T),
    ("derivatives", "diff(exp(2*x), x)", "=", "exp(2*x)", R, F),
    ("derivatives", "diff(log(a*x), x)", "=", "1/x", {"a": "positive", "x": "positive"}, T),
    ("derivatives", "diff(log(a*x), x)", "=", "a/x", {"a": "positive", "x": "positive"}, F),
    ("derivatives", "diff(x*log(x), x)", "=", "log(x) + 1", {"x": "positive"}, T),
    ("derivatives", "diff(x*log(x), x)", "=", "log(x)", {"x": "positive"}, F),
    ("derivatives", "diff(" + HN + ", p)", "=", "log((1 - p)/p)", P, T),
    ("derivatives", "diff(" + HN + ", p)", "=", "log(p/(1 - p))", P, F),
    ("derivatives", "diff(7*log(t) + 3*log(1 - t), t)", "=", "7/t - 3/(1 - t)", {"t": "probability"}, T),
    ("derivatives", "diff(7*log(t) + 3*log(1 - t), t)", "=", "7/t + 3/(1 - t)", {"t": "probability"}, F),
    ("derivatives", "diff(diff(7*log(t) + 3*log(1 - t), t), t)", "<", "0", {"t": "probability"}, T),
    ("derivatives", "diff(diff(7*log(t) + 3*log(1 - t), t), t)", ">", "0", {"t": "probability"}, F),
    ("derivatives", "t**7*(1 - t)**3", "<=", "(7/10)**7*(3/10)**3", {"t": "probability"}, T),
    ("derivatives", "t**7*(1 - t)**3", "<=", "(1/2)**10", {"t": "probability"}, F, [{"t": "7/10"}]),
    ("derivatives", "diff(log(1 + exp(z)), z)", "=", "sigmoid(z)", R, T),
    ("derivatives", "diff(log(1 + exp(z)), z)", "=", "1 - sigmoid(z)", R, F),
    ("derivatives", "Derivative(x**2*y, x)", "=", "2*x*y", R, T),
    ("derivatives", "Derivative(x**2*y, y)", "=", "2*x*y", R, F),
    ("derivatives", "diff(sqrt(x), x)", "=", "1/(2*sqrt(x))", {"x": "positive"}, T),
    ("derivatives", "diff(sqrt(x), x)", "=", "sqrt(x)/2", {"x": "positive"}, F),
    ("derivatives", "diff(log2(x), x)", "=", "1/(x*log(2))", {"x": "positive"}, T),
    ("derivatives", "diff(log2(x), x)", "=", "1/x", {"x": "positive"}, F),
    ("derivatives", "diff(a**x, x)", "=", "a**x*log(a)", {"a": "positive", "x": "real"}, T),
    ("derivatives", "diff(a**x, x)", "=", "x*a**(x - 1)", {"a": "positive", "x": "real"}, F),
    # -- sums of symbolic length --------------------------------------------------------------------
    ("sums", "Sum(c, (i, 1, n))", "=", "c*n", R, T),
    ("sums", "Sum(c, (i, 1, n))", "=", "c", R, F),
    ("sums", "Sum(i, (i, 1, n))", "=", "n*(n + 1)/2", R, T),
    ("sums", "Sum(i, (i, 1, n))", "=", "n**2/2", R, F),
    ("sums", "Sum(2*a[i], (i, 1, n))", "=", "2*Sum(a[i], (i, 1, n))", R, T),
    ("sums", "Sum(a[i]**2, (i, 1, n))", "=", "Sum(a[i], (i, 1, n))**2", R, F),
    ("sums", "Sum(a[i] + b[i], (i, 1, n))", "=", "Sum(a[i], (i, 1, n)) + Sum(b[i], (i, 1, n))", R, T),
    ("sums", "Sum(a[i]*b[i], (i, 1, n))", "=", "Sum(a[i], (i, 1, n))*Sum(b[i], (i, 1, n))", R, F),
    ("sums", "Sum(a[i], (i, 1, n))", "=", "Sum(a[j], (j, 1, n))", R, T),
    ("sums", "Sum(a[i + 1], (i, 0, n - 1))", "=", "Sum(a[i], (i, 1, n))", R, T),
    ("sums", "Sum(a[i], (i, 1, n))", "=", "Sum(a[i], (i, 1, n + 1))", R, F),
    ("sums", "Sum(a[i], (i, 1, n + 1))", "=", "Sum(a[i], (i, 1, n)) + a[n + 1]", R, T),
    ("sums", "Sum(log(a[i]), (i, 1, n))", "=", "log(Product(a[i], (i, 1, n)))", {"a": "positive"}, T),
    ("sums", "Sum(log(a[i]), (i, 1, n))", "=", "log(Sum(a[i], (i, 1, n)))", {"a": "positive"}, F),
    ("sums", "Sum(p[i]*c, (i, 1, n))", "=", "c", {"p": "simplex", "c": "real"}, T),
    ("sums", "Sum(p[i]*c, (i, 1, n))", "=", "c*n", {"p": "simplex", "c": "real"}, F),
    ("sums", "Sum(p[i] - q[i], (i, 1, n))", "=", "0", SX, T),
    ("sums", "Sum(p[i]*q[i], (i, 1, n))", "=", "1", SX, F, [UNIFORM2]),
    ("sums", "Sum(p[i]*q[i], (i, 1, n))", "<=", "1", SX, T),
    ("sums", "Sum(p[i]*q[i], (i, 1, n))", ">=", "1/n", SX, F, [{"n": 2, "p": [0.99, 0.01], "q": [0.01, 0.99]}]),
    ("sums", "Sum(a[i]**2, (i, 1, n))", ">=", "0", R, T),
    ("sums", "Sum(Abs(a[i]), (i, 1, n))", ">=", "Abs(Sum(a[i], (i, 1, n)))", R, T),
    ("sums", "Sum(Abs(a[i]), (i, 1, n))", "<=", "Abs(Sum(a[i], (i, 1, n)))", R, F, [{"n": 2, "a": [1, -1]}]),
    ("sums", "Sum(x[i], (i, 1, n))", "<=", "n", {"x": "label"}, T),
    ("sums", "Sum(x[i], (i, 1, n))", "<", "n", {"x": "label"}, F, [{"n": 1, "x": [1]}]),
    ("sums", "Sum(x[i]**2, (i, 1, n))", "=", "Sum(x[i], (i, 1, n))", {"x": "label"}, T),
    ("sums", "Sum(x[i]*(1 - x[i]), (i, 1, n))", "=", "0", {"x": "label"}, T),
    ("sums", "Sum(x[i]*(1 - x[i]), (i, 1, n))", ">", "0", {"x": "label"}, F),
    ("sums", "Sum(2**(-i), (i, 1, n))", "<", "1", R, T),
    ("sums", "Sum(2**(-i), (i, 1, n))", "=", "1", R, F),
    # -- Gibbs-type inequalities ------------------------------------------------------------------
    ("gibbs", "log(u)", "<=", "u - 1", {"u": "positive"}, T),
    ("gibbs", "log(u)", "<", "u - 1", {"u": "positive"}, F, [{"u": 1}]),
    ("gibbs", "log(u)", ">=", "u - 1", {"u": "positive"}, F),
    ("gibbs", "log(u)", ">=", "1 - 1/u", {"u": "positive"}, T),
    ("gibbs", "log(u)", "<=", "1 - 1/u", {"u": "positive"}, F),
    ("gibbs", "Sum(p[i]*log(q[i]/p[i]), (i, 1, n))", "<=", "0", SX, T),
    ("gibbs", "Sum(p[i]*log(q[i]), (i, 1, n))", "<=", "Sum(p[i]*log(p[i]), (i, 1, n))", SX, T),
    ("gibbs", "Sum(p[i]*log(q[i]), (i, 1, n))", ">=", "Sum(p[i]*log(p[i]), (i, 1, n))", SX, F),
    ("gibbs", "Sum(p[i]*log(q[i]/p[i]), (i, 1, n))", "<=", "Sum(q[i] - p[i], (i, 1, n))", SX, T),
    ("gibbs", "Sum(p[i]*log(q[i]/p[i]), (i, 1, n))", ">=", "Sum(q[i] - p[i], (i, 1, n))", SX, F),
    ("gibbs", "x*log(x)", ">=", "x - 1", {"x": "positive"}, T),
    ("gibbs", "x*log(x)", ">=", "0", {"x": "positive"}, F),
    ("gibbs", "x*log(x)", ">=", "-exp(-1)", {"x": "positive"}, T),
    ("gibbs", "x*log(x)", ">", "-exp(-1)", {"x": "positive"}, F, [{"x": "exp(-1)"}]),
    ("gibbs", "log(1 + x)", "<=", "x", {"x": "nonnegative"}, T),
    ("gibbs", "log(1 + x)", ">=", "x/(1 + x)", {"x": "nonnegative"}, T),
    ("gibbs", "log(1 + x)", ">=", "x", {"x": "positive"}, F),
    ("gibbs", "exp(x)", ">=", "1 + x", R, T),
    ("gibbs", "exp(x)", ">", "1 + x", R, F, [{"x": 0}]),
    ("gibbs", "exp(x)", "<=", "1 + x + x**2", R, F, [{"x": 3}]),
    ("gibbs", "-p*log(p)", "<=", "1 - p", P, T),
    ("gibbs", "-p*log(p)", "<=", "p", P, F, [{"p": "1/10"}]),
    ("gibbs", "log(p*a + (1 - p)*b)", ">=", "p*log(a) + (1 - p)*log(b)", {"p": "probability", "a": "positive", "b": "positive"}, T),
    ("gibbs", "log(p*a + (1 - p)*b)", "<=", "p*log(a) + (1 - p)*log(b)", {"p": "probability", "a": "positive", "b": "positive"}, F),
    # -- monotonicity ---------------------------------------------------------------------------
    ("monotonicity", "log(a + 1)", ">", "log(a)", {"a": "positive"}, T),
    ("monotonicity", "log(a + 1)", "<", "log(a)", {"a": "positive"}, F),
    ("monotonicity", "exp(x + 1)", ">", "exp(x)", R, T),
    ("monotonicity", "exp(x)", ">=", "exp(x + 1)", R, F),
    ("monotonicity", "log(p**2)", "<", "log(p)", P, T),
    ("monotonicity", "log(p**2)", ">", "log(p)", P, F),
    ("monotonicity", "log(1 + x**2)", ">=", "0", R, T),
    ("monotonicity", "log(1 + x**2)", ">", "0", R, F, [{"x": 0}]),
    ("monotonicity", "sqrt(a + 1)", ">", "sqrt(a)", {"a": "nonnegative"}, T),
    ("monotonicity", "sqrt(a + 1)", ">=", "sqrt(a) + 1", {"a": "nonnegative"}, F),
    ("monotonicity", "exp(-x**2)", "<=", "1", R, T),
    ("monotonicity", "exp(-x**2)", "<", "1", R, F, [{"x": 0}]),
    ("monotonicity", "log2(a + 1)", ">", "log2(a)", {"a": "positive"}, T),
    ("monotonicity", "-log(p)", ">", "-log((1 + p)/2)", P, T),
    ("monotonicity", "-log(p)", "<", "-log((1 + p)/2)", P, F),
    ("monotonicity", "tanh(x**2)", ">=", "0", R, T),
    ("monotonicity", "tanh(x**2)", ">", "0", R, F, [{"x": 0}]),
    ("monotonicity", "sigmoid(z + 1)", ">", "sigmoid(z)", R, T),
    ("monotonicity", "sigmoid(z)", ">", "sigmoid(z + 1)", R, F),
    ("monotonicity", "tanh(z + 1)", ">", "tanh(z)", R, T),
    # -- squares -------------------------------------------------------------------------------
    ("squares", "(a + b)**2", "=", "a**2 + 2*a*b + b**2", R, T),
    ("squares", "(a + b)**2", "=", "a**2 + b**2", R, F),
    ("squares", "(a - b)**2", "=", "a**2 - 2*a*b + b**2", R, T),
    ("squares", "(a - b)**2", "=", "a**2 - b**2", R, F),
    ("squares", "(a + b)**2", ">=", "4*a*b", R, T),
    ("squares", "(a + b)**2", ">", "4*a*b", R, F, [{"a": 1, "b": 1}]),
    ("squares", "a**2 + b**2", ">=", "2*a*b", R, T),
    ("squares", "a**2 + b**2", ">=", "3*a*b", R, F, [{"a": 1, "b": 1}]),
    ("squares", "x**2 - 2*x + 1", ">=", "0", R, T),
    ("squares", "x**2 - 2*x + 1", ">", "0", R, F, [{"x": 1}]),
    ("squares", "x**2 + x + 1", ">", "0", R, T),
    ("squares", "x**2 + x - 1", ">", "0", R, F, [{"x": 0}]),
    ("squares", "4*p*(1 - p)", "<=", "1", {"p": "unit"}, T),
    ("squares", "4*p*(1 - p)", "<", "1", {"p": "unit"}, F, [{"p": "1/2"}]),
    ("squares", "x**4", ">=", "x**2", R, F, [{"x": "1/2"}]),
    ("squares", "(x**2 + 1)**2", ">=", "4*x**2", R, T),
    ("squares", "(x**2 + 1)**2", ">", "4*x**2", R, F, [{"x": 1}]),
    ("squares", "sqrt(a**2)", "=", "a", {"a": "nonnegative"}, T),
    ("squares", "sqrt(a**2)", "=", "Abs(a)", R, T),
    ("squares", "(a + b)**3", "=", "a**3 + b**3", R, F),
    ("squares", "x**2", ">=", "x", {"x": "label"}, T),
    ("squares", "x**2", ">=", "x", {"x": "probability"}, F),
    ("squares", "x**2", "<=", "x", {"x": "unit"}, T),
    ("squares", "x**2", "<", "x", {"x": "unit"}, F, [{"x": 0}]),
]


# ---------------------------------------------------------------------------------------------
# Independent numeric validation (SymPy parse of trusted strings + mpmath at 50 digits)
# ---------------------------------------------------------------------------------------------
DPS = 50


def _sympy_env(text_parts):
    import sympy

    env = {
        "log": sympy.log, "ln": sympy.log, "exp": sympy.exp, "sqrt": sympy.sqrt, "Abs": sympy.Abs,
        "tanh": sympy.tanh, "Sum": sympy.Sum, "Product": sympy.Product, "diff": sympy.diff,
        "Derivative": sympy.Derivative, "E": sympy.E, "pi": sympy.pi,
    }
    u = sympy.Dummy("u")
    env["log2"] = sympy.Lambda(u, sympy.log(u, 2))
    z = sympy.Dummy("z")
    env["sigmoid"] = sympy.Lambda(z, 1 / (1 + sympy.exp(-z)))
    families = set()
    for text in text_parts:
        families |= set(re.findall(r"([A-Za-z_]\w*)\[", text))
    for name in families:
        env[name] = sympy.IndexedBase(name)
    return env, families


def _parse(text, env):
    from sympy.parsing.sympy_parser import parse_expr

    local = dict(env)
    for name in set(re.findall(r"[A-Za-z_]\w*", text)):
        if name not in local:
            import sympy
            local[name] = sympy.Symbol(name)
    return parse_expr(text, local_dict=local)  # trusted strings, written in this file


def _limit_names(expr):
    import sympy

    names, bound = set(), set()
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, (sympy.Sum, sympy.Product)):
            for lim in node.limits:
                bound.add(lim[0])
                for b in lim[1:]:
                    names |= {str(s) for s in b.free_symbols}
    return names, {str(b) for b in bound}


def _family_ranges(expr, name):
    import sympy

    out = []
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, (sympy.Sum, sympy.Product)):
            if any(str(b.label) == name for b in node.function.atoms(sympy.IndexedBase)):
                out.extend((lim[1], lim[2]) for lim in node.limits)
    return out


def _sample(dom, rng, k):
    """A value of a domain as a SymPy exact number (rational) — edge values first."""
    import sympy
    Q = sympy.Rational
    simple = {
        "probability": [Q(1, 2), Q(1, 10), Q(9, 10), Q(1, 10**12), 1 - Q(1, 10**12), Q(1, 3), Q(99, 100)],
        "unit": [Q(0), Q(1), Q(1, 2), Q(1, 10**12), 1 - Q(1, 10**12), Q(1, 3)],
        "positive": [Q(1), Q(1, 2), Q(2), Q(1, 10**9), Q(10**9), Q(3), Q(1, 3)],
        "nonnegative": [Q(0), Q(1), Q(1, 2), Q(1, 10**9), Q(10**9), Q(3)],
        "real": [Q(0), Q(1), Q(-1), Q(1, 2), Q(-1, 2), Q(30), Q(-30), Q(1, 10**9), Q(3)],
        "label": [Q(0), Q(1)],
    }[dom]
    if k < len(simple) and rng.random() < 0.5:
        return simple[k % len(simple)]
    if rng.random() < 0.3:
        return rng.choice(simple)
    if dom == "label":
        return Q(rng.randint(0, 1))
    if dom in ("probability", "unit"):
        return Q(rng.randint(1, 10**6 - 1), 10**6)
    mag = Q(rng.randint(1, 4 * 10**6), 10**rng.randint(5, 9))  # up to 40: exp/tanh stay resolvable
    if dom in ("positive", "nonnegative"):
        return mag
    return mag if rng.random() < 0.5 else -mag


def _simplex(size, rng, k):
    import sympy
    Q = sympy.Rational
    if size == 1:
        return [Q(1)]
    if k % 4 == 0:
        return [Q(1, size)] * size
    if k % 4 == 1:
        eps = Q(1, 10**9)
        return [1 - eps * (size - 1)] + [eps] * (size - 1)
    w = [Q(rng.randint(1, 1000)) for _ in range(size)]
    t = sum(w)
    return [x / t for x in w]


def _as_number(v):
    import sympy
    if isinstance(v, str):
        return sympy.sympify(v)
    if isinstance(v, float):
        return sympy.nsimplify(v, rational=True)
    return sympy.Integer(v) if isinstance(v, int) else v


class _Claim:
    def __init__(self, entry):
        import sympy

        self.topic, self.lhs_text, self.rel, self.rhs_text, self.assume, self.truth = entry[:6]
        self.witnesses = entry[6] if len(entry) > 6 else []
        env, self.families = _sympy_env([self.lhs_text, self.rhs_text])
        self.lhs = _parse(self.lhs_text, env)
        self.rhs = _parse(self.rhs_text, env)
        lim_l, bound_l = _limit_names(self.lhs)
        lim_r, bound_r = _limit_names(self.rhs)
        self.lengths = sorted(lim_l | lim_r)
        bound = bound_l | bound_r
        labels = {b.label for e in (self.lhs, self.rhs) for b in e.atoms(sympy.IndexedBase)}
        syms = {s for e in (self.lhs, self.rhs) for s in e.free_symbols
                if isinstance(s, sympy.Symbol) and s not in labels}
        self.scalars = sorted(str(s) for s in syms if str(s) not in self.lengths and str(s) not in bound)
        for name in self.scalars + sorted(self.families):
            dom = self.assume.get(name, "real")
            assert dom != "simplex" or name in self.families, name

    def points(self, count, rng):
        for k in range(count):
            yield self._point(k, rng, {})
        for w in self.witnesses:
            yield self._point(0, rng, w)

    def _point(self, k, rng, fixed):
        import sympy
        pt = {}
        lengths = {}
        for name in self.lengths:
            lengths[name] = int(fixed.get(name, [2, 3, 1, 4, 5, 6][k % 6]))
        for name in self.scalars:
            if name in fixed:
                pt[sympy.Symbol(name)] = _as_number(fixed[name])
            else:
                pt[sympy.Symbol(name)] = _sample(self.assume.get(name, "real"), rng, k)
        members = {}
        for name in sorted(self.families):
            dom = self.assume.get(name, "real")
            idx = set()
            for e in (self.lhs, self.rhs):
                for lo, hi in _family_ranges(e, name):
                    lo = int(lo.subs({sympy.Symbol(n): v for n, v in lengths.items()}))
                    hi = int(hi.subs({sympy.Symbol(n): v for n, v in lengths.items()}))
                    idx |= set(range(lo, hi + 1))
                for node in e.atoms(sympy.Indexed):
                    if str(node.base.label) == name:
                        ind = node.indices[0].subs({sympy.Symbol(n): v for n, v in lengths.items()})
                        if ind.is_Integer:
                            idx.add(int(ind))
            idx = sorted(idx)
            if name in fixed:
                vals = [_as_number(v) for v in fixed[name]]
                assert len(vals) == len(idx), (name, idx, vals)
            elif dom == "simplex":
                vals = _simplex(len(idx), rng, k)
            else:
                vals = [_sample(dom, rng, k + j) for j in range(len(idx))]
            for i, v in zip(idx, vals):
                members[(name, i)] = v
            if dom == "simplex":
                assert sum(vals) == 1 and all(v > 0 for v in vals), (name, vals)
        return lengths, pt, members

    def instantiate(self, side, point, exact=True):
        import sympy
        lengths, scalars, members = point
        if not exact:  # SymPy would try rational powers of big rationals exactly: use 60-digit floats
            scalars = {k: sympy.Float(sympy.N(v, 70), 70) for k, v in scalars.items()}
            members = {k: sympy.Float(sympy.N(v, 70), 70) for k, v in members.items()}
        e = side.xreplace({sympy.Symbol(n): sympy.Integer(v) for n, v in lengths.items()})
        e = e.doit()
        repl = {}
        for node in e.atoms(sympy.Indexed):
            key = (str(node.base.label), int(node.indices[0]))
            repl[node] = members[key]
        e = e.xreplace(repl).xreplace(scalars)
        return e

    def values(self, point):
        import mpmath
        import sympy
        out = []
        for side in (self.lhs, self.rhs):
            e = self.instantiate(side, point, exact=False)
            v = sympy.N(e, DPS)
            if v.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or not v.is_number:
                return None, e
            re_, im_ = v.as_real_imag()
            if abs(sympy.N(im_, DPS)) > sympy.Float("1e-40"):
                return None, e
            out.append(mpmath.mpf(str(sympy.N(re_, DPS))))
        return out, None

    def exact_gap(self, point):
        import sympy
        d = sympy.simplify(self.instantiate(self.lhs, point) - self.instantiate(self.rhs, point))
        return d


def validate(claim, count=300, seed=7):
    """Return (ok, message)."""
    import mpmath
    import sympy
    mpmath.mp.dps = DPS
    rng = random.Random(seed)
    tol = mpmath.mpf(10) ** -35
    margin = mpmath.mpf(10) ** -20
    for point in claim.points(count, rng):
        vals, bad = claim.values(point)
        if vals is None:
            return False, f"not finite/real at {point}: {bad}"
        left, right = vals
        scale = max(mpmath.mpf(1), abs(left), abs(right))
        d = (left - right) / scale
        rel = claim.rel
        holds = {"=": abs(d) <= tol, "<=": d <= tol, ">=": -d <= tol,
                 "<": d < -tol, ">": d > tol}[rel]
        if claim.truth and not holds:
            if rel in ("<", ">") and abs(d) <= tol:
                import sympy
                gap = sympy.N(claim.instantiate(claim.lhs, point) - claim.instantiate(claim.rhs, point), 400)
                if gap.is_number and gap != 0 and ((gap < 0) if rel == "<" else (gap > 0)):
                    continue
            return False, f"true claim fails at {point}: {left} vs {right}"
        if not claim.truth and not holds:
            fails_clearly = {"=": abs(d) > margin, "<=": d > margin, ">=": -d > margin,
                             "<": d > margin, ">": -d > margin}[rel]
            if fails_clearly:
                return True, "refuted at a sampled point"
            if rel in ("<", ">") and abs(d) <= tol and claim.exact_gap(point) == 0:
                return True, "refuted exactly (equality where strict was claimed)"
    if claim.truth:
        return True, "holds at every point"
    return False, "false claim not refuted by any point or witness"


def entries():
    out = []
    for k, entry in enumerate(CLAIMS, 1):
        topic, lhs, rel, rhs, assume, truth = entry[:6]
        out.append({"id": k, "topic": topic, "lhs": lhs, "rel": rel, "rhs": rhs,
                    "assume": dict(assume), "truth": truth})
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="validate only; do not write claims.jsonl")
    ap.add_argument("--points", type=int, default=300)
    ap.add_argument("--only", type=int, nargs="*", help="validate only these ids (1-based)")
    ap.add_argument("-v", "--verbose", action="store_true", help="one line per claim, with its time")
    args = ap.parse_args(argv)
    bad = 0
    for k, entry in enumerate(CLAIMS, 1):
        if args.only and k not in args.only:
            continue
        started = time.process_time()
        try:
            claim = _Claim(entry)
            ok, msg = validate(claim, args.points)
        except Exception as exc:  # noqa: BLE001
            ok, msg = False, f"{type(exc).__name__}: {exc}"
        if args.verbose:
            print(f"#{k} {time.process_time() - started:.2f}s cpu {'ok' if ok else 'BAD'} {msg}", flush=True)
        if not ok:
            bad += 1
            print(f"BAD #{k} {entry[1]} {entry[2]} {entry[3]} {entry[4]} truth={entry[5]}: {msg}", flush=True)
    n_true = sum(1 for e in CLAIMS if e[5])
    print(f"{len(CLAIMS)} claims ({n_true} true, {len(CLAIMS) - n_true} false); {bad} failed validation")
    if bad:
        return 1
    if not args.check and not args.only:
        with OUT.open("w") as fh:
            for e in entries():
                fh.write(json.dumps(e) + "\n")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
