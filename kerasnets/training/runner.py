"""`kerasnets.train`: one call from a variant name (or a built model) and a data source to a
trained model, its history, its test evaluation and a run directory that survives a kill."""

import dataclasses
import hashlib
import json
import os
import sys
import time

import keras
import numpy as np
import tensorflow as tf

from kerasnets import registry
from kerasnets import callbacks as run_callbacks
from kerasnets import augment as augmentation
from kerasnets import recipes
from kerasnets.training import data as data_sources
from kerasnets.training import multi_worker, precision, strategies

FINISHED = "summary.json"  # written last: its presence marks a finished run
VOLATILE = ("strategy", "devices", "versions", "epochs")  # may differ when a run resumes


class TrainingDiverged(RuntimeError):
    """The loss became NaN or infinite; the run directory keeps the last good checkpoint."""


@dataclasses.dataclass
class FitRun:
    """Everything `train` decided before fitting: the checked arguments and the run's place."""

    built: object  # a keras.Model the user passed, or None to build `name` in `style`
    name: str
    style: str
    model_options: dict
    data: object  # a kerasnets.training.data.Data
    plan: object  # a kerasnets.recipes.Recipe
    strategy: object
    input_shape: tuple
    epochs: int
    batch_size: int
    jit: object
    seed: int
    checkpoint_every: object
    report_every: object
    run_dir: str
    chief: bool
    verbose: object
    log: object  # print on the chief, silent on the other workers


@dataclasses.dataclass
class TrainResult:
    model: keras.Model
    history: keras.callbacks.History
    evaluation: dict
    run_dir: str


def _check_positive_int(value, argument):
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"`{argument}` must be an integer >= 1. Received: {argument}={value!r}")
    return value


def weights_digest(model):
    """A short hash of every weight: equal digests, equal models."""
    digest = hashlib.sha256()
    for weight in model.get_weights():
        digest.update(np.ascontiguousarray(weight, dtype=np.float32).tobytes())
    return digest.hexdigest()[:12]


def choose_run_dir(out, base_name, config):
    """The unfinished run of the same configuration under `out` (to resume), or a new directory."""
    base = os.path.join(out, base_name)
    index = 1
    while True:
        path = base if index == 1 else f"{base}-{index}"
        if not os.path.exists(path):
            return path, False
        config_path = os.path.join(path, "config.json")
        if os.path.exists(config_path) and not os.path.exists(os.path.join(path, FINISHED)):
            with open(config_path) as handle:
                saved = json.load(handle)
            if {k: v for k, v in saved.items() if k not in VOLATILE} == \
               {k: v for k, v in config.items() if k not in VOLATILE}:
                return path, True
        index += 1


def _input_shape(model, input_size):
    """The input shape of the model to be built (a name) or of a built model."""
    if isinstance(model, str):
        spec = registry.spec_of(model)
        size = input_size or spec.FAMILY.default_size
        return (size, size, spec.FAMILY.channels)
    args = getattr(model, "args", None)  # a kerasnets subclassed model
    try:
        shape = tuple(model.inputs[0].shape[1:]) if model.inputs else tuple(args.input_shape)
    except (AttributeError, TypeError):
        shape = tuple(args.input_shape) if args is not None else None
    if shape is None or None in shape:
        raise ValueError(f"`model` must be built with a known input shape (height, width, channels). "
                         f"Received a model with input shape {shape}.")
    return shape


