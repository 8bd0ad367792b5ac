"""Outputs against reference implementations in PyTorch that publish no weights kerasnets
loads (BN-Inception, pretrainedmodels' port), through small fixtures. (The networks whose
published weights kerasnets loads are checked by name, against timm: tests/test_state_dict.py.)

tests/fixtures/make_fixtures.py (run by hand, with PyTorch) drew every weight of a reference
model by a fixed NumPy rule and stored the model's parameter names, shapes and logits; here
the same rule draws the same weights, they are moved into each style, and the logits must
agree. Weights are paired in order: the reference's modules (a convolution, its
BatchNormalization, ...) and the layers of our subclassed model, made branch by branch in
the reference's order, and every pair must have the same shape, so a wrong order fails
rather than passes. `transfer_weights` then moves them to the other styles (the functional
graph lists its weights in topological order, not branch by branch).
"""

import itertools
import json
import os

import numpy as np
import pytest
from fixtures import reference_rule

import kerasnets
from kerasnets.transfer import keyed_weights

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
REFERENCES = ["bn_inception"]


def torch_layout(value):
    if value.ndim == 4:  # (out, in, rows, cols) -> (rows, cols, in, out)
        return value.transpose(2, 3, 1, 0)
    if value.ndim == 2:  # (out, in) -> (in, out)
        return value.T
    return value


def groups(names, owner):
    """Consecutive names grouped by the layer or module that owns them."""
    return [list(group) for _, group in itertools.groupby(names, key=owner)]


def load_reference_weights(model, fixture):
    """Every weight of `model` drawn as the reference's was, paired module by module in order."""
    ours = groups(keyed_weights(model).items(), owner=lambda item: item[0].split("/")[0])
    theirs = groups(fixture["parameters"], owner=lambda item: item[0].rsplit(".", 1)[0])
    assert len(ours) == len(theirs), (len(ours), len(theirs))
    for our_layer, their_module in zip(ours, theirs):
        assert len(our_layer) == len(their_module), (our_layer[0][0], their_module[0][0])
        for (key, variable), (name, shape) in zip(our_layer, their_module):
            value = torch_layout(reference_rule.parameter(name, shape))
            assert tuple(variable.shape) == value.shape, (key, name)
            variable.assign(value)


@pytest.mark.parametrize("style", kerasnets.STYLES)
@pytest.mark.parametrize("reference", REFERENCES)
def test_logits_equal_the_pytorch_reference(reference, style):
    with open(os.path.join(FIXTURES, f"{reference}.json")) as handle:
        fixture = json.load(handle)
    size = fixture["input_size"]
    build = dict(input_shape=(size, size, 3), classes=fixture["classes"], classifier_activation=None)
    model = kerasnets.build(fixture["variant"], "subclassed", **build)
    load_reference_weights(model, fixture)
    if style != "subclassed":
        model = kerasnets.transfer_weights(model, kerasnets.build(fixture["variant"], style, **build))
    logits = np.asarray(model(reference_rule.images(size), training=False))
    expected = np.array(fixture["logits"], dtype=np.float32)
    assert np.max(np.abs(logits - expected)) / np.max(np.abs(expected)) < 1e-4, fixture["source"]
