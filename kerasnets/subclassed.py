"""Every kerasnets variant as a `keras.Model` subclass: `kerasnets.subclassed.resnet50(...)`.

Each builder is the function written in `kerasnets/zoo/<family>/subclassed.py`, beside the
model and block classes it instantiates, which are here too, for reading and subclassing.
"""

from kerasnets.zoo.alexnet.subclassed import AlexNet, alexnet
from kerasnets.zoo.bn_inception.subclassed import BNInception, InceptionBN, ReductionBN, bn_inception
from kerasnets.zoo.densenet.subclassed import (
    DenseLayer,
    DenseNet,
    Transition,
    densenet121,
    densenet161,
    densenet169,
    densenet201,
    densenet264,
)
from kerasnets.zoo.googlenet.subclassed import AuxiliaryClassifier, GoogLeNet, Inception, googlenet
from kerasnets.zoo.inception_resnet.subclassed import (
    InceptionResNet,
    InceptionResNetA,
    InceptionResNetB,
    InceptionResNetC,
    inception_resnet_v1,
    inception_resnet_v2,
)
from kerasnets.zoo.inception_v3.subclassed import (
    InceptionA,
    InceptionAux,
    InceptionB,
    InceptionC,
    InceptionV3,
    ReductionA,
    ReductionB,
    inception_v3,
)
from kerasnets.zoo.inception_v4.subclassed import InceptionV4, inception_v4
from kerasnets.zoo.lenet.subclassed import LeNet5, lenet5
from kerasnets.zoo.nin.subclassed import NiN, NiNBlock, nin
from kerasnets.zoo.resnet.subclassed import (
    BasicBlock,
    BottleneckBlock,
    ResNet,
    resnet18,
    resnet34,
    resnet50,
    resnet101,
    resnet152,
)
from kerasnets.zoo.resnext.subclassed import (
    ResNeXt,
    ResNeXtBlock,
    resnext101_32x8d,
    resnext101_64x4d,
    resnext50_32x4d,
)
from kerasnets.zoo.senet.subclassed import (
    SEBottleneck,
    SENet,
    SqueezeExcite,
    se_resnet50,
    se_resnet101,
    se_resnet152,
    se_resnext50_32x4d,
    se_resnext101_32x4d,
    senet154,
)
from kerasnets.zoo.vgg.subclassed import (
    VGG,
    VGGBlock,
    vgg11,
    vgg11_bn,
    vgg13,
    vgg13_bn,
    vgg16,
    vgg16_bn,
    vgg19,
    vgg19_bn,
)
from kerasnets.zoo.xception.subclassed import (
    DownsamplingBlock,
    MiddleBlock,
    SeparableConvBN,
    Xception,
    xception,
)
from kerasnets.zoo.zfnet.subclassed import ZFNet, zfnet

__all__ = [
    # the builders, one per variant
    "alexnet", "bn_inception", "densenet121", "densenet161", "densenet169", "densenet201",
    "densenet264", "googlenet", "inception_resnet_v1", "inception_resnet_v2", "inception_v3",
    "inception_v4", "lenet5", "nin", "resnet101", "resnet152", "resnet18", "resnet34", "resnet50",
    "resnext101_32x8d", "resnext101_64x4d", "resnext50_32x4d",
    "se_resnet101", "se_resnet152", "se_resnet50", "se_resnext101_32x4d", "se_resnext50_32x4d", "senet154", "vgg11", "vgg11_bn", "vgg13",
    "vgg13_bn", "vgg16", "vgg16_bn", "vgg19", "vgg19_bn", "xception", "zfnet",
    # the model and block classes
    "AlexNet", "AuxiliaryClassifier", "BNInception", "BasicBlock", "BottleneckBlock", "DenseLayer",
    "DenseNet", "DownsamplingBlock", "GoogLeNet", "Inception", "InceptionA", "InceptionAux",
    "InceptionB", "InceptionBN", "InceptionC", "InceptionResNet", "InceptionResNetA",
    "InceptionResNetB", "InceptionResNetC", "InceptionV3", "InceptionV4", "LeNet5", "MiddleBlock",
    "NiN", "NiNBlock", "ReductionA", "ReductionB", "ReductionBN", "ResNeXt", "ResNeXtBlock",
    "ResNet", "SEBottleneck", "SENet", "SeparableConvBN", "SqueezeExcite", "Transition", "VGG", "VGGBlock", "Xception", "ZFNet",
]
