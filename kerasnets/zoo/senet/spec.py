"""SENet (Hu, Shen, Albanie, Sun and Wu, 2018): residual networks with squeeze-and-excitation.

The squeeze-and-excitation block (Figure 1, and Figure 3 inside a residual module) rescales
the channels of a residual branch before the sum: global average pooling squeezes each
channel to one number, a 1x1 convolution reduces the channels by `ratio` (16), a ReLU, a 1x1
convolution expands them back, and a sigmoid gives each channel's weight.

Table 1's networks and SENet-154, as the authors' released Caffe models have them (Cadene's
`senet.py` port, which timm's `legacy_` models copy):
- SE-ResNet-50/101/152: ResNet's bottleneck (1x1, 3x3, 1x1 to 4 x planes) whose stride sits
  on the first 1x1 convolution, as in Caffe's ResNet;
- SE-ResNeXt-50/101 (32x4d): ResNeXt's bottleneck, 32 groups of 4 channels in the 3x3 of the
  first stage (floor(planes x 4 / 64) x 32 wide), the stride on the grouped 3x3;
- SENet-154: a stem of three 3x3 convolutions (64, 64, 128) in place of the 7x7; bottlenecks
  of a 1x1 to 2 x planes, a 3x3 in 64 groups (strided) to 4 x planes and a 1x1; its
  downsampling shortcuts in conv3_x to conv5_x are 3x3 convolutions of stride 2; dropout 0.2
  before the classifier.

Choices, as those models have them:
- every padding is symmetric: the 7x7/2 pads 3, every 3x3 pads 1 (ZeroPadding2D and a
  "valid" convolution where the convolution is strided);
- the 3x3/2 max pooling after the stem keeps a last partial window (Caffe's ceil mode): one
  row and column of zeros at the bottom and right, then a "valid" pooling, which equals ceil
  mode on maps of any size since its input follows a ReLU (">= 0");
- convolutions carry no bias, except the two 1x1 of squeeze-and-excitation; BatchNormalization
  has epsilon 1e-5; the squeezed width is channels // ratio.

References, timm legacy models (trainable): legacy_seresnet50 28,088,024; legacy_seresnet101
49,326,872; legacy_seresnet152 66,821,848; legacy_seresnext50_32x4d 27,559,896;
legacy_seresnext101_32x4d 48,955,416; legacy_senet154 115,088,984.
"""

from kerasnets.arguments import TIMM_GITHUB, Family, Pretrained, Reference, check_rate

# bottleneck: "se_resnet" | "se_resnext" | "senet" (see `bottleneck_widths`); depths: the blocks of
# conv2_x ... conv5_x; cardinality: the groups of each 3x3; deep_stem: three 3x3 convolutions
# instead of one 7x7; shortcut_kernel: of the downsampling shortcuts of conv3_x ... conv5_x.
VARIANTS = {
    "se_resnet50": {"bottleneck": "se_resnet", "depths": (3, 4, 6, 3), "cardinality": 1,
                    "deep_stem": False, "shortcut_kernel": 1, "dropout": 0.0},
    "se_resnet101": {"bottleneck": "se_resnet", "depths": (3, 4, 23, 3), "cardinality": 1,
                     "deep_stem": False, "shortcut_kernel": 1, "dropout": 0.0},
    "se_resnet152": {"bottleneck": "se_resnet", "depths": (3, 8, 36, 3), "cardinality": 1,
                     "deep_stem": False, "shortcut_kernel": 1, "dropout": 0.0},
    "se_resnext50_32x4d": {"bottleneck": "se_resnext", "depths": (3, 4, 6, 3), "cardinality": 32,
                           "deep_stem": False, "shortcut_kernel": 1, "dropout": 0.0},
    "se_resnext101_32x4d": {"bottleneck": "se_resnext", "depths": (3, 4, 23, 3), "cardinality": 32,
                            "deep_stem": False, "shortcut_kernel": 1, "dropout": 0.0},
    "senet154": {"bottleneck": "senet", "depths": (3, 8, 36, 3), "cardinality": 64,
                 "deep_stem": True, "shortcut_kernel": 3, "dropout": 0.2},
}
STEM = 64  # the 7x7 convolution's width
DEEP_STEM = (64, 64, 128)  # SENet-154's three 3x3 convolutions
BN_EPSILON = 1e-5  # the Caffe models'

