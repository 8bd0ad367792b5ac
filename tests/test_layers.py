"""The custom layers, against TensorFlow's own ops where TensorFlow has one."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from kerasnets.layers import Gate, LocalResponseNormalization, Parallel, Residual


@pytest.mark.parametrize("depth_radius, bias, alpha, beta", [(2, 2.0, 1e-4, 0.75), (1, 1.0, 0.5, 0.5), (0, 1.0, 1.0, 1.0)])
def test_lrn_equals_tf_nn_local_response_normalization(depth_radius, bias, alpha, beta):
    x = np.random.default_rng(0).normal(size=(2, 5, 5, 7)).astype("float32") * 3
    ours = LocalResponseNormalization(depth_radius, bias, alpha, beta)(x)
    theirs = tf.nn.local_response_normalization(x, depth_radius=depth_radius, bias=bias, alpha=alpha, beta=beta)
    np.testing.assert_allclose(np.asarray(ours), theirs.numpy(), rtol=1e-5)


def test_lrn_rejects_a_negative_radius():
    with pytest.raises(ValueError, match=r"depth_radius=-1"):
        LocalResponseNormalization(depth_radius=-1)


def test_lrn_computes_in_float16_under_mixed_precision():
    layer = LocalResponseNormalization(dtype="mixed_float16")
    out = layer(np.ones((1, 2, 2, 4), "float32"))
    assert out.dtype == "float16"


def test_residual_adds_the_identity_or_the_projection():
    x = np.random.default_rng(1).normal(size=(2, 4, 4, 3)).astype("float32")
    branch = keras.Sequential([keras.layers.Conv2D(3, 1, use_bias=False)])
    identity = Residual(branch)
    np.testing.assert_allclose(np.asarray(identity(x)), np.asarray(branch(x)) + x, rtol=1e-6)
    shortcut = keras.Sequential([keras.layers.Conv2D(3, 1)])
    projected = Residual(branch, shortcut)
    np.testing.assert_allclose(np.asarray(projected(x)), np.asarray(branch(x)) + np.asarray(shortcut(x)), rtol=1e-6)


def test_parallel_concatenates_its_branches_in_order():
    x = np.random.default_rng(2).normal(size=(2, 4, 4, 3)).astype("float32")
    first = keras.Sequential([keras.layers.Conv2D(2, 1)])
    second = keras.Sequential([keras.layers.MaxPooling2D(3, strides=1, padding="same")])
    layer = Parallel([first, second])
    out = np.asarray(layer(x))
    assert layer.compute_output_shape((None, 4, 4, 3)) == (None, 4, 4, 5)
    np.testing.assert_allclose(out[..., :2], np.asarray(first(x)), rtol=1e-6)
    np.testing.assert_allclose(out[..., 2:], np.asarray(second(x)), rtol=1e-6)


def test_gate_scales_its_input_by_what_the_gate_computes_from_it():
    x = np.random.default_rng(4).normal(size=(2, 4, 4, 3)).astype("float32")
    gate = keras.Sequential([keras.layers.GlobalAveragePooling2D(keepdims=True),
                             keras.layers.Conv2D(3, 1, activation="sigmoid")])
    layer = Gate(gate)
    assert layer.compute_output_shape((None, 4, 4, 3)) == (None, 4, 4, 3)
    np.testing.assert_allclose(np.asarray(layer(x)), x * np.asarray(gate(x)), rtol=1e-6)


def test_parallel_needs_a_branch():
    with pytest.raises(ValueError, match=r"branches=\[\]"):
        Parallel([])


@pytest.mark.parametrize("layer", [
    lambda: LocalResponseNormalization(1, 1.5, 0.1, 0.5, name="lrn"),
    lambda: Residual(keras.Sequential([keras.layers.Dense(3)]), keras.Sequential([keras.layers.Dense(3)]), name="res"),
    lambda: Parallel([keras.Sequential([keras.layers.Dense(2)]), keras.Sequential([keras.layers.Dense(1)])], name="par"),
    lambda: Gate(keras.Sequential([keras.layers.Dense(3, activation="sigmoid")]), name="gate"),
])
def test_layers_round_trip_through_their_config(layer):
    original = layer()
    x = np.random.default_rng(3).normal(size=(2, 3, 3, 3)).astype("float32")
    expected = np.asarray(original(x))
    copy = original.__class__.from_config(original.get_config())
    copy.build(x.shape)
    copy.set_weights(original.get_weights())
    np.testing.assert_allclose(np.asarray(copy(x)), expected, rtol=1e-6)
    assert keras.saving.get_registered_name(type(original)).startswith("kerasnets>")
