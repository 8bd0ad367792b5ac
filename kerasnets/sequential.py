"""Every kerasnets variant as a `keras.Sequential`: `kerasnets.sequential.resnet50(...)`.

Each builder is the function written in `kerasnets/zoo/<family>/sequential.py`, where the
network is spelled out as one stack; `inspect.getsource` and Jupyter's `??` show it.
"""

from kerasnets.zoo.alexnet.sequential import alexnet
from kerasnets.zoo.bn_inception.sequential import bn_inception
from kerasnets.zoo.densenet.sequential import (
    densenet121,
    densenet161,
    densenet169,
    densenet201,
    densenet264,
)
from kerasnets.zoo.googlenet.sequential import googlenet
from kerasnets.zoo.inception_resnet.sequential import inception_resnet_v1, inception_resnet_v2
from kerasnets.zoo.inception_v3.sequential import inception_v3
from kerasnets.zoo.inception_v4.sequential import inception_v4
from kerasnets.zoo.lenet.sequential import lenet5
from kerasnets.zoo.nin.sequential import nin
from kerasnets.zoo.resnet.sequential import resnet18, resnet34, resnet50, resnet101, resnet152
from kerasnets.zoo.resnext.sequential import resnext101_32x8d, resnext101_64x4d, resnext50_32x4d
from kerasnets.zoo.senet.sequential import (
    se_resnet50,
    se_resnet101,
    se_resnet152,
    se_resnext50_32x4d,
    se_resnext101_32x4d,
    senet154,
)
from kerasnets.zoo.vgg.sequential import (
    vgg11,
    vgg13,
    vgg16,
    vgg19,
    vgg11_bn,
    vgg13_bn,
    vgg16_bn,
    vgg19_bn,
)
from kerasnets.zoo.xception.sequential import xception
from kerasnets.zoo.zfnet.sequential import zfnet

__all__ = [
    "alexnet", "bn_inception", "densenet121", "densenet161", "densenet169", "densenet201",
    "densenet264", "googlenet", "inception_resnet_v1", "inception_resnet_v2", "inception_v3",
    "inception_v4", "lenet5", "nin", "resnet101", "resnet152", "resnet18", "resnet34", "resnet50",
    "resnext101_32x8d", "resnext101_64x4d", "resnext50_32x4d",
    "se_resnet101", "se_resnet152", "se_resnet50", "se_resnext101_32x4d", "se_resnext50_32x4d", "senet154", "vgg11", "vgg11_bn", "vgg13",
    "vgg13_bn", "vgg16", "vgg16_bn", "vgg19", "vgg19_bn", "xception", "zfnet",
]
