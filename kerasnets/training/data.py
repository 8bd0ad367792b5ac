"""Data for `kerasnets.train`: where images come from, and the tf.data pipeline they go through.

`load_data` turns any accepted source into unbatched (image in [0, 1], integer label)
splits; `make_pipeline` caches, shuffles, batches, resizes, augments and prefetches them.
Nothing here downloads, except the `keras.datasets` and TensorFlow Datasets names that a
user online asks for.
"""

import dataclasses
import importlib
import os

import keras
import numpy as np
import tensorflow as tf

from kerasnets import augment as augment_presets

KERAS_DATASETS = ("mnist", "fashion_mnist", "cifar10", "cifar100")
IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM")  # jpeg, png, gif, bmp
DIGITS_SPLIT = (0.7, 0.15, 0.15)  # train, validation, test: fixed, stratified, seed 0


@dataclasses.dataclass
class DataSplits:
    name: str
    train: tf.data.Dataset
    validation: object  # tf.data.Dataset or None
    test: object
    num_classes: int
    class_names: list
    sizes: dict


def stratified_split(labels, fractions, seed=0):
    """Index arrays, one per fraction, with each class spread in the same proportions."""
    rng = np.random.default_rng(seed)
    parts = [[] for _ in fractions]
    bounds = np.cumsum(fractions)[:-1]
    for label in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels == label))
        cuts = np.round(bounds * len(members)).astype(int)
        for part, chunk in zip(parts, np.split(members, cuts)):
            part.extend(chunk.tolist())
    return [np.sort(np.asarray(part, dtype=np.int64)) for part in parts]


def as_unit_images(x):
    """Images as float32 in [0, 1] with a channel axis: integers are divided by 255."""
    x = np.asarray(x)
    if x.ndim == 3:
        x = x[..., None]
    if x.ndim != 4:
        raise ValueError(f"Images must have shape (n, height, width[, channels]). Received shape {x.shape}")
    if np.issubdtype(x.dtype, np.integer):
        return x.astype(np.float32) / 255.0
    return x.astype(np.float32)


def check_labels(y, num_classes, source):
    y = np.asarray(y).reshape(-1)
    if not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"Labels of {source} must be integers. Received dtype {y.dtype}")
    if len(y) and (y.min() < 0 or y.max() >= num_classes):
        raise ValueError(f"Labels of {source} must lie in [0, {num_classes}) for classes={num_classes}. "
                         f"Received labels from {y.min()} to {y.max()}.")
    return y.astype(np.int64)


def _from_arrays(name, x, y, fractions, seed, class_names=None, num_classes=None):
    x, y = as_unit_images(x), np.asarray(y).reshape(-1)
    if len(x) != len(y):
        raise ValueError(f"{name}: {len(x)} images but {len(y)} labels.")
    num_classes = num_classes or int(y.max()) + 1
    y = check_labels(y, num_classes, name)
    indices = stratified_split(y, fractions, seed)
    splits = [tf.data.Dataset.from_tensor_slices((x[i], y[i])) for i in indices]
    sizes = [len(i) for i in indices]
    if len(splits) == 2:  # no test split of its own: the validation split is the test split
        splits.append(splits[1])
        sizes.append(sizes[1])
    return DataSplits(name, splits[0], splits[1], splits[2], num_classes,
                      class_names or [str(c) for c in range(num_classes)],
                      dict(zip(("train", "validation", "test"), sizes)))


def load_digits_splits():
    from sklearn.datasets import load_digits

    digits = load_digits()
    return _from_arrays("digits", digits.images / 16.0, digits.target, DIGITS_SPLIT, seed=0)


