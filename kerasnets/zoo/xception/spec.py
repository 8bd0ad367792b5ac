"""Xception (Chollet, 2017): Inception taken to its extreme, the network of the paper's Figure 5.

Depthwise separable convolutions (a 3x3 per channel, then a 1x1 across channels) throughout,
in three flows: the entry flow (two plain convolutions, then three modules that halve the
grid and widen it to 128, 256, 728), the middle flow (8 modules of three 728-wide separable
convolutions with an identity shortcut) and the exit flow (a last downsampling module to 1024,
then separable convolutions to 1536 and 2048, global average pooling and the classifier).
A downsampling module adds its main path (two separable convolutions and a 3x3/2 max
pooling) to a strided 1x1 projection of its input. Every convolution is followed by
BatchNormalization; the ReLUs sit before the separable convolutions inside the modules, so
that a sum is never rectified before it reaches the next module's projection.

Names follow keras.applications (block1_conv1 ... block14_sepconv2_act); the projections,
which it leaves unnamed, are `block<N>_shortcut_conv` and `_bn`. Padding is the reference's
own (Keras "same" for the separable convolutions and the poolings, "valid" for the first two
convolutions), so no padding question arises. Dropout 0.5 before the classifier (section 4.3).

Reference: keras.applications.Xception, 22,910,480 parameters in total with 1000 classes
(checked by the tests, with its outputs once its weights are moved in by layer order).
"""

from kerasnets.arguments import KERAS, Family, Pretrained, check_rate

FAMILY = Family(
    name="xception",
    title="Xception",
    paper="Chollet, Xception: Deep Learning with Depthwise Separable Convolutions",
    year=2017,
    variants=("xception",),
    default_size=299,
    min_size=71,
)
OPTIONS = {"dropout": 0.5}
REFERENCES = ()  # keras.applications.Xception is the oracle, see KERAS_APPLICATIONS
KERAS_APPLICATIONS = {"xception": "Xception"}
PRETRAINED = {"xception": Pretrained(KERAS, "Xception", "MIT (Keras)", top1=79.0, size=299, preprocessing="tf")}

# Figure 5: the widths of the downsampling modules' two separable convolutions.
ENTRY_FLOW = {"block2": (128, 128), "block3": (256, 256), "block4": (728, 728)}
MIDDLE_FLOW = tuple(f"block{index}" for index in range(5, 13))  # 8 modules, 728 wide
EXIT_FLOW = {"block13": (728, 1024)}


def check_options(dropout):
    return {"dropout": check_rate(dropout, "dropout")}
