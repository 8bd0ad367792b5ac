"""AlexNet's PCA colour augmentation (Krizhevsky et al., 2012, section 4.1), as a layer."""

import keras
from keras import ops

# The principal components of ImageNet's RGB pixels (values in [0, 1]), as published with
# fb.resnet.torch and used by most reproductions of the paper.
IMAGENET_EIGENVALUES = (0.2175, 0.0188, 0.0045)
IMAGENET_EIGENVECTORS = (
    (-0.5675, 0.7192, 0.4009),
    (-0.5808, -0.0045, -0.8140),
    (-0.5836, -0.6948, 0.4203),
)


@keras.saving.register_keras_serializable(package="kerasnets")
class PCALighting(keras.layers.Layer):
    """Adds sum_i alpha_i * lambda_i * p_i to every pixel of an image, alpha_i ~ N(0, stddev).

    One draw per image, shared by all its pixels: the paper's "intensity and colour of the
    illumination" change. Needs 3 channels. Like Keras' augmentation layers it augments unless
    called with `training=False` (as `predict` and `evaluate` call it).
    """

    def __init__(self, stddev=0.1, eigenvalues=IMAGENET_EIGENVALUES,
                 eigenvectors=IMAGENET_EIGENVECTORS, seed=None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(stddev, bool) or not isinstance(stddev, (int, float)) or stddev < 0:
            raise ValueError(f"`stddev` must be a number >= 0. Received: stddev={stddev!r}")
        self.stddev = float(stddev)
        self.eigenvalues = tuple(float(v) for v in eigenvalues)
        self.eigenvectors = tuple(tuple(float(v) for v in row) for row in eigenvectors)
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def build(self, input_shape):
        if input_shape[-1] != 3:
            raise ValueError(f"PCALighting needs RGB images (3 channels). Received: input_shape={input_shape!r}")

    def call(self, images, training=True):
        if not training or self.stddev == 0:
            return images
        batch = ops.shape(images)[0]
        alpha = keras.random.normal((batch, 3), stddev=self.stddev, seed=self.seed_generator)
        weights = alpha * ops.convert_to_tensor(self.eigenvalues, dtype=alpha.dtype)
        shift = ops.matmul(weights, ops.transpose(ops.convert_to_tensor(self.eigenvectors, dtype=alpha.dtype)))
        return images + ops.cast(ops.reshape(shift, (batch, 1, 1, 3)), images.dtype)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "stddev": self.stddev, "eigenvalues": self.eigenvalues,
                "eigenvectors": self.eigenvectors, "seed": self.seed}
