"""Times lifetimes 0.11.3 on the inputs ClvPredictionBenchmark.main writes (same data, same parameters).

Usage: PYTHONPATH=<dir holding the lifetimes and autograd packages> python3 clv_lifetimes.py DIR [REPEATS [clv]]

With "clv", also the 52-week CLV of every shop customer (one timed run: it takes minutes).

Prints, per operation, the mean and standard deviation of REPEATS timed runs (after one untimed warm-up run) in
milliseconds, the fastest run, and a checksum (the sum of the results) to compare with the Java side's.
"""
import statistics
import sys
import time

import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter, ModifiedBetaGeoFitter, ParetoNBDFitter

directory = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 10

repeat_buyers = pd.read_csv(f"{directory}/cdnow_repeat.csv")
shop = pd.read_csv(f"{directory}/shop.csv")
params = pd.read_csv(f"{directory}/params.csv").set_index("model")
f = shop["frequency"].to_numpy(dtype=float)
r = shop["recency"].to_numpy()
T = shop["T"].to_numpy()


def fitted(cls, names, model):
    fitter = cls()
    fitter.params_ = pd.Series(params.loc[model, ["p1", "p2", "p3", "p4"]].to_numpy(), index=names)
    fitter.predict = fitter.conditional_expected_number_of_purchases_up_to_time  # as fit() sets it
    return fitter


models = {
    "bg-nbd": fitted(BetaGeoFitter, ["r", "alpha", "a", "b"], "bg-nbd"),
    "mbg-nbd": fitted(ModifiedBetaGeoFitter, ["r", "alpha", "a", "b"], "mbg-nbd"),
    "pareto-nbd": fitted(ParetoNBDFitter, ["r", "alpha", "s", "beta"], "pareto-nbd"),
}


def timed(name, action, runs=repeats):
    result = action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    sd = statistics.stdev(times) if len(times) > 1 else 0.0
    print(f"{name:32s} {statistics.mean(times):10.2f} ± {sd:8.2f} ms  (min {min(times):.2f}, {len(times)} runs)"
          f"  checksum {checksum(result)}", flush=True)


def checksum(result):
    if isinstance(result, GammaGammaFitter):
        return dict(result.params_)
    return f"{float(np.sum(np.asarray(result))):.10g}"


def gamma_gamma():
    return GammaGammaFitter(penalizer_coef=0.0).fit(
        repeat_buyers["frequency"], repeat_buyers["monetary_value"])


print(f"lifetimes on {len(repeat_buyers)} CDNOW repeat buyers and {len(shop)} shop customers", flush=True)
timed("gammaGammaFitCdnow", gamma_gamma)
for name, model in models.items():
    timed(f"expected52 {name}", lambda: model.conditional_expected_number_of_purchases_up_to_time(52, f, r, T))
for name, model in models.items():
    timed(f"alive {name}", lambda: model.conditional_probability_alive(f, r, T))
gg = GammaGammaFitter()
gg.params_ = pd.Series(params.loc["gamma-gamma", ["p1", "p2", "p3"]].to_numpy(), index=["p", "q", "v"])
m = shop["monetary_value"].to_numpy()
if len(sys.argv) > 3 and sys.argv[3] == "clv":
    timed("clv52 bg-nbd", lambda: gg.customer_lifetime_value(
        models["bg-nbd"], f, r, T, m, time=52, discount_rate=0.01, freq="M"), runs=1)
