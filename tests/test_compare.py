"""`kerasnets.compare`, `show_source` and the inspection commands."""

import json
import os
import subprocess
import sys

import pytest

import kerasnets
from kerasnets.compare import COLUMNS, source_lines
from kerasnets.registry import style_module

ENV = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}


def cli(*args):
    return subprocess.run([sys.executable, "-m", "kerasnets.cli", *args], env=ENV, capture_output=True,
                          text=True, timeout=900)


def test_compare_measures_every_style():
    result = kerasnets.compare("resnet18", input_shape=(32, 32, 3), classes=10, batch_size=2)
    assert [row["style"] for row in result.rows] == list(kerasnets.STYLES)
    assert {key for key, _ in COLUMNS} == set(result.rows[0])
    counts = {(row["trainable_params"], row["non_trainable_params"]) for row in result.rows}
    assert counts == {(11_181_642, 9_600)}
    for row in result.rows:
        assert row["build_s"] > 0 and row["forward_s"] > 0 and row["train_step_s"] > 0
        assert row["max_abs_diff_vs_functional"] <= 1e-5
        assert row["source_lines"] == source_lines(style_module("resnet18", row["style"])) > 10
    sequential, functional, subclassed = result.rows
    assert (sequential["multiple_outputs"], functional["multiple_outputs"]) == (False, True)
    assert sequential["model_type"] == "keras.Sequential" and subclassed["model_type"] == "kerasnets.ResNet"
    assert functional["top_level_layers"] > sequential["top_level_layers"] > subclassed["top_level_layers"] - 10
    text = str(result)
    assert "max |diff| vs functional" in text and "11,181,642" in text
    assert "<table>" in result._repr_html_()


@pytest.mark.slow
@pytest.mark.parametrize("family", kerasnets.registry.FAMILIES)
def test_parity_column_for_every_family(family):
    """compare's parity column, for the first variant of each family: a family's variants share
    its three renderings, and test_style_invariants holds every variant's parity itself."""
    for name in kerasnets.registry.SPECS[family].FAMILY.variants[:1]:
        spec = kerasnets.registry.spec_of(name)
        shape = (spec.FAMILY.min_size, spec.FAMILY.min_size, spec.FAMILY.channels)
        result = kerasnets.compare(name, input_shape=shape, classes=10, batch_size=2, measure_speed=False)
        for row in result.rows:
            assert row["max_abs_diff_vs_functional"] <= 1e-5, (name, row["style"])
            assert row["forward_s"] is None


def test_compare_rejects_unknown_names_and_small_inputs():
    with pytest.raises(ValueError, match=r"name='resnet51'"):
        kerasnets.compare("resnet51")
    with pytest.raises(ValueError, match=r"at least 75x75"):
        kerasnets.compare("inception_v3", input_shape=(64, 64, 3))
    with pytest.raises(ValueError, match=r"style='keras'"):
        kerasnets.show_source("resnet18", "keras")


def test_show_source_gives_each_styles_own_file():
    sources = {style: kerasnets.show_source("resnet50", style) for style in kerasnets.STYLES}
    assert sources["sequential"].path == "kerasnets/zoo/resnet/sequential.py"
    assert "keras.Sequential" in sources["sequential"].text
    assert "class ResNet(ImageClassifier)" in sources["subclassed"].text
    assert "def bottleneck_block(x, filters, strides, conv_bias, name):" in str(sources["functional"])
    assert "<p><code>kerasnets/zoo/resnet/functional.py</code></p>" in sources["functional"]._repr_html_()


def test_functional_view_of_a_subclassed_model_shares_its_layers():
    import numpy as np

    model = kerasnets.subclassed.googlenet(input_shape=(65, 65, 3), classes=4, aux_classifiers=True)
    view = model.functional_view()
    x = np.random.default_rng(0).random((2, 65, 65, 3), dtype=np.float32)
    for key, value in model(x, training=False).items():
        np.testing.assert_allclose(view(x, training=False)[key], value, rtol=1e-5)
    assert "inception_4a" in [layer.name for layer in view.layers]


@pytest.mark.slow  # `kerasnets list` builds every variant to count its parameters
def test_cli_compare_list_summary_and_plot(tmp_path):
    result = cli("compare", "resnet50", "--input-size", "64", "--classes", "10", "--no-speed", "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    rows = json.loads(result.stdout)
    assert [row["style"] for row in rows] == list(kerasnets.STYLES)
    listing = cli("list")
    assert listing.returncode == 0 and "resnet152" in listing.stdout and "60,344,232" in listing.stdout
    assert "He et al." in listing.stdout
    summary = cli("summary", "lenet5", "--style", "subclassed")
    assert summary.returncode == 0 and "c5 (Conv2D)" in summary.stdout and "?" not in summary.stdout
    plot = cli("plot", "resnet18", "--style", "subclassed", "--out", str(tmp_path / "r.png"))
    try:
        import pydot  # noqa: F401

        drawable = subprocess.run(["dot", "-V"], capture_output=True).returncode == 0
    except (ImportError, FileNotFoundError):
        drawable = False
    if drawable:
        assert plot.returncode == 0 and (tmp_path / "r.png").stat().st_size > 1000
    else:
        assert plot.returncode == 2 and "pip install pydot" in plot.stderr and "Graphviz" in plot.stderr
