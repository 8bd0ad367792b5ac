"""kerasnets: the classic image-classification CNNs in Keras 3, each in three building styles.

    import kerasnets
    model = kerasnets.functional.inception_v3(classes=10, input_shape=(139, 139, 3))

`kerasnets.sequential`, `kerasnets.functional` and `kerasnets.subclassed` hold one builder
per variant, with the same names; `list_models()` names them and `build()` picks one by name.
"""

from kerasnets import augment, callbacks, functional, layers, metrics, recipes, sequential, subclassed
from kerasnets.compare import compare, show_source
from kerasnets.registry import STYLES, build, list_models
from kerasnets.training import train
from kerasnets.transfer import transfer_weights

__version__ = "0.1.0"
__all__ = [
    "STYLES",
    "augment",
    "build",
    "callbacks",
    "compare",
    "functional",
    "layers",
    "list_models",
    "metrics",
    "recipes",
    "sequential",
    "show_source",
    "subclassed",
    "train",
    "transfer_weights",
]
