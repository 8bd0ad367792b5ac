"""The custom layers every style may use; everything else is plain `keras.layers`."""

from kerasnets.layers.augmentation import CheckChannels, MixBatch, RandomCropWithMargin
from kerasnets.layers.combinators import Gate, Parallel, Residual
from kerasnets.layers.conv_bn import ConvBN
from kerasnets.layers.lighting import PCALighting
from kerasnets.layers.normalization import LocalResponseNormalization

__all__ = ["CheckChannels", "ConvBN", "Gate", "LocalResponseNormalization", "MixBatch", "PCALighting", "Parallel",
           "RandomCropWithMargin", "Residual"]
