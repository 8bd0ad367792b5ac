"""Checks the arguments every builder shares, once, before any layer is made.

Every builder calls :func:`resolve_spec` first, so a bad argument fails the same way, with the
same message, whichever style the user picked (keras-hub's habit: name the argument and
echo the value received).
"""

import dataclasses
import os

import keras

POOLINGS = (None, "avg", "max")


@dataclasses.dataclass(frozen=True)
class Family:
    """What a family of networks knows about itself, read by the registry and the checks."""

    name: str  # "resnet"
    title: str  # "ResNet"
    paper: str
    year: int
    variants: tuple
    default_size: int
    min_size: int
    channels: int = 3
    fixed_head: bool = False  # the top flattens a feature map: spatial size must be known


@dataclasses.dataclass(frozen=True)
class Reference:
    """A published parameter count that a variant must reproduce (checked by the tests).

    counts: "total" (Keras: every weight) or "trainable" (what PyTorch calls parameters:
    BatchNorm's moving statistics are buffers there, not parameters).
    """

    variant: str
    count: int
    source: str
    counts: str = "total"
    classes: int = 1000
    options: dict = dataclasses.field(default_factory=dict)


# The weight sources: keras.applications' own download; timm's safetensors files on the
# Hugging Face Hub; timm's PyTorch files of the SENet port, on GitHub.
KERAS = "keras.applications"
TIMM_HUB = "timm (Hugging Face Hub)"
TIMM_GITHUB = "timm (GitHub, PyTorch file)"


@dataclasses.dataclass(frozen=True)
class Pretrained:
    """A published ImageNet weight set that a variant loads with `weights="imagenet"`.

    source: KERAS (`model` is keras.applications' function: "ResNet50"), TIMM_HUB (`model`
        is the Hub repository: "timm/resnet18.tv_in1k") or TIMM_GITHUB (`model` is the file's URL).
    preprocessing: what the weights expect of an image in [0, 255] (`kerasnets.preprocess_input`):
        "caffe" (BGR, ImageNet means subtracted), "tf" (scaled to [-1, 1]) or "torch"
        (scaled to [0, 1], then ImageNet means and deviations).
    top1: the source's reported ImageNet validation top-1 accuracy (%), at `size`.
    free_options: the family options a user may change with these weights; every other
        option must keep its default, as the weights were trained with it.
    """

    source: str
    model: str
    licence: str
    top1: float
    size: int
    preprocessing: str
    free_options: tuple = ("dropout",)


@dataclasses.dataclass(frozen=True)
class ModelArgs:
    """The shared builder arguments after checking; every rendering reads only these."""

    variant: str
    include_top: bool
    weights: object
    input_shape: tuple
    pooling: object
    classes: int
    classifier_activation: object
    name: str
    input_tensor: object = None  # the functional style's `input_tensor`, if one was given
    options: dict = dataclasses.field(default_factory=dict)  # the family's own options, checked


def default_name(variant):
    """`resnet50`, then `resnet50_1`, ...: unique per Keras session, as Keras names layers."""
    uid = keras.backend.get_uid(f"kerasnets:{variant}")
    return variant if uid == 1 else f"{variant}_{uid - 1}"