def load_keras_dataset(name, seed):
    module = getattr(keras.datasets, name)
    try:
        (x_train, y_train), (x_test, y_test) = module.load_data()
    except Exception as error:  # offline: the download fails with one of many errors
        raise ValueError(f"dataset={name!r} is downloaded by keras.datasets on first use, and the "
                         f"download failed ({type(error).__name__}: {error}). Are you offline? "
                         "Use dataset='digits', an image folder or arrays instead.") from error
    y_train, y_test = np.asarray(y_train).reshape(-1), np.asarray(y_test).reshape(-1)
    num_classes = int(max(y_train.max(), y_test.max())) + 1
    train = _from_arrays(name, x_train, y_train, (0.9, 0.1), seed, num_classes=num_classes)
    train.test = tf.data.Dataset.from_tensor_slices((as_unit_images(x_test), check_labels(y_test, num_classes, name)))
    train.sizes["test"] = len(y_test)
    return train


def load_tfds(name):
    try:
        tfds = importlib.import_module("tensorflow_datasets")
    except ImportError as error:
        raise ValueError(f"dataset='tfds:{name}' needs tensorflow-datasets: pip install tensorflow-datasets") from error
    try:
        (train, test), info = tfds.load(name, split=["train", "test"], as_supervised=True, with_info=True)
    except Exception as error:
        raise ValueError(f"TensorFlow Datasets could not load {name!r} ({error}). Are you offline?") from error
    labels = info.features["label"]
    scale = lambda x, y: (tf.cast(x, tf.float32) / 255.0, tf.cast(y, tf.int64))  # noqa: E731
    return DataSplits(f"tfds:{name}", train.map(scale), test.map(scale), test.map(scale),
                      labels.num_classes, list(labels.names), {})


def check_image_folder(path):
    """Every file a class subfolder holds must be an image we can decode: fail before training."""
    classes = sorted(d for d in os.listdir(path) if os.path.isdir(os.path.join(path, d)))
    if not classes:
        raise ValueError(f"Image folder {path!r} has no class subfolders (one folder per class).")
    count = 0
    for label in classes:
        for root, _, files in os.walk(os.path.join(path, label)):
            for file in files:
                if file.startswith("."):
                    continue
                full = os.path.join(root, file)
                with open(full, "rb") as handle:
                    head = handle.read(8)
                if not head.startswith(IMAGE_MAGIC):
                    raise ValueError(f"Image folder {path!r}: {full!r} is not a readable JPEG, PNG, GIF or BMP image.")
                count += 1
    if count == 0:
        raise ValueError(f"Image folder {path!r} holds no images (in {len(classes)} class folders).")
    return classes


def load_image_folder(path, image_size, channels, seed):
    """A folder of class folders; or one with train/, val/ (or validation/) and test/ in it."""
    parts = {name: os.path.join(path, name) for name in ("train", "val", "validation", "test")
             if os.path.isdir(os.path.join(path, name))}
    color_mode = "grayscale" if channels == 1 else "rgb"
    options = dict(image_size=(image_size, image_size), batch_size=None, color_mode=color_mode,
                   seed=seed, label_mode="int")
    scale = lambda x, y: (x / 255.0, tf.cast(y, tf.int64))  # noqa: E731
    if "train" in parts:
        classes = check_image_folder(parts["train"])
        train = keras.utils.image_dataset_from_directory(parts["train"], shuffle=True, **options)
        held = [keras.utils.image_dataset_from_directory(parts[name], shuffle=False, **options).map(scale)
                if name in parts else None for name in ("val" if "val" in parts else "validation", "test")]
        validation, test = held[0], held[1] or held[0]
    else:
        classes = check_image_folder(path)
        train, validation = keras.utils.image_dataset_from_directory(
            path, validation_split=0.2, subset="both", shuffle=True, **options)
        validation = test = validation.map(scale)
    return DataSplits(os.path.basename(os.path.normpath(path)), train.map(scale), validation, test,
                      len(classes), classes, {})


def load_data(dataset, *, image_size, channels, seed=0, validation_data=None, classes=None):
    """Any accepted source as DataSplits; see `kerasnets.train` for what is accepted.

    classes: when given, every label must lie in [0, classes), and the splits say `classes`.
    """
    data = _load(dataset, image_size, channels, seed, validation_data)
    if classes is not None:
        if data.num_classes > classes:
            raise ValueError(f"Labels of {data.name} must lie in [0, {classes}) for classes={classes}. "
                             f"Received labels up to {data.num_classes - 1}.")
        data.num_classes = classes
        data.class_names = data.class_names + [str(c) for c in range(len(data.class_names), classes)]
    return data


