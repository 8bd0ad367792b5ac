"""`EvaluationReport`: the course's metrics and figures, written while a model trains."""

import concurrent.futures
import csv
import json
import os

import keras
import numpy as np
import tensorflow as tf

from kerasnets.metrics import classification_report
from kerasnets.metrics import plots

FIGURES = ("confusion_matrix.png", "pr_curves.png", "training_curves.png")
_BACKGROUND = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="kerasnets-report")


def labels_and_scores(model, data):
    """(true labels, predicted scores) over `data`: a tf.data.Dataset of (x, y) or arrays (x, y).

    One pass of prediction, the price of one validation pass.
    """
    if isinstance(data, tf.data.Dataset):
        labels = np.concatenate([np.asarray(y["predictions"] if isinstance(y, dict) else y) for _, y in data])
        scores = model.predict(data.map(lambda x, y: x), verbose=0)  # in order, on every replica
    else:
        x, labels = data
        scores = model.predict(x, verbose=0)
    return np.asarray(labels), scores["predictions"] if isinstance(scores, dict) else scores


def read_history(path):
    """history.csv (Keras' CSVLogger) as a dict of per-epoch lists; {} if there is none."""
    if not path or not os.path.exists(path):
        return {}
    with open(path) as handle:
        rows = list(csv.DictReader(handle))
    return {key: [float(row[key]) for row in rows if row.get(key) not in (None, "")]
            for key in (rows[0] if rows else {}) if key != "epoch"}


def write_report(report, out_dir, history=None):
    """report.json and the three figures into `out_dir`."""
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "report.json"), "w") as handle:
        json.dump(report, handle, indent=1)
    names = report["class_names"]
    plots.plot_confusion_matrix(report["confusion_matrix"], names, os.path.join(out_dir, FIGURES[0]))
    plots.plot_pr_curves(report["pr_curves"], report["ap"], names, os.path.join(out_dir, FIGURES[1]))
    if history:
        plots.plot_training_curves(history, os.path.join(out_dir, FIGURES[2]))


class EvaluationReport(keras.callbacks.Callback):
    """At the end of every `every`-th epoch and of training: report.json and the figures.

    validation_data: a tf.data.Dataset of (images, labels) batches, or arrays (x, y).
    tensorboard_dir: also log the scalars and the confusion matrix as an image there.

    Only the prediction pass (the price of one validation pass) and the metrics hold up
    training; the files and figures are written by a background thread, one report at a
    time, and all are on disk when `fit` returns.
    is_chief: in a multi-worker run every worker predicts, only the chief writes.
    history_csv: draw the training curves from this CSVLogger file (whole runs, resumed
        ones included) rather than from the epochs this callback saw.
    """

    def __init__(self, validation_data, every=1, out_dir="report", class_names=None,
                 tensorboard_dir=None, is_chief=True, history_csv=None):
        super().__init__()
        if isinstance(every, bool) or not isinstance(every, int) or every < 1:
            raise ValueError(f"`every` must be an integer >= 1. Received: every={every!r}")
        self.validation_data, self.every, self.out_dir = validation_data, every, out_dir
        self.class_names, self.tensorboard_dir, self.is_chief = class_names, tensorboard_dir, is_chief
        self.history_csv, self.history, self.last_written = history_csv, {}, None
        self._writer = None

    def on_epoch_end(self, epoch, logs=None):
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(float(np.asarray(value).reshape(-1)[0]))
        if (epoch + 1) % self.every == 0:
            self.write(epoch)

    def on_train_end(self, logs=None):
        epochs = len(next(iter(self.history.values()), []))
        if epochs and self.last_written != epochs - 1:
            self.write(epochs - 1)
        self.wait()

    def wait(self):
        """Blocks until the report being written in the background is on disk."""
        if self._writer is not None:
            self._writer.result()
            self._writer = None

    def write(self, epoch):
        y_true, y_score = labels_and_scores(self.model, self.validation_data)
        if not np.all(np.isfinite(y_score)):  # a diverged model: nothing worth a report
            print("kerasnets: the model predicts NaN or infinity; no evaluation report written.")
            return None
        report = classification_report(y_true, y_score, class_names=self.class_names)
        report["epoch"] = epoch + 1
        self.last_written = epoch
        if not self.is_chief:
            return report
        history = read_history(self.history_csv) if self.history_csv else {}
        history = history or {key: list(values) for key, values in self.history.items()}
        self.wait()  # one report at a time, in epoch order
        self._writer = _BACKGROUND.submit(self._write_files, report, history, epoch)
        return report

    def _write_files(self, report, history, epoch):
        write_report(report, self.out_dir, history)
        if self.tensorboard_dir:
            self._log_to_tensorboard(report, epoch)

    def _log_to_tensorboard(self, report, epoch):
        writer = tf.summary.create_file_writer(os.path.join(self.tensorboard_dir, "report"))
        image = tf.io.decode_png(tf.io.read_file(os.path.join(self.out_dir, FIGURES[0])), channels=4)
        with writer.as_default(step=epoch + 1):
            for key in ("accuracy", "average_per_class_accuracy", "macro_precision", "macro_recall",
                        "mean_iou", "map", "top1_error", "top5_error"):
                if report[key] == report[key]:  # not NaN
                    tf.summary.scalar(f"report/{key}", report[key])
            tf.summary.image("report/confusion_matrix", image[None])
        writer.close()
