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
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1

Floats = npt.NDArray[np.float64]

CENT = Decimal("0.01")
# Four parameters from fewer customers than this are noise, and the optimiser wanders off to infinity.
MIN_CUSTOMERS = 10
# A parameter past e^±20 (5e8, 2e-9) is one the likelihood pushed to infinity or zero on degenerate data
# (every spend identical, say); Nelder-Mead then stops on a flat ridge and calls it success. Real fits sit
# far inside: the shapes near 0.1-100, the scales (alpha, v) in the data's own time and money units.
MAX_ABS_LOG_PARAMETER = 20.0


def _array(values: Sequence[float] | Floats, name: str) -> Floats:
    out = np.asarray(values, dtype=np.float64)
    if out.ndim != 1:
        raise ValueError(f"{name} must be a flat sequence of numbers")
    if not np.all(np.isfinite(out)):
        raise ValueError(f"{name} has a value that is not a finite number")
    return out


def _maximise(neg_ll: Callable[[Floats], float], start: Floats, model: str, names: str) -> Floats:
    """Minimise over log-parameters, so every parameter stays positive without bounds.

    Nelder-Mead because it needs no gradient: a numerical one makes BFGS report "precision loss" on
    perfectly good optima, which would read as a failure here."""

    def objective(log_params: Floats) -> float:
        value = neg_ll(log_params)
        # A NaN (inf - inf far out on a ridge) would poison the simplex; inf just steers it away.
        return value if np.isfinite(value) else np.inf

    result = minimize(
        objective,
        start,
        method="Nelder-Mead",
        options={"xatol": 1e-8, "fatol": 1e-10, "maxiter": 20_000, "maxfev": 40_000},
    )
    params = np.exp(result.x)
    if not result.success or not np.isfinite(result.fun) or not np.all(np.isfinite(params) & (params > 0)):
        raise ValueError(f"the {model} fit did not converge: {result.message}")
    for name, log_value in zip(names.split(), result.x, strict=True):
        if abs(log_value) > MAX_ABS_LOG_PARAMETER:
            raise ValueError(
                f"the {model} fit did not converge: {name} ran off to {np.exp(log_value):.3g}"
                f" (the data cannot pin it down; scipy: {result.message})"
            )
    return np.asarray(params, dtype=np.float64)


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
    ) -> BgNbd:
        """Maximum likelihood over the customers' (x, t_x, T)."""
        x, t_x, age = _array(frequency, "frequency"), _array(recency, "recency"), _array(T, "T")
        _check_rfm(x, t_x, age)
        if not np.any(x > 0):
            # Without a repeat purchase the dropout process is unidentified: a and b run off to infinity.
            raise ValueError("no customer has a repeat purchase: the model cannot be fitted")

        def neg_ll(log_params: Floats) -> float:
            r, alpha, a, b = np.exp(log_params)
            return -float(np.sum(_bgnbd_log_likelihood(r, alpha, a, b, x, t_x, age)))

        # alpha is a time scale, so it starts at the data's: the same fit then works in days or weeks.
        start = np.log(np.array([1.0, float(np.mean(age)), 1.0, 1.0]))
        r, alpha, a, b = _maximise(neg_ll, start, "BG/NBD", "r alpha a b")
        return cls(r=float(r), alpha=float(alpha), a=float(a), b=float(b))

    def _alive_odds_against(self, x: float, t_x: float, T: float) -> float:
        """The paper's a/(b+x-1) · ((alpha+T)/(alpha+t_x))^(r+x) term: 0 for x == 0, where the customer
        cannot have dropped out (dropout happens only right after a repeat purchase)."""
        if x < 0 or not float(x).is_integer() or T <= 0 or not 0 <= t_x <= T:
            raise ValueError("need a whole x >= 0 and 0 <= t_x <= T, T > 0")
        if x == 0:
            return 0.0
        return float(
            self.a / (self.b + x - 1) * np.exp((self.r + x) * np.log((self.alpha + T) / (self.alpha + t_x)))
        )

    def p_alive(self, x: float, t_x: float, T: float) -> float:
        """P(still a customer | x, t_x, T), the paper's P(alive)."""
        return 1.0 / (1.0 + self._alive_odds_against(x, t_x, T))

    def expected_purchases(self, t: float, x: float, t_x: float, T: float) -> float:
        """Expected purchases in the next t periods of a customer with history (x, t_x, T), eq. (10)."""
        if t < 0:
            raise ValueError("the horizon t cannot be negative")
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        odds = self._alive_odds_against(x, t_x, T)
        if t == 0:
            return 0.0
        if abs(a - 1.0) < 1e-6:
            # At a == 1 the formula is 0/0 (its limit is finite); 1e-6 off it changes the result by about
            # 1e-6 of itself, and the cancellation stays near 1e-10.
            a = 1.0 + 1e-6
        z = t / (alpha + T + t)
        shrink = np.exp((r + x) * np.log((alpha + T) / (alpha + T + t)))
        series = hyp2f1(r + x, b + x, a + b + x - 1, z)
        value = (a + b + x - 1) / (a - 1) * (1 - shrink * series) / (1 + odds)
        if not np.isfinite(value):
            raise ValueError(f"expected purchases are not finite for x={x}, t_x={t_x}, T={T}, t={t}")
        return max(float(value), 0.0)


