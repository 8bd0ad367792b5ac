"""Inception-v4 (Szegedy, Ioffe, Vanhoucke and Alemi, 2016): the network of the paper's Figure 9.

On a 299x299 input: the stem of Figure 3 (three convolutions, then three splits whose
branches are concatenated: mixed_3a, mixed_4a, mixed_5a) to a 35x35x384 grid; 4 x
Inception-A (Figure 4); Reduction-A (Figure 7) to 17x17x1024; 7 x Inception-B (Figure 5);
Reduction-B (Figure 8) to 8x8x1536; 3 x Inception-C (Figure 6); average pooling, dropout
(keep 0.8) and the classifier. The names follow TF-slim's model (conv2d_1a_3x3, mixed_3a ...
mixed_7d), the branches are in its order (the order of the concatenation, which decides the
weights of the next layer), as in Cadene's and timm's ports.

Every unit is a convolution without bias, BatchNormalization (epsilon 1e-3, with scale) and
a ReLU. Every strided convolution and pooling is unpadded ("valid"), so no padding question
arises; the 3x3 average poolings of the blocks exclude their padding from the average, as
Keras' "same" does (count_include_pad=False in the PyTorch ports).

Reference count, 1000 classes: 42,679,816 parameters (trainable), timm inception_v4.
"""

from kerasnets.arguments import TIMM_HUB, Family, Pretrained, Reference, check_rate

FAMILY = Family(
    name="inception_v4",
    title="Inception-v4",
    paper="Szegedy et al., Inception-v4, Inception-ResNet and the Impact of Residual Connections on Learning",
    year=2016,
    variants=("inception_v4",),
    default_size=299,
    min_size=75,
)
OPTIONS = {"dropout": 0.2}
PRETRAINED = {  # TF-slim's model, ported by pretrainedmodels; timm keeps it on the Hub
    "inception_v4": Pretrained(TIMM_HUB, "timm/inception_v4.tf_in1k", "Apache-2.0 (TF-slim)", top1=80.2, size=299,
                               preprocessing="tf"),
}
REFERENCES = (Reference("inception_v4", 42_679_816, "timm inception_v4", counts="trainable"),)

# Table 1: the filters of Reduction-A (Figure 7) in Inception-v4.
REDUCTION_A = {"k": 192, "l": 224, "m": 256, "n": 384}
# Figure 9: how many of each block, with TF-slim's names.
INCEPTION_A = ("mixed_5b", "mixed_5c", "mixed_5d", "mixed_5e")
INCEPTION_B = ("mixed_6b", "mixed_6c", "mixed_6d", "mixed_6e", "mixed_6f", "mixed_6g", "mixed_6h")
INCEPTION_C = ("mixed_7b", "mixed_7c", "mixed_7d")


def check_options(dropout):
    return {"dropout": check_rate(dropout, "dropout")}
