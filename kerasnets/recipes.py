"""Training recipes: the optimizer, schedule, regularization and augmentation of each paper,
and a modern default, for `kerasnets.train` and for your own `model.compile`:

    model.compile(**kerasnets.recipes.compile_args("inception_v3", model, steps_per_epoch=100, epochs=10))

Every value can be overridden (`compile_args(..., learning_rate=0.01)`, or `train`'s arguments).

Weight decay is Keras' decoupled decay (`weight_decay` on the optimizer), which for SGD is
the papers' L2 penalty with the same coefficient.
"""

import dataclasses
import math

import keras

from kerasnets import augment as augment_presets

RECIPES = {
    # AdamW with one warm-up epoch and cosine decay: a robust default for small runs.
    "modern": dict(optimizer="adamw", learning_rate=1e-3, weight_decay=0.05, schedule="cosine",
                   warmup_epochs=1, label_smoothing=0.0, aux_loss_weight=0.3, augment="none"),
    # Krizhevsky et al. 2012: SGD, momentum 0.9, weight decay 5e-4, lr 0.01 divided by 10
    # when progress stalls (here: at 1/2 and 3/4 of the run), crops, flips, PCA lighting.
    "alexnet": dict(optimizer="sgd", learning_rate=0.01, momentum=0.9, weight_decay=5e-4,
                    schedule="step", augment="alexnet"),
    # Simonyan and Zisserman 2014: the same optimizer and schedule, crops and flips.
    "vgg": dict(optimizer="sgd", learning_rate=0.01, momentum=0.9, weight_decay=5e-4,
                schedule="step", augment="flip_crop"),
    # Szegedy et al. 2014: SGD momentum 0.9, lr decayed by 4% every 8 epochs, the
    # auxiliary losses weighted 0.3.
    "googlenet": dict(optimizer="sgd", learning_rate=0.01, momentum=0.9, weight_decay=2e-4,
                      schedule="exponential", decay_rate=0.96, decay_epochs=8,
                      aux_loss_weight=0.3, augment="flip_crop"),
    # Szegedy et al. 2015: RMSProp (decay 0.9, epsilon 1.0), lr 0.045 decayed by 0.94 every
    # two epochs, gradient clipping at 2.0, label smoothing 0.1, the auxiliary head
    # (weighted 0.4 as in torchvision).
    "inception_v3": dict(optimizer="rmsprop", learning_rate=0.045, rho=0.9, epsilon=1.0,
                         schedule="exponential", decay_rate=0.94, decay_epochs=2, clipnorm=2.0,
                         label_smoothing=0.1, aux_loss_weight=0.4, augment="flip_crop"),
    # He et al. 2015: SGD momentum 0.9, weight decay 1e-4, lr 0.1 divided by 10 (at 1/2 and 3/4).
    "resnet": dict(optimizer="sgd", learning_rate=0.1, momentum=0.9, weight_decay=1e-4,
                   schedule="step", augment="flip_crop"),
}
DEFAULTS = dict(optimizer="adamw", learning_rate=1e-3, momentum=0.0, weight_decay=0.0, rho=0.9,
                epsilon=1e-7, clipnorm=None, schedule="constant", warmup_epochs=0, decay_rate=0.1,
                decay_epochs=1, label_smoothing=0.0, aux_loss_weight=0.3, augment="none")
SCHEDULES = ("constant", "cosine", "step", "exponential")
OPTIMIZERS = ("sgd", "adamw", "adam", "rmsprop")


@dataclasses.dataclass(frozen=True)
class Recipe:
    name: str
    optimizer: str
    learning_rate: float
    momentum: float
    weight_decay: float
    rho: float
    epsilon: float
    clipnorm: object
    schedule: str
    warmup_epochs: int
    decay_rate: float
    decay_epochs: int
    label_smoothing: float
    aux_loss_weight: float
    augment: str


