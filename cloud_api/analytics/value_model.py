"""The customer value model: how often a customer buys, whether they are still a customer, what they spend.

BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way") gives each customer's P(alive)
and expected purchases over the next t periods from three numbers: repeat purchases x, the time of the
last one t_x and the customer's age T (all from the first purchase, in one time unit of the caller's
choosing — weeks in the papers, days for "the next 30 days"). Gamma-Gamma (Fader & Hardie 2013, "The
Gamma-Gamma Model of Monetary Value") gives the expected spend per purchase from x and the mean value m of
the repeat purchases. Their product over a horizon is the customer lifetime value.

Money enters and leaves as `Decimal`, the project's rule; inside the statistics it is a float, because
likelihoods, gamma functions and hypergeometric series have no exact decimal form and the model's own
error dwarfs a float's. Only the final amounts are turned back into cents.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import numpy.typing as npt
from scipy.optimize import OptimizeResult, minimize
from scipy.special import betaln, expit, gammaln, hyp2f1

Floats = npt.NDArray[np.float64]

CENT = Decimal("0.01")
# Four parameters from fewer customers than this are noise, and the optimiser wanders off to infinity.
MIN_CUSTOMERS = 10
# A parameter past e^±20 (5e8, 2e-9) is one the likelihood pushed to infinity or zero on degenerate data
# (every spend identical, say); Nelder-Mead then stops on a flat ridge and calls it success. Real fits sit
# far inside: the shapes near 0.1-100, the scales (alpha, v) in the data's own time and money units.
MAX_ABS_LOG_PARAMETER = 20.0
# The penalty on the shape parameters (BG/NBD r, a, b; Gamma-Gamma p, q) where the likelihood is flat: the
# objective is the mean negative log-likelihood plus PENALIZER · Σ max(0, |log shape| - FREE_LOG_SHAPE)².
# It exists for the ridges along which the likelihood keeps creeping up towards infinity — a and b growing
# together when every customer is about as likely to drop out (the Beta narrows to a point), r and alpha
# together when every customer buys at about the same rate — where the plain fit runs off or runs out of
# evaluations (the 2026-12-07 benchmark's 1,000,000 receipts). The idea is the `lifetimes` package's
# penalizer_coef (an L2 penalty), on log-parameters and with a flat bottom: a plain L2 pull towards 1 strong
# enough to matter also moved identified fits (at 0.001 per customer CDNOW's a went from 0.793 to 0.703,
# Gamma-Gamma's v from 15.4 to 17.2), while shapes inside e^±5 (0.0067 to 148) — real ones sit there —
# cost nothing, so the published estimates come out unchanged. Out on a ridge a shape of 150 or 1,000
# predicts what infinity would; the penalty just gives the optimiser a place to stop. The scales (alpha,
# v: days, money) are left alone, so the penalty is the same in any unit; per customer, it weighs the
# same on a sample as on everyone.
PENALIZER = 0.01
FREE_LOG_SHAPE = 5.0
# Customers a nightly fit is made on: the parameters describe the population, and 20,000 pin them down
# well (test_value_model's sampled fits); scoring then covers every customer.
SAMPLE_SIZE = 20_000
MAX_RESTARTS = 5
RESTART_GAIN = 1e-11  # in the mean log-likelihood: below it a restart found nothing more


class NotConverged(ValueError):
    """The optimiser stopped without an optimum worth publishing. `estimates` is where it stopped, for the
    log; nothing should be scored with them."""

    def __init__(self, message: str, estimates: dict[str, float]) -> None:
        super().__init__(message)
        self.estimates = estimates


def sample(n: int, size: int, seed: int) -> npt.NDArray[np.intp]:
    """The positions of a seeded random sample of `size` of n customers, in order (all of them when
    n <= size): the same data and seed give the same sample, so a nightly refit is reproducible."""
    if size < 1:
        raise ValueError("the sample must hold at least one customer")
    if n <= size:
        return np.arange(n, dtype=np.intp)
    chosen = np.random.default_rng(seed).choice(n, size=size, replace=False)
    return np.sort(chosen).astype(np.intp)


def _array(values: Sequence[float] | Floats, name: str) -> Floats:
    out = np.asarray(values, dtype=np.float64)
    if out.ndim != 1:
        raise ValueError(f"{name} must be a flat sequence of numbers")
    if not np.all(np.isfinite(out)):
        raise ValueError(f"{name} has a value that is not a finite number")
    return out


def _maximise(
    neg_ll: Callable[[Floats], Floats],
    start: Floats,
    model: str,
    names: str,
    shapes: Sequence[bool],
    penalizer: float,
) -> Floats:
    """Minimise the mean negative log-likelihood (plus the penalty on the shapes out on a ridge) over
    log-parameters, so every parameter stays positive without bounds; raise NotConverged unless the
    optimiser reports success at a finite point inside ±MAX_ABS_LOG_PARAMETER.

    Nelder-Mead because it needs no gradient: a numerical one makes BFGS report "precision loss" on
    perfectly good optima, which would read as a failure here. The mean rather than the sum keeps the
    tolerances and the penalty the same for 2,000 customers or 100,000."""
    if penalizer < 0:
        raise ValueError("the penalizer cannot be negative")
    penalised = np.asarray(shapes, dtype=bool)

    def objective(log_params: Floats) -> float:
        value = float(np.mean(neg_ll(log_params)))
        excess = np.maximum(np.abs(log_params[penalised]) - FREE_LOG_SHAPE, 0.0)
        value += penalizer * float(np.sum(excess**2))
        # A NaN (inf - inf far out on a ridge) would poison the simplex; inf just steers it away.
        return value if np.isfinite(value) else np.inf

    # Nelder-Mead's simplex can collapse short of the optimum on a long flat valley (it stopped at
    # a = 0.804 for CDNOW's 0.793 from one start): a fresh simplex from where it stopped goes on, until a
    # restart no longer improves the objective.
    result = _nelder_mead(objective, start)
    for _ in range(MAX_RESTARTS):
        if not result.success:
            break
        again = _nelder_mead(objective, result.x)
        improved = result.fun - again.fun
        result = again if again.fun <= result.fun else result
        if not improved > RESTART_GAIN:
            break
    params = np.exp(result.x)
    estimates = {name: float(value) for name, value in zip(names.split(), params, strict=True)}
    if not result.success or not np.isfinite(result.fun) or not np.all(np.isfinite(params) & (params > 0)):
        raise NotConverged(f"the {model} fit did not converge: {result.message}", estimates)
    for name, log_value in zip(names.split(), result.x, strict=True):
        if abs(log_value) > MAX_ABS_LOG_PARAMETER:
            raise NotConverged(
                f"the {model} fit did not converge: {name} ran off to {np.exp(log_value):.3g}"
                f" (the data cannot pin it down; scipy: {result.message})",
                estimates,
            )
    return np.asarray(params, dtype=np.float64)


def _nelder_mead(objective: Callable[[Floats], float], start: Floats) -> OptimizeResult:
    return minimize(
        objective,
        start,
        method="Nelder-Mead",
        options={"xatol": 1e-8, "fatol": 1e-12, "maxiter": 10_000, "maxfev": 10_000},
    )


def _bgnbd_log_likelihood(
    r: float, alpha: float, a: float, b: float, x: Floats, t_x: Floats, T: Floats
) -> Floats:
    """Each customer's log-likelihood (the paper's four-term form, A1 to A4), in logs throughout: the
    gamma ratios overflow a float for x in the hundreds."""
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x) - betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    repeat = x > 0
    # b + x - 1 is only used for x > 0, where it is > 0; x == 0 gets a harmless 1 instead of log(b - 1).
    a4 = np.log(a) - np.log(np.where(repeat, b + x - 1, 1.0)) - (r + x) * np.log(alpha + t_x)
    both = np.logaddexp(a3, a4)  # log(e^a3 + e^a4) without overflow
    return np.asarray(a1 + a2 + np.where(repeat, both, a3), dtype=np.float64)


def _check_rfm(frequency: Floats, recency: Floats, T: Floats) -> None:
    if not len(frequency) == len(recency) == len(T):
        raise ValueError("frequency, recency and T must have one value per customer each")
    if len(frequency) == 0:
        raise ValueError("no customers to fit")
    if len(frequency) < MIN_CUSTOMERS:
        raise ValueError(f"too few customers to fit: {len(frequency)}, at least {MIN_CUSTOMERS} needed")
    if np.any(frequency < 0) or np.any(frequency != np.floor(frequency)):
        # A fraction of a purchase makes b + x - 1 negative for small b: P(alive) above 1.
        raise ValueError("frequency (repeat purchases) must be a whole number, 0 or more")
    if np.any(T <= 0):
        raise ValueError("T (a customer's age) must be positive")
    if np.any(recency < 0) or np.any(recency > T):
        raise ValueError("recency must lie between 0 and the customer's age T")


def _check_history(x: Floats, t_x: Floats, T: Floats) -> None:
    if not len(x) == len(t_x) == len(T):
        raise ValueError("x, t_x and T must have one value per customer each")
    if np.any(x < 0) or np.any(x != np.floor(x)) or np.any(T <= 0) or np.any(t_x < 0) or np.any(t_x > T):
        raise ValueError("need a whole x >= 0 and 0 <= t_x <= T, T > 0")


@dataclass(frozen=True)
class BgNbd:
    """BG/NBD: purchases at a gamma(r, alpha)-distributed Poisson rate while alive; after each purchase
    the customer drops out with a beta(a, b)-distributed probability."""

    r: float
    alpha: float
    a: float
    b: float

    @classmethod
    def fit(
        cls,
        frequency: Sequence[float] | Floats,
        recency: Sequence[float] | Floats,
        T: Sequence[float] | Floats,
        penalizer: float = PENALIZER,
    ) -> BgNbd:
        """Maximum likelihood over the customers' (x, t_x, T), with PENALIZER's bound on r, a and b
        (penalizer=0: the plain maximum likelihood of the papers). Raises NotConverged (a ValueError)
        when the optimiser finds no optimum."""
        x, t_x, age = _array(frequency, "frequency"), _array(recency, "recency"), _array(T, "T")
        _check_rfm(x, t_x, age)
        if not np.any(x > 0):
            # Without a repeat purchase the dropout process is unidentified: a and b run off to infinity.
            raise ValueError("no customer has a repeat purchase: the model cannot be fitted")

        def neg_ll(log_params: Floats) -> Floats:
            r, alpha, a, b = np.exp(log_params)
            return -_bgnbd_log_likelihood(r, alpha, a, b, x, t_x, age)

        # r = 1 with alpha at the data's mean time between repeat purchases: a start of the right order in
        # days or weeks alike, whatever the unit.
        alpha = float(np.sum(age) / np.sum(x))
        start = np.log(np.array([1.0, alpha, 1.0, 1.0]))
        shapes = [True, False, True, True]
        r, alpha, a, b = _maximise(neg_ll, start, "BG/NBD", "r alpha a b", shapes, penalizer)
        return cls(r=float(r), alpha=float(alpha), a=float(a), b=float(b))

    def _log_odds_against(self, x: Floats, t_x: Floats, T: Floats) -> Floats:
        """log of the paper's a/(b+x-1) · ((alpha+T)/(alpha+t_x))^(r+x) term, -inf for x == 0, where
        the customer cannot have dropped out (dropout happens only right after a repeat purchase)."""
        repeat = x > 0
        # b + x - 1 is only used for x > 0; x == 0 gets a harmless 1 instead of a possibly negative b - 1.
        log_odds = (
            np.log(self.a)
            - np.log(np.where(repeat, self.b + x - 1, 1.0))
            + (self.r + x) * (np.log(self.alpha + T) - np.log(self.alpha + t_x))
        )
        return np.asarray(np.where(repeat, log_odds, -np.inf), dtype=np.float64)

    def p_alive_all(
        self, x: Sequence[float] | Floats, t_x: Sequence[float] | Floats, T: Sequence[float] | Floats
    ) -> Floats:
        """P(still a customer | x, t_x, T) of each customer, the paper's P(alive)."""
        xs, ts, ages = _array(x, "x"), _array(t_x, "t_x"), _array(T, "T")
        _check_history(xs, ts, ages)
        # 1 / (1 + e^log_odds) without overflow for a long-silent frequent buyer.
        return np.asarray(expit(-self._log_odds_against(xs, ts, ages)), dtype=np.float64)

    def expected_purchases_all(
        self,
        t: float,
        x: Sequence[float] | Floats,
        t_x: Sequence[float] | Floats,
        T: Sequence[float] | Floats,
    ) -> Floats:
        """Expected purchases in the next t periods of each customer with history (x, t_x, T), the
        paper's eq. (10); NaN where it is not a finite number (none seen: see the series below)."""
        if t < 0:
            raise ValueError("the horizon t cannot be negative")
        xs, ts, ages = _array(x, "x"), _array(t_x, "t_x"), _array(T, "T")
        _check_history(xs, ts, ages)
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        if abs(a - 1.0) < 1e-6:
            # At a == 1 the formula is 0/0 (its limit is finite); 1e-6 off it changes the result by about
            # 1e-6 of itself, and the cancellation stays near 1e-10.
            a = 1.0 + 1e-6
        z = t / (alpha + ages + t)
        # The paper's ((alpha+T)/(alpha+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x-1; z), by Euler's transformation
        # 2F1(A, B; C; z) = (1-z)^(C-A-B) 2F1(C-A, C-B; C; z) and 1 - z = (alpha+T)/(alpha+T+t): the same
        # number, but the paper's form multiplies a series that overflows by a power that underflows once x
        # is in the hundreds, and this one's first two arguments do not grow with x.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            shrunk = np.exp((a - 1) * np.log1p(-z)) * hyp2f1(a + b - 1 - r, a - 1, a + b + xs - 1, z)
            alive = expit(-self._log_odds_against(xs, ts, ages))
            value = (a + b + xs - 1) / (a - 1) * (1 - shrunk) * alive
        value = np.where(np.isfinite(value), np.maximum(value, 0.0), np.nan)
        return np.asarray(value, dtype=np.float64)

    def p_alive(self, x: float, t_x: float, T: float) -> float:
        """P(still a customer | x, t_x, T) of one customer."""
        return float(self.p_alive_all([x], [t_x], [T])[0])

    def expected_purchases(self, t: float, x: float, t_x: float, T: float) -> float:
        """Expected purchases in the next t periods of one customer with history (x, t_x, T)."""
        value = float(self.expected_purchases_all(t, [x], [t_x], [T])[0])
        if not np.isfinite(value):
            raise ValueError(f"expected purchases are not finite for x={x}, t_x={t_x}, T={T}, t={t}")
        return value


