"""VGG (Simonyan and Zisserman, 2014) as one list of layers, from the paper's Table 1.

Each configuration is a row of widths, "M" for a 2x2 max pooling. The `_bn` variants put
BatchNormalization between each convolution and its ReLU and keep the convolution's bias,
as torchvision does. Dropout 0.5 follows fc1 and fc2, as in the paper.

Reference counts, 1000 classes at 224x224: keras.applications VGG16/VGG19 (weights=None,
total) for vgg16/vgg19, torchvision's published counts (parameters = trainable) for the rest.
"""

from keras import layers

from kerasnets.arguments import Family, Reference, check_rate
from kerasnets.zoo.heads import classifier_layers

CONFIGS = {
    "A": (64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"),
    "B": (64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"),
    "D": (64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"),
    "E": (64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M",
          512, 512, 512, 512, "M", 512, 512, 512, 512, "M"),
}
VARIANTS = {  # name: (Table 1 column, batch normalization)
    "vgg11": ("A", False), "vgg13": ("B", False), "vgg16": ("D", False), "vgg19": ("E", False),
    "vgg11_bn": ("A", True), "vgg13_bn": ("B", True), "vgg16_bn": ("D", True), "vgg19_bn": ("E", True),
}
FAMILY = Family(
    name="vgg",
    title="VGG",
    paper="Simonyan and Zisserman, Very Deep Convolutional Networks for Large-Scale Image Recognition",
    year=2014,
    variants=tuple(VARIANTS),
    default_size=224,
    min_size=32,
    fixed_head=True,
)
OPTIONS = {"dropout": 0.5}
KERAS_APPLICATIONS = {"vgg16": "VGG16", "vgg19": "VGG19"}
REFERENCES = (
    Reference("vgg11", 132_863_336, "torchvision vgg11", counts="trainable"),
    Reference("vgg13", 133_047_848, "torchvision vgg13", counts="trainable"),
    Reference("vgg11_bn", 132_868_840, "torchvision vgg11_bn", counts="trainable"),
    Reference("vgg13_bn", 133_053_736, "torchvision vgg13_bn", counts="trainable"),
    Reference("vgg16_bn", 138_365_992, "torchvision vgg16_bn", counts="trainable"),
    Reference("vgg19_bn", 143_678_248, "torchvision vgg19_bn", counts="trainable"),
)


def check_options(dropout):
    return {"dropout": check_rate(dropout, "dropout")}


def network_layers(args, dropout=0.5):
    config, batch_norm = VARIANTS[args.variant]
    features, block, conv = [], 1, 1
    for width in CONFIGS[config]:
        if width == "M":
            features.append(layers.MaxPooling2D(2, name=f"block{block}_pool"))
            block, conv = block + 1, 1
            continue
        name = f"block{block}_conv{conv}"
        if batch_norm:
            features += [
                layers.Conv2D(width, 3, padding="same", name=name),
                layers.BatchNormalization(name=f"{name}_bn"),
                layers.ReLU(name=f"{name}_relu"),
            ]
        else:
            features.append(layers.Conv2D(width, 3, padding="same", activation="relu", name=name))
        conv += 1
    return features + classifier_layers(args, flatten=True, hidden=(4096, 4096), dropout=dropout)
