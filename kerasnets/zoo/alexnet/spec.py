"""AlexNet (Krizhevsky, Sutskever and Hinton, 2012): the paper's Figure 2 and section 3.

Five convolutional layers (96, 256, 384, 384, 256 kernels of 11x11/4, 5x5, 3x3, 3x3, 3x3)
with a bias and a ReLU; local response normalization after conv1 and conv2; overlapping
3x3/2 max pooling after conv1, conv2 and conv5; then fc6 and fc7 (4096 units, dropout 0.5)
and the classifier. On the 227x227 input its 55x55 first map implies, pool5 is 6x6x256.

Reference counts, 1000 classes: 62,378,344 on one device; 60,965,224 with `grouped=True`,
the paper's two-GPU split of conv2, conv4 and conv5 (Caffe's bvlc_alexnet). Convolutions
are unpadded where the stride is 4, and padded symmetrically ("same", stride 1) elsewhere,
as in Caffe.
"""

from kerasnets.arguments import Family, Reference, check_bool, check_rate

FAMILY = Family(
    name="alexnet",
    title="AlexNet",
    paper="Krizhevsky et al., ImageNet Classification with Deep Convolutional Neural Networks",
    year=2012,
    variants=("alexnet",),
    default_size=227,
    min_size=67,
    fixed_head=True,
)
OPTIONS = {"grouped": False, "dropout": 0.5}
REFERENCES = (
    Reference("alexnet", 62_378_344, "paper's layer sizes on one device"),
    Reference("alexnet", 60_965_224, "Caffe bvlc_alexnet (two-GPU groups)", options={"grouped": True}),
)


def check_options(grouped, dropout):
    return {"grouped": check_bool(grouped, "grouped"), "dropout": check_rate(dropout, "dropout")}
