"""BN-Inception (Ioffe and Szegedy, 2015), "Inception-v2" in the course: the network of the
paper's Figure 5 table, as the authors' Caffe model released it.

GoogLeNet with two changes of the paper's section 4: BatchNormalization after every
convolution, and each 5x5 convolution replaced by two 3x3 in series ("double 3x3"). The
modules 3c and 4e halve the grid: they have no 1x1 branch, their 3x3 convolutions have a
stride of 2, and their max pooling is passed through without a projection. Dropout is gone
(section 4.2.1: "Remove Dropout"); `dropout` puts it back before the classifier.

Choices, as the Caffe model (Cadene's pretrainedmodels `bninception`) has them:
- convolutions keep their bias, and BatchNormalization has epsilon 1e-5;
- every padding is symmetric: the 7x7/2 first convolution pads 3 on every side, the
  stride-2 3x3 convolutions of 3c and 4e pad 1 (ZeroPadding2D and a "valid" convolution);
- the 3x3 average pooling of a module averages over its zero padding (Caffe and PyTorch's
  count_include_pad): ZeroPadding2D(1) then a "valid" AveragePooling2D, where Keras' "same"
  would divide by the number of real pixels only;
- the stride-2 max poolings keep a last partial window (Caffe's ceil mode), which Keras'
  "same" gives on the even-sized maps the Caffe model accepts (224x224: 112-56-28-14-7).

Reference count, 1000 classes: 11,295,240 parameters (trainable), Cadene's bninception.
"""

from kerasnets.arguments import Family, Reference, check_rate

FAMILY = Family(
    name="bn_inception",
    title="BN-Inception",
    paper="Ioffe and Szegedy, Batch Normalization: Accelerating Deep Network Training by Reducing "
          "Internal Covariate Shift",
    year=2015,
    variants=("bn_inception",),
    default_size=224,
    min_size=32,
)
OPTIONS = {"dropout": 0.0}
REFERENCES = (
    Reference("bn_inception", 11_295_240, "Caffe BN-Inception (Cadene's pretrainedmodels bninception)",
              counts="trainable"),
)
BN_EPSILON = 1e-5  # the Caffe model's

# Figure 5: #1x1, #3x3 reduce, #3x3, double #3x3 reduce, double #3x3, pool, pool proj
INCEPTION = {
    "3a": (64, 64, 64, 64, 96, "avg", 32),
    "3b": (64, 64, 96, 64, 96, "avg", 64),
    "4a": (224, 64, 96, 96, 128, "avg", 128),
    "4b": (192, 96, 128, 96, 128, "avg", 128),
    "4c": (160, 128, 160, 128, 160, "avg", 128),
    "4d": (96, 128, 192, 160, 192, "avg", 128),
    "5a": (352, 192, 320, 160, 224, "avg", 128),
    "5b": (352, 192, 320, 192, 224, "max", 128),
}
# The stride-2 modules of Figure 5: #3x3 reduce, #3x3, double #3x3 reduce, double #3x3
# (max pooling, passed through).
REDUCTION = {
    "3c": (128, 160, 64, 96),
    "4e": (128, 192, 192, 256),
}


def check_options(dropout):
    return {"dropout": check_rate(dropout, "dropout")}