@dataclass(frozen=True)
class GammaGamma:
    """Gamma-Gamma: each purchase's value is gamma(p, nu) with the customer's nu gamma(q, v) across
    customers; spend is assumed independent of how often one buys."""

    p: float
    q: float
    v: float

    @classmethod
    def fit(
        cls,
        frequency: Sequence[float] | Floats,
        monetary: Sequence[Decimal],
        penalizer: float = PENALIZER,
    ) -> GammaGamma:
        """Maximum likelihood over the customers with a repeat purchase (x > 0): m is the mean value of
        their repeat purchases (the first is excluded in the papers' data, as it differs in kind). With
        PENALIZER's bound on p and q (penalizer=0: the paper's plain maximum likelihood); raises
        NotConverged (a ValueError) when the optimiser finds no optimum."""
        x_all = _array(frequency, "frequency")
        m_all = _array([float(m) for m in monetary], "monetary")  # float only inside the statistics
        if len(x_all) != len(m_all):
            raise ValueError("frequency and monetary must have one value per customer each")
        repeat = x_all > 0
        x, m = x_all[repeat], m_all[repeat]
        if len(x) == 0:
            raise ValueError("no customer has a repeat purchase: nothing to fit spend on")
        if len(x) < MIN_CUSTOMERS:
            raise ValueError(
                f"too few customers with a repeat purchase to fit: {len(x)}, at least {MIN_CUSTOMERS} needed"
            )
        if np.any(m <= 0):
            raise ValueError("monetary value must be positive for every customer with a repeat purchase")
        log_m, log_x = np.log(m), np.log(x)

        def neg_ll(log_params: Floats) -> Floats:
            p, q, v = np.exp(log_params)
            px = p * x
            # Fader & Hardie (2013): the density of the mean zbar of x values, in logs.
            ll = (
                gammaln(px + q)
                - gammaln(px)
                - gammaln(q)
                + q * np.log(v)
                + (px - 1) * log_m
                + px * log_x
                - (px + q) * np.log(v + x * m)
            )
            return np.asarray(-ll, dtype=np.float64)

        # v is a money scale, so it starts at the data's: the fit is the same in cents or in yen.
        start = np.log(np.array([1.0, 2.0, float(np.mean(m))]))
        p, q, v = _maximise(neg_ll, start, "Gamma-Gamma", "p q v", [True, True, False], penalizer)
        return cls(p=float(p), q=float(q), v=float(v))

    def expected_average_spend_all(self, x: Sequence[float] | Floats, m: Sequence[float] | Floats) -> Floats:
        """E[spend per purchase | x repeat purchases averaging m] of each customer, as floats: for x == 0
        the population's mean p·v/(q-1), whatever m says. Refuses q <= 1 (an unbounded mean) and a
        non-positive m of a customer with repeat purchases, as the one-customer form does."""
        xs, ms = _array(x, "x"), _array(m, "m")
        if len(xs) != len(ms):
            raise ValueError("x and m must have one value per customer each")
        if np.any(xs < 0):
            raise ValueError("x cannot be negative")
        if self.q <= 1:
            # The population's mean spend is infinite, and so is a new customer's expectation.
            raise ValueError(f"expected spend is unbounded for q = {self.q:.4g}")
        repeat = xs > 0
        if np.any(repeat & (ms <= 0)):
            raise ValueError("the mean spend m of a customer with repeat purchases must be positive")
        own = self.p * (self.v + xs * np.where(repeat, ms, 0.0)) / (self.p * xs + self.q - 1)
        return np.asarray(np.where(repeat, own, self.p * self.v / (self.q - 1)), dtype=np.float64)

    def _expected_average_spend(self, x: float, m: float) -> float:
        return float(self.expected_average_spend_all([x], [m])[0])

    def expected_average_spend(self, x: float, m: Decimal) -> Decimal:
        """E[spend per purchase | x repeat purchases averaging m], in cents: a weighted mean of the
        population's mean and the customer's own; for x == 0 the population's mean p·v/(q-1)."""
        return money(self._expected_average_spend(x, float(m)))