def resolve(
    family,
    variant,
    *,
    include_top=True,
    weights=None,
    input_shape=None,
    pooling=None,
    classes=1000,
    classifier_activation="softmax",
    name=None,
    min_size=None,
):
    """Checks the shared arguments of `family`'s builder and returns them as `ModelArgs`."""
    if variant not in family.variants:
        raise ValueError(
            f"Unknown {family.title} variant: variant={variant!r}. "
            f"Expected one of {list(family.variants)}."
        )
    if not isinstance(include_top, bool):
        raise ValueError(f"`include_top` must be True or False. Received: include_top={include_top!r}")
    if isinstance(classes, bool) or not isinstance(classes, int) or classes < 1:
        raise ValueError(f"`classes` must be an integer >= 1. Received: classes={classes!r}")
    if pooling not in POOLINGS:
        raise ValueError(
            f"`pooling` must be one of {list(POOLINGS)}. Received: pooling={pooling!r}"
        )
    if name is not None and (not isinstance(name, str) or not name):
        raise ValueError(f"`name` must be a non-empty string or None. Received: name={name!r}")
    _check_classifier_activation(classifier_activation)
    _check_weights(weights)
    input_shape = check_input_shape(
        family, input_shape, include_top, min_size or family.min_size
    )
    return ModelArgs(
        variant=variant,
        include_top=include_top,
        weights=weights,
        input_shape=input_shape,
        pooling=pooling,
        classes=classes,
        classifier_activation=classifier_activation,
        name=name or default_name(variant),
    )


def _check_classifier_activation(classifier_activation):
    try:
        keras.activations.get(classifier_activation)
    except (ValueError, TypeError) as error:
        raise ValueError(
            "`classifier_activation` must be None, a Keras activation name or a callable. "
            f"Received: classifier_activation={classifier_activation!r}"
        ) from error


def _check_weights(weights):
    if weights is None:
        return
    if weights == "imagenet":  # checked against the variant in `resolve_spec`
        return
    if not isinstance(weights, (str, os.PathLike)):
        raise ValueError(
            "`weights` must be None, 'imagenet' or the path of a `.weights.h5` file. "
            f"Received: weights={weights!r}"
        )
    path = os.fspath(weights)
    if not path.endswith(".weights.h5"):
        raise ValueError(
            f"`weights` must be a path ending in `.weights.h5`. Received: weights={path!r}"
        )
    if not os.path.isfile(path):
        raise ValueError(f"`weights` file does not exist. Received: weights={path!r}")


def check_input_shape(family, input_shape, include_top, min_size):
    if input_shape is None:
        return (family.default_size, family.default_size, family.channels)
    try:
        shape = tuple(input_shape)
    except TypeError:
        shape = None
    if shape is None or len(shape) != 3:
        raise ValueError(
            "`input_shape` must be a tuple (height, width, channels) (channels last). "
            f"Received: input_shape={input_shape!r}"
        )
    for dim in shape:
        if dim is not None and (isinstance(dim, bool) or not isinstance(dim, int) or dim < 1):
            raise ValueError(
                "`input_shape` must hold positive integers (or None for height and width). "
                f"Received: input_shape={input_shape!r}"
            )
    height, width, channels = shape
    if channels is None:
        raise ValueError(
            f"`input_shape` must give the number of channels. Received: input_shape={input_shape!r}"
        )
    if include_top and family.fixed_head and (height is None or width is None):
        raise ValueError(
            f"{family.title} with include_top=True flattens its last feature map into "
            "fully connected layers, so height and width must be known. "
            f"Received: input_shape={input_shape!r}. Give both, or use include_top=False."
        )
    for dim in (height, width):
        if dim is not None and dim < min_size:
            raise ValueError(
                f"{family.title} needs inputs of at least {min_size}x{min_size}. "
                f"Received: input_shape={input_shape!r}"
            )
    return shape


def check_bool(value, argument):
    if not isinstance(value, bool):
        raise ValueError(f"`{argument}` must be True or False. Received: {argument}={value!r}")
    return value


def check_rate(value, argument):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1:
        raise ValueError(
            f"`{argument}` must be a number in [0, 1). Received: {argument}={value!r}"
        )
    return float(value)


def check_choice(value, argument, choices):
    if value not in choices:
        raise ValueError(
            f"`{argument}` must be one of {list(choices)}. Received: {argument}={value!r}"
        )
    return value


def load_weights(model, args):
    """Loads `args.weights` into a built model, if any: ImageNet weights, or a `.weights.h5` path."""
    if args.weights == "imagenet":
        from kerasnets.weights.loading import load_imagenet

        load_imagenet(model, args)
    elif args.weights is not None:
        model.load_weights(os.fspath(args.weights))
    return model


