"""Run by tests/test_backends.py in a fresh process under another Keras backend, with
TensorFlow made unimportable, as on a machine that has only JAX (or PyTorch):

    KERAS_BACKEND=jax python tests/backend_check.py builds NAME... OUT_DIR
    KERAS_BACKEND=jax python tests/backend_check.py parity IN_DIR OUT_DIR
    KERAS_BACKEND=jax python tests/backend_check.py api OUT_DIR

`builds NAME... OUT_DIR`: those variants in every style at the smallest input, one forward pass each,
and two `fit` steps for each family's first variant.
`parity`: for the models the TensorFlow side saved in IN_DIR (a `.weights.h5` per style, a
`.keras` file and the inputs), each style's outputs with those weights, the `.keras` file's outputs,
`transfer_weights` across the styles, a few `fit` steps, the streaming metrics on fixed
arrays, and a `.keras` file written here for TensorFlow to load. `api`: compare, show_source,
the augmentation presets and classification_report. Writes JSON and NumPy files
into OUT_DIR; the test compares them with TensorFlow's.
"""

import json
import os
import sys

import no_tensorflow  # first: blocks `import tensorflow` from here on (the script's folder is on sys.path)

import keras  # noqa: E402
import numpy as np  # noqa: E402

import kerasnets  # noqa: E402
from kerasnets.registry import SPECS, spec_of  # noqa: E402


def min_shape(name):
    spec = spec_of(name)
    size = spec.min_size(**spec.OPTIONS) if hasattr(spec, "min_size") else spec.FAMILY.min_size
    return (size, size, spec.FAMILY.channels)


def outputs(model, x):
    return keras.ops.convert_to_numpy(model(x, training=False))


def fit_steps(model, shape):
    """Two steps of plain SGD on a batch of 8: the losses, and whether the outputs moved.

    Eight, not two: BatchNormalization over the 1x1 last grid of a network at its smallest
    input sees one value per image, and two make a degenerate batch whose first step can
    throw the weights far; on PyTorch the next step's batch variance then cancels to a
    negative number and the loss to NaN (the README's note on PyTorch's `moments`).
    """
    x = np.random.default_rng(1).random((8, *shape), dtype=np.float32)
    before = outputs(model, x)
    model.compile(optimizer=keras.optimizers.SGD(0.01), loss="sparse_categorical_crossentropy")
    history = model.fit(x, np.arange(len(x)) % 3, batch_size=len(x), epochs=2, verbose=0).history
    return {"loss": history["loss"], "changed": not np.allclose(outputs(model, x), before)}


def builds(*names_and_out_dir):
    """Every style of each variant: one forward pass; and the functional model of the first
    (smallest) variant of each family trains two steps."""
    keras.utils.set_random_seed(0)  # the same initial weights and dropout masks each run
    first_of_each_family = {spec.FAMILY.variants[0] for spec in SPECS.values()}
    results = {}
    for name in names_and_out_dir[:-1]:
        shape = min_shape(name)
        x = np.random.default_rng(0).random((2, *shape), dtype=np.float32)
        for style in kerasnets.STYLES:
            model = kerasnets.build(name, style, input_shape=shape, classes=3)
            y = outputs(model, x)
            results[f"{name}/{style}"] = {"shape": list(y.shape), "finite": bool(np.isfinite(y).all()),
                                          "params": model.count_params()}
            if style == "functional" and name in first_of_each_family:
                results[f"{name}/fit"] = fit_steps(model, shape)
        keras.backend.clear_session()
    try:
        kerasnets.train("lenet5")
    except ModuleNotFoundError as error:
        results["train_error"] = str(error)
    return results


