"""`kerasnets.train` on the bundled digits: the run directory, the data sources, the
augmentation presets, the recipes, the NaN guard and every bad argument."""

import json
import os

import keras
import numpy as np
import pytest
import tensorflow as tf

import kerasnets
from kerasnets.layers import PCALighting
from kerasnets import augment, recipes
from kerasnets.training import TrainingDiverged, data, train


def quick(tmp_path, **kwargs):
    kwargs.setdefault("epochs", 1)
    kwargs.setdefault("verbose", 0)
    return train(kwargs.pop("model", "lenet5"), kwargs.pop("dataset", "digits"), out=str(tmp_path), **kwargs)


def test_digits_run_writes_everything(tmp_path):
    result = quick(tmp_path, epochs=2)
    assert result.run_dir == str(tmp_path / "lenet5-digits")
    assert sorted(os.listdir(result.run_dir)) == [
        "checkpoints", "config.json", "history.csv", "model.keras", "report", "summary.json", "tensorboard"]
    config = json.loads((tmp_path / "lenet5-digits" / "config.json").read_text())
    assert config["model"] == "lenet5" and config["classes"] == 10 and config["input_shape"] == [32, 32, 1]
    assert config["recipe"]["optimizer"] == "adamw"
    summary = json.loads((tmp_path / "lenet5-digits" / "summary.json").read_text())
    assert summary == pytest.approx(result.evaluation)
    assert 0.0 <= result.evaluation["accuracy"] <= 1.0
    assert result.evaluation["top5_error"] == pytest.approx(1 - result.evaluation["top5_accuracy"])
    assert len(result.history.history["loss"]) == 2
    reloaded = keras.models.load_model(os.path.join(result.run_dir, "model.keras"))
    x = np.zeros((2, 32, 32, 1), "float32")
    np.testing.assert_allclose(reloaded.predict(x, verbose=0), result.model.predict(x, verbose=0), rtol=1e-5)


def test_a_second_finished_run_gets_its_own_directory(tmp_path):
    first = quick(tmp_path)
    second = quick(tmp_path)
    assert first.run_dir != second.run_dir and second.run_dir.endswith("lenet5-digits-2")


def test_digits_split_is_fixed_and_stratified():
    first = data.load_digits_splits()
    second = data.load_digits_splits()
    assert (first.sizes["train"], first.sizes["validation"], first.sizes["test"]) == (1258, 270, 269)
    labels = lambda split: np.concatenate([y for _, y in split.batch(2000).as_numpy_iterator()])  # noqa: E731
    np.testing.assert_array_equal(labels(first.test), labels(second.test))
    counts = np.bincount(labels(first.test), minlength=10)
    assert counts.min() >= 25 and counts.max() <= 29  # 15% of each class of ~180


def test_trains_a_built_model_from_arrays_and_a_tf_dataset(tmp_path):
    rng = np.random.default_rng(0)
    x, y = rng.integers(0, 255, (80, 20, 20, 3), dtype=np.uint8), rng.integers(0, 4, 80)
    model = kerasnets.subclassed.resnet18(input_shape=(32, 32, 3), classes=4)
    result = quick(tmp_path / "a", model=model, dataset=(x, y), batch_size=16)
    assert result.model is model and result.evaluation["accuracy"] >= 0
    batched = tf.data.Dataset.from_tensor_slices((x.astype("float32") / 255, y)).batch(10)
    result = quick(tmp_path / "b", model="lenet5", dataset=batched, batch_size=16, input_size=32)
    assert json.loads(open(os.path.join(result.run_dir, "config.json")).read())["classes"] == 4


def write_image_folder(root, classes=("cat", "dog"), per_class=6, bad=None):
    rng = np.random.default_rng(0)
    for label in classes:
        os.makedirs(root / label, exist_ok=True)
        for index in range(per_class):
            png = tf.io.encode_png(rng.integers(0, 255, (12, 12, 3), dtype=np.uint8))
            (root / label / f"{index}.png").write_bytes(png.numpy())
    if bad:
        (root / classes[0] / bad).write_bytes(b"not an image")
    return root


def test_trains_from_an_image_folder(tmp_path):
    folder = write_image_folder(tmp_path / "pets")
    result = quick(tmp_path / "runs", model="lenet5", dataset=str(folder), batch_size=4)
    assert result.run_dir.endswith("lenet5-pets")


def test_image_folder_without_images_or_with_an_unreadable_file(tmp_path):
    (tmp_path / "empty" / "a").mkdir(parents=True)
    with pytest.raises(ValueError, match=r"holds no images"):
        quick(tmp_path / "runs", dataset=str(tmp_path / "empty"))
    folder = write_image_folder(tmp_path / "broken", bad="notes.png")
    with pytest.raises(ValueError, match=r"notes.png.*not a readable"):
        quick(tmp_path / "runs", dataset=str(folder))
    assert not (tmp_path / "runs").exists()


def test_keras_dataset_offline_is_a_clear_error(tmp_path, monkeypatch):
    def offline():
        raise OSError("network unreachable")

    monkeypatch.setattr(keras.datasets.mnist, "load_data", offline)
    with pytest.raises(ValueError, match=r"dataset='mnist'.*download failed.*offline"):
        quick(tmp_path, dataset="mnist")


