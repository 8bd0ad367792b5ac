"""Every variant, its family, and its builder in each style: `list_models()` and `build()`.

A family is a folder `kerasnets/zoo/<family>/` with a spec and one module per style; each
style module defines one builder function per variant, named after it. Registering a family
is adding its folder name to `FAMILIES`; the public namespaces `kerasnets.sequential`,
`kerasnets.functional` and `kerasnets.subclassed` import the same builders explicitly (a
test holds the two lists equal).
"""

import importlib

STYLES = ("sequential", "functional", "subclassed")
FAMILIES = ("lenet", "alexnet", "zfnet", "vgg", "nin", "googlenet", "bn_inception", "inception_v3", "inception_v4",
            "inception_resnet", "xception", "resnet", "resnext", "senet", "densenet")

SPECS = {family: importlib.import_module(f"kerasnets.zoo.{family}.spec") for family in FAMILIES}
VARIANT_FAMILY = {variant: family for family, spec in SPECS.items() for variant in spec.FAMILY.variants}


def list_models():
    """The names of every registered variant, sorted."""
    return sorted(VARIANT_FAMILY)


def family_of(name):
    """The family (a folder of `kerasnets/zoo/`) that the variant `name` belongs to."""
    if name not in VARIANT_FAMILY:
        raise ValueError(f"Unknown model: name={name!r}. Expected one of {list_models()}.")
    return VARIANT_FAMILY[name]


def spec_of(name):
    """The spec module of the family that `name` belongs to."""
    return SPECS[family_of(name)]


def check_style(style):
    if style not in STYLES:
        raise ValueError(f"Unknown style: style={style!r}. Expected one of {list(STYLES)}.")


def style_module(name, style):
    """The module that writes `name`'s family in `style`: kerasnets.zoo.<family>.<style>."""
    check_style(style)
    return importlib.import_module(f"kerasnets.zoo.{family_of(name)}.{style}")


def builder(name, style):
    """The builder function of `name` in `style`: the same object as `kerasnets.<style>.<name>`."""
    return getattr(style_module(name, style), name)


def build(name, /, style="functional", **kwargs):
    """Builds the variant `name` in `style`; `kwargs` go to its builder, the model's own
    `name` among them (hence `name` here is positional-only).

    Every builder takes keras.applications' arguments: include_top=True, weights=None
    ("imagenet" for the published weights, or the path of a `.weights.h5` file),
    input_shape=None (the family's default size), pooling=None ("avg" or "max" with
    include_top=False), classes=1000, classifier_activation="softmax", name=None, plus
    input_tensor in the functional style, plus its family's options.
    """
    return builder(name, style)(**kwargs)
