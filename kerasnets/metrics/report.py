"""`classification_report`: the course's metrics, computed exactly over whole arrays.

Conventions, all scikit-learn's so that it is the oracle of the tests:
- the confusion matrix has true classes in rows and predicted classes in columns;
- macro averages (precision, recall, F1, IoU) run over the classes that occur in the
  labels or the predictions; a class never predicted has precision 0, and one never
  present has recall 0 (`zero_division=0`), and the report lists those classes under
  `undefined`;
- average per-class accuracy is the mean recall over the classes present in the labels
  (`balanced_accuracy_score`);
- AP is the step-wise area under the PR curve, sum_n (R_n - R_{n-1}) P_n, one class
  against the rest (`average_precision_score`); mAP is its mean over the classes that have
  at least one positive;
- top-k counts a hit when the true class is among the k highest scores, ties broken
  towards the higher class index (`top_k_accuracy_score`).
"""

import keras
import numpy as np


def check_inputs(y_true, y_score, num_classes=None):
    """Sparse labels (n,) and scores (n, classes) as NumPy arrays, or a ValueError saying what is wrong."""
    # convert_to_numpy: a model's outputs on any backend (np.asarray refuses a torch tensor that requires grad)
    y_true = np.asarray(keras.ops.convert_to_numpy(y_true))
    y_score = np.asarray(keras.ops.convert_to_numpy(y_score), dtype=np.float64)
    if y_true.ndim == 2 and y_true.shape[1] > 1:  # one-hot labels
        y_true = y_true.argmax(axis=1)
    y_true = y_true.reshape(-1)
    if y_score.ndim != 2:
        raise ValueError(f"`y_score` must have shape (samples, classes). Received shape {y_score.shape}")
    if len(y_true) != len(y_score):
        raise ValueError(f"`y_true` and `y_score` differ in length: {len(y_true)} labels, {len(y_score)} score rows.")
    if num_classes is not None and y_score.shape[1] != num_classes:
        raise ValueError(f"`y_score` has {y_score.shape[1]} columns but num_classes={num_classes}.")
    if np.isnan(y_score).any():
        raise ValueError(f"`y_score` holds NaN ({int(np.isnan(y_score).sum())} values).")
    if len(y_true) and not np.issubdtype(y_true.dtype, np.integer):
        if not np.all(np.equal(np.mod(y_true, 1), 0)):
            raise ValueError("`y_true` must hold integer class labels.")
        y_true = y_true.astype(np.int64)
    classes = y_score.shape[1]
    if len(y_true) and (y_true.min() < 0 or y_true.max() >= classes):
        raise ValueError(f"`y_true` must lie in [0, {classes}). Received labels from {y_true.min()} to {y_true.max()}.")
    return y_true.astype(np.int64), y_score


def confusion_matrix(y_true, y_pred, num_classes):
    return np.bincount(num_classes * y_true + y_pred, minlength=num_classes ** 2).reshape(num_classes, num_classes)


def _divide(numerator, denominator):
    return np.divide(numerator, denominator, out=np.zeros_like(numerator, dtype=np.float64),
                     where=denominator != 0)


def precision_recall_curve(positive, scores):
    """Precision and recall at each distinct score, from the highest; and the step-wise AP."""
    order = np.argsort(-scores, kind="mergesort")
    scores, positive = scores[order], positive[order]
    distinct = np.r_[np.flatnonzero(np.diff(scores)), len(scores) - 1]
    true_positives = np.cumsum(positive)[distinct]
    predicted = distinct + 1
    total = positive.sum()
    precision = true_positives / predicted
    recall = true_positives / total if total else np.zeros_like(precision)
    ap = float(np.sum(np.diff(np.r_[0.0, recall]) * precision)) if total else float("nan")
    return precision, recall, ap


def top_k_hits(y_true, y_score, k):
    """scikit-learn's rule: the true class among the k best, ties going to the higher index."""
    true_score = y_score[np.arange(len(y_true)), y_true][:, None]
    index = np.arange(y_score.shape[1])[None, :]
    above = (y_score > true_score) | ((y_score == true_score) & (index > y_true[:, None]))
    return above.sum(axis=1) < k


