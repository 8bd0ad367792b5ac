"""`weights="imagenet"`: a builder's model filled with its variant's published weights.

timm's weights go into any style by parameter name (`load_state_dict`). keras.applications'
go into a functional model of the same variant (the model itself when it is functional),
whose graph lists its layers as the source's does, and `transfer_weights` takes them from
there to the other styles.
"""

import keras

from kerasnets.arguments import KERAS
from kerasnets.registry import build
from kerasnets.transfer import transfer_weights
from kerasnets.weights import keras_applications, timm_files
from kerasnets.weights.catalog import pretrained_of
from kerasnets.weights.state_dict import load_state_dict
from kerasnets.zoo.subclassing import ImageClassifier


def is_functional(model):
    return not isinstance(model, (keras.Sequential, ImageClassifier))


def functional_twin(args):
    """The functional model of the same variant and arguments, without weights."""
    return build(args.variant, "functional", include_top=args.include_top, input_shape=args.input_shape,
                 pooling=args.pooling, classes=args.classes, classifier_activation=args.classifier_activation,
                 name=f"{args.name}_graph", **args.options)


def load_imagenet(model, args):
    """Fills `model` (built from the checked `args`, weights="imagenet") with the weights."""
    pretrained = pretrained_of(args.variant)
    if pretrained.source != KERAS:
        return load_state_dict(model, timm_files.state_dict(pretrained))
    source = keras_applications.fetch(pretrained, args.include_top)
    if is_functional(model):
        return keras_applications.load_keras_application(model, source)
    return transfer_weights(keras_applications.load_keras_application(functional_twin(args), source), model)
