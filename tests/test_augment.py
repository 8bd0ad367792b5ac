"""kerasnets.augment: each preset as Keras layers that augment in training, pass images
unchanged at inference, repeat with a seed, and work in tf.data and inside a model."""

import keras
import numpy as np
import pytest
import tensorflow as tf

import kerasnets
from kerasnets.augment import LABEL_MIXING, PRESETS, pipeline
from kerasnets.layers import CheckChannels, MixBatch, RandomCropWithMargin

IMAGE_PRESETS = [preset for preset in PRESETS if preset not in LABEL_MIXING]


def batch(size=32, channels=3, n=4, seed=0):
    return np.random.default_rng(seed).random((n, size, size, channels), dtype=np.float32)


@pytest.mark.parametrize("preset", IMAGE_PRESETS)
def test_image_presets_augment_in_training_and_pass_images_unchanged_at_inference(preset):
    x = batch()
    augment = pipeline(preset, 32, seed=3)
    assert isinstance(augment, keras.Sequential)
    trained = np.asarray(augment(x, training=True))
    assert trained.shape == x.shape
    np.testing.assert_array_equal(np.asarray(augment(x, training=False)), x)
    if preset != "none":
        assert not np.allclose(trained, x)
        again = np.asarray(pipeline(preset, 32, seed=3)(x, training=True))
        np.testing.assert_allclose(again, trained, rtol=1e-6)  # the seed repeats the draws


@pytest.mark.parametrize("preset", IMAGE_PRESETS)
def test_image_presets_run_in_a_tf_data_map(preset):
    augment = pipeline(preset, 32, seed=0)
    dataset = tf.data.Dataset.from_tensor_slices(batch(n=6)).batch(3)
    shapes = [tuple(images.shape) for images in dataset.map(lambda images: augment(images, training=True))]
    assert shapes == [(3, 32, 32, 3)] * 2


def test_a_pipeline_as_the_first_layers_of_a_model_is_idle_in_predict():
    x = batch()
    model = kerasnets.functional.resnet18(input_shape=(32, 32, 3), classes=4)
    with_augment = keras.Sequential([pipeline("alexnet", 32, seed=0), model])
    np.testing.assert_allclose(with_augment.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)


def test_random_crop_with_margin_cuts_one_window_per_image():
    """Every output is a 32x32 window of the image enlarged to 37x37 (round(32 x 256/224)),
    at its own place: AlexNet's crops, not one crop for the whole batch."""
    x = batch(n=8)
    layer = RandomCropWithMargin(32, seed=5)
    out = np.asarray(layer(x, training=True))
    enlarged = np.asarray(keras.layers.Resizing(37, 37)(x))
    places = []
    for image, window in zip(enlarged, out):
        found = [(i, j) for i in range(6) for j in range(6) if np.allclose(image[i:i + 32, j:j + 32], window)]
        assert found, "the output is not a window of the enlarged image"
        places.append(found[0])
    assert len(set(places)) > 1


def test_mix_batch_mixes_images_and_one_hot_labels_and_refuses_sparse_labels():
    x, labels = batch(n=8), np.eye(10, dtype=np.float32)[np.arange(8)]
    for preset in LABEL_MIXING:
        mix = pipeline(preset, 32, seed=1)
        assert isinstance(mix, MixBatch)
        images, mixed = (np.asarray(t) for t in mix(x, labels, training=True))
        assert images.shape == x.shape and mixed.shape == labels.shape
        np.testing.assert_allclose(mixed.sum(axis=1), 1.0, rtol=1e-5)
        assert not np.allclose(mixed, labels)
        unchanged = mix(x, labels, training=False)
        np.testing.assert_array_equal(np.asarray(unchanged[0]), x)
        with pytest.raises(ValueError, match=r"one-hot labels.*shape \(8,\)"):
            mix(x, np.arange(8), training=True)
    dataset = tf.data.Dataset.from_tensor_slices((x, labels)).batch(4)
    shapes = [(tuple(i.shape), tuple(y.shape)) for i, y in dataset.map(lambda i, y: mix(i, y, training=True))]
    assert shapes == [((4, 32, 32, 3), (4, 10))] * 2


def test_value_range_scales_the_lighting_and_randaugment():
    x = batch() * 255
    for preset in ("alexnet", "randaugment"):
        out = np.asarray(pipeline(preset, 32, seed=2, value_range=(0, 255))(x, training=True))
        assert out.shape == x.shape and np.isfinite(out).all()
    lighting = pipeline("alexnet", 32, value_range=(0, 255)).get_layer("pca_lighting")
    assert lighting.eigenvalues[0] == pytest.approx(0.2175 * 255)


@pytest.mark.parametrize("kwargs, message", [
    (dict(preset="mosaic", image_size=32), r"preset='mosaic'"),
    (dict(preset="alexnet", image_size=32, channels=1), r"RGB.*channels=1"),
    (dict(preset="flip_crop", image_size=0), r"image_size=0"),
    (dict(preset="flip_crop", image_size=32, channels=0), r"channels=0"),
    (dict(preset="randaugment", image_size=32, value_range=(1, 0)), r"value_range=\(1, 0\)"),
])
def test_bad_arguments_are_named(kwargs, message):
    with pytest.raises(ValueError, match=message):
        pipeline(**kwargs)


def test_images_of_another_channel_count_or_size_are_refused():
    with pytest.raises(ValueError, match=r"3 channel\(s\).*\(4, 32, 32, 1\)"):
        pipeline("randaugment", 32)(batch(channels=1), training=True)
    with pytest.raises(ValueError, match=r"made for 32x32 images.*\(4, 40, 40, 3\)"):
        pipeline("flip_crop", 32)(batch(size=40), training=True)


@pytest.mark.parametrize("layer", [
    lambda: RandomCropWithMargin(16, margin=1.5, seed=1, name="crop"),
    lambda: MixBatch("cutmix", seed=2, name="mix"),
    lambda: CheckChannels(3, name="check"),
])
def test_augmentation_layers_round_trip_through_their_config(layer):
    original = layer()
    copy = original.__class__.from_config(original.get_config())
    assert copy.get_config() == original.get_config()
    assert keras.saving.get_registered_name(type(original)).startswith("kerasnets>")