def resolve_recipe(name="modern", **overrides):
    """The recipe `name` with every non-None override applied, checked."""
    if name not in RECIPES:
        raise ValueError(f"Unknown recipe: recipe={name!r}. Expected one of {sorted(RECIPES)}.")
    values = {**DEFAULTS, **RECIPES[name], **{k: v for k, v in overrides.items() if v is not None}}
    unknown = sorted(set(values) - set(DEFAULTS))
    if unknown:
        raise ValueError(f"Unknown recipe setting(s): {unknown}.")
    if values["optimizer"] not in OPTIMIZERS:
        raise ValueError(f"Unknown optimizer: optimizer={values['optimizer']!r}. Expected one of {list(OPTIMIZERS)}.")
    if values["schedule"] not in SCHEDULES:
        raise ValueError(f"Unknown schedule: schedule={values['schedule']!r}. Expected one of {list(SCHEDULES)}.")
    for key in ("learning_rate", "weight_decay", "label_smoothing", "aux_loss_weight"):
        if not isinstance(values[key], (int, float)) or values[key] < 0 or (key == "learning_rate" and values[key] == 0):
            raise ValueError(f"`{key}` must be a number {'> 0' if key == 'learning_rate' else '>= 0'}. "
                             f"Received: {key}={values[key]!r}")
    return Recipe(name=name, **values)


@keras.saving.register_keras_serializable(package="kerasnets")
class WarmupThen(keras.optimizers.schedules.LearningRateSchedule):
    """Linear warm-up from 0 over `warmup_steps`, then `schedule` counted from the warm-up's end."""

    def __init__(self, schedule, peak, warmup_steps):
        self.schedule, self.peak, self.warmup_steps = schedule, peak, warmup_steps

    def __call__(self, step):
        step = keras.ops.cast(step, "float32")
        warm = self.peak * (step + 1) / max(self.warmup_steps, 1)
        after = self.schedule(keras.ops.maximum(step - self.warmup_steps, 0))
        return keras.ops.where(step < self.warmup_steps, warm, after)

    def get_config(self):
        return {"schedule": keras.saving.serialize_keras_object(self.schedule), "peak": self.peak,
                "warmup_steps": self.warmup_steps}

    @classmethod
    def from_config(cls, config):
        return cls(keras.saving.deserialize_keras_object(config["schedule"]), config["peak"],
                   config["warmup_steps"])


def learning_rate_schedule(recipe, epochs, steps_per_epoch):
    lr, total = recipe.learning_rate, max(epochs * steps_per_epoch, 1)
    warmup = recipe.warmup_epochs * steps_per_epoch if epochs > recipe.warmup_epochs else 0
    if recipe.schedule == "cosine":
        schedule = keras.optimizers.schedules.CosineDecay(lr, max(total - warmup, 1))
    elif recipe.schedule == "step":
        bounds = sorted({max(1, math.floor(total * 0.5)), max(2, math.floor(total * 0.75))})
        schedule = keras.optimizers.schedules.PiecewiseConstantDecay(
            bounds, [lr * recipe.decay_rate ** i for i in range(len(bounds) + 1)])
    elif recipe.schedule == "exponential":
        schedule = keras.optimizers.schedules.ExponentialDecay(
            lr, recipe.decay_epochs * steps_per_epoch, recipe.decay_rate, staircase=True)
    else:
        return lr
    return WarmupThen(schedule, lr, warmup) if warmup else schedule


def make_optimizer(recipe, epochs, steps_per_epoch):
    lr = learning_rate_schedule(recipe, epochs, steps_per_epoch)
    common = dict(learning_rate=lr, weight_decay=recipe.weight_decay or None, clipnorm=recipe.clipnorm)
    if recipe.optimizer == "sgd":
        return keras.optimizers.SGD(momentum=recipe.momentum, **common)
    if recipe.optimizer == "rmsprop":
        return keras.optimizers.RMSprop(rho=recipe.rho, epsilon=recipe.epsilon, momentum=recipe.momentum, **common)
    if recipe.optimizer == "adam":
        return keras.optimizers.Adam(**common)
    return keras.optimizers.AdamW(**{**common, "weight_decay": recipe.weight_decay})