def resolve_spec(spec, variant, arguments):
    """Splits a builder's arguments into `ModelArgs` and the family's own options, checked.

    `arguments` is what the builder received (its `locals()`): the shared arguments, the
    family's options and, in the functional style, `input_tensor`, whose shape then stands
    for `input_shape`. `spec` is a family's spec module: it has FAMILY, OPTIONS (name:
    default) and check_options(**options); it may have min_size(**options), when an option
    (an auxiliary head, say) needs a larger input, and check_args(args, **options).
    """
    arguments = dict(arguments)
    arguments.pop("variant", None)  # a family builder's own `variant` argument
    input_tensor = arguments.pop("input_tensor", None)
    arguments["input_shape"] = _input_shape_of(input_tensor, arguments.get("input_shape"))
    options = {key: arguments.pop(key, default) for key, default in spec.OPTIONS.items()}
    shared = {field.name for field in dataclasses.fields(ModelArgs)} - {"variant", "input_tensor"}
    unknown = sorted(set(arguments) - shared)
    if unknown:
        raise TypeError(
            f"{variant}() got unexpected keyword argument(s) {unknown}. "
            f"Its family options are {sorted(spec.OPTIONS)}."
        )
    options = spec.check_options(**options)
    min_size = spec.min_size(**options) if hasattr(spec, "min_size") else None
    args = resolve(spec.FAMILY, variant, min_size=min_size, **arguments)
    args = dataclasses.replace(args, input_tensor=input_tensor, options=options)
    if hasattr(spec, "check_args"):
        spec.check_args(args, **options)
    if args.weights == "imagenet":
        from kerasnets.weights.catalog import check_imagenet_request  # the catalog reads the registry

        check_imagenet_request(spec, args)
    return args, options


def _input_shape_of(input_tensor, input_shape):
    """The input shape implied by `input_tensor`, checked against `input_shape` if both are given."""
    if input_tensor is None:
        return input_shape
    tensor_shape = tuple(input_tensor.shape[1:])
    if input_shape is not None and tuple(input_shape) != tensor_shape:
        raise ValueError(
            f"`input_shape` and `input_tensor` disagree. Received: input_shape={input_shape!r}, "
            f"input_tensor.shape={tuple(input_tensor.shape)!r}"
        )
    return tensor_shape


def check_aux_options(aux_classifiers, dropout):
    """The options of the families with auxiliary classifiers (GoogLeNet, Inception-v3)."""
    return {
        "aux_classifiers": check_bool(aux_classifiers, "aux_classifiers"),
        "dropout": check_rate(dropout, "dropout"),
    }


def check_aux_args(family, args, aux_classifiers):
    """Auxiliary classifiers need the top, and a known input size for their pooling."""
    if not aux_classifiers:
        return
    if not args.include_top:
        raise ValueError(
            f"{family.title}: aux_classifiers=True needs include_top=True, since an auxiliary "
            "classifier is a second top. Received: aux_classifiers=True, include_top=False"
        )
    if None in args.input_shape[:2]:
        raise ValueError(
            f"{family.title}: aux_classifiers=True needs a known height and width. "
            f"Received: input_shape={args.input_shape!r}"
        )


def refuse_aux_in_sequential(variant, aux_classifiers):
    """A linear stack has one output: the auxiliary classifiers need the other two styles."""
    if aux_classifiers:
        raise ValueError(
            f"aux_classifiers=True cannot be built as a keras.Sequential: a linear stack has "
            f"exactly one output, and the auxiliary classifiers are extra outputs. Use "
            f"kerasnets.functional.{variant}(aux_classifiers=True) or "
            f"kerasnets.subclassed.{variant}(aux_classifiers=True). "
            "Received: aux_classifiers=True"
        )
