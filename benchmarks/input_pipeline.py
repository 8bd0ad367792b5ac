"""Does the input pipeline keep the model fed? Images per second that `make_pipeline`
delivers (digits, resized and augmented as in training) against images per second that
the model consumes in training steps, measured in one process; median of several rounds.

    python benchmarks/input_pipeline.py
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
from kerasnets.training import data  # noqa: E402

CASES = [  # (model, input size, augmentation preset)
    ("lenet5", 32, "none"),
    ("resnet18", 64, "flip_crop"),
    ("resnet50", 96, "randaugment"),
]


def pipeline_rate(splits, size, channels, batch, augment, batches):
    stream = data.make_pipeline(splits.train, size=size, channels=channels, batch_size=batch, training=True,
                                augment=augment, num_classes=splits.num_classes).repeat()
    iterator = iter(stream)
    for _ in range(20):  # fills the cache and the prefetch buffer
        next(iterator)
    start = time.perf_counter()
    for _ in range(batches):
        next(iterator)
    return batches * batch / (time.perf_counter() - start)


def model_rate(name, size, channels, batch, steps):
    model = kerasnets.build(name, "functional", input_shape=(size, size, channels), classes=10)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    x = np.random.default_rng(0).random((batch, size, size, channels), dtype=np.float32)
    y = np.zeros(batch, dtype=np.int64)
    model.train_on_batch(x, y)
    start = time.perf_counter()
    for _ in range(steps):
        model.train_on_batch(x, y)
    return steps * batch / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "results", "input_pipeline.json"))
    args = parser.parse_args()
    splits = data.load_digits_splits()
    machine = f"{platform.machine()}, {os.cpu_count()} CPU cores, {platform.system()}"
    results = {"machine": machine, "batch_size": args.batch_size, "cases": []}
    print(f"{'model':<10} {'input':>6} {'augment':<12} {'pipeline img/s':>15} {'model img/s':>12} {'ratio':>7}")
    for name, size, augment in CASES:
        channels = kerasnets.registry.spec_of(name).FAMILY.channels
        feed, eat = [], []
        for _ in range(args.rounds):  # alternate, so a slow moment falls on both
            feed.append(pipeline_rate(splits, size, channels, args.batch_size, augment, batches=40))
            eat.append(model_rate(name, size, channels, args.batch_size, steps=5))
            keras.backend.clear_session()
        case = {"model": name, "input_size": size, "augment": augment,
                "pipeline_images_per_second": statistics.median(feed),
                "model_images_per_second": statistics.median(eat)}
        case["ratio"] = case["pipeline_images_per_second"] / case["model_images_per_second"]
        results["cases"].append(case)
        print(f"{name:<10} {size:>6} {augment:<12} {case['pipeline_images_per_second']:>15.0f} "
              f"{case['model_images_per_second']:>12.0f} {case['ratio']:>6.1f}x")
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as handle:
        json.dump(results, handle, indent=2)
    print(f"written: {args.out} ({machine})")


if __name__ == "__main__":
    main()
