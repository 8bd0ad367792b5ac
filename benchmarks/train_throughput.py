"""Training throughput of kerasnets against keras.applications, as a ratio, in one process.

For ResNet50 and InceptionV3 (and DenseNet121, VGG16 on request): the keras.applications model and the kerasnets
model in each style train on the same batch with the same optimizer, input size and dtype
policy. Runs alternate (the order rotates each round) and each figure is the median of the
rounds, so a slow moment of the machine falls on every model alike. Prints a table and
writes JSON. Any Keras backend; benchmarks/gpu_jax.py runs it on a GPU through JAX.

    python benchmarks/train_throughput.py --input-size 96 --batch-size 16 --rounds 5
"""

import argparse
import json
import os
import platform
import statistics
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402

import kerasnets  # noqa: E402

PAIRS = {"resnet50": "ResNet50", "inception_v3": "InceptionV3", "densenet121": "DenseNet121", "vgg16": "VGG16"}
MIN_SIZE = {"resnet50": 32, "inception_v3": 75, "densenet121": 32, "vgg16": 32}
DEFAULT_MODELS = ["resnet50", "inception_v3"]  # the CPU table in the README


def contenders(name, input_shape, classes):
    reference = getattr(keras.applications, PAIRS[name])
    models = {"keras.applications": reference(weights=None, input_shape=input_shape, classes=classes)}
    for style in kerasnets.STYLES:
        models[style] = kerasnets.build(name, style, input_shape=input_shape, classes=classes)
    for model in models.values():
        model.compile(optimizer=keras.optimizers.SGD(0.01, momentum=0.9),
                      loss="sparse_categorical_crossentropy")
    return models


def images_per_second(model, x, y, steps):
    start = time.perf_counter()
    for _ in range(steps):
        model.train_on_batch(x, y)
    return steps * len(x) / (time.perf_counter() - start)


def measure(name, input_size, batch_size, steps, rounds, classes=10):
    size = max(input_size, MIN_SIZE[name])
    shape = (size, size, 3)
    rng = np.random.default_rng(0)
    # On the device once: the steps then time the model, not a host-to-device copy.
    x = keras.ops.convert_to_tensor(rng.random((batch_size, *shape), dtype=np.float32))
    y = keras.ops.convert_to_tensor(rng.integers(0, classes, size=batch_size))
    models = contenders(name, shape, classes)
    for model in models.values():  # warm-up: traces the train step
        model.train_on_batch(x, y)
    samples = {label: [] for label in models}
    order = list(models)
    for round_index in range(rounds):
        rotated = order[round_index % len(order):] + order[:round_index % len(order)]
        for label in rotated:
            samples[label].append(images_per_second(models[label], x, y, steps))
    medians = {label: statistics.median(values) for label, values in samples.items()}
    reference = medians["keras.applications"]
    return {
        "model": name,
        "dtype_policy": keras.config.dtype_policy().name,
        "input_shape": list(shape),
        "batch_size": batch_size,
        "steps_per_round": steps,
        "rounds": rounds,
        "images_per_second": medians,
        "ratio_to_keras_applications": {label: value / reference for label, value in medians.items()},
    }


def report(run):
    print(f"\n{run['model']} {tuple(run['input_shape'])}, batch {run['batch_size']}, {run['dtype_policy']}, "
          f"median of {run['rounds']} rounds")
    print(f"  {'model':<20} {'images/s':>10} {'ratio':>7}")
    for label, value in run["images_per_second"].items():
        print(f"  {label:<20} {value:>10.1f} {run['ratio_to_keras_applications'][label]:>6.2f}x")


def run_all(models, input_size, batch_size, steps, rounds, out, machine):
    """Measures `models` in turn, prints each table and writes every figure to `out` (JSON)."""
    policy = keras.config.dtype_policy()
    results = {"machine": machine, "keras": keras.__version__, "backend": keras.backend.backend(),
               "dtype_policy": policy.name, "runs": []}
    for name in models:
        run = measure(name, input_size, batch_size, steps, rounds)
        results["runs"].append(run)
        report(run)
        keras.backend.clear_session()
        keras.config.set_dtype_policy(policy)  # clear_session resets the global policy to float32
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as handle:
        json.dump(results, handle, indent=2)
    print(f"\nwritten: {out} ({machine})")
    return results


def arguments(description, models, input_size, batch_size, out):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--models", nargs="+", default=models, choices=list(PAIRS))
    parser.add_argument("--input-size", type=int, default=input_size)
    parser.add_argument("--batch-size", type=int, default=batch_size)
    parser.add_argument("--steps", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "results", out))
    return parser


def main():
    args = arguments(__doc__.splitlines()[0], DEFAULT_MODELS, 96, 16, "train_throughput.json").parse_args()
    machine = f"{platform.machine()}, {os.cpu_count()} CPU cores, {platform.system()}"
    run_all(args.models, args.input_size, args.batch_size, args.steps, args.rounds, args.out, machine)


if __name__ == "__main__":
    main()
