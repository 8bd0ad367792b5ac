"""Network in Network (Lin, Chen and Yan, 2013) as one list of layers.

Four NiN blocks, each a spatial convolution followed by two 1x1 convolutions (the "mlpconv"
layer: a small MLP slid over the image), with ReLU after each. The last block has one
channel per class, and global average pooling replaces fully connected layers. Sizes are
those of the authors' ImageNet model (Caffe model zoo, NIN-Imagenet), with dropout 0.5
before the last block.

Reference count, 1000 classes: 7,595,176, summed from that model's layers.
"""

from keras import layers

from kerasnets.arguments import Family, Reference, check_rate
from kerasnets.zoo.heads import pooling_layers, predictions_layer

FAMILY = Family(
    name="nin",
    title="NiN",
    paper="Lin et al., Network In Network",
    year=2013,
    variants=("nin",),
    default_size=224,
    min_size=67,
)
OPTIONS = {"dropout": 0.5}
REFERENCES = (Reference("nin", 7_595_176, "authors' Caffe NIN-Imagenet model, layer by layer"),)
BLOCKS = (  # (block, width, kernel size, strides)
    (1, 96, 11, 4),
    (2, 256, 5, 1),
    (3, 384, 3, 1),
)


def check_options(dropout):
    return {"dropout": check_rate(dropout, "dropout")}


def nin_block(block, width, kernel_size, strides=1, classes=None):
    """A kxk convolution and two 1x1 convolutions; the last one may map to the classes."""
    padding = "valid" if strides > 1 else "same"
    return [
        layers.Conv2D(width, kernel_size, strides=strides, padding=padding, activation="relu",
                      name=f"block{block}_conv"),
        layers.Conv2D(width, 1, activation="relu", name=f"block{block}_mlp1"),
        layers.Conv2D(classes or width, 1, activation="relu", name=f"block{block}_mlp2"),
    ]


def network_layers(args, dropout=0.5):
    features = []
    for block, width, kernel_size, strides in BLOCKS:
        features += nin_block(block, width, kernel_size, strides)
        features.append(layers.MaxPooling2D(3, strides=2, name=f"block{block}_pool"))
    if not args.include_top:
        return features + pooling_layers(args.pooling)
    top = [layers.Dropout(dropout, name="dropout")] if dropout else []
    return features + top + nin_block(4, 1024, 3, classes=args.classes) + [
        layers.GlobalAveragePooling2D(name="avg_pool"),
        predictions_layer(args),
    ]
