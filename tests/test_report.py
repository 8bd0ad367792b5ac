"""The evaluation report of a training run, `kerasnets evaluate` in a fresh process, and
`kerasnets report`."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
import tensorflow as tf

from kerasnets.callbacks import FIGURES, EvaluationReport
from kerasnets.metrics import classification_report
from kerasnets.training import train

ENV = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}


def png_size(path):
    image = tf.io.decode_png(tf.io.read_file(str(path)))
    return tuple(image.shape[:2])


@pytest.fixture(scope="module")
def digits_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("runs")
    return train("lenet5", "digits", epochs=4, report_every=2, out=str(out), verbose=0)


def test_a_digits_run_writes_the_report_and_three_figures(digits_run):
    report_dir = os.path.join(digits_run.run_dir, "report")
    assert sorted(os.listdir(report_dir)) == sorted(["report.json", *FIGURES])
    for figure in FIGURES:
        height, width = png_size(os.path.join(report_dir, figure))
        assert height > 300 and width > 300
    report = json.load(open(os.path.join(report_dir, "report.json")))
    assert report["epoch"] == 4 and report["class_names"] == [str(c) for c in range(10)]
    assert sum(report["support"]) == 270  # the validation split
    events = [f for root, _, files in os.walk(os.path.join(digits_run.run_dir, "tensorboard", "report")) for f in files]
    assert events, "the scalars and the confusion matrix image go to TensorBoard"


def test_the_callback_writes_every_nth_epoch_and_at_the_end(tmp_path):
    import kerasnets

    rng = np.random.default_rng(0)
    x, y = rng.random((40, 32, 32, 1), dtype=np.float32), rng.integers(0, 3, 40)
    model = kerasnets.functional.lenet5(classes=3)
    model.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
    writes = []
    callback = EvaluationReport((x, y), every=2, out_dir=str(tmp_path), class_names=["a", "b", "c"])
    original = callback.write
    callback.write = lambda epoch: writes.append(epoch) or original(epoch)
    model.fit(x, y, epochs=5, verbose=0, callbacks=[callback])
    assert writes == [1, 3, 4]  # after epochs 2 and 4, and at the end (epoch 5)
    report = json.load(open(tmp_path / "report.json"))
    expected = classification_report(y, model.predict(x, verbose=0), class_names=["a", "b", "c"])
    assert report["confusion_matrix"] == expected["confusion_matrix"]
    with pytest.raises(ValueError, match=r"every=0"):
        EvaluationReport((x, y), every=0)


def test_kerasnets_evaluate_in_a_fresh_process(digits_run, tmp_path):
    out = tmp_path / "evaluation"
    result = subprocess.run([sys.executable, "-m", "kerasnets.cli", "evaluate", digits_run.run_dir,
                             "--dataset", "digits", "--out", str(out)],
                            env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    for word in ("precision", "recall", "AP", "IoU", "support", "mean IoU", "mAP", "top-5 error"):
        assert word in result.stdout
    report = json.load(open(out / "report.json"))
    assert report["accuracy"] == pytest.approx(digits_run.evaluation["accuracy"], abs=1e-6)
    assert sorted(os.listdir(out)) == sorted(["report.json", *FIGURES])


def test_kerasnets_report_redraws_the_figures(digits_run):
    figure = os.path.join(digits_run.run_dir, "report", "training_curves.png")
    os.remove(figure)
    result = subprocess.run([sys.executable, "-m", "kerasnets.cli", "report", digits_run.run_dir],
                            env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert os.path.exists(figure)


def test_evaluate_without_a_model_is_a_clear_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kerasnets.cli", "evaluate", str(tmp_path)],
                            env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and "No .keras model" in result.stderr
