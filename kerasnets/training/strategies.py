"""Which `tf.distribute` strategy a run uses, and how the run describes it in its log."""

import json
import os

import tensorflow as tf

NAMES = ("auto", "default", "one_device", "mirrored", "multi_worker")


def tf_config_cluster():
    """The cluster that TF_CONFIG names, or None when it names none."""
    raw = os.environ.get("TF_CONFIG")
    if not raw:
        return None
    try:
        cluster = json.loads(raw).get("cluster") or {}
    except json.JSONDecodeError as error:
        raise ValueError(f"TF_CONFIG is not valid JSON. Received: TF_CONFIG={raw!r}") from error
    workers = sum(len(cluster.get(role, [])) for role in ("chief", "worker"))
    return cluster if workers > 1 else None


def tpu_configured():
    return bool(os.environ.get("TPU_NAME") or os.environ.get("COLAB_TPU_ADDR"))


def resolve_strategy(strategy="auto"):
    """A `tf.distribute.Strategy` for `strategy`: a name in NAMES or an instance, used as given.

    "auto": TPUStrategy when a TPU is configured, MultiWorkerMirroredStrategy when
    TF_CONFIG names a cluster, MirroredStrategy over all GPUs when there are two or more,
    OneDeviceStrategy on one GPU, and the default strategy on CPU.
    """
    if isinstance(strategy, tf.distribute.Strategy):
        return strategy
    if strategy not in NAMES:
        raise ValueError(f"Unknown strategy: strategy={strategy!r}. Expected one of {list(NAMES)} "
                         "or a tf.distribute.Strategy instance.")
    # Physical, not logical, devices: listing logical ones starts the runtime, after which
    # MultiWorkerMirroredStrategy can no longer configure its collective ops.
    gpus = tf.config.list_physical_devices("GPU")
    if strategy == "auto":
        if tpu_configured():
            resolver = tf.distribute.cluster_resolver.TPUClusterResolver()
            tf.config.experimental_connect_to_cluster(resolver)
            tf.tpu.experimental.initialize_tpu_system(resolver)
            return tf.distribute.TPUStrategy(resolver)
        if tf_config_cluster():
            return tf.distribute.MultiWorkerMirroredStrategy()
        strategy = "mirrored" if len(gpus) > 1 else "one_device" if gpus else "default"
    if strategy == "multi_worker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    if strategy == "mirrored":
        return tf.distribute.MirroredStrategy()
    if strategy == "one_device":
        return tf.distribute.OneDeviceStrategy("/gpu:0" if gpus else "/cpu:0")
    return tf.distribute.get_strategy()


def describe(strategy):
    """One line for the log: the strategy's class, its replicas and its devices."""
    try:
        devices = list(strategy.extended.worker_devices)
    except RuntimeError:  # the default strategy has no device list: TensorFlow places ops
        devices = ["the default device"]
    name = type(strategy).__name__
    if isinstance(strategy, tf.distribute.MultiWorkerMirroredStrategy):
        name = "MultiWorkerMirroredStrategy"  # its class is CollectiveAllReduceStrategy
    elif name == "_DefaultDistributionStrategy":
        name = "default strategy"
    return f"{name}: {strategy.num_replicas_in_sync} replica(s) on {', '.join(devices)}"
