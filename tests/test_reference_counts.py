"""Fidelity to outside references: published parameter counts, and keras.applications
itself (counts, and outputs where the structure and layer names are the same)."""

import keras
import numpy as np
import pytest
from conftest import images, predict

import kerasnets
from kerasnets.registry import SPECS

REFERENCES = [(ref.variant, ref) for spec in SPECS.values() for ref in spec.REFERENCES]
KERAS_APPLICATIONS = [
    (variant, application)
    for spec in SPECS.values()
    for variant, application in getattr(spec, "KERAS_APPLICATIONS", {}).items()
]
OPTIONS_FOR_KERAS = {"resnet": {"conv_bias": True}}  # keras.applications' ResNets carry conv biases


def counts(model):
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    return model.count_params(), trainable


@pytest.mark.parametrize("variant, reference", REFERENCES, ids=[f"{v}-{r.options}" for v, r in REFERENCES])
def test_published_parameter_count(variant, reference):
    model = kerasnets.functional.__dict__[variant](classes=reference.classes, **reference.options)
    total, trainable = counts(model)
    got = total if reference.counts == "total" else trainable
    assert got == reference.count, f"{variant}: {got:,} != {reference.count:,} ({reference.source})"


def test_every_variant_has_an_outside_reference():
    covered = {variant for variant, _ in REFERENCES} | {variant for variant, _ in KERAS_APPLICATIONS}
    assert covered == set(kerasnets.list_models())


@pytest.mark.slow
@pytest.mark.parametrize("variant, application", KERAS_APPLICATIONS)
def test_counts_equal_keras_applications(variant, application):
    reference = getattr(keras.applications, application)(weights=None)
    family = kerasnets.registry.VARIANT_FAMILY[variant]
    model = kerasnets.build(variant, "functional", **OPTIONS_FOR_KERAS.get(family, {}))
    assert counts(model) == counts(reference)


@pytest.mark.parametrize("style", kerasnets.STYLES)
@pytest.mark.parametrize(
    "variant, application, options",
    [("vgg16", "VGG16", {}), ("vgg19", "VGG19", {}), ("resnet50", "ResNet50", {"conv_bias": True}),
     ("densenet121", "DenseNet121", {}), ("densenet169", "DenseNet169", {}), ("densenet201", "DenseNet201", {})],
)
def test_outputs_equal_keras_applications_with_the_same_weights(style, variant, application, options):
    """Same layer names as keras.applications, so its weights move in by name; the
    predictions must then be theirs."""
    shape = (32, 32, 3)
    reference = getattr(keras.applications, application)(weights=None, input_shape=shape, classes=10)
    model = kerasnets.build(variant, style, input_shape=shape, classes=10, **options)
    x = images(shape, batch=3) * 255.0
    kerasnets.transfer_weights(reference, model)
    np.testing.assert_allclose(predict(model, x)[0], predict(reference, x)[0], rtol=1e-5, atol=1e-6)


def test_inception_v3_aux_head_adds_torchvision_inceptionaux():
    """torchvision's InceptionAux has 3,326,696 parameters for 1000 classes; with
    keras.applications' BatchNorm (no scale), the 128 + 768 gammas are not there."""
    without = kerasnets.functional.inception_v3()
    with_aux = kerasnets.functional.inception_v3(aux_classifiers=True)
    assert counts(with_aux)[1] - counts(without)[1] == 3_326_696 - (128 + 768)


def transfer_in_layer_order(reference, model):
    """keras.applications names some layers automatically (conv2d_17, ...), so its weights are
    moved by position: the functional graphs list their layers in the same order when the
    blocks make their branches in the same order, and every pair must match in shape."""
    theirs = [layer for layer in reference.layers if layer.weights]
    ours = [layer for layer in model.layers if layer.weights]
    assert len(theirs) == len(ours)
    for source, target in zip(theirs, ours):
        assert [tuple(w.shape) for w in source.weights] == [tuple(w.shape) for w in target.weights], target.name
        for mine, its in zip(target.weights, source.weights):
            mine.assign(its.value)


def randomize_batch_statistics(model, seed=0):
    """Moving means and variances away from 0 and 1, so that a misplaced one shows."""
    rng = np.random.default_rng(seed)
    for layer in model.layers:
        if isinstance(layer, keras.layers.BatchNormalization):
            layer.moving_mean.assign(rng.normal(0, 0.1, layer.moving_mean.shape).astype("float32"))
            layer.moving_variance.assign(rng.uniform(0.5, 1.5, layer.moving_variance.shape).astype("float32"))


@pytest.mark.parametrize("style", kerasnets.STYLES)
@pytest.mark.parametrize("variant, application, size", [("inception_resnet_v2", "InceptionResNetV2", 75),
                                                       ("xception", "Xception", 71)])
def test_outputs_equal_keras_applications_in_layer_order(style, variant, application, size):
    shape = (size, size, 3)
    reference = getattr(keras.applications, application)(weights=None, input_shape=shape, classes=10,
                                                          classifier_activation=None)
    randomize_batch_statistics(reference)
    functional = kerasnets.build(variant, "functional", input_shape=shape, classes=10, classifier_activation=None)
    transfer_in_layer_order(reference, functional)
    model = functional if style == "functional" else kerasnets.transfer_weights(
        functional, kerasnets.build(variant, style, input_shape=shape, classes=10, classifier_activation=None))
    x = images(shape, batch=2) * 2.0 - 1.0
    expected = predict(reference, x)[0]
    np.testing.assert_allclose(predict(model, x)[0], expected, rtol=1e-5, atol=1e-5 * np.max(np.abs(expected)))
