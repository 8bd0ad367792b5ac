"""The one place where kerasnets works around Keras 3.15 for MultiWorkerMirroredStrategy.

`model.fit` under MultiWorkerMirroredStrategy fails out of the box on Keras 3.15
(keras-team/keras#20585, unanswered upstream), twice:
1. `TensorFlowTrainer._maybe_symbolic_build` reduces the first (x, y) batch with
   `strategy.reduce("MEAN", ...)`, which cannot convert a PerReplica batch to a tensor.
   (Under MirroredStrategy the same reduction fails when a first batch splits unevenly
   over the replicas; the runner sizes evaluation batches so that none does.) Clearing the model's captured strategy after `compile` skips that early build; the
   model is then built when the train step is traced, so `fit` must run inside the
   strategy's scope (where `tf.distribute.get_strategy()` is the strategy again).
2. `reduce_per_replica` reduces every log with `axis=0` for multi-worker collectives,
   which fails on scalar losses and metrics. The train and test steps therefore return
   each log with a leading axis of one, which that reduction then removes.

Both lean on Keras internals: the private `_distribute_strategy` attribute, and the
shape of the logs that the trainer reduces. The Keras version bounds in pyproject.toml
and the two-process test (tests/test_multi_worker.py) pin them.
"""

import tensorflow as tf
from keras import ops


def is_multi_worker(strategy):
    return isinstance(strategy, tf.distribute.MultiWorkerMirroredStrategy) or (
        isinstance(strategy, tf.distribute.experimental.MultiWorkerMirroredStrategy)
    )


def is_chief(strategy):
    """True on the worker that writes files: the only one outside multi-worker runs."""
    if not is_multi_worker(strategy):
        return True
    resolver = strategy.cluster_resolver
    if resolver.task_type == "chief":
        return True
    has_chief = "chief" in resolver.cluster_spec().as_dict()
    return not has_chief and resolver.task_type == "worker" and resolver.task_id == 0


def _with_leading_axis(step):
    def step_with_rank1_logs(data):
        return {key: ops.expand_dims(value, 0) for key, value in step(data).items()}

    return step_with_rank1_logs


def prepare_compiled_model(model, strategy):
    """Applies both workarounds to a model compiled in `strategy.scope()`; else a no-op."""
    if not is_multi_worker(strategy):
        return model
    model._distribute_strategy = None  # 1: defer the symbolic build to tracing
    model.train_step = _with_leading_axis(model.train_step)  # 2: logs the reduction can reduce
    model.test_step = _with_leading_axis(model.test_step)
    return model