def train(model="lenet5", dataset="digits", *, style="functional", epochs=20, batch_size=64,
          input_size=None, classes=None, strategy="auto", mixed_precision="auto", jit_compile="auto",
          recipe="modern", augment=None, learning_rate=None, weight_decay=None, label_smoothing=None,
          aux_loss_weight=None, out="runs", seed=0, checkpoint_every=None, validation_data=None,
          model_options=None, report_every=5, verbose="auto"):
    """Trains `model` on `dataset` with `model.fit` under a tf.distribute strategy.

    model: a variant name (built in `style` with the data's class count) or a built model.
    dataset: "digits" (bundled), "mnist"/"fashion_mnist"/"cifar10"/"cifar100" (downloaded by
        keras.datasets), "tfds:NAME", an image folder, arrays (x, y) or a tf.data.Dataset.
    batch_size: the global batch, split over the replicas.
    classes: the number of classes; by default, one more than the largest label.
    recipe: a name in kerasnets.recipes.RECIPES; `augment`, `learning_rate`,
        `weight_decay`, `label_smoothing` and `aux_loss_weight` override it.
    out: the parent of the run directory; running the same call again resumes an
        unfinished run from its last checkpoint.
    checkpoint_every: also checkpoint every N steps (default: every epoch only).
    report_every: write the evaluation report (kerasnets.callbacks.EvaluationReport) on the
        validation split every N epochs and at the end; None turns it off.
    Returns a TrainResult(model, history, evaluation, run_dir).
    """
    if keras.backend.backend() != "tensorflow":
        raise RuntimeError(
            "kerasnets.train trains through tf.distribute and tf.data, which need Keras' TensorFlow "
            f"backend. Received: keras.backend.backend()={keras.backend.backend()!r}. Set "
            "KERAS_BACKEND=tensorflow, or write your own model.fit (examples/04_model_fit.ipynb), "
            "which runs on this backend.")
    # 1. Every argument is checked before anything is built, loaded or written.
    built = model if isinstance(model, keras.Model) else None
    if built is None:
        if not isinstance(model, str):
            raise ValueError(f"`model` must be a variant name or a keras.Model. Received: model={model!r}")
        registry.spec_of(model)
        registry.check_style(style)
    _check_positive_int(epochs, "epochs")
    if report_every is not None:
        _check_positive_int(report_every, "report_every")
    _check_positive_int(batch_size, "batch_size")
    if input_size is not None:
        _check_positive_int(input_size, "input_size")
    if checkpoint_every is not None:
        _check_positive_int(checkpoint_every, "checkpoint_every")
    plan = recipes.resolve_recipe(recipe, augment=augment, learning_rate=learning_rate,
                                  weight_decay=weight_decay, label_smoothing=label_smoothing,
                                  aux_loss_weight=aux_loss_weight)
    policy = precision.resolve_mixed_precision(mixed_precision)
    strategy = strategies.resolve_strategy(strategy)
    replicas = strategy.num_replicas_in_sync
    if batch_size < replicas or batch_size % replicas:
        raise ValueError(f"`batch_size` is the global batch: it must be at least the number of "
                         f"replicas ({replicas}) and a multiple of it. Received: batch_size={batch_size}")
    jit = precision.resolve_jit_compile(jit_compile, strategy)
    input_shape = _input_shape(model, input_size)
    size, channels = input_shape[0], input_shape[-1]
    augmentation.check_preset(plan.augment, channels, argument="augment")
    if classes is not None:
        _check_positive_int(classes, "classes")

    keras.utils.set_random_seed(seed)
    data = data_sources.load_data(dataset, image_size=size, channels=channels, seed=seed,
                                  validation_data=validation_data, classes=classes)
    if built is not None:
        width = keras.tree.flatten(built.compute_output_spec(keras.KerasTensor((1, *input_shape))))[0].shape[-1]
        if width != data.num_classes:
            raise ValueError(f"`model` predicts {width} classes but the data has {data.num_classes} "
                             f"(labels 0 to {data.num_classes - 1}).")

    name = model if built is None else built.name
    config = {
        "model": name, "style": style if built is None else type(built).__name__,
        "model_options": model_options or {}, "dataset": data.name, "classes": data.num_classes,
        "input_shape": list(input_shape), "epochs": epochs, "batch_size": batch_size, "seed": seed,
        "recipe": dataclasses.asdict(plan), "mixed_precision": policy, "jit_compile": jit,
        "checkpoint_every": checkpoint_every, "strategy": strategies.describe(strategy),
        "versions": {"keras": keras.__version__, "tensorflow": tf.__version__},
    }
    run_dir, resuming = choose_run_dir(out, f"{name}-{data.name}".replace("/", "_").replace(":", "_"), config)
    chief = multi_worker.is_chief(strategy)
    log = print if chief else (lambda *a, **k: None)
    if chief:
        os.makedirs(run_dir, exist_ok=True)
        with open(os.path.join(run_dir, "config.json"), "w") as handle:
            json.dump(config, handle, indent=2)
    log(f"kerasnets: {'resuming' if resuming else 'new'} run {run_dir}")
    log(f"kerasnets: strategy {strategies.describe(strategy)}; precision {policy}; jit_compile {jit}")

    previous_policy = keras.mixed_precision.global_policy()
    keras.mixed_precision.set_global_policy(policy)
    try:
        return _fit(FitRun(built=built, name=name, style=style, model_options=model_options or {}, data=data,
                           plan=plan, strategy=strategy, input_shape=input_shape, epochs=epochs,
                           batch_size=batch_size, jit=jit, seed=seed, checkpoint_every=checkpoint_every,
                           report_every=report_every, run_dir=run_dir, chief=chief, verbose=verbose, log=log))
    finally:
        keras.mixed_precision.set_global_policy(previous_policy)


