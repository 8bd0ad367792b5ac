"""Augmentation presets: each a list of `keras.layers` augmentation layers for the input
pipeline. `mixup` and `cutmix` mix labels too, so they need one-hot labels and a
categorical loss (`needs_one_hot`)."""

import importlib

from keras import layers

from kerasnets.layers import PCALighting

PRESETS = ("none", "flip_crop", "alexnet", "randaugment", "mixup", "cutmix")
LABEL_MIXING = ("mixup", "cutmix")
CROP_MARGIN = 256 / 224  # AlexNet: 224x224 crops out of 256x256 images


def check_preset(augment, channels=3):
    if isinstance(augment, str) and augment.startswith("keras_cv:"):
        keras_cv_layer(augment.split(":", 1)[1])
        return augment
    if augment not in PRESETS:
        raise ValueError(f"Unknown augmentation preset: augment={augment!r}. Expected one of "
                         f"{list(PRESETS)} or 'keras_cv:LayerName' (with the `cv` extra).")
    if augment == "alexnet" and channels != 3:
        raise ValueError(f"augment='alexnet' adds PCA colour lighting, which needs RGB images. "
                         f"Received a model input with {channels} channel(s).")
    return augment


def needs_one_hot(augment):
    return augment in LABEL_MIXING


def resize_before_crop(augment, size):
    """The size the pipeline resizes training images to before the preset runs."""
    return round(size * CROP_MARGIN) if augment in ("flip_crop", "alexnet") else size


def image_layers(augment, size, channels, seed=None):
    """The layers that change images only; run on a batch of (images) in training."""
    if augment in ("flip_crop", "alexnet"):
        chosen = [layers.RandomCrop(size, size, seed=seed), layers.RandomFlip("horizontal", seed=seed)]
        if augment == "alexnet":
            chosen.append(PCALighting(0.1, seed=seed))
        return chosen
    if augment == "randaugment":
        return [layers.RandAugment(value_range=(0, 1), seed=seed)]
    if isinstance(augment, str) and augment.startswith("keras_cv:"):
        return [keras_cv_layer(augment.split(":", 1)[1])]
    return []


def label_mixing_layer(augment, seed=None):
    """MixUp or CutMix, called on {"images", "labels"} with one-hot labels; else None."""
    if augment == "mixup":
        return layers.MixUp(alpha=0.2, seed=seed)
    if augment == "cutmix":
        return layers.CutMix(factor=1.0, seed=seed)
    return None


def keras_cv_layer(name):
    try:
        keras_cv = importlib.import_module("keras_cv")
    except ImportError as error:
        raise ValueError(f"augment='keras_cv:{name}' needs keras-cv: pip install 'kerasnets[cv]'.") from error
    layer_class = getattr(keras_cv.layers, name, None)
    if layer_class is None:
        raise ValueError(f"keras_cv.layers has no layer {name!r}. Received: augment='keras_cv:{name}'")
    try:
        return layer_class()
    except TypeError as error:
        raise ValueError(f"keras_cv.layers.{name} needs arguments ({error}); augment='keras_cv:NAME' takes "
                         "layers that work with their defaults. Pass your own pipeline instead.") from error
