"""What a weight set expects of an image, and the names of ImageNet's 1000 classes.

`preprocess_input(name, images)` applies the preprocessing that `name`'s ImageNet weights
were trained with, to RGB images in [0, 255], channels last: "caffe" (BGR, the ImageNet
channel means subtracted), "tf" (scaled to [-1, 1]) or "torch" (scaled to [0, 1], then the
ImageNet means and deviations), as keras.applications' and timm's preprocessing do.
`decode_predictions` names the top classes with the list shipped in the package
(imagenet_classes.txt), so nothing is downloaded to decode.
"""

import functools
import os

import keras
import numpy as np

from kerasnets.weights.catalog import IMAGENET_CLASSES, available, pretrained_of

CAFFE_MEAN_BGR = (103.939, 116.779, 123.68)
TORCH_MEAN_RGB = (0.485, 0.456, 0.406)
TORCH_STD_RGB = (0.229, 0.224, 0.225)
CLASSES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "imagenet_classes.txt")


def preprocess_input(name, images):
    """`images` (RGB, [0, 255], channels last; an array or a tensor) as `name`'s ImageNet
    weights expect them: a float32 array of the same shape (a tensor for a tensor)."""
    pretrained = pretrained_of(name)  # an unknown name fails here, with the list of names
    if pretrained is None:
        raise ValueError(
            f"{name} has no ImageNet weights, so no preprocessing of theirs. Variants that have them: "
            f"{sorted(available())}. Received: name={name!r}"
        )
    shape = tuple(getattr(images, "shape", np.shape(images)))
    if len(shape) < 3 or shape[-1] != 3:
        raise ValueError(
            "`images` must be RGB images, channels last: (height, width, 3) or (batch, height, width, 3). "
            f"Received: images.shape={shape!r}"
        )
    x = keras.ops.cast(images, "float32")
    if pretrained.preprocessing == "caffe":
        x = keras.ops.flip(x, axis=-1) - np.array(CAFFE_MEAN_BGR, dtype="float32")
    elif pretrained.preprocessing == "tf":
        x = x / 127.5 - 1.0
    else:  # "torch"
        x = (x / 255.0 - np.array(TORCH_MEAN_RGB, dtype="float32")) / np.array(TORCH_STD_RGB, dtype="float32")
    return keras.ops.convert_to_numpy(x) if isinstance(images, (np.ndarray, list)) else x


@functools.cache
def imagenet_classes():
    """The 1000 (WordNet id, name) pairs, in the order of the models' outputs."""
    with open(CLASSES_FILE) as handle:
        return tuple(tuple(line.rstrip("\n").split("\t")) for line in handle)


def decode_predictions(predictions, top=5):
    """The `top` classes of each row of `predictions` (batch, 1000): a list per image of
    (WordNet id, class name, score), best first, as keras.applications' decode_predictions."""
    scores = keras.ops.convert_to_numpy(predictions)
    if scores.ndim != 2 or scores.shape[1] != IMAGENET_CLASSES:
        raise ValueError(
            f"`predictions` must be a batch of ImageNet's {IMAGENET_CLASSES} class scores, shape (batch, "
            f"{IMAGENET_CLASSES}). Received: predictions.shape={scores.shape!r}"
        )
    if isinstance(top, bool) or not isinstance(top, int) or not 1 <= top <= IMAGENET_CLASSES:
        raise ValueError(f"`top` must be an integer from 1 to {IMAGENET_CLASSES}. Received: top={top!r}")
    classes = imagenet_classes()
    best = np.argsort(-scores, axis=1, kind="stable")[:, :top]
    return [[(*classes[index], float(row[index])) for index in indices] for row, indices in zip(scores, best)]
