"""The report's figures as PNG files: confusion matrix, PR curves, training curves.

Figures are made with matplotlib's object API (no pyplot, no global state) and its Agg
canvas: they draw off-screen, on a server or in CI, and from a background thread.
"""

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

MAX_LABELLED = 30  # more classes than this: no per-cell numbers, fewer tick labels


def plot_confusion_matrix(matrix, class_names, path, title="Confusion matrix"):
    """Raw counts and row-normalized (recall) side by side; true classes in rows."""
    matrix = np.asarray(matrix, dtype=float)
    rows = matrix.sum(axis=1, keepdims=True)
    normalized = np.divide(matrix, rows, out=np.zeros_like(matrix), where=rows > 0)
    n = len(class_names)
    size = min(6 + 0.35 * n, 24)
    figure = Figure(figsize=(2 * size, size), constrained_layout=True)
    axes = figure.subplots(1, 2)
    for axis, values, label, fmt in ((axes[0], matrix, "count", "{:.0f}"),
                                     (axes[1], normalized, "share of the true class", "{:.2f}")):
        image = axis.imshow(values, cmap="Blues", vmin=0)
        figure.colorbar(image, ax=axis, fraction=0.046, label=label)
        ticks = np.arange(n) if n <= MAX_LABELLED else np.linspace(0, n - 1, MAX_LABELLED).astype(int)
        axis.set_xticks(ticks, [class_names[i] for i in ticks], rotation=90 if n > 10 else 0)
        axis.set_yticks(ticks, [class_names[i] for i in ticks])
        axis.set_xlabel("predicted class")
        axis.set_ylabel("true class")
        axis.set_title(f"{title} ({label})")
        if n <= MAX_LABELLED:
            threshold = values.max() / 2 if values.max() > 0 else 1
            for i in range(n):
                for j in range(n):
                    axis.text(j, i, fmt.format(values[i, j]), ha="center", va="center", fontsize=8,
                              color="white" if values[i, j] > threshold else "black")
    figure.savefig(path, dpi=100)


def plot_pr_curves(pr_curves, ap, class_names, path, title="Precision-recall, one class against the rest"):
    figure = Figure(figsize=(8, 7), constrained_layout=True)
    axis = figure.subplots()
    shown = [c for c in range(len(class_names)) if ap[c] is not None][:MAX_LABELLED]
    for c in shown:
        curve = pr_curves[c]
        axis.step(np.r_[0.0, curve["recall"]], np.r_[1.0, curve["precision"]], where="post",
                  label=f"{class_names[c]} (AP {ap[c]:.3f})")
    axis.set_xlabel("recall")
    axis.set_ylabel("precision")
    axis.set_xlim(0, 1.0)
    axis.set_ylim(0, 1.05)
    axis.set_title(title if len(shown) == len(class_names) else f"{title} (first {len(shown)} classes)")
    axis.legend(loc="lower left", fontsize=8, ncol=2 if len(shown) > 10 else 1)
    axis.grid(alpha=0.3)
    figure.savefig(path, dpi=100)


def plot_training_curves(history, path):
    """`history`: a dict of per-epoch lists (Keras' History.history or history.csv columns)."""
    panels = [("loss", "loss"), ("accuracy", "accuracy"), ("top5_error", "top-5 error")]
    figure = Figure(figsize=(15, 4.5), constrained_layout=True)
    axes = figure.subplots(1, 3)
    for axis, (key, label) in zip(axes, panels):
        for prefix, style in (("", "-o"), ("val_", "--s")):
            values = _series(history, prefix, key)
            if values is not None:
                axis.plot(np.arange(1, len(values) + 1), values, style,
                          label="validation" if prefix else "training")
        axis.set_xlabel("epoch")
        axis.xaxis.set_major_locator(MaxNLocator(integer=True))
        axis.set_title(label)
        axis.grid(alpha=0.3)
        if axis.lines:
            axis.legend()
    figure.savefig(path, dpi=100)


def _series(history, prefix, key):
    for name in (f"{prefix}{key}", f"{prefix}predictions_{key}"):
        if name in history:
            return np.asarray(history[name], dtype=float)
    if key == "top5_error":
        accuracy = _series(history, prefix, "top5_accuracy")
        return None if accuracy is None else 1.0 - accuracy
    return None
