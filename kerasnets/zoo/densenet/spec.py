"""DenseNet (Huang, Liu, van der Maaten and Weinberger, 2017): the paper's Table 1 as data.

Each layer of a dense block sees the concatenation of every feature map before it in the
block and adds `growth_rate` new ones: BN-ReLU-1x1 convolution to 4 x growth_rate (the
"bottleneck" of DenseNet-B), BN-ReLU-3x3 convolution to growth_rate, concatenated to its
input. Between blocks, a transition layer (BN-ReLU-1x1 convolution, 2x2 average pooling)
compresses the channels by `compression` (DenseNet-C; together DenseNet-BC, 0.5). The stem
is a 7x7/2 convolution and a 3x3/2 max pooling, both padded on every side (ZeroPadding2D, as
keras.applications and torchvision do); after the last block, BatchNormalization, ReLU and
global average pooling.

Names and BatchNormalization's epsilon (1.001e-5) follow keras.applications, so its
DenseNet121/169/201 weights move in by name. torchvision's DenseNet-161 (timm's copy) has the
same arithmetic but an epsilon of 1e-5: 1e-8 apart, which its weights do not feel (its
fixture's logits agree to 1e-4 relative).

References: keras.applications DenseNet121, DenseNet169, DenseNet201 (8,062,504,
14,307,880, 20,242,984 parameters in total: counts, and outputs with their weights);
torchvision densenet161 (growth 48, a 96-wide stem: 28,681,000 trainable); densenet264,
the 264-layer network of Table 1, as torchvision's DenseNet class with growth 32, blocks
(6, 12, 64, 48) and a 64-wide stem (33,337,704 trainable).
"""

from kerasnets.arguments import KERAS, TIMM_HUB, Family, Pretrained, Reference

VARIANTS = {  # Table 1: layers per dense block; the growth rate and the stem's width
    "densenet121": {"blocks": (6, 12, 24, 16), "growth_rate": 32, "stem": 64},
    "densenet169": {"blocks": (6, 12, 32, 32), "growth_rate": 32, "stem": 64},
    "densenet201": {"blocks": (6, 12, 48, 32), "growth_rate": 32, "stem": 64},
    "densenet264": {"blocks": (6, 12, 64, 48), "growth_rate": 32, "stem": 64},
    "densenet161": {"blocks": (6, 12, 36, 24), "growth_rate": 48, "stem": 96},
}
BN_EPSILON = 1.001e-5  # keras.applications' value
BOTTLENECK = 4  # the 1x1 convolution of a dense layer outputs 4 x growth_rate channels

FAMILY = Family(
    name="densenet",
    title="DenseNet",
    paper="Huang et al., Densely Connected Convolutional Networks",
    year=2017,
    variants=tuple(VARIANTS),
    default_size=224,
    min_size=32,
)
OPTIONS = {"growth_rate": None, "compression": 0.5}  # growth_rate None: the variant's own
KERAS_APPLICATIONS = {"densenet121": "DenseNet121", "densenet169": "DenseNet169", "densenet201": "DenseNet201"}
PRETRAINED = {  # keras.applications' ports of the authors' models; DenseNet-161: torchvision's, on timm's Hub
    **{variant: Pretrained(KERAS, application, "BSD-3-Clause (Liu and Huang)", top1=top1, size=224,
                           preprocessing="torch")
       for variant, application, top1 in [("densenet121", "DenseNet121", 75.0), ("densenet169", "DenseNet169", 76.2),
                                          ("densenet201", "DenseNet201", 77.3)]},
    "densenet161": Pretrained(TIMM_HUB, "timm/densenet161.tv_in1k", "BSD-3-Clause (torchvision)", top1=77.14,
                              size=224, preprocessing="torch"),
}
REFERENCES = (
    Reference("densenet161", 28_681_000, "torchvision densenet161", counts="trainable"),
    Reference("densenet264", 33_337_704, "torchvision DenseNet(32, (6, 12, 64, 48), 64)", counts="trainable"),
)


def check_options(growth_rate, compression):
    if growth_rate is not None and (isinstance(growth_rate, bool) or not isinstance(growth_rate, int)
                                    or growth_rate < 1):
        raise ValueError(
            f"`growth_rate` must be None (the variant's) or an integer >= 1. Received: growth_rate={growth_rate!r}"
        )
    if isinstance(compression, bool) or not isinstance(compression, (int, float)) or not 0 < compression <= 1:
        raise ValueError(f"`compression` must be a number in (0, 1]. Received: compression={compression!r}")
    return {"growth_rate": growth_rate, "compression": float(compression)}
