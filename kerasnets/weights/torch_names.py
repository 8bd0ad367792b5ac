"""Which module of a PyTorch model (timm, torchvision, pretrainedmodels) holds each kerasnets layer's weights.

A convention is recognized from the state dict by a name that only it has, and maps the
names of a kerasnets model's layers (the same in all three styles) to the source's module
names: "conv2_block1_1_conv" -> "layer1.0.conv1". Each is written for the source models
whose arithmetic the kerasnets family follows (the family's spec says how); a layer it
does not know maps to nothing, and `load_state_dict` then reports it as missing.
"""

import dataclasses
import re
from collections.abc import Callable

# (stage, block, unit, kind) of ResNet-like layer names: conv2_block1_1_conv, conv3_block2_0_bn
RESIDUAL_UNIT = re.compile(r"conv(\d)_block(\d+)_(\d)_(conv|bn)")
SQUEEZE_EXCITATION = re.compile(r"conv(\d)_block(\d+)_se_(reduce|expand)")


def residual_unit(layer):
    """A bottleneck or basic block's convolution or BatchNormalization: torchvision's names,
    which timm's ResNet and the SENet ports share. None for any other layer."""
    match = RESIDUAL_UNIT.fullmatch(layer)
    if match is None:
        return None
    stage, block, unit, kind = match.groups()
    module = f"layer{int(stage) - 1}.{int(block) - 1}"
    if unit == "0":  # the projection shortcut
        return f"{module}.downsample.{0 if kind == 'conv' else 1}"
    return f"{module}.{kind}{unit}"


def resnet_modules(layers):
    """timm's ResNet and ResNeXt, and torchvision's: conv1, bn1, layer1.0.conv1, ..., fc."""
    named = {"conv1_conv": "conv1", "conv1_bn": "bn1", "predictions": "fc"}
    return {layer: named.get(layer) or residual_unit(layer) for layer in layers}


def senet_modules(layers):
    """The SENet port of pretrainedmodels, kept by timm as legacy_seresnet50, ...: its stem
    is layer0 (one 7x7 convolution, or SENet-154's three 3x3), its blocks ResNet's names
    with se_module.fc1 and fc2, and its classifier last_linear."""
    named = {"conv1_conv": "layer0.conv1", "conv1_bn": "layer0.bn1", "predictions": "last_linear"}
    for unit in (1, 2, 3):  # SENet-154's stem
        named[f"conv1_{unit}_conv"], named[f"conv1_{unit}_bn"] = f"layer0.conv{unit}", f"layer0.bn{unit}"

    def module(layer):
        match = SQUEEZE_EXCITATION.fullmatch(layer)
        if match:
            stage, block, step = match.groups()
            return f"layer{int(stage) - 1}.{int(block) - 1}.se_module.{'fc1' if step == 'reduce' else 'fc2'}"
        return named.get(layer) or residual_unit(layer)

    return {layer: module(layer) for layer in layers}


def densenet_modules(layers):
    """timm's and torchvision's DenseNet: features.conv0, features.denseblock1.denselayer1.norm1, ..."""
    named = {"conv1_conv": "features.conv0", "conv1_bn": "features.norm0", "bn": "features.norm5",
             "predictions": "classifier"}
    units = {"0_bn": "norm1", "1_conv": "conv1", "1_bn": "norm2", "2_conv": "conv2"}

    def module(layer):
        if match := re.fullmatch(r"conv(\d)_block(\d+)_(\d_(?:conv|bn))", layer):
            stage, index, unit = match.groups()
            return f"features.denseblock{int(stage) - 1}.denselayer{index}.{units[unit]}" if unit in units else None
        if match := re.fullmatch(r"pool(\d)_(conv|bn)", layer):
            stage, kind = match.groups()
            return f"features.transition{int(stage) - 1}.{'norm' if kind == 'bn' else 'conv'}"
        return named.get(layer)

    return {layer: module(layer) for layer in layers}


