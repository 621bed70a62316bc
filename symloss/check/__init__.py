"""The checker: verdicts, numeric refutation, symbolic proof, lemmas, time limits."""
from symloss.check.engine import check, check_claims, verify_all, verify_derivation
from symloss.check.report import Report, StepResult
from symloss.check.verdict import Status, Verdict

__all__ = ["check", "check_claims", "verify_all", "verify_derivation", "Report", "StepResult",
           "Status", "Verdict"]
