"""Mixed precision and XLA: GPU tools, off on CPU (DESIGN.md section 4)."""

import tensorflow as tf

PRECISIONS = ("auto", "float32", "mixed_float16", "mixed_bfloat16")


def gpu_compute_capabilities():
    capabilities = []
    for gpu in tf.config.list_physical_devices("GPU"):
        details = tf.config.experimental.get_device_details(gpu)
        capabilities.append(details.get("compute_capability", (0, 0)))
    return capabilities


def resolve_mixed_precision(value="auto"):
    """The dtype policy name: "auto" is bfloat16 on Ampere or newer GPUs, float16 (with
    loss scaling, which `compile` adds) on older ones, and float32 without a GPU."""
    if value in (True, False):
        value = "auto" if value else "float32"
    if value not in PRECISIONS:
        raise ValueError(f"Unknown mixed precision: mixed_precision={value!r}. Expected one of {list(PRECISIONS)}.")
    if value != "auto":
        return value
    capabilities = gpu_compute_capabilities()
    if not capabilities:
        return "float32"
    return "mixed_bfloat16" if min(capabilities) >= (8, 0) else "mixed_float16"


def resolve_jit_compile(value, strategy):
    """XLA on by default on GPU with one replica; off on CPU, where it was 3x slower for
    ResNet50 training here, and under multi-replica strategies, where Keras turns it off."""
    if value in (True, False):
        return value
    if value != "auto":
        raise ValueError(f"`jit_compile` must be True, False or 'auto'. Received: jit_compile={value!r}")
    return bool(tf.config.list_physical_devices("GPU")) and strategy.num_replicas_in_sync == 1
