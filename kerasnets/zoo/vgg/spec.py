"""VGG (Simonyan and Zisserman, 2014): the configurations of the paper's Table 1.

Each configuration is a row of five blocks; a block is the widths of its 3x3 convolutions
(stride 1, padded by one: "same"), and ends with a 2x2/2 max pooling. Dropout 0.5 follows
fc6 and fc7 (named fc1 and fc2, as in keras.applications). The `_bn` variants put
BatchNormalization between each convolution and its ReLU and keep the convolution's bias,
as torchvision does, with its epsilon (1e-5, where Keras' default is 1e-3): its published
weights then give its outputs. timm keeps torchvision's fc1 and fc2 as 7x7 and 1x1
convolutions over the last map; here they are Dense layers after a Flatten of that 7x7x512
map, equal at 224x224 once the 7x7 kernel is flattened in Keras' order (rows, columns, channels).

Reference counts, 1000 classes at 224x224: keras.applications VGG16/VGG19 (weights=None,
total; the same layer names, so the same outputs once their weights are moved in) for
vgg16/vgg19, torchvision's published counts (parameters = trainable) for the rest.
"""

from kerasnets.arguments import KERAS, TIMM_HUB, Family, Pretrained, Reference, check_rate

CONFIGS = {  # Table 1, columns A, B, D and E: the widths of each block's convolutions
    "A": ((64,), (128,), (256, 256), (512, 512), (512, 512)),
    "B": ((64, 64), (128, 128), (256, 256), (512, 512), (512, 512)),
    "D": ((64, 64), (128, 128), (256, 256, 256), (512, 512, 512), (512, 512, 512)),
    "E": ((64, 64), (128, 128), (256, 256, 256, 256), (512, 512, 512, 512), (512, 512, 512, 512)),
}
BN_EPSILON = 1e-5  # torchvision's
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
# keras.applications' ports of the VGG team's Caffe models, and torchvision's (timm's copies on
# the Hub, whose fc1 and fc2 are 7x7 and 1x1 convolutions). fc1 fixes the input at 224x224 with the top.
PRETRAINED = {
    "vgg16": Pretrained(KERAS, "VGG16", "CC BY 4.0 (Oxford VGG)", top1=71.3, size=224, preprocessing="caffe"),
    "vgg19": Pretrained(KERAS, "VGG19", "CC BY 4.0 (Oxford VGG)", top1=71.3, size=224, preprocessing="caffe"),
    **{variant: Pretrained(TIMM_HUB, f"timm/{variant}.tv_in1k", "BSD-3-Clause (torchvision)", top1=top1, size=224,
                           preprocessing="torch")
       for variant, top1 in [("vgg11", 69.02), ("vgg13", 69.93), ("vgg11_bn", 70.37), ("vgg13_bn", 71.59),
                             ("vgg16_bn", 73.36), ("vgg19_bn", 74.22)]},
}
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
