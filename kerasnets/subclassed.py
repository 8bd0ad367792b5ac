"""Every kerasnets variant as a `keras.Model` subclass: `kerasnets.subclassed.resnet50(...)`.

The classes themselves are here too, for reading and for subclassing: `ResNet`,
`ResidualBlock`, `GoogLeNet`, `InceptionV3`, `InceptionBlock`, `LeNet5`, `AlexNet`, `ZFNet`,
`VGG`, `NiN`.
"""

from kerasnets.registry import list_models, variant_builder
from kerasnets.zoo.inception.subclassed import GoogLeNet, InceptionBlock, InceptionV3
from kerasnets.zoo.linear.subclassed import VGG, AlexNet, LeNet5, NiN, ZFNet
from kerasnets.zoo.resnet.subclassed import ResidualBlock, ResNet

for _name in list_models():
    globals()[_name] = variant_builder(_name, "subclassed")

MODEL_CLASSES = ["AlexNet", "GoogLeNet", "InceptionBlock", "InceptionV3", "LeNet5", "NiN",
                 "ResNet", "ResidualBlock", "VGG", "ZFNet"]
__all__ = list_models() + MODEL_CLASSES
del _name
