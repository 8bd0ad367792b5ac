"""Outputs against reference implementations in PyTorch, through small fixtures.

tests/fixtures/make_fixtures.py (run by hand, with PyTorch) drew every weight of a reference
model by a fixed NumPy rule and stored the model's names, shapes and logits; here the same
rule draws the same weights, they are moved into each style, and the logits must agree.
"""

import json
import os

import numpy as np
import pytest
from fixtures import reference_rule

import kerasnets
from kerasnets.transfer import keyed_weights

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
BATCH_NORM = {"gamma": "weight", "beta": "bias", "moving_mean": "running_mean", "moving_variance": "running_var"}


def caffe_name(key):
    """The Caffe model's name (as pretrainedmodels keeps it) of one of our weights:
    `<unit>_conv/kernel` is `<unit>.weight`, `<unit>_bn/gamma` is `<unit>_bn.weight`."""
    layer, weight = key.split("/")
    if layer == "predictions":
        return "last_linear." + ("weight" if weight == "kernel" else "bias")
    if layer.endswith("_bn"):
        return f"{layer}.{BATCH_NORM[weight]}"
    return layer.removesuffix("_conv") + (".weight" if weight == "kernel" else ".bias")


def load_reference_weights(model, fixture, name_of):
    """Every weight of `model`, drawn as the reference's was; PyTorch's layouts transposed."""
    shapes = {name: shape for name, shape in fixture["parameters"]}
    used = set()
    for key, variable in keyed_weights(model).items():
        name = name_of(key)
        value = reference_rule.parameter(name, shapes[name])
        if value.ndim == 4:  # (out, in, rows, cols) -> (rows, cols, in, out)
            value = value.transpose(2, 3, 1, 0)
        elif value.ndim == 2:  # (out, in) -> (in, out)
            value = value.T
        variable.assign(value)
        used.add(name)
    assert used == set(shapes), sorted(set(shapes) - used)[:5]


@pytest.mark.parametrize("style", kerasnets.STYLES)
def test_bn_inception_equals_the_caffe_model(style):
    with open(os.path.join(FIXTURES, "bn_inception.json")) as handle:
        fixture = json.load(handle)
    size = fixture["input_size"]
    model = kerasnets.build("bn_inception", style, input_shape=(size, size, 3), classes=fixture["classes"],
                            classifier_activation=None)
    load_reference_weights(model, fixture, caffe_name)
    logits = np.asarray(model(reference_rule.images(size), training=False))
    expected = np.array(fixture["logits"], dtype=np.float32)
    assert np.max(np.abs(logits - expected)) / np.max(np.abs(expected)) < 1e-4
