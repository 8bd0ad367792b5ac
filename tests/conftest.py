import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import kerasnets  # noqa: E402
from kerasnets.registry import spec_of  # noqa: E402


def min_shape(name, **options):
    """The smallest input the variant accepts: the cheapest honest shape for a test."""
    spec = spec_of(name)
    size = spec.min_size(**{**spec.OPTIONS, **options}) if hasattr(spec, "min_size") else spec.FAMILY.min_size
    return (size, size, spec.FAMILY.channels)


def images(shape, batch=2, seed=0):
    return np.random.default_rng(seed).random((batch, *shape), dtype=np.float32)


def predict(model, x):
    """Inference-mode outputs as a flat list of NumPy arrays (dict outputs in key order)."""
    return [np.asarray(y) for y in keras.tree.flatten(model(x, training=False))]


@pytest.fixture(autouse=True)
def fresh_keras_session():
    keras.backend.clear_session()
    yield
    keras.backend.clear_session()


__all__ = ["images", "kerasnets", "min_shape", "predict"]