@pytest.mark.parametrize("kwargs, message", [
    ({"model": "resnet51"}, r"name='resnet51'"),
    ({"style": "keras"}, r"style='keras'"),
    ({"dataset": "imagenet21k"}, r"dataset='imagenet21k'"),
    ({"strategy": "horovod"}, r"strategy='horovod'"),
    ({"augment": "mosaic"}, r"augment='mosaic'"),
    ({"recipe": "bert"}, r"recipe='bert'"),
    ({"epochs": 0}, r"epochs=0"),
    ({"batch_size": 0}, r"batch_size=0"),
    ({"classes": 5}, r"\[0, 5\) for classes=5"),
    ({"augment": "alexnet"}, r"augment='alexnet'.*RGB"),
    ({"mixed_precision": "fp8"}, r"mixed_precision='fp8'"),
])
def test_bad_arguments_fail_before_anything_is_written(tmp_path, kwargs, message):
    (tmp_path / "lenet5-digits").mkdir()
    (tmp_path / "lenet5-digits" / "keep.txt").write_text("mine")
    with pytest.raises(ValueError, match=message):
        quick(tmp_path, **kwargs)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["keep.txt", "lenet5-digits"]


def test_labels_out_of_range_for_a_built_model(tmp_path):
    model = kerasnets.functional.lenet5(classes=3)
    with pytest.raises(ValueError, match=r"predicts 3 classes but the data has 10"):
        quick(tmp_path, model=model)


class NaNAfter(keras.layers.Layer):
    """Lets `steps` training steps through, then outputs NaN: a divergence on cue."""

    def __init__(self, steps, **kwargs):
        super().__init__(**kwargs)
        self.steps = steps
        self.count = self.add_weight(shape=(), initializer="zeros", trainable=False, name="count")

    def call(self, x, training=None):
        if training:
            self.count.assign_add(1.0)
        poison = keras.ops.where(self.count > self.steps, float("nan"), 0.0)
        return x + poison


def test_nan_loss_stops_the_run_and_keeps_the_last_good_checkpoint(tmp_path):
    inputs = keras.Input((32, 32, 1))
    outputs = NaNAfter(25)(kerasnets.functional.lenet5(classes=10)(inputs))  # 20 steps per epoch
    model = keras.Model(inputs, outputs, name="fragile")
    with pytest.raises(TrainingDiverged, match=r"epoch 2, batch 6.*last good checkpoint"):
        quick(tmp_path, model=model, epochs=3)
    checkpoints = tmp_path / "fragile-digits" / "checkpoints"
    assert json.loads((checkpoints / "training_metadata.json").read_text())["epoch"] == 1
    model.load_weights(checkpoints / "latest.weights.h5")
    assert all(np.all(np.isfinite(w)) for w in model.get_weights() if w.ndim)
    assert not (tmp_path / "fragile-digits" / "summary.json").exists()


@pytest.mark.parametrize("preset", augment.PRESETS)
def test_augmentation_presets_make_training_batches(preset):
    splits = data.load_digits_splits()
    channels = 3 if preset == "alexnet" else 1
    batches = data.make_pipeline(splits.train, size=32, channels=channels, batch_size=8, training=True,
                                 augment=preset, num_classes=10, one_hot=augment.mixes_labels(preset))
    images, labels = next(iter(batches))
    assert images.shape == (8, 32, 32, channels)
    if augment.mixes_labels(preset):
        assert labels.shape == (8, 10)
        np.testing.assert_allclose(labels.numpy().sum(axis=1), 1.0, rtol=1e-5)
    else:
        assert labels.shape == (8,)


def test_mixup_trains_with_one_hot_labels_and_a_categorical_loss(tmp_path):
    result = quick(tmp_path, augment="mixup")
    assert result.model.loss.__class__.__name__ == "CategoricalCrossentropy"


def test_keras_cv_preset_uses_a_keras_cv_layer(tmp_path):
    import keras_cv  # `make test` installs the cv extra

    assert isinstance(augment.keras_cv_layer("RandomFlip"), keras_cv.layers.RandomFlip)
    result = quick(tmp_path, augment="keras_cv:RandomFlip", report_every=None)
    assert json.loads(open(os.path.join(result.run_dir, "config.json")).read())["recipe"]["augment"] == "keras_cv:RandomFlip"
    with pytest.raises(ValueError, match=r"has no layer 'NoSuchLayer'"):
        quick(tmp_path / "b", augment="keras_cv:NoSuchLayer")
    with pytest.raises(ValueError, match=r"keras_cv.layers.RandAugment needs arguments"):
        quick(tmp_path / "c", augment="keras_cv:RandAugment")


def test_keras_cv_preset_without_keras_cv_is_a_clear_error(tmp_path, monkeypatch):
    import importlib

    real_import = importlib.import_module
    monkeypatch.setattr(importlib, "import_module", lambda name, *a: (_ for _ in ()).throw(ImportError(name))
                        if name == "keras_cv" else real_import(name, *a))
    with pytest.raises(ValueError, match=r"keras_cv:RandomFlip.*pip install 'kerasnets\[cv\]'"):
        quick(tmp_path, augment="keras_cv:RandomFlip")


