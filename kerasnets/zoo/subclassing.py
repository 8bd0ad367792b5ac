"""What every subclassed model shares: its checked arguments, its config, its build and its top.

A subclassed model makes its layers in `__init__` and wires them in `call`. Its `build`
traces `call` once on a symbolic input of the real shape: every child layer, however deeply
nested in blocks, is then built on the shape it will really see, so that `summary()` shows
each output shape and `.keras` files rebuild the model from `get_config()` alone. The block
layers need no `build` of their own for the same reason: Keras builds a layer without one by
tracing its `call`.
"""

import keras

from kerasnets.arguments import check_input_shape, load_weights, resolve_spec


class ImageClassifier(keras.Model):
    """Base of the subclassed models: checks and keeps the builder arguments.

    A subclass sets `spec` (its family's spec module), passes its variant and options to
    `__init__`, makes its layers from `self.args` and `self.options`, keeps its classifier in
    `self.top_layers` and ends its `call` with `return self.top(x)`.
    """

    spec = None

    def __init__(self, variant, *, include_top=True, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name=None, trainable=True, dtype=None, **options):
        shared = dict(include_top=include_top, input_shape=input_shape, pooling=pooling, classes=classes,
                      classifier_activation=classifier_activation, name=name)
        args, options = resolve_spec(self.spec, variant, {**shared, **options})
        super().__init__(name=args.name, trainable=trainable, dtype=dtype)
        self.args = args
        self.options = dict(options)
        self.top_layers = []

    def build(self, input_shape):
        self._check_built_shape(input_shape)
        self.call(keras.KerasTensor(tuple(input_shape)))

    def compute_output_shape(self, input_shape):
        outputs = self.call(keras.KerasTensor(tuple(input_shape)))
        return keras.tree.map_structure(lambda tensor: tuple(tensor.shape), outputs)

    def top(self, x):
        """The classifier (or, with include_top=False, the `pooling`) on the last feature map."""
        for layer in self.top_layers:
            x = layer(x)
        return x

    def _check_built_shape(self, input_shape):
        """The family's size rules, for a shape given to `build` rather than to `__init__`."""
        spec = self.spec
        min_size = spec.min_size(**self.options) if hasattr(spec, "min_size") else spec.FAMILY.min_size
        check_input_shape(spec.FAMILY, tuple(input_shape[1:]), self.args.include_top, min_size)

    def functional_view(self):
        """The same layers wired as a functional graph, for `keras.utils.plot_model`: `call`
        run on a symbolic input records each child layer as a node. Shares the weights."""
        inputs = keras.Input(shape=self.args.input_shape, name="input")
        return keras.Model(inputs, self.call(inputs), name=f"{self.name}_view")

    def get_config(self):
        args = self.args
        return {
            **super().get_config(),
            "include_top": args.include_top,
            "input_shape": args.input_shape,
            "pooling": args.pooling,
            "classes": args.classes,
            "classifier_activation": args.classifier_activation,
            **self.options,
        }


def build_subclassed(model_class, variant, arguments):
    """What every subclassed builder does: check, construct, build, load the weights.

    `arguments` is the builder's `locals()`; `variant` is passed to the class only when the
    family has several (`ResNet("resnet50")`, but `InceptionV3()`).
    """
    arguments = dict(arguments)
    args, _ = resolve_spec(model_class.spec, variant, arguments)  # checks `weights` too
    del arguments["weights"]
    arguments["name"] = args.name
    several = len(model_class.spec.FAMILY.variants) > 1
    model = model_class(variant, **arguments) if several else model_class(**arguments)
    model.build((None, *args.input_shape))
    return load_weights(model, args)
