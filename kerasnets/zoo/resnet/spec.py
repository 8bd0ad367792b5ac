"""ResNet (He et al., 2015): the paper's Table 1 as data, and the choices that decide its weights.

Every variant is a 7x7/2 stem, a 3x3/2 max pooling and four stages, conv2_x to conv5_x, of
64, 128, 256 and 512 filters that halve the grid from conv3_x on; the variants differ in the
block (Figure 5: the two-3x3 "basic" block, or the 1x1-3x3-1x1 "bottleneck" that outputs
four times its width) and in the number of blocks per stage. Names follow keras.applications:
conv2_block1_1_conv, ..., conv5_block3_out.

Choices, written down:
- The stride of a downsampling bottleneck sits on its first 1x1 convolution (the paper's
  and keras.applications' ResNet v1; torchvision's "v1.5" moves it to the 3x3).
- A strided 3x3 convolution (ResNet-18/34's first conv of conv3_1, conv4_1, conv5_1) is
  padded by one pixel on every side, as PyTorch and Caffe do: ZeroPadding2D(1) and a
  "valid" convolution. Keras' "same" would pad only the bottom and right of an even map,
  and published weights would then not give published outputs. The stem pads the same way.
- A shortcut is projected (1x1 convolution + BatchNormalization) where the block changes
  width or resolution, and is the identity elsewhere (option B of the paper).
- Convolutions before BatchNormalization carry no bias, as in the paper, torchvision and
  keras-hub: the counts equal torchvision's. `conv_bias=True` adds the bias that
  keras.applications.ResNet50/101/152 carry, and then the model equals theirs (counts,
  layer names and outputs, checked by the tests).
"""

from kerasnets.arguments import KERAS, TIMM_HUB, Family, Pretrained, Reference, check_bool

VARIANTS = {  # Table 1: name: (block, blocks in conv2_x, conv3_x, conv4_x, conv5_x)
    "resnet18": ("basic", (2, 2, 2, 2)),
    "resnet34": ("basic", (3, 4, 6, 3)),
    "resnet50": ("bottleneck", (3, 4, 6, 3)),
    "resnet101": ("bottleneck", (3, 4, 23, 3)),
    "resnet152": ("bottleneck", (3, 8, 36, 3)),
}
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
# keras.applications' ports of the paper's Caffe models. They carry conv biases; with
# conv_bias=False (the default) each is folded into the moving mean of the BatchNormalization after it.
# ResNet-18 and 34: torchvision's, as timm keeps them on the Hub (no conv biases).
PRETRAINED = {
    **{variant: Pretrained(KERAS, application, "MIT (Kaiming He)", top1=top1, size=224, preprocessing="caffe",
                           free_options=("conv_bias",))
       for variant, application, top1 in [("resnet50", "ResNet50", 74.9), ("resnet101", "ResNet101", 76.4),
                                          ("resnet152", "ResNet152", 76.6)]},
    **{variant: Pretrained(TIMM_HUB, f"timm/{variant}.tv_in1k", "BSD-3-Clause (torchvision)", top1=top1, size=224,
                           preprocessing="torch")
       for variant, top1 in [("resnet18", 69.76), ("resnet34", 73.31)]},
}
REFERENCES = (
    Reference("resnet18", 11_689_512, "torchvision resnet18", counts="trainable"),
    Reference("resnet34", 21_797_672, "torchvision resnet34", counts="trainable"),
    Reference("resnet50", 25_557_032, "torchvision resnet50", counts="trainable"),
    Reference("resnet101", 44_549_160, "torchvision resnet101", counts="trainable"),
    Reference("resnet152", 60_192_808, "torchvision resnet152", counts="trainable"),
)


def check_options(conv_bias):
    return {"conv_bias": check_bool(conv_bias, "conv_bias")}