FAMILY = Family(
    name="senet",
    title="SENet",
    paper="Hu et al., Squeeze-and-Excitation Networks",
    year=2018,
    variants=tuple(VARIANTS),
    default_size=224,
    min_size=32,
)
OPTIONS = {"ratio": 16, "dropout": None}
# The authors' Caffe models as Cadene's port converted them (top-1 as that port reports it), in
# PyTorch files that timm fetches from its GitHub releases; they are not on the Hub as safetensors.
GITHUB_RELEASES = "https://github.com/rwightman/pytorch-image-models/releases/download"
PRETRAINED = {
    variant: Pretrained(TIMM_GITHUB, f"{GITHUB_RELEASES}/{path}", "Apache-2.0 (Hu et al.)", top1=top1, size=224,
                        preprocessing="torch")
    for variant, path, top1 in [
        ("se_resnet50", "v0.1-cadene/se_resnet50-ce0d4300.pth", 77.64),
        ("se_resnet101", "v0.1-cadene/se_resnet101-7e38fcc6.pth", 78.40),
        ("se_resnet152", "v0.1-cadene/se_resnet152-d17c99b7.pth", 78.66),
        ("se_resnext50_32x4d", "v0.1-weights/legacy_se_resnext50_32x4d-f3651bad.pth", 79.08),
        ("se_resnext101_32x4d", "v0.1-weights/legacy_se_resnext101_32x4d-37725eac.pth", 80.24),
        ("senet154", "v0.1-weights/legacy_senet154-e9eb9fe6.pth", 81.30),
    ]
}
REFERENCES = (
    Reference("se_resnet50", 28_088_024, "timm legacy_seresnet50", counts="trainable"),
    Reference("se_resnet101", 49_326_872, "timm legacy_seresnet101", counts="trainable"),
    Reference("se_resnet152", 66_821_848, "timm legacy_seresnet152", counts="trainable"),
    Reference("se_resnext50_32x4d", 27_559_896, "timm legacy_seresnext50_32x4d", counts="trainable"),
    Reference("se_resnext101_32x4d", 48_955_416, "timm legacy_seresnext101_32x4d", counts="trainable"),
    Reference("senet154", 115_088_984, "timm legacy_senet154", counts="trainable"),
)


def bottleneck_widths(variant, planes):
    """The widths of a bottleneck's first 1x1 and of its 3x3 in the stage of `planes`."""
    table = VARIANTS[variant]
    if table["bottleneck"] == "se_resnet":
        return planes, planes
    if table["bottleneck"] == "se_resnext":
        width = planes * 4 // 64 * table["cardinality"]
        return width, width
    return 2 * planes, 4 * planes  # SENet-154


def strided_1x1(variant):
    """Where a downsampling bottleneck strides: its first 1x1 (SE-ResNet, as Caffe's ResNet) or its 3x3."""
    return VARIANTS[variant]["bottleneck"] == "se_resnet"


def shortcut_kernel(variant, in_channels, filters, strides):
    """A bottleneck's shortcut: 0 for the identity; else the kernel of its projection, which a
    block needs where it strides or changes the width (3x3 where SENet-154 strides, else 1x1)."""
    if strides == 1 and in_channels == filters:
        return 0
    return VARIANTS[variant]["shortcut_kernel"] if strides != 1 else 1


def dropout_of(variant, dropout):
    """The rate before the classifier: the one given, or the variant's (0.2 for SENet-154, else none)."""
    return VARIANTS[variant]["dropout"] if dropout is None else dropout


def check_options(ratio, dropout):
    if isinstance(ratio, bool) or not isinstance(ratio, int) or not 1 <= ratio <= 64:
        raise ValueError(
            "`ratio` must be an integer in [1, 64], the squeeze-and-excitation reduction "
            f"(the paper's r = 16). Received: ratio={ratio!r}"
        )
    return {"ratio": ratio, "dropout": None if dropout is None else check_rate(dropout, "dropout")}