def _load(dataset, image_size, channels, seed, validation_data):
    if isinstance(dataset, str):
        if dataset == "digits":
            return load_digits_splits()
        if dataset in KERAS_DATASETS:
            return load_keras_dataset(dataset, seed)
        if dataset.startswith("tfds:"):
            return load_tfds(dataset[5:])
        if os.path.isdir(dataset):
            return load_image_folder(dataset, image_size, channels, seed)
        raise ValueError(f"Unknown dataset: dataset={dataset!r}. Expected 'digits', one of "
                         f"{list(KERAS_DATASETS)}, 'tfds:NAME', an image folder, arrays (x, y) or a "
                         "tf.data.Dataset.")
    if isinstance(dataset, tf.data.Dataset):
        return from_tf_dataset(dataset, validation_data)
    if isinstance(dataset, (tuple, list)) and len(dataset) == 2:
        x, y = dataset
        return _from_arrays("arrays", x, y, (0.9, 0.1), seed)
    raise ValueError(f"Unknown dataset: dataset={type(dataset).__name__}. Expected 'digits', a name, a "
                     "folder, arrays (x, y) or a tf.data.Dataset.")


def from_tf_dataset(dataset, validation_data=None):
    image_spec = dataset.element_spec[0]
    if image_spec.shape.rank == 4:
        dataset = dataset.unbatch()
    labels = np.concatenate([np.asarray(y).reshape(-1) for _, y in dataset.batch(4096)])
    num_classes = int(labels.max()) + 1
    check_labels(labels, num_classes, "the tf.data.Dataset")
    dataset = dataset.map(lambda x, y: (tf.cast(x, tf.float32), tf.cast(y, tf.int64)))
    validation = from_tf_dataset(validation_data).train if validation_data is not None else None
    return DataSplits("tf.data", dataset, validation, validation, num_classes,
                      [str(c) for c in range(num_classes)], {"train": len(labels)})


def _to_channels(images, channels):
    have = images.shape[-1]
    if have == channels:
        return images
    if have == 1:
        return tf.repeat(images, channels, axis=-1)
    if channels == 1:
        return tf.image.rgb_to_grayscale(images[..., :3])
    raise ValueError(f"Cannot turn {have}-channel images into {channels} channels.")


def make_pipeline(data, *, size, channels, batch_size, training, augment="none", num_classes,
                  one_hot=False, drop_remainder=False, seed=0, output_names=None, cache=True):
    """Batches of (images, labels) ready for `fit`: resized to `size`, augmented in training."""
    autotune = tf.data.AUTOTUNE
    if cache:
        data = data.cache()
    if training:
        data = data.shuffle(10_000, seed=seed, reshuffle_each_iteration=True)
    data = data.batch(batch_size, drop_remainder=drop_remainder, num_parallel_calls=autotune)

    def prepare(images, labels):
        images = tf.image.resize(_to_channels(images, channels), (size, size))
        return images, labels

    data = data.map(prepare, num_parallel_calls=autotune)
    augmentation = augment_presets.pipeline(augment, size, channels, seed=seed) if training and augment != "none" else None
    if augmentation is not None and not augment_presets.mixes_labels(augment):
        data = data.map(lambda x, y: (augmentation(x, training=True), y), num_parallel_calls=autotune)
    if one_hot:
        data = data.map(lambda x, y: (x, tf.one_hot(y, num_classes)), num_parallel_calls=autotune)
    if augmentation is not None and augment_presets.mixes_labels(augment):
        data = data.map(lambda x, y: augmentation(x, y, training=True), num_parallel_calls=autotune)
    if output_names:
        data = data.map(lambda x, y: (x, {name: y for name in output_names}), num_parallel_calls=autotune)
    return data.prefetch(autotune)