def money(value: float) -> Decimal:
    """A model amount (a float) as cents, the way every figure of the model is rounded."""
    if not np.isfinite(value):
        raise ValueError("the model gave an amount that is not a finite number")
    return Decimal(repr(float(value))).quantize(CENT)  # (a numpy float64 repr is "np.float64(...)")


def clv(
    bg: BgNbd,
    gg: GammaGamma,
    x: float,
    t_x: float,
    T: float,
    m: Decimal,
    periods: int,
    discount_rate_per_period: float = 0.0,
) -> Decimal:
    """A customer's expected spend over the next `periods` periods (the fit's time unit), in cents.

    Undiscounted it is expected purchases × expected spend per purchase (the models are independent,
    so the expectations multiply). With a rate d, the purchases expected in period k — the difference
    of expected purchases at k and k-1 — are valued at 1/(1+d)^k: a simple end-of-period discount, with
    d in the same time unit (a yearly 10 % on weekly data is 1.10^(1/52) - 1, not 0.10)."""
    if periods < 0:
        raise ValueError("periods cannot be negative")
    if discount_rate_per_period < 0:
        raise ValueError("the discount rate cannot be negative")
    spend = gg._expected_average_spend(x, float(m))  # float only inside the statistics
    if discount_rate_per_period == 0.0:
        purchases = bg.expected_purchases(periods, x, t_x, T)
    else:
        cumulative = [bg.expected_purchases(k, x, t_x, T) for k in range(periods + 1)]
        purchases = sum(
            (cumulative[k] - cumulative[k - 1]) / (1 + discount_rate_per_period) ** k
            for k in range(1, periods + 1)
        )
    return money(purchases * spend)
