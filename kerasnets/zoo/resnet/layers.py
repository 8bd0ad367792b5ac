"""The primitive layers of ResNet, made by one set of functions for all three styles."""

from keras import layers

from kerasnets.zoo.resnet.spec import BN_EPSILON, conv_units


def conv_bn(name, filters, kernel, strides, conv_bias):
    """`<name>_conv` and `<name>_bn`: a convolution and its BatchNormalization."""
    padding = "same" if kernel > 1 else "valid"
    return [
        layers.Conv2D(filters, kernel, strides=strides, padding=padding, use_bias=conv_bias,
                      name=f"{name}_conv"),
        layers.BatchNormalization(epsilon=BN_EPSILON, name=f"{name}_bn"),
    ]


def main_path(block, conv_bias):
    """The residual branch: conv-BN-ReLU units, the last one without its ReLU."""
    path = []
    units = conv_units(block)
    for suffix, filters, kernel, strides in units:
        path += conv_bn(f"{block.name}_{suffix}", filters, kernel, strides, conv_bias)
        if suffix != units[-1][0]:
            path.append(layers.Activation("relu", name=f"{block.name}_{suffix}_relu"))
    return path


def shortcut_path(block, conv_bias):
    """The projection shortcut `<block>_0_conv/_0_bn`, or None for the identity."""
    if not block.project:
        return None
    return conv_bn(f"{block.name}_0", block.out_channels, 1, block.strides, conv_bias)


def stem(conv_bias):
    return [
        layers.ZeroPadding2D(3, name="conv1_pad"),
        layers.Conv2D(64, 7, strides=2, use_bias=conv_bias, name="conv1_conv"),
        layers.BatchNormalization(epsilon=BN_EPSILON, name="conv1_bn"),
        layers.Activation("relu", name="conv1_relu"),
        layers.ZeroPadding2D(1, name="pool1_pad"),
        layers.MaxPooling2D(3, strides=2, name="pool1_pool"),
    ]
