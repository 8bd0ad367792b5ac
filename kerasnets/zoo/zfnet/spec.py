"""ZFNet (Zeiler and Fergus, 2013): AlexNet re-tuned by visualization, the paper's Figure 3.

On a 224x224 input: a 7x7/2 first convolution padded by one pixel on every side (the
figure's 110x110 map; written as ZeroPadding2D(1) and a "valid" convolution), 3x3/2 max
pooling that keeps the border (Caffe's ceil mode: the figure's 55 and 13, which "same"
gives exactly on these even-sized maps), contrast normalization after the first two layers,
a 5x5/2 unpadded second convolution, and AlexNet's classifier with dropout 0.5.

Reference count, 1000 classes: 62,357,608, summed layer by layer from Figure 3.
"""

from kerasnets.arguments import Family, Reference, check_rate

FAMILY = Family(
    name="zfnet",
    title="ZFNet",
    paper="Zeiler and Fergus, Visualizing and Understanding Convolutional Networks",
    year=2013,
    variants=("zfnet",),
    default_size=224,
    min_size=53,
    fixed_head=True,
)
OPTIONS = {"dropout": 0.5}
REFERENCES = (Reference("zfnet", 62_357_608, "paper Fig. 3, summed layer by layer"),)


def check_options(dropout):
    return {"dropout": check_rate(dropout, "dropout")}