def _fit(run):
    """Builds (or takes) the model in the strategy's scope, compiles it, fits it with the run's
    callbacks, evaluates it on the test split and saves it: the second half of `train`."""
    built, name, data, plan, strategy = run.built, run.name, run.data, run.plan, run.strategy
    input_shape, epochs, batch_size, run_dir, chief, log = (
        run.input_shape, run.epochs, run.batch_size, run.run_dir, run.chief, run.log)
    one_hot = augmentation.mixes_labels(plan.augment)
    with strategy.scope():
        model = built or registry.build(name, run.style, input_shape=input_shape, classes=data.num_classes,
                                        **run.model_options)
    outputs = recipes.model_outputs(model)
    output_names = sorted(outputs) if isinstance(outputs, dict) else None

    per_replica_drop = strategy.num_replicas_in_sync > 1
    pipeline = dict(size=input_shape[0], channels=input_shape[-1], batch_size=batch_size,
                    num_classes=data.num_classes, one_hot=one_hot, seed=run.seed, output_names=output_names)
    options = tf.data.Options()
    options.experimental_distribute.auto_shard_policy = tf.data.experimental.AutoShardPolicy.DATA
    train_ds = data_sources.make_pipeline(data.train, training=True, augment=plan.augment,
                                          drop_remainder=per_replica_drop, **pipeline).with_options(options)
    val_ds, test_ds = (None if split is None else evaluation_pipeline(
        split, data.sizes.get(key), strategy.num_replicas_in_sync, pipeline, options)
        for key, split in (("validation", data.validation), ("test", data.test)))
    steps_per_epoch = int(train_ds.cardinality().numpy())
    if steps_per_epoch < 1:
        steps_per_epoch = max(1, data.sizes.get("train", batch_size) // batch_size)

    with strategy.scope():
        model.compile(**recipes.compile_args(plan, model, steps_per_epoch, epochs, one_hot=one_hot), jit_compile=run.jit)
        multi_worker.prepare_compiled_model(model, strategy)

        guard = run_callbacks.NaNGuard()
        backup = run_callbacks.RunBackup(os.path.join(run_dir, "checkpoints"), guard,
                                         save_freq=run.checkpoint_every or "epoch", is_chief=chief)
        interrupt = run_callbacks.SaveOnInterrupt(backup)
        callbacks = [guard, backup, interrupt]
        if chief:
            callbacks += [keras.callbacks.CSVLogger(os.path.join(run_dir, "history.csv"), append=True),
                          keras.callbacks.TensorBoard(os.path.join(run_dir, "tensorboard"))]
        if run.report_every and val_ds is not None and not multi_worker.is_multi_worker(strategy):
            callbacks.append(run_callbacks.EvaluationReport(
                val_ds, every=run.report_every, out_dir=os.path.join(run_dir, "report"),
                class_names=data.class_names, tensorboard_dir=os.path.join(run_dir, "tensorboard"),
                history_csv=os.path.join(run_dir, "history.csv")))
        verbose = run.verbose
        if verbose == "auto":  # a live progress bar on a terminal, one line per epoch elsewhere
            verbose = (1 if sys.stdout.isatty() else 2) if chief else 0
        start = time.perf_counter()
        try:
            history = model.fit(train_ds, validation_data=val_ds, epochs=epochs, callbacks=callbacks,
                                verbose=verbose, shuffle=False)  # the pipeline shuffles
        except KeyboardInterrupt:
            interrupt.restore_handler()
            log(f"\nkerasnets: interrupted; state saved in {run_dir}. Run the same command to resume.")
            raise
        seconds = time.perf_counter() - start
        if guard.where is not None:
            epoch, batch = guard.where
            raise TrainingDiverged(
                f"The loss became NaN or infinite at epoch {epoch}, batch {batch}: training stopped. "
                f"The last good checkpoint is kept in {os.path.join(run_dir, 'checkpoints')}. Try a "
                "lower learning rate (learning_rate=... / --learning-rate).")
        evaluation = model.evaluate(test_ds, verbose=0, return_dict=True) if test_ds is not None else {}

    evaluation = _flat_evaluation(evaluation)
    trained_epochs = len(history.epoch)
    images = trained_epochs * steps_per_epoch * batch_size
    evaluation.update({
        "top5_error": 1.0 - evaluation.get("top5_accuracy", float("nan")),
        "train_seconds": seconds, "images_per_second": images / seconds if seconds else float("nan"),
        "epochs": epochs, "weights_sha256": weights_digest(model),
    })
    if chief:
        model.save(os.path.join(run_dir, "model.keras"))
        with open(os.path.join(run_dir, FINISHED), "w") as handle:
            json.dump(evaluation, handle, indent=2)
    else:  # saving reads distributed variables, which takes every worker
        with run_callbacks.scratch_dir() as scratch:
            model.save(os.path.join(scratch, "model.keras"))
    print(f"kerasnets: {name} test accuracy {evaluation.get('accuracy', float('nan')):.2%}, "
        f"top-5 error {evaluation['top5_error']:.2%}, {seconds:.1f} s, "
        f"{evaluation['images_per_second']:.0f} images/s, weights {evaluation['weights_sha256']} -> {run_dir}")
    return TrainResult(model, history, evaluation, run_dir)


def evaluation_batch(batch_size, samples, replicas):
    """The batch for validation and test under `replicas` replicas.

    Keras 3.15 with TF 2.21 fails on a batch that leaves a replica without a sample, and
    on a first batch that splits unevenly: so the batch is a multiple of the replicas, and
    the partial last batch, if any, holds at least one sample per replica. Returns
    (batch, drop_remainder); the remainder is dropped only when no batch size avoids it.
    """
    if replicas == 1 or not samples:
        return batch_size, False
    for batch in range(min(batch_size, samples // replicas * replicas), 0, -replicas):
        if samples % batch == 0 or samples % batch >= replicas:
            return batch, False
    return replicas, True


def evaluation_pipeline(split, samples, replicas, pipeline, options):
    batch, drop = evaluation_batch(pipeline["batch_size"], samples, replicas)
    return data_sources.make_pipeline(split, training=False, drop_remainder=drop,
                                      **{**pipeline, "batch_size": batch}).with_options(options)


def _flat_evaluation(evaluation):
    """`predictions_accuracy` -> `accuracy` for models with auxiliary outputs; floats only."""
    flat = {}
    for key, value in evaluation.items():
        key = key[len("predictions_"):] if key.startswith("predictions_") else key
        flat[key] = float(np.asarray(value).reshape(-1)[0])
    return flat