def classification_report(y_true, y_score, class_names=None):
    """Every metric of the course over whole arrays; see the module docstring for conventions.

    y_true: integer labels (n,) or one-hot (n, classes). y_score: probabilities or logits
    (n, classes); logits rank the same for everything but AP and the PR curves.
    """
    y_true, y_score = check_inputs(y_true, y_score)
    classes = y_score.shape[1]
    names = list(class_names) if class_names is not None else [str(c) for c in range(classes)]
    if len(names) != classes:
        raise ValueError(f"`class_names` has {len(names)} names for {classes} classes.")
    y_pred = y_score.argmax(axis=1)
    matrix = confusion_matrix(y_true, y_pred, classes)
    tp = np.diag(matrix).astype(np.float64)
    support, predicted = matrix.sum(axis=1), matrix.sum(axis=0)
    precision, recall = _divide(tp, predicted), _divide(tp, support)
    f1 = _divide(2 * precision * recall, precision + recall)
    iou = _divide(tp, support + predicted - tp)
    seen = (support + predicted) > 0
    present = support > 0
    curves, ap = [], []
    for c in range(classes):
        p, r, a = precision_recall_curve(y_true == c, y_score[:, c])
        curves.append({"precision": p.tolist(), "recall": r.tolist()})
        ap.append(a)
    ap = np.asarray(ap)
    mean = lambda values, mask: float(values[mask].mean()) if mask.any() else float("nan")  # noqa: E731
    n = max(len(y_true), 1)
    return {
        "class_names": names,
        "accuracy": float(tp.sum() / n),
        "average_per_class_accuracy": mean(recall, present),
        "precision": precision.tolist(), "recall": recall.tolist(), "f1": f1.tolist(),
        "macro_precision": mean(precision, seen), "macro_recall": mean(recall, seen),
        "macro_f1": mean(f1, seen),
        "iou": iou.tolist(), "mean_iou": mean(iou, seen),
        "ap": [None if np.isnan(a) else float(a) for a in ap], "map": mean(ap, present),
        "top1_error": float(1 - top_k_hits(y_true, y_score, 1).mean()) if len(y_true) else float("nan"),
        "top5_error": float(1 - top_k_hits(y_true, y_score, min(5, classes)).mean()) if len(y_true) else float("nan"),
        "confusion_matrix": matrix.tolist(),
        "pr_curves": curves,
        "support": support.tolist(),
        "undefined": {
            "precision": [names[c] for c in range(classes) if seen[c] and predicted[c] == 0],
            "recall": [names[c] for c in range(classes) if seen[c] and support[c] == 0],
            "note": "undefined values are reported as 0, as scikit-learn's zero_division=0",
        },
    }


def format_report(report, max_rows=50):
    """A readable table: per class precision, recall, AP, IoU and support, then the summary."""
    names = report["class_names"]
    width = max(8, *(len(name) for name in names[:max_rows]))
    lines = [f"{'class':<{width}} {'precision':>9} {'recall':>7} {'AP':>7} {'IoU':>7} {'support':>8}"]
    for c, name in enumerate(names[:max_rows]):
        ap = "-" if report["ap"][c] is None else f"{report['ap'][c]:.3f}"
        lines.append(f"{name:<{width}} {report['precision'][c]:>9.3f} {report['recall'][c]:>7.3f} "
                     f"{ap:>7} {report['iou'][c]:>7.3f} {report['support'][c]:>8d}")
    if len(names) > max_rows:
        lines.append(f"... {len(names) - max_rows} more classes in report.json")
    lines.append("")
    for key, label in (("accuracy", "accuracy"), ("average_per_class_accuracy", "average per-class accuracy"),
                       ("macro_precision", "macro precision"), ("macro_recall", "macro recall"),
                       ("macro_f1", "macro F1"), ("mean_iou", "mean IoU"), ("map", "mAP"),
                       ("top1_error", "top-1 error"), ("top5_error", "top-5 error")):
        lines.append(f"{label:<28} {report[key]:.4f}")
    return "\n".join(lines)