@dataclass(frozen=True)
class GammaGamma:
    """Gamma-Gamma: each purchase's value is gamma(p, nu) with the customer's nu gamma(q, v) across
    customers; spend is assumed independent of how often one buys."""

    p: float
    q: float
    v: float

    @classmethod
    def fit(cls, frequency: Sequence[float] | Floats, monetary: Sequence[Decimal]) -> GammaGamma:
        """Maximum likelihood over the customers with a repeat purchase (x > 0): m is the mean value of
        their repeat purchases (the first is excluded in the papers' data, as it differs in kind)."""
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

        def neg_ll(log_params: Floats) -> float:
            p, q, v = np.exp(log_params)
            px = p * x
            # Fader & Hardie (2013): the density of the mean zbar of x values, in logs.
            ll = (
                gammaln(px + q)
                - gammaln(px)
                - gammaln(q)
                + q * np.log(v)
                + (px - 1) * np.log(m)
                + px * np.log(x)
                - (px + q) * np.log(v + x * m)
            )
            return -float(np.sum(ll))

        # v is a money scale, so it starts at the data's: the fit is the same in cents or in yen.
        start = np.log(np.array([1.0, 2.0, float(np.mean(m))]))
        p, q, v = _maximise(neg_ll, start, "Gamma-Gamma", "p q v")
        return cls(p=float(p), q=float(q), v=float(v))

    def _expected_average_spend(self, x: float, m: float) -> float:
        if x < 0:
            raise ValueError("x cannot be negative")
        denominator = self.p * x + self.q - 1
        if denominator <= 0:
            # q <= 1: the population's mean spend is infinite, and so is a new customer's expectation.
            raise ValueError(f"expected spend is unbounded for q = {self.q:.4g} and x = {x}")
        if x == 0:
            return self.p * self.v / (self.q - 1)  # the population mean; m plays no part
        if m <= 0:
            raise ValueError("the mean spend m of a customer with repeat purchases must be positive")
        return self.p * (self.v + x * m) / denominator

    def expected_average_spend(self, x: float, m: Decimal) -> Decimal:
        """E[spend per purchase | x repeat purchases averaging m], in cents: a weighted mean of the
        population's mean and the customer's own; for x == 0 the population's mean p·v/(q-1)."""
        return _to_money(self._expected_average_spend(x, float(m)))


def _to_money(value: float) -> Decimal:
    if not np.isfinite(value):
        raise ValueError("the model gave an amount that is not a finite number")
    return Decimal(repr(value)).quantize(CENT)


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
    return _to_money(purchases * spend)
