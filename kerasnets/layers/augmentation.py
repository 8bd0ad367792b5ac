"""The augmentation layers that `keras.layers` lacks: AlexNet's crops, one place per image,
and MixUp/CutMix on an (images, labels) pair. Like Keras' own augmentation layers they
augment unless called with `training=False` (which `predict` and `evaluate` pass)."""

import keras
from keras import layers


@keras.saving.register_keras_serializable(package="kerasnets")
class RandomCropWithMargin(keras.layers.Layer):
    """AlexNet's crops (Krizhevsky et al., 2012, section 4.1: 224x224 patches of 256x256
    images): each image enlarged by `margin` and cut back to `size` at a random place, one
    place per image. At inference the image passes unchanged.

    size: the height and width of the images (an int for a square).
    margin: how much larger the image is before the crop (256 / 224 in the paper).
    """

    def __init__(self, size, margin=256 / 224, seed=None, **kwargs):
        super().__init__(**kwargs)
        height, width = (size, size) if isinstance(size, int) else tuple(size)
        if isinstance(margin, bool) or not isinstance(margin, (int, float)) or margin < 1:
            raise ValueError(f"`margin` must be a number >= 1. Received: margin={margin!r}")
        self.size, self.margin, self.seed = (height, width), float(margin), seed
        larger = (round(height * margin), round(width * margin))
        self.enlarge = layers.Resizing(*larger, name="enlarge")
        # A random shift of at most half the margin, then the centre: a window inside the image
        # ("nearest": whole pixels, so the window is a crop, not a resampling).
        self.shift = layers.RandomTranslation((larger[0] - height) / (2 * larger[0]),
                                              (larger[1] - width) / (2 * larger[1]), interpolation="nearest",
                                              seed=seed, name="shift")
        self.crop = layers.CenterCrop(height, width, name="crop")

    def call(self, images, training=True):
        if None not in images.shape[1:3] and tuple(images.shape[1:3]) != self.size:
            raise ValueError(f"RandomCropWithMargin was made for {self.size[0]}x{self.size[1]} images. "
                             f"Received: images of shape {tuple(images.shape)!r}")
        if not training:
            return images
        return self.crop(self.shift(self.enlarge(images), training=True))

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "size": self.size, "margin": self.margin, "seed": self.seed}


@keras.saving.register_keras_serializable(package="kerasnets")
class CheckChannels(keras.layers.Layer):
    """Passes images through, refusing those that do not have `channels` channels: the first
    layer of an augmentation pipeline, whose layers would otherwise accept them silently."""

    def __init__(self, channels, **kwargs):
        super().__init__(**kwargs)
        self.channels = channels

    def call(self, images):
        if images.shape[-1] != self.channels:
            raise ValueError(f"This pipeline was made for images with {self.channels} channel(s). Received: "
                             f"images of shape {tuple(images.shape)!r}")
        return images

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "channels": self.channels}


@keras.saving.register_keras_serializable(package="kerasnets")
class MixBatch(keras.layers.Layer):
    """MixUp (Zhang et al., 2018) or CutMix (Yun et al., 2019) on a batch: called on
    `(images, labels)`, returns the mixed `(images, labels)`.

    Labels must be one-hot, (batch, classes) floats: a mixed image has a mixed label, so the
    loss must be categorical (`kerasnets.recipes.compile_args` chooses it for these presets).
    method: "mixup" (Keras' MixUp, alpha 0.2) or "cutmix" (Keras' CutMix, factor 1.0).
    """

    METHODS = ("mixup", "cutmix")

    def __init__(self, method="mixup", seed=None, **kwargs):
        super().__init__(**kwargs)
        if method not in self.METHODS:
            raise ValueError(f"`method` must be one of {list(self.METHODS)}. Received: method={method!r}")
        self.method, self.seed = method, seed
        if method == "mixup":
            self.mixer = layers.MixUp(alpha=0.2, seed=seed, name="mixup")
        else:
            self.mixer = layers.CutMix(factor=1.0, seed=seed, name="cutmix")

    def call(self, images, labels, training=True):
        if len(labels.shape) != 2:
            raise ValueError(
                f"{self.method} mixes labels, so it needs one-hot labels of shape (batch, classes). Received: "
                f"labels of shape {tuple(labels.shape)!r}. Turn them one-hot first (tf.one_hot(labels, classes) "
                "in a tf.data map) and train with a categorical loss.")
        if not training:
            return images, labels
        mixed = self.mixer({"images": images, "labels": keras.ops.cast(labels, "float32")}, training=True)
        return mixed["images"], mixed["labels"]

    def get_config(self):
        return {**super().get_config(), "method": self.method, "seed": self.seed}
