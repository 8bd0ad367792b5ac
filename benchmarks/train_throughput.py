"""Training throughput of kerasnets against keras.applications, as a ratio, in one process.

For ResNet50 and InceptionV3: the keras.applications model and the kerasnets model in each
style train on the same batch with the same optimizer and input size. Runs alternate
(the order rotates each round) and each figure is the median of the rounds, so a slow
moment of the machine falls on every model alike. Prints a table and writes JSON.

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

PAIRS = {"resnet50": "ResNet50", "inception_v3": "InceptionV3"}
MIN_SIZE = {"resnet50": 32, "inception_v3": 75}


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
    x = rng.random((batch_size, *shape), dtype=np.float32)
    y = rng.integers(0, classes, size=batch_size)
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
        "input_shape": list(shape),
        "batch_size": batch_size,
        "steps_per_round": steps,
        "rounds": rounds,
        "images_per_second": medians,
        "ratio_to_keras_applications": {label: value / reference for label, value in medians.items()},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", nargs="+", default=list(PAIRS), choices=list(PAIRS))
    parser.add_argument("--input-size", type=int, default=96)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--steps", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "results", "train_throughput.json"))
    args = parser.parse_args()

    machine = f"{platform.machine()}, {os.cpu_count()} CPU cores, {platform.system()}"
    results = {"machine": machine, "keras": keras.__version__, "backend": keras.backend.backend(), "runs": []}
    for name in args.models:
        run = measure(name, args.input_size, args.batch_size, args.steps, args.rounds)
        results["runs"].append(run)
        print(f"\n{name} {tuple(run['input_shape'])}, batch {run['batch_size']}, median of {run['rounds']} rounds")
        print(f"  {'model':<20} {'images/s':>10} {'ratio':>7}")
        for label, value in run["images_per_second"].items():
            print(f"  {label:<20} {value:>10.1f} {run['ratio_to_keras_applications'][label]:>6.2f}x")
        keras.backend.clear_session()
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as handle:
        json.dump(results, handle, indent=2)
    print(f"\nwritten: {args.out} ({machine})")


if __name__ == "__main__":
    main()
