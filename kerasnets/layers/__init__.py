"""The custom layers every style may use; everything else is plain `keras.layers`."""

from kerasnets.layers.combinators import Parallel, Residual
from kerasnets.layers.conv_bn import ConvBN
from kerasnets.layers.lighting import PCALighting
from kerasnets.layers.normalization import LocalResponseNormalization

__all__ = ["ConvBN", "LocalResponseNormalization", "PCALighting", "Parallel", "Residual"]
