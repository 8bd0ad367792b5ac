"""Augmentation presets as Keras layers, for your own `model.fit` and for `kerasnets.train`.

    augment = kerasnets.augment.pipeline("flip_crop", image_size=64, seed=0)
    train_ds = train_ds.map(lambda x, y: (augment(x, training=True), y))   # in tf.data, or
    model = keras.Sequential([augment, *model.layers])                    # as first layers

The image-only presets are a `keras.Sequential` of augmentation layers; `mixup` and `cutmix`
are a `kerasnets.layers.MixBatch` layer, called on `(images, one_hot_labels)` batches in a
tf.data map, since they mix the labels too (so they cannot sit inside the model).
Like Keras' own augmentation layers, they augment unless called with `training=False`,
which `predict` and `evaluate` pass: at inference the images pass unchanged.
"""

import importlib

import keras
from keras import layers

from kerasnets.layers import CheckChannels, MixBatch, PCALighting, RandomCropWithMargin
from kerasnets.layers.lighting import IMAGENET_EIGENVALUES

PRESETS = ("none", "flip_crop", "alexnet", "randaugment", "mixup", "cutmix")
LABEL_MIXING = ("mixup", "cutmix")


def pipeline(preset, image_size, channels=3, seed=None, *, value_range=(0, 1)):
    """The augmentation `preset` for batches of `image_size` x `image_size` x `channels` images.

    preset: "none"; "flip_crop" (AlexNet's and VGG's crops out of a 256/224 larger image, one
        place per image, and horizontal flips); "alexnet" (the same, plus the paper's PCA
        colour lighting, RGB only); "randaugment" (Keras' RandAugment); "mixup" or "cutmix"
        (a `MixBatch` layer on (images, one-hot labels)); or "keras_cv:LayerName", a
        keras-cv layer with its defaults (the `cv` extra).
    seed: makes the draws repeatable.
    value_range: the range of the pixel values, (0, 1) or (0, 255): RandAugment's
        operations and the PCA lighting's strength are relative to it.
    """
    check_preset(preset, channels)
    height, width = _check_size(image_size)
    low, high = _check_value_range(value_range)
    if preset in LABEL_MIXING:
        return MixBatch(preset, seed=seed, name=preset)
    stack = [keras.Input((height, width, channels), name="images"), CheckChannels(channels, name="check_channels")]
    if preset in ("flip_crop", "alexnet"):
        stack += [RandomCropWithMargin((height, width), seed=seed, name="crop"),
                  layers.RandomFlip("horizontal", seed=seed, name="flip")]
    if preset == "alexnet":
        scale = high - low  # the eigenvalues are those of pixels in [0, 1]
        stack.append(PCALighting(0.1, eigenvalues=[value * scale for value in IMAGENET_EIGENVALUES], seed=seed,
                                 name="pca_lighting"))
    if preset == "randaugment":
        stack.append(layers.RandAugment(value_range=(low, high), seed=seed, name="randaugment"))
    if preset.startswith("keras_cv:"):
        stack.append(keras_cv_layer(preset.split(":", 1)[1]))
    return keras.Sequential(stack, name=f"augment_{preset.replace(':', '_')}")


def mixes_labels(preset):
    """Whether `preset` mixes labels: then labels are one-hot and the loss categorical."""
    return preset in LABEL_MIXING


def check_preset(preset, channels=3, argument="preset"):
    """`preset` if it names a preset usable on `channels`-channel images, else a ValueError
    that names `argument` (`kerasnets.train` calls it `augment`)."""
    if isinstance(channels, bool) or not isinstance(channels, int) or channels < 1:
        raise ValueError(f"`channels` must be an integer >= 1. Received: channels={channels!r}")
    if isinstance(preset, str) and preset.startswith("keras_cv:"):
        keras_cv_layer(preset.split(":", 1)[1], argument)
        return preset
    if preset not in PRESETS:
        raise ValueError(f"Unknown augmentation preset: {argument}={preset!r}. Expected one of "
                         f"{list(PRESETS)} or 'keras_cv:LayerName' (with the `cv` extra).")
    if preset == "alexnet" and channels != 3:
        raise ValueError(f"{argument}='alexnet' adds PCA colour lighting, which needs RGB images. "
                         f"Received: channels={channels!r}")
    return preset


def _check_size(image_size):
    size = (image_size, image_size) if isinstance(image_size, int) and not isinstance(image_size, bool) else image_size
    if (not isinstance(size, (tuple, list)) or len(size) != 2
            or not all(isinstance(s, int) and not isinstance(s, bool) and s >= 1 for s in size)):
        raise ValueError(f"`image_size` must be an integer >= 1 or a (height, width) pair. "
                         f"Received: image_size={image_size!r}")
    return tuple(size)


def _check_value_range(value_range):
    if (not isinstance(value_range, (tuple, list)) or len(value_range) != 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value_range)
            or not value_range[0] < value_range[1]):
        raise ValueError(f"`value_range` must be a pair (low, high) with low < high, such as (0, 1) or "
                         f"(0, 255). Received: value_range={value_range!r}")
    return float(value_range[0]), float(value_range[1])


def keras_cv_layer(name, argument="preset"):
    """The keras-cv augmentation layer `name`, made with its defaults."""
    try:
        keras_cv = importlib.import_module("keras_cv")
    except ImportError as error:
        raise ValueError(f"{argument}='keras_cv:{name}' needs keras-cv: pip install 'kerasnets[cv]'.") from error
    layer_class = getattr(keras_cv.layers, name, None)
    if layer_class is None:
        raise ValueError(f"keras_cv.layers has no layer {name!r}. Received: {argument}='keras_cv:{name}'")
    try:
        return layer_class()
    except TypeError as error:
        raise ValueError(f"keras_cv.layers.{name} needs arguments ({error}); 'keras_cv:NAME' takes "
                         "layers that work with their defaults. Pass your own layer instead.") from error
