"""ResNet (He et al., 2015) as data: the paper's Table 1, and every block it implies.

`blocks(variant)` spells out each residual block (its name, widths, stride and whether its
shortcut needs a 1x1 projection), so that the three renderings share every decision and
cannot drift. Names follow keras.applications: conv2_block1_1_conv, ..., conv5_block3_out.

Choices, written down:
- The stride of a downsampling block sits on its first convolution (the paper's and
  keras.applications' ResNet v1; torchvision's "v1.5" moves it to the 3x3).
- A shortcut is projected (1x1 convolution + BatchNormalization) where the block changes
  width or resolution, and is the identity elsewhere (option B of the paper).
- Convolutions before BatchNormalization carry no bias, as in the paper, torchvision and
  keras-hub: the counts equal torchvision's. `conv_bias=True` adds the bias that
  keras.applications.ResNet50/101/152 carry, and then the model equals theirs (counts,
  layer names and outputs, checked by the tests).
"""

import dataclasses

from kerasnets.arguments import Family, Reference, check_bool

VARIANTS = {  # name: (block kind, blocks per stage conv2..conv5)
    "resnet18": ("basic", (2, 2, 2, 2)),
    "resnet34": ("basic", (3, 4, 6, 3)),
    "resnet50": ("bottleneck", (3, 4, 6, 3)),
    "resnet101": ("bottleneck", (3, 4, 23, 3)),
    "resnet152": ("bottleneck", (3, 8, 36, 3)),
}
STAGE_WIDTHS = (64, 128, 256, 512)
EXPANSION = {"basic": 1, "bottleneck": 4}
BN_EPSILON = 1.001e-5  # keras.applications' value

FAMILY = Family(
    name="resnet",
    title="ResNet",
    paper="He et al., Deep Residual Learning for Image Recognition",
    year=2015,
    variants=tuple(VARIANTS),
    default_size=224,
    min_size=32,
)
OPTIONS = {"conv_bias": False}
KERAS_APPLICATIONS = {"resnet50": "ResNet50", "resnet101": "ResNet101", "resnet152": "ResNet152"}
REFERENCES = (
    Reference("resnet18", 11_689_512, "torchvision resnet18", counts="trainable"),
    Reference("resnet34", 21_797_672, "torchvision resnet34", counts="trainable"),
    Reference("resnet50", 25_557_032, "torchvision resnet50", counts="trainable"),
    Reference("resnet101", 44_549_160, "torchvision resnet101", counts="trainable"),
    Reference("resnet152", 60_192_808, "torchvision resnet152", counts="trainable"),
)


@dataclasses.dataclass(frozen=True)
class BlockSpec:
    name: str  # "conv3_block1"
    kind: str  # "basic" or "bottleneck"
    filters: int  # the inner width; the block outputs filters * EXPANSION[kind]
    strides: int
    project: bool  # the shortcut is a 1x1 convolution, not the identity

    @property
    def out_channels(self):
        return self.filters * EXPANSION[self.kind]


def check_options(conv_bias):
    return {"conv_bias": check_bool(conv_bias, "conv_bias")}


def blocks(variant):
    kind, depths = VARIANTS[variant]
    specs, channels = [], 64  # the stem outputs 64 channels
    for stage, (width, depth) in enumerate(zip(STAGE_WIDTHS, depths), start=2):
        for index in range(1, depth + 1):
            strides = 2 if index == 1 and stage > 2 else 1
            out_channels = width * EXPANSION[kind]
            project = strides != 1 or channels != out_channels
            specs.append(BlockSpec(f"conv{stage}_block{index}", kind, width, strides, project))
            channels = out_channels
    return specs


def conv_units(block):
    """(name suffix, filters, kernel, strides) of the main path, in order."""
    if block.kind == "basic":
        return [("1", block.filters, 3, block.strides), ("2", block.filters, 3, 1)]
    return [
        ("1", block.filters, 1, block.strides),
        ("2", block.filters, 3, 1),
        ("3", block.out_channels, 1, 1),
    ]
