"""`kerasnets.weights.load_state_dict` against timm's models, through small fixtures.

tests/fixtures/make_fixtures.py (run by hand, with PyTorch and timm) drew every weight of
each timm model whose published weights a kerasnets variant loads, by a fixed NumPy rule
from its parameter names and shapes, and stored the names, shapes and the model's logits
on two images. Here the same rule draws the same state dict, `load_state_dict` reads it
by name, and the logits must be timm's. Nothing here needs PyTorch.

Every style reads the first variant of each naming convention (ResNet, SENet, DenseNet, VGG,
Inception-v4); the other variants are read in one style each, in turn. The names say where a
weight goes and the three styles hold the same weight names (tests/test_style_invariants.py,
with outputs equal for equal weights), so what differs among a convention's variants (depth,
groups, widths) is checked once per variant, and what differs among styles once per convention.
"""

import json
import os

import keras
import numpy as np
import pytest
from fixtures import reference_rule

import kerasnets
from kerasnets.weights import load_state_dict
from kerasnets.weights.state_dict import keras_layout

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "timm")
VARIANTS = sorted(name[:-len(".json")] for name in os.listdir(FIXTURES))
# The VGGs at 224x224 and the deepest networks: seconds per style
LARGE = {"vgg11", "vgg13", "vgg11_bn", "vgg13_bn", "vgg16_bn", "vgg19_bn", "senet154", "resnext101_32x8d",
         "resnext101_64x4d", "se_resnet152", "se_resnext101_32x4d"}
EVERY_STYLE = {"resnet18", "se_resnet50", "densenet161", "vgg11_bn", "inception_v4"}  # one per naming convention


def fixture(variant):
    with open(os.path.join(FIXTURES, f"{variant}.json")) as handle:
        return json.load(handle)


def state_dict(reference):
    """The reference model's state dict as the fixture script drew it (PyTorch's layouts)."""
    return {name: reference_rule.parameter(name, shape) for name, shape in reference["parameters"]}


def build(reference, style, **kwargs):
    size = reference["input_size"]
    options = dict(input_shape=(size, size, 3), classes=reference["classes"], classifier_activation=None)
    return kerasnets.build(reference["variant"], style, **{**options, **kwargs})


def weights_of(model):
    return [np.copy(keras.ops.convert_to_numpy(weight)) for weight in model.weights]


def styles_of(variant):
    if variant in EVERY_STYLE:
        return kerasnets.STYLES
    return [kerasnets.STYLES[VARIANTS.index(variant) % len(kerasnets.STYLES)]]


@pytest.mark.parametrize("variant", [pytest.param(v, marks=pytest.mark.slow) if v in LARGE else v for v in VARIANTS])
def test_timm_weights_give_timms_logits(variant):
    reference = fixture(variant)
    weights = state_dict(reference)
    x = reference_rule.images(reference["input_size"])
    expected = np.array(reference["logits"], dtype=np.float32)
    for style in styles_of(variant):
        model = load_state_dict(build(reference, style), weights)
        logits = np.asarray(model(x, training=False))
        assert np.max(np.abs(logits - expected)) / np.max(np.abs(expected)) < 1e-4, (reference["source"], style)
        keras.backend.clear_session()


def test_without_a_top_the_classifier_is_left_unused():
    reference = fixture("resnet18")
    weights = state_dict(reference)
    with_top = load_state_dict(build(reference, "functional"), weights)
    features = keras.Model(with_top.input, with_top.get_layer("predictions").input)
    headless = load_state_dict(build(reference, "sequential", include_top=False, pooling="avg"), weights)
    x = reference_rule.images(reference["input_size"])
    np.testing.assert_allclose(np.asarray(headless(x)), np.asarray(features(x)), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("source, target, message", [
    ("resnet34", "resnet18", r"left over \['layer1.2.conv1.weight'"),  # a deeper network
    ("resnet18", "resnet34", r"missing \['conv2_block3_1_conv/kernel \(layer1.2.conv1.weight\)'"),
    ("resnext50_32x4d", "se_resnext50_32x4d", r"The ResNet or ResNeXt .* missing .*se_reduce"),  # another family
    ("densenet161", "resnet18", r"missing \['conv2_block1_2_bn/gamma \(no counterpart\)'.*wrong shape "
                                r"\['features.conv0.weight \(96, 3, 7, 7\) for conv1_conv/kernel \(7, 7, 3, 64\)'"),
])
def test_a_state_dict_of_another_model_is_refused_and_nothing_changes(source, target, message):
    model = kerasnets.build(target, "subclassed", input_shape=(32, 32, 3), classes=10)
    before = weights_of(model)
    with pytest.raises(ValueError, match=message):
        load_state_dict(model, state_dict(fixture(source)))
    assert all(np.array_equal(a, b) for a, b in zip(weights_of(model), before))


def test_wrong_shapes_and_unknown_sources_are_named():
    reference = fixture("resnet18")
    model = build(reference, "functional", classes=7)  # another head
    with pytest.raises(ValueError, match=r"wrong shape \['fc.weight \(10, 512\) for predictions/kernel \(512, 7\)'"):
        load_state_dict(model, state_dict(reference))
    with pytest.raises(ValueError, match=r"not one of a source kerasnets can read.*'conv.weight'"):
        load_state_dict(model, {"conv.weight": np.zeros((8, 3, 3, 3), "float32")})


def test_a_depthwise_kernel_follows_pytorchs_channel_order():
    """PyTorch's depthwise convolution (groups = channels, `multiplier` outputs each) holds its
    kernel as (channels x multiplier, 1, rows, cols), output c x multiplier + j reading input c.
    No listed network has one (Xception's weights are keras.applications'): checked against NumPy."""
    channels, multiplier, rng = 3, 2, np.random.default_rng(0)
    torch_kernel = rng.standard_normal((channels * multiplier, 1, 3, 3)).astype("float32")
    x = rng.standard_normal((1, 5, 5, channels)).astype("float32")
    layer = keras.layers.DepthwiseConv2D(3, depth_multiplier=multiplier, use_bias=False)
    layer.build(x.shape)
    layer.kernel.assign(keras_layout(torch_kernel, layer.kernel.shape))
    expected = np.zeros((1, 3, 3, channels * multiplier), "float32")
    for output in range(channels * multiplier):
        for row in range(3):
            for col in range(3):
                window = x[0, row:row + 3, col:col + 3, output // multiplier]
                expected[0, row, col, output] = np.sum(window * torch_kernel[output, 0])
    np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-5, atol=1e-5)


def test_every_variant_with_a_fixture_is_one_whose_published_weights_kerasnets_loads():
    timm_sources = {name for name, entry in kerasnets.weights.available().items() if entry["source"].startswith("timm")}
    assert set(VARIANTS) == timm_sources
    assert {style for variant in VARIANTS for style in styles_of(variant)} == set(kerasnets.STYLES)
