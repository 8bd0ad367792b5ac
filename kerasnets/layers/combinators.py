"""The few layers that join `keras.Sequential` sub-stacks into a branching block.

A linear stack cannot branch, so the Sequential renderings express a residual or an
inception block as one layer that owns its branches (each a `keras.Sequential`) and joins
their outputs: by a sum (`Residual`), a channel concatenation (`Parallel`) or a product with
the input (`Gate`, the squeeze-and-excitation of SENet).
"""

import keras
from keras import ops


def _serialize(layer):
    return None if layer is None else keras.saving.serialize_keras_object(layer)


def _deserialize(config):
    return None if config is None else keras.saving.deserialize_keras_object(config)


@keras.saving.register_keras_serializable(package="kerasnets")
class Residual(keras.layers.Layer):
    """`shortcut(x) + scale * branch(x)`; with no shortcut, `x + scale * branch(x)` (the
    identity shortcut). `scale` is Inception-ResNet's scaling of the residual branch."""

    def __init__(self, branch, shortcut=None, scale=1.0, **kwargs):
        super().__init__(**kwargs)
        self.branch = branch
        self.shortcut = shortcut
        self.scale = float(scale)

    def build(self, input_shape):
        self.branch.build(input_shape)
        if self.shortcut is not None:
            self.shortcut.build(input_shape)

    def call(self, inputs, training=None):
        identity = inputs if self.shortcut is None else self.shortcut(inputs, training=training)
        residual = self.branch(inputs, training=training)
        return identity + (residual if self.scale == 1.0 else self.scale * residual)

    def compute_output_shape(self, input_shape):
        return self.branch.compute_output_shape(input_shape)

    def get_config(self):
        return {
            **super().get_config(),
            "branch": _serialize(self.branch),
            "shortcut": _serialize(self.shortcut),
            "scale": self.scale,
        }

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["branch"] = _deserialize(config["branch"])
        config["shortcut"] = _deserialize(config["shortcut"])
        return cls(**config)


@keras.saving.register_keras_serializable(package="kerasnets")
class Parallel(keras.layers.Layer):
    """Feeds one input to every branch and concatenates their outputs along channels."""

    def __init__(self, branches, **kwargs):
        super().__init__(**kwargs)
        if not branches:
            raise ValueError(f"`branches` must hold at least one layer. Received: branches={branches!r}")
        self.branches = list(branches)

    def build(self, input_shape):
        for branch in self.branches:
            branch.build(input_shape)

    def call(self, inputs, training=None):
        return ops.concatenate([branch(inputs, training=training) for branch in self.branches], axis=-1)

    def compute_output_shape(self, input_shape):
        shapes = [branch.compute_output_shape(input_shape) for branch in self.branches]
        channels = [shape[-1] for shape in shapes]
        total = None if None in channels else sum(channels)
        return tuple(shapes[0][:-1]) + (total,)

    def get_config(self):
        return {**super().get_config(), "branches": [_serialize(b) for b in self.branches]}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["branches"] = [_deserialize(b) for b in config["branches"]]
        return cls(**config)


@keras.saving.register_keras_serializable(package="kerasnets")
class Gate(keras.layers.Layer):
    """`x * gate(x)`: the input scaled by what `gate` computes from it, broadcast over the
    axes the gate has pooled away (a channel gate outputs (batch, 1, 1, channels))."""

    def __init__(self, gate, **kwargs):
        super().__init__(**kwargs)
        self.gate = gate

    def build(self, input_shape):
        self.gate.build(input_shape)

    def call(self, inputs, training=None):
        return inputs * self.gate(inputs, training=training)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "gate": _serialize(self.gate)}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["gate"] = _deserialize(config["gate"])
        return cls(**config)
