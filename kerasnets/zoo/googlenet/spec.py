"""GoogLeNet, Inception v1 (Szegedy et al., 2014): the paper's Table 1 as data.

Convolutions carry a bias and a ReLU and no BatchNormalization (it came a year later);
local response normalization follows the stem as in the authors' Caffe model; dropout 0.4
before the classifier. Global average pooling replaces the 7x7 average pooling, which is
the same on a 224x224 input and lets smaller inputs through.

Padding follows Caffe's bvlc_googlenet: the 7x7/2 first convolution pads 3 pixels on every
side (ZeroPadding2D(3) and a "valid" convolution: Keras' "same" would pad 2 above and 3
below); the 3x3/2 max poolings keep a last partial window (Caffe's ceil mode), which "same"
gives exactly on the even-sized maps of a 224x224 input (112-56-28-14-7).

Two auxiliary classifiers (`aux_classifiers=True`, section 5) read inception_4a and
inception_4d: 5x5/3 average pooling, a 1x1 convolution to 128, a 1024-wide ReLU layer,
dropout 0.7, and a classifier.

Reference counts, 1000 classes at 224x224: 6,998,552 without and 13,378,280 with the
auxiliary classifiers (Caffe's bvlc_googlenet, layer by layer). torchvision's googlenet
differs (BatchNorm, and 3x3 convolutions in its "5x5" branch).
"""

from kerasnets.arguments import Family, Reference, check_aux_args, check_aux_options

FAMILY = Family(
    name="googlenet",
    title="GoogLeNet",
    paper="Szegedy et al., Going Deeper with Convolutions",
    year=2014,
    variants=("googlenet",),
    default_size=224,
    min_size=32,
)
OPTIONS = {"aux_classifiers": False, "dropout": 0.4}
REFERENCES = (
    Reference("googlenet", 6_998_552, "Caffe bvlc_googlenet, main classifier"),
    Reference("googlenet", 13_378_280, "Caffe bvlc_googlenet with both auxiliary classifiers",
              options={"aux_classifiers": True}),
)
AUX_MIN_SIZE = 65  # the 5x5 pooling of an auxiliary classifier needs a 5x5 inception_4a map

# Table 1: #1x1, #3x3 reduce, #3x3, #5x5 reduce, #5x5, pool proj
INCEPTION = {
    "3a": (64, 96, 128, 16, 32, 32),
    "3b": (128, 128, 192, 32, 96, 64),
    "4a": (192, 96, 208, 16, 48, 64),
    "4b": (160, 112, 224, 24, 64, 64),
    "4c": (128, 128, 256, 24, 64, 64),
    "4d": (112, 144, 288, 32, 64, 64),
    "4e": (256, 160, 320, 32, 128, 128),
    "5a": (256, 160, 320, 32, 128, 128),
    "5b": (384, 192, 384, 48, 128, 128),
}

check_options = check_aux_options


def min_size(aux_classifiers, dropout):
    return AUX_MIN_SIZE if aux_classifiers else FAMILY.min_size


def check_args(args, aux_classifiers, dropout):
    check_aux_args(FAMILY, args, aux_classifiers)
