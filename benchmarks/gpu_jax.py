"""Training throughput on a GPU through the JAX backend: bfloat16 mixed precision and XLA.

For the lent GPU machine, which has JAX but no TensorFlow: the project travels with wheels
of Keras and its light dependencies, and kerasnets imports no TensorFlow on this backend.
ResNet50, InceptionV3 and DenseNet121, each in every kerasnets style and as
keras.applications' model, train on the same batch (train_on_batch, XLA-compiled by Keras on
JAX) under the "mixed_bfloat16" policy; the figures are medians of alternating rounds
(benchmarks/train_throughput.py) and are written as JSON with the device's name.

    KERAS_BACKEND=jax python benchmarks/gpu_jax.py                    # 224x224, batch 128
    KERAS_BACKEND=jax python benchmarks/gpu_jax.py --models vgg16 --input-size 32 --batch-size 2 --steps 1 --rounds 1  # CPU check
"""

import os
import platform
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("XLA_PYTHON_CLIENT_PREALLOCATE", "false")  # memory grows as used: nothing else runs

import keras  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_throughput  # noqa: E402

MODELS = ["resnet50", "inception_v3", "densenet121"]


def device_name():
    import jax

    device = jax.devices()[0]
    return f"{device.platform}: {getattr(device, 'device_kind', device)}; {platform.machine()}, {os.cpu_count()} CPU cores"


def main():
    parser = train_throughput.arguments(__doc__.splitlines()[0], MODELS, 224, 128, "gpu_jax.json")
    args = parser.parse_args()
    if keras.backend.backend() != "jax":
        parser.error(f"KERAS_BACKEND must be 'jax' for this benchmark, got {keras.backend.backend()!r}")
    keras.config.set_dtype_policy("mixed_bfloat16")
    train_throughput.run_all(args.models, args.input_size, args.batch_size, args.steps, args.rounds, args.out,
                             device_name())


if __name__ == "__main__":
    main()
