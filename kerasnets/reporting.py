"""The evaluation report's one home: what it holds, the files it writes, and the commands
that make it from a saved model (`kerasnets evaluate`) or draw it again (`kerasnets report`).

`kerasnets.callbacks.EvaluationReport` writes the same files while a model trains.
"""

import csv
import json
import os

import keras
import numpy as np

from kerasnets.metrics import classification_report, format_report, plots

FIGURES = ("confusion_matrix.png", "pr_curves.png", "training_curves.png")


def labels_and_scores(model, data):
    """(true labels, predicted scores) over `data`: a tf.data.Dataset of (x, y) or arrays (x, y).

    One pass of prediction, the price of one validation pass.
    """
    if not isinstance(data, (tuple, list)):  # a tf.data.Dataset
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


def model_path(run_dir_or_model):
    path = os.path.join(run_dir_or_model, "model.keras") if os.path.isdir(run_dir_or_model) else run_dir_or_model
    if not os.path.isfile(path) or not path.endswith(".keras"):
        raise ValueError(f"No .keras model at {path!r}: give a run directory (holding model.keras) or a "
                         f".keras file. Received: {run_dir_or_model!r}")
    return path


def evaluate(run_dir_or_model, dataset="digits", out=None, batch_size=64, split="test"):
    """Loads the model, predicts the `split` of `dataset`, writes report.json and the figures
    into `out` (default: <run dir>/evaluate-<dataset>), and returns the report."""
    from kerasnets.training import data as data_sources  # tf.data: TensorFlow only

    if split not in ("test", "validation", "train"):
        raise ValueError(f"`split` must be 'test', 'validation' or 'train'. Received: split={split!r}")
    path = model_path(run_dir_or_model)
    model = keras.models.load_model(path)
    shape = tuple(model.inputs[0].shape[1:]) if getattr(model, "inputs", None) else tuple(model.args.input_shape)
    data = data_sources.load_data(dataset, image_size=shape[0], channels=shape[-1])
    chosen = {"test": data.test, "validation": data.validation, "train": data.train}[split]
    if chosen is None:
        raise ValueError(f"dataset={dataset!r} has no {split} split.")
    batches = data_sources.make_pipeline(chosen, size=shape[0], channels=shape[-1], batch_size=batch_size,
                                         training=False, num_classes=data.num_classes)
    y_true, y_score = labels_and_scores(model, batches)
    if y_score.shape[1] != data.num_classes:
        raise ValueError(f"The model predicts {y_score.shape[1]} classes but {data.name} has {data.num_classes}.")
    report = classification_report(y_true, y_score, class_names=data.class_names)
    report.update({"model": os.path.abspath(path), "dataset": data.name, "split": split})
    run_dir = os.path.dirname(os.path.abspath(path))
    out = out or os.path.join(run_dir, f"evaluate-{data.name}".replace(":", "_"))
    write_report(report, out, read_history(os.path.join(run_dir, "history.csv")))
    return report, out


def redraw(run_dir):
    """Draws a run's figures again from report/report.json and history.csv."""
    report_path = os.path.join(run_dir, "report", "report.json")
    if not os.path.isfile(report_path):
        raise ValueError(f"No report at {report_path!r}: is {run_dir!r} a kerasnets run directory?")
    with open(report_path) as handle:
        report = json.load(handle)
    write_report(report, os.path.dirname(report_path), read_history(os.path.join(run_dir, "history.csv")))
    return os.path.dirname(report_path)


__all__ = ["FIGURES", "evaluate", "format_report", "labels_and_scores", "model_path", "read_history",
           "redraw", "write_report"]
