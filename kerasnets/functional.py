"""Every kerasnets variant as a functional `keras.Model`: `kerasnets.functional.resnet50(...)`.

Each builder is the function written in `kerasnets/zoo/<family>/functional.py`, where the
network is spelled out block by block; `inspect.getsource` and Jupyter's `??` show it.
"""

from kerasnets.zoo.alexnet.functional import alexnet
from kerasnets.zoo.bn_inception.functional import bn_inception
from kerasnets.zoo.densenet.functional import (
    densenet121,
    densenet161,
    densenet169,
    densenet201,
    densenet264,
)
from kerasnets.zoo.googlenet.functional import googlenet
from kerasnets.zoo.inception_resnet.functional import inception_resnet_v1, inception_resnet_v2
from kerasnets.zoo.inception_v3.functional import inception_v3
from kerasnets.zoo.inception_v4.functional import inception_v4
from kerasnets.zoo.lenet.functional import lenet5
from kerasnets.zoo.nin.functional import nin
from kerasnets.zoo.resnet.functional import resnet18, resnet34, resnet50, resnet101, resnet152
from kerasnets.zoo.resnext.functional import resnext101_32x8d, resnext101_64x4d, resnext50_32x4d
from kerasnets.zoo.senet.functional import (
    se_resnet50,
    se_resnet101,
    se_resnet152,
    se_resnext50_32x4d,
    se_resnext101_32x4d,
    senet154,
)
from kerasnets.zoo.vgg.functional import (
    vgg11,
    vgg13,
    vgg16,
    vgg19,
    vgg11_bn,
    vgg13_bn,
    vgg16_bn,
    vgg19_bn,
)
from kerasnets.zoo.xception.functional import xception
from kerasnets.zoo.zfnet.functional import zfnet

__all__ = [
    "alexnet", "bn_inception", "densenet121", "densenet161", "densenet169", "densenet201",
    "densenet264", "googlenet", "inception_resnet_v1", "inception_resnet_v2", "inception_v3",
    "inception_v4", "lenet5", "nin", "resnet101", "resnet152", "resnet18", "resnet34", "resnet50",
    "resnext101_32x8d", "resnext101_64x4d", "resnext50_32x4d",
    "se_resnet101", "se_resnet152", "se_resnet50", "se_resnext101_32x4d", "se_resnext50_32x4d", "senet154", "vgg11", "vgg11_bn", "vgg13",
    "vgg13_bn", "vgg16", "vgg16_bn", "vgg19", "vgg19_bn", "xception", "zfnet",
]