def api(out_dir):
    """The rest of what the README says runs on any backend: compare, show_source, the
    augmentation presets as layers, and classification_report on a model's own outputs."""
    table = kerasnets.compare("lenet5", classes=3, batch_size=2, repeats=1)
    results = {"compare": {row["style"]: row["max_abs_diff_vs_functional"] for row in table.rows},
               "compare_train_step_s": [row["train_step_s"] for row in table.rows],
               "show_source": "def lenet5(" in str(kerasnets.show_source("lenet5", "subclassed"))}
    rng = np.random.default_rng(0)
    x = rng.random((4, 32, 32, 3), dtype=np.float32)
    for preset in ("flip_crop", "alexnet", "randaugment"):
        layer = kerasnets.augment.pipeline(preset, 32, seed=0)
        trained = keras.ops.convert_to_numpy(layer(x, training=True))
        inferred = keras.ops.convert_to_numpy(layer(x, training=False))
        results[preset] = {"shape": list(trained.shape), "changed": not np.allclose(trained, x),
                           "unchanged_at_inference": bool(np.array_equal(inferred, x))}
    labels = np.eye(3, dtype=np.float32)[[0, 1, 2, 0]]
    mixed, mixed_labels = kerasnets.augment.pipeline("mixup", 32, seed=0)(x, labels, training=True)
    mixed_labels = keras.ops.convert_to_numpy(mixed_labels)
    results["mixup"] = {"changed": not np.allclose(keras.ops.convert_to_numpy(mixed), x),
                        "label_sums": mixed_labels.sum(axis=1).tolist()}
    model = kerasnets.build("lenet5", "functional", input_shape=(32, 32, 1), classes=3)
    images = rng.random((6, 32, 32, 1), dtype=np.float32)
    results["report_top1"] = kerasnets.metrics.classification_report([0, 1, 2, 0, 1, 2], model(images))["accuracy"]
    results["expected_top1"] = float(np.mean(keras.ops.convert_to_numpy(model(images)).argmax(1) == [0, 1, 2, 0, 1, 2]))
    far_from_zero = keras.ops.convert_to_tensor(np.array([[9999.0], [10001.0]], dtype=np.float32))
    _, variance = keras.ops.moments(far_from_zero, axes=[0])  # what BatchNormalization uses in training
    results["batch_variance_of_9999_and_10001"] = float(keras.ops.convert_to_numpy(variance)[0])
    return results


def parity(in_dir, out_dir):
    with open(os.path.join(in_dir, "cases.json")) as handle:
        cases = json.load(handle)
    results = {}
    for name, case in cases.items():
        x = np.load(os.path.join(in_dir, f"{name}.x.npy"))
        shape = tuple(case["shape"])
        models = {}
        for style in kerasnets.STYLES:
            models[style] = kerasnets.build(name, style, input_shape=shape, classes=3)
            models[style].load_weights(os.path.join(in_dir, f"{name}.{style}.weights.h5"))
            np.save(os.path.join(out_dir, f"{name}.{style}.npy"), outputs(models[style], x))
        loaded = keras.models.load_model(os.path.join(in_dir, f"{name}.keras"))
        np.save(os.path.join(out_dir, f"{name}.loaded.npy"), outputs(loaded, x))
        # transfer_weights into a fresh subclassed model, on this backend
        fresh = kerasnets.build(name, "subclassed", input_shape=shape, classes=3)
        kerasnets.transfer_weights(models["functional"], fresh)
        np.save(os.path.join(out_dir, f"{name}.transferred.npy"), outputs(fresh, x))
        # a few steps of fit, and a .keras file for TensorFlow to load
        model = models["functional"]
        model.compile(optimizer=keras.optimizers.SGD(0.01), loss="sparse_categorical_crossentropy", jit_compile=False,
                      metrics=[kerasnets.metrics.TopKError(2), kerasnets.metrics.Precision(3, average="macro")])
        labels = np.arange(len(x)) % 3
        history = model.fit(x, labels, batch_size=len(x), epochs=3, verbose=0).history
        results[name] = {"loss": history["loss"], "backend": keras.backend.backend()}
        model.save(os.path.join(out_dir, f"{name}.trained.keras"))
        np.save(os.path.join(out_dir, f"{name}.trained.npy"), outputs(model, x))
        keras.backend.clear_session()
    rng = np.random.default_rng(0)
    y, scores = rng.integers(0, 5, 120), rng.random((120, 5)).astype("float32")
    metrics = [kerasnets.metrics.ConfusionMatrix(5), kerasnets.metrics.Precision(5, average="macro"),
               kerasnets.metrics.Recall(5, average="macro"), kerasnets.metrics.MeanIoU(5),
               kerasnets.metrics.TopKError(3), kerasnets.metrics.AveragePrecision(5, num_thresholds=1000)]
    for start in range(0, 120, 50):  # uneven batches
        for metric in metrics:
            metric.update_state(y[start:start + 50], scores[start:start + 50])
    results["metrics"] = {metric.name: keras.ops.convert_to_numpy(metric.result()).tolist() for metric in metrics}
    return results


if __name__ == "__main__":
    command, *paths = sys.argv[1:]
    results = {"builds": builds, "parity": parity, "api": api}[command](*paths)
    results["tensorflow_imported"] = no_tensorflow.imported()
    results["backend"] = keras.backend.backend()
    with open(os.path.join(paths[-1], f"{command}.json"), "w") as handle:
        json.dump(results, handle)
