"""The course's metrics against scikit-learn, on random and adversarial arrays."""

import warnings

import numpy as np
import pytest
from sklearn import metrics as sk

from kerasnets.metrics import (AveragePerClassAccuracy, AveragePrecision, ConfusionMatrix,
                               MeanAveragePrecision, MeanIoU, PerClassAccuracy, Precision, Recall,
                               TopKError, classification_report)


def case(name, seed=0):
    rng = np.random.default_rng(seed)
    if name == "random":
        y, s = rng.integers(0, 7, 300), rng.random((300, 7))
    elif name == "ties":  # scores on a coarse grid: many exact ties, within and across rows
        y, s = rng.integers(0, 6, 200), rng.integers(0, 4, (200, 6)) / 4.0
    elif name == "absent_classes":  # classes 3 and 4 never occur; class 4 is also never predicted
        y = rng.choice([0, 1, 2, 5], 150)
        s = rng.random((150, 6))
        s[:, 4] = -1.0
    elif name == "single_class":
        y, s = np.zeros(40, int), rng.random((40, 3))
    elif name == "one_class":
        y, s = np.zeros(25, int), rng.random((25, 1))
    elif name == "thousand_classes":
        y, s = rng.integers(0, 1000, 3000), rng.random((3000, 1000))
    return y, s


CASES = ["random", "ties", "absent_classes", "single_class", "one_class", "thousand_classes"]


@pytest.mark.parametrize("name", CASES)
def test_report_equals_scikit_learn(name):
    y, s = case(name)
    n_classes = s.shape[1]
    report = classification_report(y, s)
    pred = s.argmax(axis=1)
    labels = list(range(n_classes))
    np.testing.assert_array_equal(report["confusion_matrix"], sk.confusion_matrix(y, pred, labels=labels))
    assert report["accuracy"] == pytest.approx(sk.accuracy_score(y, pred), abs=1e-12)
    p, r, f, support = sk.precision_recall_fscore_support(y, pred, labels=labels, zero_division=0)
    np.testing.assert_allclose(report["precision"], p, atol=1e-12)
    np.testing.assert_allclose(report["recall"], r, atol=1e-12)
    np.testing.assert_allclose(report["f1"], f, atol=1e-12)
    np.testing.assert_array_equal(report["support"], support)
    for ours, average in (("macro_precision", "precision"), ("macro_recall", "recall"), ("macro_f1", "f1")):
        theirs = {"precision": sk.precision_score, "recall": sk.recall_score, "f1": sk.f1_score}[average]
        assert report[ours] == pytest.approx(theirs(y, pred, average="macro", zero_division=0), abs=1e-12)
    np.testing.assert_allclose(report["iou"], sk.jaccard_score(y, pred, labels=labels, average=None, zero_division=0),
                               atol=1e-12)
    assert report["mean_iou"] == pytest.approx(sk.jaccard_score(y, pred, average="macro", zero_division=0), abs=1e-12)
    with warnings.catch_warnings():  # scikit-learn warns about predicted-only classes
        warnings.simplefilter("ignore")
        balanced = sk.balanced_accuracy_score(y, pred)
    assert report["average_per_class_accuracy"] == pytest.approx(balanced, abs=1e-12)
    for c in range(n_classes):
        if (y == c).any() and n_classes > 1:
            assert report["ap"][c] == pytest.approx(sk.average_precision_score(y == c, s[:, c]), abs=1e-12)
        elif not (y == c).any():
            assert report["ap"][c] is None
    if n_classes > 2:
        for k, key in ((1, "top1_error"), (5, "top5_error")):
            if k < n_classes:
                expected = 1 - sk.top_k_accuracy_score(y, s, k=k, labels=labels)
                assert report[key] == pytest.approx(expected, abs=1e-12)


def test_report_names_undefined_values():
    y, s = case("absent_classes")
    report = classification_report(y, s, class_names=list("abcdef"))
    assert "d" in report["undefined"]["recall"] and "zero_division" in report["undefined"]["note"]
    assert "e" not in report["undefined"]["precision"]  # never true nor predicted: not in the average
    assert len(report["pr_curves"]) == 6 and report["class_names"][0] == "a"


@pytest.mark.parametrize("y, s, message", [
    (np.zeros(3, int), np.zeros((4, 2)), r"differ in length"),
    (np.array([0, 5]), np.zeros((2, 3)), r"\[0, 3\)"),
    (np.array([0, 1]), np.array([[0.1, np.nan], [0.2, 0.3]]), r"NaN"),
    (np.array([0, 1]), np.zeros(2), r"shape \(samples, classes\)"),
])
def test_report_rejects_bad_arrays(y, s, message):
    with pytest.raises(ValueError, match=message):
        classification_report(y, s)


