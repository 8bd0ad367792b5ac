"""`kerasnets evaluate` and `kerasnets report`: a saved model's report on a data set, and a
run's figures drawn again from its files."""

import json
import os

import keras

from kerasnets.callbacks import labels_and_scores, read_history, write_report
from kerasnets.metrics import classification_report, format_report
from kerasnets.training import data as data_sources


def model_path(run_dir_or_model):
    path = os.path.join(run_dir_or_model, "model.keras") if os.path.isdir(run_dir_or_model) else run_dir_or_model
    if not os.path.isfile(path) or not path.endswith(".keras"):
        raise ValueError(f"No .keras model at {path!r}: give a run directory (holding model.keras) or a "
                         f".keras file. Received: {run_dir_or_model!r}")
    return path


def evaluate(run_dir_or_model, dataset="digits", out=None, batch_size=64, split="test"):
    """Loads the model, predicts the `split` of `dataset`, writes report.json and the figures
    into `out` (default: <run dir>/evaluate-<dataset>), and returns the report."""
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


__all__ = ["evaluate", "format_report", "model_path", "redraw"]
