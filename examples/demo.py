"""The kerasnets demo: one network in three styles side by side, then LeNet-5 trained on
scikit-learn's bundled digits (no download). Run with `make demo`."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

import kerasnets  # noqa: E402


def side_by_side(name, input_shape):
    print(f"\n{name} at {input_shape}, in the three styles:")
    print(f"  {'style':<11} {'model class':<12} {'trainable':>12} {'non-trainable':>14} {'top layers':>10}")
    for style in kerasnets.STYLES:
        model = kerasnets.build(name, style, input_shape=input_shape, classes=10)
        trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
        print(f"  {style:<11} {type(model).__name__:<12} {trainable:>12,} {model.count_params() - trainable:>14,} "
              f"{len(model.layers):>10}")


def digits_as_lenet_inputs(seed=0):
    """8x8 digits in [0, 16] -> 32x32x1 in [0, 1]; a fixed, stratified 80/20 split."""
    digits = load_digits()
    x = digits.images.astype("float32")[..., None] / 16.0
    x = np.asarray(keras.ops.image.resize(x, (32, 32)))
    return train_test_split(x, digits.target, test_size=0.2, stratify=digits.target, random_state=seed)


def main():
    for name, shape in (("resnet50", (224, 224, 3)), ("inception_v3", (299, 299, 3))):
        side_by_side(name, shape)

    keras.utils.set_random_seed(0)
    x_train, x_test, y_train, y_test = digits_as_lenet_inputs()
    model = kerasnets.functional.lenet5(classes=10, modern=True)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    print(f"\nTraining LeNet-5 on scikit-learn's digits: {len(x_train)} train, {len(x_test)} test images")
    model.fit(x_train, y_train, batch_size=32, epochs=10, validation_split=0.1, verbose=2)
    loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
    print(f"\nLeNet-5 test accuracy on digits: {accuracy:.1%} (loss {loss:.3f})")


if __name__ == "__main__":
    main()
