"""Writes numpy_randomstate.csv: reference draws of numpy's legacy RandomState (numpy 1.24.2),
used by NumpyRandomStateTest. Run: /usr/bin/python3 make_numpy_randomstate.py (needs numpy only).
Columns: seed,call,i,value. Floats are repr() (round-trip exact)."""
import numpy as np

rows = []
def emit(seed, call, values):
    for i, v in enumerate(np.ravel(values)):
        rows.append(f"{seed},{call},{i},{repr(float(v)) if isinstance(v, (float, np.floating)) else int(v)}")

for seed in (0, 1, 42, 4294967295):
    emit(seed, "random_sample", np.random.RandomState(seed).random_sample(20))
    emit(seed, "randint_0_360", np.random.RandomState(seed).randint(0, 360, size=20))
    emit(seed, "randint_0_1650", np.random.RandomState(seed).randint(0, 1650, size=20))
    emit(seed, "randint_5_2pow40", np.random.RandomState(seed).randint(5, 2**40, size=10))
    emit(seed, "standard_normal", np.random.RandomState(seed).standard_normal(21))
    emit(seed, "uniform", np.random.RandomState(seed).uniform(size=20))
    emit(seed, "beta_10_10", np.random.RandomState(seed).beta(10, 10, size=20))
    emit(seed, "beta_0.5_0.7", np.random.RandomState(seed).beta(0.5, 0.7, size=20))
    emit(seed, "permutation_37", np.random.RandomState(seed).permutation(37))
    emit(seed, "choice_50_10_noreplace", np.random.RandomState(seed).choice(range(50), size=10, replace=False))
    emit(seed, "choice_7_30_replace", np.random.RandomState(seed).choice(7, size=30))
    # a mixed stream: the order imblearn's SMOTE uses (randint then uniform)
    rs = np.random.RandomState(seed)
    emit(seed, "mixed_randint_0_150", rs.randint(0, 150, size=15))
    emit(seed, "mixed_uniform", rs.uniform(size=15))

with open("numpy_randomstate.csv.tmp", "w") as f:
    f.write("seed,call,i,value\n")
    f.write("\n".join(rows) + "\n")
import os
os.replace("numpy_randomstate.csv.tmp", "numpy_randomstate.csv")
print(len(rows), "rows", np.__version__)
