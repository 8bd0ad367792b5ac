"""Inception-v3 (Szegedy et al., 2015): the paper's Table 1 with the released model's widths.

The network of Table 1 on a 299x299 input: a stem of five convolutions and two poolings
to a 35x35x192 grid; 3 x the 35x35 module of Figure 5 (inception_a); a grid reduction to
17x17 (Figure 10, reduction_a); 4 x the 17x17 module of Figure 6, whose n x n convolutions
are factorized into 1 x 7 and 7 x 1 (inception_b); a reduction to 8x8 (reduction_b);
2 x the 8x8 module of Figure 7, whose 3x3 branches split into 1 x 3 and 3 x 1 (inception_c).
torchvision calls these five blocks InceptionA to InceptionE.

Every unit is a convolution without bias, BatchNormalization (no scale, as keras.applications
and TF-slim) and a ReLU; the names follow TF-slim (conv2d_1a_3x3, mixed_5b ... mixed_7c).
Strided convolutions and poolings here are all "valid", as in the reference: no padding
question arises.

The auxiliary classifier (`aux_classifiers=True`, torchvision's InceptionAux) reads
mixed_6e: 5x5/3 average pooling, a 1x1 unit to 128, a 5x5 unit to 768, global pooling and a
dense layer; its 5x5 convolution needs the 17x17 grid, so a 299x299 input at least.

Reference: keras.applications.InceptionV3(weights=None), 23,851,784 parameters in total with
1000 classes at 299x299 (checked against it by the tests).
"""

from kerasnets.arguments import KERAS, Family, Pretrained, check_aux_args, check_aux_options

FAMILY = Family(
    name="inception_v3",
    title="Inception-v3",
    paper="Szegedy et al., Rethinking the Inception Architecture for Computer Vision",
    year=2015,
    variants=("inception_v3",),
    default_size=299,
    min_size=75,
)
OPTIONS = {"aux_classifiers": False, "dropout": 0.2}
REFERENCES = ()  # keras.applications.InceptionV3 is the oracle, see KERAS_APPLICATIONS
KERAS_APPLICATIONS = {"inception_v3": "InceptionV3"}
PRETRAINED = {  # no auxiliary classifier: keras.applications' weights have none
    "inception_v3": Pretrained(KERAS, "InceptionV3", "Apache-2.0", top1=77.9, size=299, preprocessing="tf"),
}
AUX_MIN_SIZE = 299  # the 5x5 unit needs a 17x17 mixed_6e grid: 299x299 is the smallest input giving it

# Table 1's "3 x Inception" (Figure 5): the width of each module's pooling projection.
INCEPTION_A = {"mixed_5b": 32, "mixed_5c": 64, "mixed_5d": 64}
# Table 1's "5 x Inception" (Figure 6), after the reduction: the inner width of the 7x7 branches.
INCEPTION_B = {"mixed_6b": 128, "mixed_6c": 160, "mixed_6d": 160, "mixed_6e": 192}
# Table 1's "2 x Inception" (Figure 7), after the second reduction: no width varies.
INCEPTION_C = ("mixed_7b", "mixed_7c")

check_options = check_aux_options


def min_size(aux_classifiers, dropout):
    return AUX_MIN_SIZE if aux_classifiers else FAMILY.min_size


def check_args(args, aux_classifiers, dropout):
    check_aux_args(FAMILY, args, aux_classifiers)
