"""Which variants have published ImageNet weights, and whether a request for them can be met.

The facts of each weight set (source, licence, reported top-1, preprocessing) live in its
family's spec, as `PRETRAINED`; this module reads them and checks a builder's arguments
against them before any layer is made or any file fetched.
"""

import dataclasses

from kerasnets.arguments import KERAS
from kerasnets.registry import SPECS, spec_of
from kerasnets.weights import timm_files

IMAGENET_CLASSES = 1000


def pretrained_of(variant):
    """The `Pretrained` entry of `variant`, or None; a ValueError for an unknown variant."""
    return getattr(spec_of(variant), "PRETRAINED", {}).get(variant)


def available():
    """Every variant with ImageNet weights: {variant: {"source", "model", "licence", "top1",
    "size", "preprocessing"}}, in the zoo's order."""
    table = {}
    for spec in SPECS.values():
        for variant, pretrained in getattr(spec, "PRETRAINED", {}).items():
            entry = dataclasses.asdict(pretrained)
            del entry["free_options"]
            table[variant] = entry
    return table


def check_imagenet_request(spec, args):
    """Raises a ValueError naming the argument when `weights="imagenet"` cannot be met by
    `args` (a checked `ModelArgs` of `spec`'s family), and an ImportError when the packages
    that read the weights' file are missing: before any layer is built."""
    pretrained = pretrained_of(args.variant)
    if pretrained is None:
        raise ValueError(
            f"{args.variant} has no published ImageNet weights in kerasnets. Variants that have "
            f"them: {sorted(available())}. Received: weights='imagenet'"
        )
    if args.include_top and args.classes != IMAGENET_CLASSES:
        raise ValueError(
            f"weights='imagenet' with include_top=True gives ImageNet's {IMAGENET_CLASSES} classes. "
            f"Use include_top=False and a new head for {args.classes} classes. Received: classes={args.classes}"
        )
    if args.input_shape[-1] != 3:
        raise ValueError(
            "weights='imagenet' needs 3-channel (RGB) inputs, as the weights were trained on. "
            f"Received: input_shape={args.input_shape!r}"
        )
    if args.include_top and spec.FAMILY.fixed_head and tuple(args.input_shape[:2]) != (pretrained.size,) * 2:
        raise ValueError(
            f"{spec.FAMILY.title} with include_top=True flattens its last feature map into the "
            f"pretrained fully connected layers, which fix the input at {pretrained.size}x{pretrained.size}. "
            f"Use input_shape=({pretrained.size}, {pretrained.size}, 3), or include_top=False. "
            f"Received: input_shape={args.input_shape!r}"
        )
    defaults = spec.check_options(**spec.OPTIONS)
    for option, default in defaults.items():
        if option not in pretrained.free_options and args.options[option] != default:
            raise ValueError(
                f"weights='imagenet' for {args.variant} were trained with {option}={default!r}, "
                f"and only {list(pretrained.free_options)} may change with them. "
                f"Received: {option}={args.options[option]!r}"
            )
    if pretrained.source != KERAS:
        timm_files.readers(pretrained)