def vgg_modules(layers):
    """timm's VGG: `features` numbers every module of torchvision's stack (a convolution, its
    BatchNormalization if any, its ReLU; a pooling after each block), and fc1 and fc2 are
    pre_logits' convolutions (7x7 and 1x1), the classifier head.fc."""
    convs = sorted((tuple(map(int, re.fullmatch(r"block(\d)_conv(\d)", layer).groups())), layer)
                   for layer in layers if re.fullmatch(r"block\d_conv\d", layer))
    normalized = any(layer.endswith("_bn") for layer in layers)
    modules = {"fc1": "pre_logits.fc1", "fc2": "pre_logits.fc2", "predictions": "head.fc"}
    index, previous_block = 0, 1
    for (block, _), layer in convs:
        if block != previous_block:
            index, previous_block = index + 1, block  # the max pooling that ended the block before
        modules[layer] = f"features.{index}"
        if normalized:
            modules[f"{layer}_bn"] = f"features.{index + 1}"
        index += 3 if normalized else 2
    return {layer: modules.get(layer) for layer in layers}


def inception_v4_modules(layers):
    """The Inception-v4 port of pretrainedmodels, which timm keeps: features.0 ... features.21,
    one per stem convolution and Inception block, each convolution a BasicConv2d (.conv, .bn).

    Inside a block, branch j of kerasnets is branch(j-1): a single convolution is the branch
    itself, several are a Sequential (branch1.0, branch1.1, ...), except where a branch
    splits in two (Inception-C: branch1_1a, branch1_1b); a pooling branch's convolution is
    branch3.1. A block of one convolution and poolings (mixed_3a, mixed_5a) calls it `conv`.
    """
    # The stem's convolutions and the blocks, by name: conv2d_1a_3x3 ... mixed_7d sort in the network's order
    blocks = sorted({re.sub(r"_(branch\d_\d+[ab]?_)?(conv|bn)$", "", layer) for layer in layers} - {"predictions"})
    units = [re.fullmatch(r"(.+)_branch(\d)_(\d+)([ab]?)_(conv|bn)", layer) for layer in layers]
    units = [match.groups() for match in units if match]

    def module(layer):
        if layer == "predictions":
            return "last_linear"
        if match := re.fullmatch(r"(conv2d_\w+)_(conv|bn)", layer):
            stem, kind = match.groups()
            return f"features.{blocks.index(stem)}.{kind}" if stem in blocks else None
        match = re.fullmatch(r"(.+)_branch(\d)_(\d+)([ab]?)_(conv|bn)", layer)
        if match is None or match.group(1) not in blocks:
            return None
        block, branch, step, split, kind = match.groups()
        feature = f"features.{blocks.index(block)}"
        in_block = {(b, s, p) for name, b, s, p, _ in units if name == block}
        in_branch = {(s, p) for b, s, p in in_block if b == branch}
        if len(in_block) == 1:
            return f"{feature}.conv.{kind}"
        if any(p for _, p in in_branch):
            return f"{feature}.branch{int(branch) - 1}_{int(step) - 1}{split}.{kind}"
        if len(in_branch) == 1 and step == "1":
            return f"{feature}.branch{int(branch) - 1}.{kind}"
        return f"{feature}.branch{int(branch) - 1}.{int(step) - 1}.{kind}"

    return {layer: module(layer) for layer in layers}


@dataclasses.dataclass(frozen=True)
class Convention:
    """A source's naming: what it is, a parameter name only it has, its layer-to-module
    map, and the module names of its classifier (left unused by a model without a top)."""

    title: str
    marker: str
    modules: Callable
    head: tuple


CONVENTIONS = (  # the first whose marker the state dict holds is the one
    Convention("SENet (pretrainedmodels; timm's legacy_ models)", "layer0.conv1.weight", senet_modules,
               ("last_linear.",)),
    Convention("ResNet or ResNeXt (timm, torchvision)", "layer1.0.conv1.weight", resnet_modules, ("fc.",)),
    Convention("DenseNet (timm, torchvision)", "features.denseblock1.denselayer1.conv1.weight", densenet_modules,
               ("classifier.",)),
    Convention("VGG (timm)", "pre_logits.fc1.weight", vgg_modules, ("pre_logits.", "head.")),
    Convention("Inception-v4 (pretrainedmodels, timm)", "features.21.branch0.conv.weight", inception_v4_modules,
               ("last_linear.",)),
)


def convention_of(names):
    """The convention of a state dict with parameter `names`; a ValueError when none fits."""
    for convention in CONVENTIONS:
        if convention.marker in names:
            return convention
    raise ValueError(
        "The state dict is not one of a source kerasnets can read: expected the parameter names of "
        f"{[convention.title for convention in CONVENTIONS]} (such as {CONVENTIONS[1].marker!r}). "
        f"Received names such as {sorted(names)[:5]}"
    )