def test_pca_lighting_shifts_each_image_by_one_colour():
    images = np.full((4, 5, 5, 3), 0.5, "float32")
    layer = PCALighting(0.1, seed=1)
    out = np.asarray(layer(images, training=True))
    shift = out - images
    np.testing.assert_allclose(shift, np.broadcast_to(shift[:, :1, :1, :], shift.shape), atol=1e-7)
    assert np.all(np.abs(shift[:, 0, 0, :]).sum(axis=1) > 0)
    np.testing.assert_array_equal(np.asarray(layer(images, training=False)), images)


@pytest.mark.parametrize("name", sorted(recipes.RECIPES))
def test_every_recipe_builds_its_optimizer(name):
    recipe = recipes.resolve_recipe(name)
    optimizer = recipes.make_optimizer(recipe, epochs=4, steps_per_epoch=10)
    assert optimizer.__class__.__name__.lower() == recipe.optimizer
    assert float(keras.ops.convert_to_numpy(optimizer.learning_rate)) == pytest.approx(
        recipe.learning_rate if recipe.warmup_epochs == 0 else recipe.learning_rate / 10, rel=1e-6)


def test_recipes_follow_the_papers_and_accept_overrides():
    assert recipes.resolve_recipe("resnet").weight_decay == 1e-4
    assert recipes.resolve_recipe("alexnet").augment == "alexnet"
    assert recipes.resolve_recipe("googlenet").aux_loss_weight == 0.3
    v3 = recipes.resolve_recipe("inception_v3")
    assert (v3.optimizer, v3.label_smoothing) == ("rmsprop", 0.1)
    assert recipes.resolve_recipe("resnet", learning_rate=0.5).learning_rate == 0.5
    step = recipes.learning_rate_schedule(recipes.resolve_recipe("resnet"), epochs=4, steps_per_epoch=10)
    assert [float(step(s)) for s in (0, 25, 35)] == pytest.approx([0.1, 0.01, 0.001])


@pytest.mark.slow
def test_auxiliary_classifiers_train_with_their_weighted_losses(tmp_path):
    result = quick(tmp_path, model="googlenet", input_size=65, batch_size=32,
                   model_options={"aux_classifiers": True}, recipe="googlenet", augment="none")
    assert {"aux1_loss", "aux2_loss", "predictions_loss"} <= set(result.history.history)
    history = {k: v[0] for k, v in result.history.history.items()}
    expected = history["predictions_loss"] + 0.3 * (history["aux1_loss"] + history["aux2_loss"])
    assert history["loss"] == pytest.approx(expected, rel=0.05)


def test_precision_and_xla_are_off_on_cpu(tmp_path):
    from kerasnets.training import precision, strategies

    assert precision.resolve_mixed_precision("auto") == "float32"
    assert precision.resolve_jit_compile("auto", strategies.resolve_strategy("default")) is False
    config = json.loads(open(os.path.join(quick(tmp_path).run_dir, "config.json")).read())
    assert (config["mixed_precision"], config["jit_compile"]) == ("float32", False)


@pytest.mark.parametrize("batch, samples, replicas, expected", [
    (64, 270, 1, (64, False)), (64, 270, 2, (64, False)), (32, 15, 2, (12, False)),
    (16, 17, 2, (14, False)), (8, 1, 2, (2, True)), (64, None, 2, (64, False)),
])
def test_evaluation_batches_never_leave_a_replica_without_a_sample(batch, samples, replicas, expected):
    from kerasnets.training.runner import evaluation_batch

    chosen, drop = evaluation_batch(batch, samples, replicas)
    assert (chosen, drop) == expected
    if samples and not drop:
        assert chosen % replicas == 0 and (samples % chosen == 0 or samples % chosen >= replicas)


def test_one_device_strategy_and_forced_mixed_precision_train_on_cpu(tmp_path):
    result = quick(tmp_path, strategy="one_device", mixed_precision="mixed_bfloat16")
    config = json.loads(open(os.path.join(result.run_dir, "config.json")).read())
    assert config["strategy"].startswith("OneDeviceStrategy: 1 replica(s)")
    assert config["mixed_precision"] == "mixed_bfloat16"
    assert result.model.get_layer("c1").compute_dtype == "bfloat16"
    assert result.model.output.dtype == "float32" and np.isfinite(result.evaluation["loss"])
    assert keras.mixed_precision.global_policy().name == "float32"  # restored after the run


def test_step_checkpoints_come_on_top_of_epoch_checkpoints(tmp_path):
    # 20 steps an epoch: a checkpoint every 500 steps never comes, the epoch ones still do.
    result = quick(tmp_path, epochs=2, checkpoint_every=500)
    metadata = json.loads((tmp_path / "lenet5-digits" / "checkpoints" / "training_metadata.json").read_text())
    assert metadata["epoch"] == 2 and len(result.history.epoch) == 2