def compile_args(recipe, model, steps_per_epoch, epochs, *, metrics=None, one_hot=None, **overrides):
    """The keyword arguments of `model.compile` for `recipe`: its optimizer with its learning-rate
    schedule (which needs `steps_per_epoch` and `epochs`), its loss with label smoothing, and
    for a model with auxiliary classifiers (a dict output) one loss per output, weighted by the
    recipe's `aux_loss_weight`, the main output by 1.

    recipe: a name in RECIPES or a `Recipe` (`resolve_recipe`); `overrides` change its
        settings (learning_rate=..., label_smoothing=..., augment=...).
    metrics: for the main output; by default accuracy and top-5 accuracy.
    one_hot: whether the labels are one-hot; by default, when the recipe's augmentation mixes
        labels (mixup, cutmix), else sparse integer labels.
    Call it inside the strategy's scope, where the optimizer must be made.
    """
    plan = dataclasses.replace(recipe, **overrides) if isinstance(recipe, Recipe) else resolve_recipe(recipe, **overrides)
    if one_hot is None:
        one_hot = augment_presets.mixes_labels(plan.augment)
    outputs = model_outputs(model)
    classes = (outputs["predictions"] if isinstance(outputs, dict) else outputs).shape[-1]
    if metrics is None:
        metrics = default_metrics(one_hot)
    args = dict(optimizer=make_optimizer(plan, epochs, steps_per_epoch))
    if isinstance(outputs, dict):  # auxiliary classifiers: a loss per output, the main one weighted 1
        args["loss"] = {key: make_loss(one_hot, plan.label_smoothing, classes) for key in sorted(outputs)}
        args["loss_weights"] = {key: 1.0 if key == "predictions" else plan.aux_loss_weight for key in sorted(outputs)}
        args["metrics"] = {"predictions": metrics}
    else:
        args.update(loss=make_loss(one_hot, plan.label_smoothing, classes), metrics=metrics)
    return args


def model_outputs(model):
    """The model's outputs as symbolic tensors (a dict for auxiliary classifiers), without running it."""
    if getattr(model, "args", None) is not None:  # a kerasnets subclassed model knows its input
        shape = model.args.input_shape
    elif getattr(model, "inputs", None):
        shape = tuple(model.inputs[0].shape[1:])
    else:
        raise ValueError(f"compile_args needs a model whose input shape is known (built). Received: model={model!r}")
    return model.compute_output_spec(keras.KerasTensor((1, *shape)))


def default_metrics(one_hot):
    """Accuracy and top-5 accuracy (the course's top-5 error is 1 minus it), sparse or one-hot."""
    if one_hot:
        return [keras.metrics.CategoricalAccuracy(name="accuracy"),
                keras.metrics.TopKCategoricalAccuracy(5, name="top5_accuracy")]
    return [keras.metrics.SparseCategoricalAccuracy(name="accuracy"),
            keras.metrics.SparseTopKCategoricalAccuracy(5, name="top5_accuracy")]


def make_loss(one_hot, label_smoothing, num_classes):
    """Cross-entropy for one-hot or sparse labels, with `label_smoothing`."""
    if one_hot:
        return keras.losses.CategoricalCrossentropy(label_smoothing=label_smoothing)
    if label_smoothing:
        return SmoothedSparseCrossentropy(label_smoothing, num_classes)
    return keras.losses.SparseCategoricalCrossentropy()


@keras.saving.register_keras_serializable(package="kerasnets")
class SmoothedSparseCrossentropy(keras.losses.Loss):
    """Sparse labels with label smoothing (Keras' sparse loss has no `label_smoothing`)."""

    def __init__(self, label_smoothing=0.0, num_classes=None, name="smoothed_sparse_crossentropy", **kwargs):
        super().__init__(name=name, **kwargs)
        self.label_smoothing, self.num_classes = label_smoothing, num_classes

    def call(self, y_true, y_pred):
        y_true = keras.ops.one_hot(keras.ops.cast(keras.ops.reshape(y_true, (-1,)), "int32"), self.num_classes)
        return keras.losses.categorical_crossentropy(y_true, y_pred, label_smoothing=self.label_smoothing)

    def get_config(self):
        return {**super().get_config(), "label_smoothing": self.label_smoothing, "num_classes": self.num_classes}
