"""Local response normalization (Krizhevsky et al., 2012, section 3.3), in keras.ops only."""

import keras
from keras import ops


@keras.saving.register_keras_serializable(package="kerasnets")
class LocalResponseNormalization(keras.layers.Layer):
    """Divides each activity by the energy of its neighbours across channels.

    b[c] = a[c] / (k + alpha * sum(a[j]**2 for |j - c| <= depth_radius)) ** beta

    The defaults are AlexNet's: n = 5 neighbouring channels (depth_radius=2), k=2,
    alpha=1e-4, beta=0.75. This is the paper's formula (alpha is not divided by n, as
    Caffe does), and the same one `tf.nn.local_response_normalization` computes; written
    with keras.ops so that it runs on every backend. It has no weights.
    """

    def __init__(self, depth_radius=2, bias=2.0, alpha=1e-4, beta=0.75, **kwargs):
        super().__init__(**kwargs)
        if isinstance(depth_radius, bool) or not isinstance(depth_radius, int) or depth_radius < 0:
            raise ValueError(
                f"`depth_radius` must be an integer >= 0. Received: depth_radius={depth_radius!r}"
            )
        self.depth_radius = depth_radius
        self.bias = bias
        self.alpha = alpha
        self.beta = beta

    def call(self, inputs):
        channels = inputs.shape[-1]
        radius = self.depth_radius
        squares = ops.pad(ops.square(inputs), [[0, 0]] * (len(inputs.shape) - 1) + [[radius, radius]])
        # The window sum over channels, as 2r+1 shifted slices: no conv, no reshape.
        energy = squares[..., 0:channels]
        for shift in range(1, 2 * radius + 1):
            energy = energy + squares[..., shift : shift + channels]
        return inputs / ops.power(self.bias + self.alpha * energy, self.beta)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "depth_radius": self.depth_radius,
            "bias": self.bias,
            "alpha": self.alpha,
            "beta": self.beta,
        }
