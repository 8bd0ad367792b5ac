"""Network in Network (Lin, Chen and Yan, 2013): the authors' ImageNet model as a table.

Four NiN blocks, each an "mlpconv" layer: a spatial convolution followed by two 1x1
convolutions (a small MLP slid over the image), with a ReLU after each. 3x3/2 max pooling
follows the first three blocks; the last block has one channel per class, and global
average pooling replaces the fully connected layers. Sizes are those of the authors'
Caffe model (model zoo, NIN-Imagenet), with dropout 0.5 before the last block.

Pooling floors here (Keras "valid"), where Caffe's pooling keeps a last partial window
(ceil mode): at 224x224 the maps are 54-26-12-5 here and 54-27-13-6 in Caffe. The count
does not depend on it, and no published weights are loaded into this network.

Reference count, 1000 classes: 7,595,176, summed from that model's layers.
"""

from kerasnets.arguments import Family, Reference, check_rate

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

# NiN block: (width, kernel size, stride) of its spatial convolution; its two 1x1 have the same width.
BLOCKS = {
    "block1": (96, 11, 4),
    "block2": (256, 5, 1),
    "block3": (384, 3, 1),
    "block4": (1024, 3, 1),  # its last 1x1 convolution has one channel per class instead
}


def check_options(dropout):
    return {"dropout": check_rate(dropout, "dropout")}