def stream(metric, y, s, batches=(1, 7, 50, 3)):
    """Feeds uneven batches, then the rest."""
    start, sizes = 0, list(batches)
    while start < len(y):
        size = sizes.pop(0) if sizes else 64
        metric.update_state(y[start:start + size], s[start:start + size].astype("float32"))
        start += size
    return np.asarray(metric.result())


@pytest.mark.parametrize("name", ["random", "ties", "absent_classes", "single_class"])
def test_streaming_metrics_in_uneven_batches_equal_the_report(name):
    y, s = case(name)
    n = s.shape[1]
    report = classification_report(y, s)
    np.testing.assert_array_equal(stream(ConfusionMatrix(n), y, s), report["confusion_matrix"])
    np.testing.assert_allclose(stream(PerClassAccuracy(n), y, s), report["recall"], atol=1e-6)
    assert stream(AveragePerClassAccuracy(n), y, s) == pytest.approx(report["average_per_class_accuracy"], abs=1e-6)
    np.testing.assert_allclose(stream(Precision(n), y, s), report["precision"], atol=1e-6)
    assert stream(Recall(n, average="macro"), y, s) == pytest.approx(report["macro_recall"], abs=1e-6)
    assert stream(Precision(n, average="macro"), y, s) == pytest.approx(report["macro_precision"], abs=1e-6)
    assert stream(MeanIoU(n), y, s) == pytest.approx(report["mean_iou"], abs=1e-6)
    assert stream(TopKError(1), y, s) == pytest.approx(report["top1_error"], abs=1e-6)
    if n > 5:
        assert stream(TopKError(5), y, s) == pytest.approx(report["top5_error"], abs=1e-6)


def test_one_hot_labels_give_the_same_counts():
    y, s = case("random")
    one_hot = np.eye(7)[y]
    np.testing.assert_array_equal(stream(ConfusionMatrix(7), one_hot, s), stream(ConfusionMatrix(7), y, s))


def test_streaming_ap_is_exact_when_no_bin_holds_two_scores_and_close_elsewhere():
    rng = np.random.default_rng(3)
    y = rng.integers(0, 5, 400)
    on_edges = (rng.integers(0, 200, (400, 5)) + 0.5) / 200.0  # one score value per bin of the 200
    report = classification_report(y, on_edges)
    np.testing.assert_allclose(stream(AveragePrecision(5), y, on_edges), report["ap"], atol=1e-5)
    assert stream(MeanAveragePrecision(5), y, on_edges) == pytest.approx(report["map"], abs=1e-5)
    smooth = rng.random((400, 5))
    report = classification_report(y, smooth)
    np.testing.assert_allclose(stream(AveragePrecision(5, num_thresholds=1000), y, smooth), report["ap"], atol=5e-3)


def test_logits_are_turned_into_probabilities_for_ap():
    rng = np.random.default_rng(4)
    y, logits = rng.integers(0, 4, 300), rng.normal(size=(300, 4)) * 3
    probabilities = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(stream(AveragePrecision(4, from_logits=True), y, logits),
                               stream(AveragePrecision(4), y, probabilities), atol=1e-5)


MIRRORED = """
import json, sys
import numpy as np, tensorflow as tf
cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
import keras
from kerasnets.metrics import ConfusionMatrix, MeanIoU, TopKError, AveragePrecision
rng = np.random.default_rng(0)
x, y = rng.random((203, 6), dtype=np.float32), rng.integers(0, 6, 203)
strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
with strategy.scope():
    model = keras.Sequential([keras.Input((6,)), keras.layers.Softmax()])
    metrics = [ConfusionMatrix(6), MeanIoU(6), TopKError(2), AveragePrecision(6, num_thresholds=1000)]
    model.compile(loss="sparse_categorical_crossentropy", metrics=metrics)
    logs = model.evaluate(x, y, batch_size=16, return_dict=True, verbose=0)
    scores = model.predict(x, verbose=0)
json.dump({"logs": {k: np.asarray(v).tolist() for k, v in logs.items()}, "scores": scores.tolist(),
           "y": y.tolist()}, open(sys.argv[1], "w"))
"""


@pytest.mark.slow
def test_streaming_metrics_under_mirrored_strategy_equal_the_report(tmp_path):
    import json
    import os
    import subprocess
    import sys

    out = tmp_path / "out.json"
    subprocess.run([sys.executable, "-c", MIRRORED, str(out)], check=True, timeout=600,
                   env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"})
    result = json.loads(out.read_text())
    report = classification_report(np.array(result["y"]), np.array(result["scores"]))
    logs = result["logs"]
    np.testing.assert_array_equal(logs["confusion_matrix"], report["confusion_matrix"])
    assert np.sum(logs["confusion_matrix"]) == 203  # every image counted once, on either replica
    assert logs["mean_iou"] == pytest.approx(report["mean_iou"], abs=1e-6)
    np.testing.assert_allclose(logs["average_precision"], report["ap"], atol=5e-3)
