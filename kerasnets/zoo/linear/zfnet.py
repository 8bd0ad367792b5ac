"""ZFNet (Zeiler and Fergus, 2013) as one list of layers: AlexNet, re-tuned by visualization.

The paper's Figure 3 on a 224x224 input: a 7x7 stride-2 first convolution (padded by one
pixel, which gives the paper's 110x110 map), a stride-2 5x5 second convolution, 3x3/2 max
pooling that keeps the border (Caffe's ceil mode, the figure's 55 and 13), contrast
normalization after the first two layers, and AlexNet's classifier with dropout 0.5.

Reference count, 1000 classes: 62,357,608, summed layer by layer from Figure 3.
"""

from keras import layers

from kerasnets.arguments import Family, Reference, check_rate
from kerasnets.layers import LocalResponseNormalization
from kerasnets.zoo.heads import classifier_layers

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


def network_layers(args, dropout=0.5):
    features = [
        layers.ZeroPadding2D(1, name="conv1_pad"),
        layers.Conv2D(96, 7, strides=2, activation="relu", name="conv1"),
        layers.MaxPooling2D(3, strides=2, padding="same", name="pool1"),
        LocalResponseNormalization(name="pool1_lrn"),
        layers.Conv2D(256, 5, strides=2, activation="relu", name="conv2"),
        layers.MaxPooling2D(3, strides=2, padding="same", name="pool2"),
        LocalResponseNormalization(name="pool2_lrn"),
        layers.Conv2D(384, 3, padding="same", activation="relu", name="conv3"),
        layers.Conv2D(384, 3, padding="same", activation="relu", name="conv4"),
        layers.Conv2D(256, 3, padding="same", activation="relu", name="conv5"),
        layers.MaxPooling2D(3, strides=2, name="pool5"),
    ]
    return features + classifier_layers(args, flatten=True, hidden=(4096, 4096), dropout=dropout)
