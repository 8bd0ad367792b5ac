"""Fidelity to outside references: published parameter counts, and keras.applications'
counts (its outputs, with its weights moved in, are tests/test_pretrained.py's)."""

import keras
import numpy as np
import pytest

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


def test_inception_v3_aux_head_adds_torchvision_inceptionaux():
    """torchvision's InceptionAux has 3,326,696 parameters for 1000 classes; with
    keras.applications' BatchNorm (no scale), the 128 + 768 gammas are not there."""
    without = kerasnets.functional.inception_v3()
    with_aux = kerasnets.functional.inception_v3(aux_classifiers=True)
    assert counts(with_aux)[1] - counts(without)[1] == 3_326_696 - (128 + 768)
