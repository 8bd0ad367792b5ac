"""ResNeXt (Xie, Girshick, Dollar, Tu and He, 2017): ResNet's bottleneck with a grouped 3x3.

Table 1's networks: ResNet's stem and stages (conv2_x ... conv5_x, 64 to 512 "planes",
bottlenecks that output 4 x planes), where the 3x3 convolution of each bottleneck is split
into `cardinality` groups (Figure 3(c), written with Conv2D(groups=...)) and the bottleneck
is `cardinality x width` channels wide in conv2_x, doubling with each stage: "32x4d" is 32
groups of 4 channels, 128 wide in conv2_x.

Choices, as the paper's released code (fb.resnet.torch) and torchvision have them:
- the stride of a downsampling block sits on its grouped 3x3 convolution, which is padded by
  one pixel on every side (ZeroPadding2D(1) and a "valid" convolution; "same" would pad only
  the bottom and right of an even map);
- convolutions carry no bias; BatchNormalization has epsilon 1e-5;
- a shortcut is projected (1x1 convolution + BatchNormalization) where the block changes
  width or resolution.

References, torchvision (trainable): resnext50_32x4d 25,028,904; resnext101_32x8d 88,791,336;
resnext101_64x4d 83,455,272.
"""

from kerasnets.arguments import TIMM_HUB, Family, Pretrained, Reference

VARIANTS = {  # name: (blocks in conv2_x, conv3_x, conv4_x, conv5_x), cardinality, width per group
    "resnext50_32x4d": {"depths": (3, 4, 6, 3), "cardinality": 32, "width": 4},
    "resnext101_32x8d": {"depths": (3, 4, 23, 3), "cardinality": 32, "width": 8},
    "resnext101_64x4d": {"depths": (3, 4, 23, 3), "cardinality": 64, "width": 4},
}
BN_EPSILON = 1e-5  # torchvision's

FAMILY = Family(
    name="resnext",
    title="ResNeXt",
    paper="Xie et al., Aggregated Residual Transformations for Deep Neural Networks",
    year=2017,
    variants=tuple(VARIANTS),
    default_size=224,
    min_size=32,
)
OPTIONS = {}
PRETRAINED = {  # torchvision's, as timm keeps them on the Hub (101_64x4d: torchvision's newer training recipe)
    variant: Pretrained(TIMM_HUB, f"timm/{variant}.tv_in1k", "BSD-3-Clause (torchvision)", top1=top1, size=224,
                        preprocessing="torch")
    for variant, top1 in [("resnext50_32x4d", 77.62), ("resnext101_32x8d", 79.31), ("resnext101_64x4d", 83.25)]
}
REFERENCES = (
    Reference("resnext50_32x4d", 25_028_904, "torchvision resnext50_32x4d", counts="trainable"),
    Reference("resnext101_32x8d", 88_791_336, "torchvision resnext101_32x8d", counts="trainable"),
    Reference("resnext101_64x4d", 83_455_272, "torchvision resnext101_64x4d", counts="trainable"),
)


def check_options():
    return {}
