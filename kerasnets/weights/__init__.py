"""Published ImageNet weights for the zoo, in all three styles.

    model = kerasnets.functional.resnet50(weights="imagenet")       # or sequential, subclassed
    x = kerasnets.preprocess_input("resnet50", images)              # RGB in [0, 255]
    kerasnets.decode_predictions(model.predict(x), top=5)

`available()` lists the variants that have weights, with their source, licence, reported
top-1 and preprocessing (the facts live in each family's spec, as PRETRAINED).
`load_keras_application(model, source)` is the converter the loader uses for
keras.applications' models; it also moves the weights of one you trained yourself.
`load_state_dict(model, state_dict)` is the one for PyTorch's (timm, torchvision), by
parameter name.
"""

from kerasnets.weights.catalog import available
from kerasnets.weights.keras_applications import load_keras_application
from kerasnets.weights.preprocessing import decode_predictions, imagenet_classes, preprocess_input
from kerasnets.weights.state_dict import load_state_dict

__all__ = ["available", "decode_predictions", "imagenet_classes", "load_keras_application", "load_state_dict",
           "preprocess_input"]
