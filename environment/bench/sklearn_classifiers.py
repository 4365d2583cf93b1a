#!/usr/bin/env python3
"""scikit-learn side of `./emolab bench classifiers`: the same models, settings, table, split and
seeds as emolab.bench.ClassifierBenchmark, timed the same way.

The table is the course's prepared one (prepared_features_{TRAIN,TEST}.csv: 106 standardised
features, train actors 1-18, test actors 19-24; labels from prepared_info_*.csv, target emotion).

  sklearn_classifiers.py [features-dir] [repeats]     print one line per model (median of repeats)
  sklearn_classifiers.py --serve [features-dir]       worker for the Java benchmark: reads one
        model name per line on stdin, fits it once and answers one line
        `<name> fit_s=<wall> cpu_s=<cpu> accuracy=<acc>` (LOF: `scores=<file>` with its training
        scores written there), so that the two sides can be timed alternately in one run.

CPU seconds are the process's user + system time (resource.getrusage, children excluded), which
includes the threads of joblib / OpenMP / BLAS.
"""
import csv
import os
import resource
import sys
import time

import numpy as np


def read_table(path, columns=None):
    """A CSV as (header, rows); numbers parsed with Python's float (correctly rounded, as Java's)."""
    with open(path, newline="") as f:
        r = csv.reader(f)
        header = next(r)
        rows = list(r)
    return header, rows


def load(features_dir):
    def features(name):
        header, rows = read_table(os.path.join(features_dir, "prepared_features_%s.csv" % name))
        keep = [j for j, h in enumerate(header) if h != "row"]
        rowcol = header.index("row")
        x = np.array([[float(r[j]) for j in keep] for r in rows], dtype=np.float64)
        return x, [int(r[rowcol]) for r in rows]

    def labels(name):
        header, rows = read_table(os.path.join(features_dir, "prepared_info_%s.csv" % name))
        e, rc = header.index("emotion"), header.index("row")
        return [r[e] for r in rows], [int(r[rc]) for r in rows]

    xtr, rtr = features("TRAIN")
    xte, rte = features("TEST")
    ytr_s, itr = labels("TRAIN")
    yte_s, ite = labels("TEST")
    if rtr != itr or rte != ite:
        raise SystemExit("prepared_features_* and prepared_info_* rows disagree in " + features_dir)
    classes = sorted(set(ytr_s) | set(yte_s))
    code = {c: i for i, c in enumerate(classes)}
    return xtr, np.array([code[c] for c in ytr_s]), xte, np.array([code[c] for c in yte_s])


def models():
    """name -> factory; the settings of emolab.classify.ReferenceFigures (random_state=0 everywhere)."""
    from sklearn.ensemble import BaggingClassifier, GradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import LocalOutlierFactor
    from sklearn.neural_network import MLPClassifier
    from sklearn.svm import SVC, LinearSVC

    return {
        "RF-1000": lambda: RandomForestClassifier(n_estimators=1000, criterion="entropy", n_jobs=-1, random_state=0),
        "SVC-RBF": lambda: SVC(C=10, gamma="auto"),
        # dual=True: the LIBLINEAR dual solver, LinearSVC's default up to 1.2 (the reference's version)
        "LinearSVC": lambda: LinearSVC(C=0.01, dual=True, random_state=0),
        "LogReg": lambda: LogisticRegression(C=0.1),
        "GradBoost": lambda: GradientBoostingClassifier(random_state=0),
        "Bagging-20-SVC": lambda: BaggingClassifier(SVC(C=10, gamma="auto"), n_estimators=20, random_state=0),
        "MLP-128": lambda: MLPClassifier(hidden_layer_sizes=(128,), early_stopping=True, random_state=0),
        "LOF": lambda: LocalOutlierFactor(n_neighbors=20),
    }


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run(name, factory, data, scores_file=None):
    """Fits once; returns (wall s, cpu s, accuracy or None). LOF: fit on the training rows, whose
    scores (negative_outlier_factor_) are computed by fit itself."""
    import warnings
    xtr, ytr, xte, yte = data
    m = factory()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ConvergenceWarning of LinearSVC / LogisticRegression at their defaults
        c0, t0 = cpu(), time.perf_counter()
        if name == "LOF":
            m.fit(xtr)
            s = -m.negative_outlier_factor_
        else:
            m.fit(xtr, ytr)
        wall, c = time.perf_counter() - t0, cpu() - c0
    if name == "LOF":
        if scores_file:
            tmp = scores_file + ".tmp"
            with open(tmp, "w") as f:
                f.write("\n".join(repr(float(v)) for v in s) + "\n")
            os.replace(tmp, scores_file)
        return wall, c, None
    return wall, c, float(np.mean(m.predict(xte) == yte))


def main(argv):
    serve = "--serve" in argv
    args = [a for a in argv if a != "--serve"]
    features_dir = args[0] if args else "../shared/ravdess/features"
    data = load(features_dir)
    ms = models()
    import sklearn
    if serve:
        print("ready sklearn=%s numpy=%s train=%dx%d test=%d" % (sklearn.__version__, np.__version__, data[0].shape[0],
                                                                  data[0].shape[1], data[2].shape[0]), flush=True)
        for line in sys.stdin:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "quit":
                break
            name = parts[0]
            if name not in ms:
                print("error unknown model %s; known: %s" % (name, " ".join(ms)), flush=True)
                continue
            wall, c, acc = run(name, ms[name], data, parts[1] if len(parts) > 1 else None)
            print("%s fit_s=%.6f cpu_s=%.6f accuracy=%s" % (name, wall, c, "-" if acc is None else "%.6f" % acc), flush=True)
        return 0
    repeats = int(args[1]) if len(args) > 1 else 3
    print("scikit-learn %s, numpy %s: %d train x %d features, %d test rows; median of %d" % (
        sklearn.__version__, np.__version__, data[0].shape[0], data[0].shape[1], data[2].shape[0], repeats))
    for name, factory in ms.items():
        res = [run(name, factory, data) for _ in range(repeats)]
        wall = float(np.median([r[0] for r in res]))
        c = float(np.median([r[1] for r in res]))
        acc = res[0][2]
        print("%s fit_s=%.4f cpu_s=%.4f accuracy=%s" % (name, wall, c, "-" if acc is None else "%.4f" % acc), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
