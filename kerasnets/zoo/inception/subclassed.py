"""The subclassed rendering of an inception network: an `InceptionBlock` layer class and a
model whose `call` loops over its stages and taps the auxiliary classifiers by name."""

import keras
from keras import ops

from kerasnets.zoo.inception import googlenet, inception_v3
from kerasnets.zoo.inception.units import AuxTap, Block, Split
from kerasnets.zoo.subclassing import ImageClassifier, build_in_order, output_shape_in_order

SPECS = {spec.FAMILY.name: spec for spec in (googlenet, inception_v3)}


def find_block(entries, name):
    """The Block or Split called `name`, searched through the branches of `entries`."""
    for entry in entries:
        if isinstance(entry, (Block, Split)) and entry.name == name:
            return entry
        if isinstance(entry, Block):
            found = find_block([unit for branch in entry.branches for unit in branch], name)
            if found:
                return found
    return None


@keras.saving.register_keras_serializable(package="kerasnets")
class InceptionBlock(keras.layers.Layer):
    """Parallel branches of units, concatenated; `family` and `block` name its spec entry."""

    def __init__(self, family, block, **kwargs):
        super().__init__(**kwargs)
        self.family, self.block = family, block
        spec = SPECS[family]
        entry = find_block(spec.NETWORK, block)
        parts = entry.branches if isinstance(entry, Block) else tuple((unit,) for unit in entry.units)
        self.branches = [self.branch_layers(spec, branch) for branch in parts]

    def branch_layers(self, spec, branch):
        made = []
        for unit in branch:
            if isinstance(unit, (Block, Split)):
                made.append(InceptionBlock(self.family, unit.name, name=unit.name))
            else:
                made += spec.unit_layers(unit)
        return made

    def build(self, input_shape):
        for branch in self.branches:
            build_in_order(branch, input_shape)

    def call(self, inputs, training=None):
        outputs = []
        for branch in self.branches:
            x = inputs
            for layer in branch:
                x = layer(x, training=training)
            outputs.append(x)
        return ops.concatenate(outputs, axis=-1)

    def compute_output_shape(self, input_shape):
        shapes = [output_shape_in_order(branch, input_shape) for branch in self.branches]
        return tuple(shapes[0][:-1]) + (sum(shape[-1] for shape in shapes),)

    def get_config(self):
        return {**super().get_config(), "family": self.family, "block": self.block}


class InceptionNetwork(ImageClassifier):
    """Stem units and inception blocks in a list; auxiliary heads keyed by the block they read."""

    def __init__(self, variant, **kwargs):
        super().__init__(variant, **kwargs)
        spec, family = self.spec, self.spec.FAMILY.name
        self.stages, self.aux_heads, self.aux_taps = [], {}, {}
        for entry in spec.NETWORK:
            if isinstance(entry, AuxTap):
                if self.options["aux_classifiers"]:
                    self.aux_taps[entry.after] = entry.name
                    self.aux_heads[entry.name] = spec.aux_layers(self.args, entry)
            elif isinstance(entry, Block):
                self.stages.append(InceptionBlock(family, entry.name, name=entry.name))
            else:
                self.stages += spec.unit_layers(entry)
        self.head = spec.head_layers(self.args, **self.options)

    def build(self, input_shape):
        self.check_built_shape(input_shape)
        shape = input_shape
        for stage in self.stages:
            stage.build(shape)
            shape = stage.compute_output_shape(shape)
            if stage.name in self.aux_taps:
                build_in_order(self.aux_heads[self.aux_taps[stage.name]], shape)
        build_in_order(self.head, shape)

    def call(self, inputs, training=None):
        x, aux_outputs = inputs, {}
        for stage in self.stages:
            x = stage(x, training=training)
            if stage.name in self.aux_taps:
                aux = x
                for layer in self.aux_heads[self.aux_taps[stage.name]]:
                    aux = layer(aux, training=training)
                aux_outputs[self.aux_taps[stage.name]] = aux
        for layer in self.head:
            x = layer(x, training=training)
        return {"predictions": x, **aux_outputs} if aux_outputs else x


@keras.saving.register_keras_serializable(package="kerasnets")
class GoogLeNet(InceptionNetwork):
    spec = googlenet


@keras.saving.register_keras_serializable(package="kerasnets")
class InceptionV3(InceptionNetwork):
    spec = inception_v3


MODEL_CLASSES = {"googlenet": GoogLeNet, "inception_v3": InceptionV3}
