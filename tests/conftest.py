import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import kerasnets  # noqa: E402
from kerasnets.registry import SPECS, spec_of  # noqa: E402

FIRST_OF_EACH_FAMILY = [spec.FAMILY.variants[0] for spec in SPECS.values()]  # the smallest of each


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


def pytest_collection_modifyitems(items):
    """The tests marked slow first, in their files' order: with two workers (`make test`),
    a long test started last would keep one core busy while the other sits idle."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def fresh_keras_session():
    keras.backend.clear_session()
    yield
    keras.backend.clear_session()


__all__ = ["FIRST_OF_EACH_FAMILY", "images", "kerasnets", "min_shape", "predict"]
