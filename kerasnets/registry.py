"""Every variant, its family, and its three builders: `list_models()` and `build()`.

A family is registered once, as its spec module and its three style builders
`builder(variant, **kwargs)`. The public namespaces `kerasnets.sequential`,
`kerasnets.functional` and `kerasnets.subclassed` are made from this table, so a variant
added here exists in all three styles under one name.
"""

import functools
import inspect

from kerasnets.arguments import resolve
from kerasnets.zoo.inception import functional as inception_functional
from kerasnets.zoo.inception import googlenet, inception_v3
from kerasnets.zoo.inception import sequential as inception_sequential
from kerasnets.zoo.inception import subclassed as inception_subclassed
from kerasnets.zoo.linear import alexnet, lenet, nin, vgg, zfnet
from kerasnets.zoo.linear import functional as linear_functional
from kerasnets.zoo.linear import sequential as linear_sequential
from kerasnets.zoo.linear import subclassed as linear_subclassed
from kerasnets.zoo.resnet import functional as resnet_functional
from kerasnets.zoo.resnet import sequential as resnet_sequential
from kerasnets.zoo.resnet import spec as resnet
from kerasnets.zoo.resnet import subclassed as resnet_subclassed
from kerasnets.zoo.subclassing import build_subclassed

STYLES = ("sequential", "functional", "subclassed")


def _linear(spec):
    model_class = linear_subclassed.MODEL_CLASSES[spec.FAMILY.name]
    return spec, {
        "sequential": functools.partial(linear_sequential.build, spec),
        "functional": functools.partial(linear_functional.build, spec),
        "subclassed": functools.partial(build_subclassed, model_class),
    }


def _inception(spec):
    model_class = inception_subclassed.MODEL_CLASSES[spec.FAMILY.name]
    return spec, {
        "sequential": functools.partial(inception_sequential.build, spec),
        "functional": functools.partial(inception_functional.build, spec),
        "subclassed": functools.partial(build_subclassed, model_class),
    }


def _resnet():
    return resnet, {
        "sequential": resnet_sequential.build,
        "functional": resnet_functional.build,
        "subclassed": functools.partial(build_subclassed, resnet_subclassed.ResNet),
    }


FAMILIES = dict(
    (spec.FAMILY.name, (spec, builders))
    for spec, builders in [
        _linear(lenet),
        _linear(alexnet),
        _linear(zfnet),
        _linear(vgg),
        _linear(nin),
        _inception(googlenet),
        _inception(inception_v3),
        _resnet(),
    ]
)
VARIANT_FAMILY = {
    variant: family for family, (spec, _) in FAMILIES.items() for variant in spec.FAMILY.variants
}


def list_models():
    """The names of every registered variant, sorted."""
    return sorted(VARIANT_FAMILY)


def spec_of(name):
    """The spec module of the family that `name` belongs to."""
    return FAMILIES[_family_of(name)][0]


def _family_of(name):
    if name not in VARIANT_FAMILY:
        raise ValueError(f"Unknown model: name={name!r}. Expected one of {list_models()}.")
    return VARIANT_FAMILY[name]


def check_style(style):
    if style not in STYLES:
        raise ValueError(f"Unknown style: style={style!r}. Expected one of {list(STYLES)}.")


def build(name, style="functional", **kwargs):
    """Builds the variant `name` in `style`; `kwargs` go to that variant's builder."""
    check_style(style)
    _, builders = FAMILIES[_family_of(name)]
    return builders[style](name, **kwargs)


def variant_builder(name, style):
    """A named function for one variant in one style: `kerasnets.<style>.<name>`."""
    check_style(style)
    spec, builders = FAMILIES[_family_of(name)]
    build_variant = builders[style]

    def builder(**kwargs):
        return build_variant(name, **kwargs)

    options = ", ".join(f"{key}={default!r}" for key, default in spec.OPTIONS.items())
    extra = "input_tensor=None, " if style == "functional" else ""
    builder.__name__ = builder.__qualname__ = name
    builder.__module__ = f"kerasnets.{style}"
    builder.__doc__ = (
        f"{spec.FAMILY.title} `{name}` as a {_STYLE_NOUN[style]}.\n\n"
        f"{spec.FAMILY.paper} ({spec.FAMILY.year}). Default input "
        f"{spec.FAMILY.default_size}x{spec.FAMILY.default_size}x{spec.FAMILY.channels}, "
        f"minimum {spec.FAMILY.min_size}x{spec.FAMILY.min_size}.\n\n"
        f"Arguments: include_top=True, weights=None, input_shape=None, pooling=None, "
        f"classes=1000, classifier_activation='softmax', name=None, {extra}{options}.\n"
        f"`weights` is None or the path of a `.weights.h5` file.\n"
    )
    builder.__signature__ = _signature(spec, style)
    return builder


_STYLE_NOUN = {
    "sequential": "`keras.Sequential`",
    "functional": "functional `keras.Model`",
    "subclassed": "`keras.Model` subclass",
}


def _signature(spec, style):
    """The builder's signature: the shared arguments of `resolve`, then the family's options."""
    keyword = inspect.Parameter.KEYWORD_ONLY
    shared = [param for name, param in inspect.signature(resolve).parameters.items()
              if param.kind == keyword and name != "min_size"]
    if style == "functional":
        shared.append(inspect.Parameter("input_tensor", keyword, default=None))
    options = [inspect.Parameter(key, keyword, default=value) for key, value in spec.OPTIONS.items()]
    return inspect.Signature(shared + options)
