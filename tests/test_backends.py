"""Models on the JAX backend, in a process where TensorFlow cannot be imported
(tests/backend_check.py), against TensorFlow's results in this one: the same outputs for
the same weights, `.keras` files that cross backends both ways, `fit`, the streaming metrics.

Three variants stand for the zoo (a plain stack, a residual network, a grouped and gated one
with ceil-mode pooling): building every variant on JAX takes minutes (a nested
keras.Sequential is traced level by level there), more than the suite can give. PyTorch is
not installed by `make test` (its wheel and the suite's time); the same script runs under
KERAS_BACKEND=torch where torch is installed, by hand.
"""

import json
import os
import subprocess
import sys

import keras
import numpy as np
import pytest
from conftest import images, min_shape
from sklearn import metrics as sk

import kerasnets
from kerasnets.metrics import classification_report

CHECK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "backend_check.py")
BACKEND = "jax"
CHECKED = ["lenet5", "resnet18", "se_resnext50_32x4d"]  # plain stack; residual; grouped, gated and ceil-mode


def run_check(*args):
    env = {**os.environ, "KERAS_BACKEND": BACKEND, "PYTHONUNBUFFERED": "1", "JAX_PLATFORMS": "cpu"}
    done = subprocess.run([sys.executable, CHECK, *map(str, args)], env=env, capture_output=True, text=True,
                          timeout=1500)
    assert done.returncode == 0, done.stderr[-4000:]
    with open(os.path.join(str(args[-1]), f"{args[0]}.json")) as handle:
        return json.load(handle)


def test_models_build_and_run_in_every_style_without_tensorflow(tmp_path):
    results = run_check("builds", *CHECKED, tmp_path)
    assert results["backend"] == BACKEND and results["tensorflow_imported"] is False
    assert "kerasnets.train trains through tf.distribute and tf.data, which need TensorFlow" in results["train_error"]
    for name in CHECKED:
        params = {results[f"{name}/{style}"]["params"] for style in kerasnets.STYLES}
        expected = kerasnets.build(name, "functional", input_shape=min_shape(name), classes=3).count_params()
        assert params == {expected}, name  # the same count in every style, and as under TensorFlow
        keras.backend.clear_session()
        for style in kerasnets.STYLES:
            assert results[f"{name}/{style}"]["shape"] == [2, 3] and results[f"{name}/{style}"]["finite"], (name, style)


def relative_difference(a, b):
    return float(np.max(np.abs(a - b)) / max(float(np.max(np.abs(b))), 1e-12))


@pytest.mark.slow
def test_outputs_keras_files_fit_and_metrics_agree_with_tensorflow(tmp_path):
    """One variant per family: TensorFlow writes weights and a `.keras` file; under JAX every
    style loads them and gives TensorFlow's outputs (1e-4 relative); JAX trains a few steps and
    writes a `.keras` file that TensorFlow loads and runs to the same outputs."""
    saved, answers = tmp_path / "tensorflow", tmp_path / BACKEND
    saved.mkdir()
    answers.mkdir()
    cases, expected = {}, {}
    for name in CHECKED:
        shape = min_shape(name)
        model = kerasnets.build(name, "functional", input_shape=shape, classes=3)
        rng = np.random.default_rng(1)
        for variable in model.weights:  # moving statistics too: BatchNorm must use them the same way
            if "moving_variance" in variable.path:
                variable.assign(rng.uniform(0.5, 1.5, variable.shape).astype("float32"))
            else:
                variable.assign((rng.standard_normal(variable.shape) * 0.05).astype("float32"))
        x = images(shape, seed=2)
        np.save(saved / f"{name}.x.npy", x)
        model.save(saved / f"{name}.keras")
        for style in kerasnets.STYLES:  # a .weights.h5 file follows its model's layer tree: one per style
            same = kerasnets.transfer_weights(model, kerasnets.build(name, style, input_shape=shape, classes=3))
            same.save_weights(saved / f"{name}.{style}.weights.h5")
        expected[name] = np.asarray(model(x, training=False))
        cases[name] = {"shape": list(shape)}
        keras.backend.clear_session()
    (saved / "cases.json").write_text(json.dumps(cases))

    results = run_check("parity", saved, answers)
    assert results["backend"] == BACKEND and results["tensorflow_imported"] is False
    for name in CHECKED:
        for style in (*kerasnets.STYLES, "loaded", "transferred"):
            got = np.load(answers / f"{name}.{style}.npy")
            assert relative_difference(got, expected[name]) < 1e-4, (name, style)
        loss = results[name]["loss"]
        assert len(loss) == 3 and np.all(np.isfinite(loss)), name
        trained = keras.models.load_model(answers / f"{name}.trained.keras")  # JAX -> TensorFlow
        x = np.load(saved / f"{name}.x.npy")
        assert relative_difference(np.asarray(trained(x, training=False)), np.load(answers / f"{name}.trained.npy")) < 1e-4
        keras.backend.clear_session()

    rng = np.random.default_rng(0)
    y, scores = rng.integers(0, 5, 120), rng.random((120, 5)).astype("float32")
    report, metrics = classification_report(y, scores), results["metrics"]
    np.testing.assert_array_equal(metrics["confusion_matrix"], sk.confusion_matrix(y, scores.argmax(1)))
    assert metrics["precision"] == pytest.approx(report["macro_precision"], abs=1e-6)
    assert metrics["recall"] == pytest.approx(report["macro_recall"], abs=1e-6)
    assert metrics["mean_iou"] == pytest.approx(report["mean_iou"], abs=1e-6)
    assert metrics["top3_error"] == pytest.approx(1 - sk.top_k_accuracy_score(y, scores, k=3), abs=1e-6)
    assert metrics["average_precision"] == pytest.approx(report["ap"], abs=5e-3)
