"""The `kerasnets` command as a user types it."""

import json
import os
import subprocess
import sys

import pytest

ENV = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}
KERASNETS = [sys.executable, "-m", "kerasnets.cli"]


def run(*args, cwd=None):
    return subprocess.run(KERASNETS + list(args), env=ENV, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_help_lists_the_models_presets_and_recipes():
    result = run("train", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for word in ("resnet50", "inception_v3", "lenet5", "flip_crop", "cutmix", "randaugment",
                 "keras_cv:LAYER", "googlenet", "modern", "--mixed-precision", "--strategy"):
        assert word in text, word


def test_train_digits_prints_one_summary_line(tmp_path):
    result = run("train", "lenet5", "--dataset", "digits", "--epochs", "2", "--out", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    summary = [line for line in result.stdout.splitlines() if "test accuracy" in line]
    assert len(summary) == 1
    for part in ("lenet5 test accuracy", "top-5 error", " s, ", "images/s"):
        assert part in summary[0]
    assert "Epoch 2/2" in result.stdout
    assert json.loads((tmp_path / "lenet5-digits" / "summary.json").read_text())["epochs"] == 2


@pytest.mark.parametrize("args, message", [
    (["train", "resnet51"], "name='resnet51'"),
    (["train", "lenet5", "--dataset", "nowhere"], "dataset='nowhere'"),
    (["train", "lenet5", "--augment", "mosaic"], "augment='mosaic'"),
])
def test_bad_input_is_one_clear_line_and_exit_code_2(tmp_path, args, message):
    result = run(*args, "--out", str(tmp_path / "runs"), cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "runs").exists()


def test_import_kerasnets_does_not_import_keras_cv():
    code = "import sys, kerasnets, kerasnets.training; print('keras_cv' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True, text=True, timeout=300)
    assert result.stdout.strip() == "False"
