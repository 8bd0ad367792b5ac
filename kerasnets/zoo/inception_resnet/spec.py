"""Inception-ResNet-v1 and -v2 (Szegedy et al., 2016): inception blocks with residual sums.

Each network is a stem to the 35x35 grid; repeated Inception-ResNet-A blocks (block35);
Reduction-A (Figure 7, shared with Inception-v4, Table 1's k, l, m, n) to 17x17; repeated
Inception-ResNet-B blocks (block17); Reduction-B to 8x8; repeated Inception-ResNet-C
blocks (block8); average pooling, dropout (keep 0.8) and the classifier. A block
concatenates its branches, projects them back to its input's width with a linear 1x1
convolution (with a bias, no BatchNormalization: the paper puts BatchNormalization "on top
of the traditional layers, but not on top of the summations"), and adds
`scale * projection` to its input before a ReLU. Section 3.3 scales the residuals "between
0.1 and 0.3" to keep training stable: `block_scales` gives the three scales, by default
keras.applications' (0.17, 0.1, 0.2).

- inception_resnet_v2 is the released model (TF-slim, as keras.applications and timm have
  it), which differs from the paper's Figure 15: its stem is Inception-v3's followed by
  mixed_5b (an Inception-v3 35x35 module), not Figure 3; its blocks are TF-slim's widths;
  a 1x1 unit (conv_7b, 1536) follows the last block, and that last block (block8_10) adds
  its branch unscaled and has no ReLU. Reference: keras.applications.InceptionResNetV2,
  55,873,736 parameters in total with 1000 classes (checked by the tests, with its outputs
  once its weights are moved in by layer order). Its units are keras.applications':
  BatchNormalization without scale.
- inception_resnet_v1 follows the paper: the stem of Figure 14 (to 35x35x256), 5 x A
  (Figure 10), Reduction-A (192, 192, 256, 384) to 17x17x896, 10 x B (Figure 11),
  Reduction-B (Figure 12) to 8x8x1792, 5 x C (Figure 13). No ImageNet implementation has
  been published to count against: the tests check the paper's grid sizes, and the count
  here is 22,769,848 with 1000 classes (22,742,808 trainable). Its units and last block
  are written like v2's (every C block with its ReLU and scale).
"""

from kerasnets.arguments import KERAS, Family, Pretrained, Reference, check_rate

ARCHITECTURES = {
    "inception_resnet_v1": {
        # the width of the residual sums on each grid: 35x35x256, 17x17x896, 8x8x1792 (Figures 14, 7, 12)
        "widths": {"block35": 256, "block17": 896, "block8": 1792},
        # Inception-ResNet-A (Figure 10): 1x1 | 1x1, 3x3 | 1x1, 3x3, 3x3
        "block35": ((32,), (32, 32), (32, 32, 32)),
        "reduction_a": {"k": 192, "l": 192, "m": 256, "n": 384},  # Table 1
        # Inception-ResNet-B (Figure 11): 1x1 | 1x1, 1x7, 7x1
        "block17": ((128,), (128, 128, 128)),
        # Reduction-B (Figure 12): 1x1, 3x3/2 | 1x1, 3x3/2 | 1x1, 3x3, 3x3/2 | max pooling
        "reduction_b": ((256, 384), (256, 256), (256, 256, 256)),
        # Inception-ResNet-C (Figure 13): 1x1 | 1x1, 1x3, 3x1
        "block8": ((192,), (192, 192, 192)),
        "repeats": {"block35": 5, "block17": 10, "block8": 5},
        "conv_7b": None,  # no 1x1 unit before the pooling
        "last_block8_relu": True,
    },
    "inception_resnet_v2": {
        "widths": {"block35": 320, "block17": 1088, "block8": 2080},  # mixed_5b's, mixed_6a's, mixed_7a's
        "block35": ((32,), (32, 32), (32, 48, 64)),
        "reduction_a": {"k": 256, "l": 256, "m": 384, "n": 384},
        "block17": ((192,), (128, 160, 192)),
        "reduction_b": ((256, 384), (256, 288), (256, 288, 320)),
        "block8": ((192,), (192, 224, 256)),
        "repeats": {"block35": 10, "block17": 20, "block8": 10},
        "conv_7b": 1536,
        "last_block8_relu": False,  # TF-slim's final Block8: unscaled, no ReLU
    },
}

FAMILY = Family(
    name="inception_resnet",
    title="Inception-ResNet",
    paper="Szegedy et al., Inception-v4, Inception-ResNet and the Impact of Residual Connections on Learning",
    year=2016,
    variants=tuple(ARCHITECTURES),
    default_size=299,
    min_size=75,
)
OPTIONS = {"block_scales": (0.17, 0.1, 0.2), "dropout": 0.2}
KERAS_APPLICATIONS = {"inception_resnet_v2": "InceptionResNetV2"}
PRETRAINED = {
    "inception_resnet_v2": Pretrained(KERAS, "InceptionResNetV2", "Apache-2.0", top1=80.3, size=299,
                                      preprocessing="tf"),
}
REFERENCES = (
    Reference("inception_resnet_v1", 22_769_848, "this implementation of the paper's Figures 10-14 "
              "(no published model); its grids are the paper's, checked by the tests"),
)


def check_options(block_scales, dropout):
    scales = block_scales
    if not isinstance(scales, (tuple, list)) or len(scales) != 3 or not all(
            isinstance(s, (int, float)) and not isinstance(s, bool) and 0 < s <= 1 for s in scales):
        raise ValueError(
            "`block_scales` must be three numbers in (0, 1], the scales of the A, B and C blocks' "
            f"residuals. Received: block_scales={block_scales!r}"
        )
    return {"block_scales": tuple(float(s) for s in scales), "dropout": check_rate(dropout, "dropout")}
