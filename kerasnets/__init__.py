"""kerasnets: the classic image-classification CNNs in Keras 3, each in three building styles.

    import kerasnets
    model = kerasnets.functional.inception_v3(classes=10, input_shape=(139, 139, 3))

`kerasnets.sequential`, `kerasnets.functional` and `kerasnets.subclassed` hold one builder
per variant, with the same names; `list_models()` names them and `build()` picks one by name.
"""

from kerasnets import augment, callbacks, functional, layers, metrics, recipes, sequential, subclassed, weights
from kerasnets.compare import compare, show_source
from kerasnets.registry import STYLES, build, list_models
from kerasnets.transfer import transfer_weights
from kerasnets.weights import decode_predictions, preprocess_input

__version__ = "0.1.0"


def __getattr__(name):
    """`kerasnets.train`, imported when first used: it trains through tf.distribute and
    tf.data, so it needs TensorFlow, while the rest of kerasnets runs on any Keras backend."""
    if name == "train":
        try:
            from kerasnets.training import train
        except ModuleNotFoundError as error:
            if error.name != "tensorflow":
                raise
            raise ModuleNotFoundError(
                "kerasnets.train trains through tf.distribute and tf.data, which need TensorFlow "
                "(pip install tensorflow, and KERAS_BACKEND=tensorflow). Without it, kerasnets builds, "
                "compares, fits with your own model.fit, saves and loads models on any Keras backend.",
                name="tensorflow") from error
        return train
    raise AttributeError(f"module 'kerasnets' has no attribute {name!r}")

__all__ = [
    "STYLES",
    "augment",
    "build",
    "callbacks",
    "compare",
    "decode_predictions",
    "functional",
    "layers",
    "list_models",
    "metrics",
    "preprocess_input",
    "recipes",
    "sequential",
    "show_source",
    "subclassed",
    "train",
    "transfer_weights",
    "weights",
]
