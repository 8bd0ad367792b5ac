"""`weights="imagenet"`, checked offline.

keras.applications' sources: the download is keras.applications' own; everything after it
is kerasnets' and is tested here with keras.applications' models built with `weights=None`
and every weight drawn at random (biases and moving statistics too, so that a misplaced or
unfolded one shows): the same code path moves them into each style, and the outputs must be
keras.applications'. timm's sources: the download is huggingface_hub's (or Keras' `get_file`
for the SENets' PyTorch files), replaced here by a file written from the weights of
tests/test_state_dict.py, whose logits are timm's.
"""

import os
import socket
import sys

import keras
import numpy as np
import pytest
from conftest import images, min_shape, predict
from fixtures import reference_rule
from test_state_dict import fixture, state_dict

import kerasnets
from kerasnets.arguments import KERAS, TIMM_GITHUB, TIMM_HUB
from kerasnets.weights import keras_applications, load_keras_application, load_state_dict
from kerasnets.weights.catalog import pretrained_of

SOURCES = {name: entry["source"] for name, entry in kerasnets.weights.available().items()}
KERAS_SOURCES = [name for name, source in SOURCES.items() if source == KERAS]


def randomize(model, seed=0):
    """Every weight of `model` drawn at random, in a range that keeps activations finite."""
    rng = np.random.default_rng(seed)
    for variable in model.weights:
        name, shape = variable.path.split("/")[-1], tuple(variable.shape)
        if name == "moving_variance":
            value = rng.uniform(0.5, 1.5, shape)
        elif name == "gamma":
            value = 1.0 + 0.1 * rng.standard_normal(shape)
        elif len(shape) == 1:  # biases, beta, moving means
            value = 0.1 * rng.standard_normal(shape)
        else:
            value = rng.standard_normal(shape) / np.sqrt(np.prod(shape[:-1]))
        variable.assign(value.astype("float32"))
    return model


def application(variant, shape, include_top=True, classes=10):
    build = getattr(keras.applications, pretrained_of(variant).model)
    kwargs = dict(classes=classes, classifier_activation=None) if include_top else {}
    return build(weights=None, include_top=include_top, input_shape=shape, **kwargs)


def assert_same_outputs(got, expected):
    assert got.shape == expected.shape
    assert np.max(np.abs(got - expected)) <= 1e-5 * np.max(np.abs(expected)), np.max(np.abs(got - expected))


CASES = [(variant, {}) for variant in KERAS_SOURCES] + [("resnet50", {"conv_bias": True})]


@pytest.mark.slow
@pytest.mark.parametrize("variant, options", CASES,
                         ids=[variant + "".join(f"-{key}" for key in options) for variant, options in CASES])
def test_keras_applications_weights_give_its_outputs_in_every_style(variant, options):
    """ResNet's default (no conv bias) folds keras.applications' biases into BatchNormalization."""
    shape = min_shape(variant)
    reference = randomize(application(variant, shape))
    x = images(shape, batch=2) * 255.0
    expected = predict(reference, x)[0]
    build = dict(input_shape=shape, classes=10, classifier_activation=None, **options)
    functional = load_keras_application(kerasnets.build(variant, "functional", **build), reference)
    for style in kerasnets.STYLES:
        model = functional if style == "functional" else kerasnets.transfer_weights(
            functional, kerasnets.build(variant, style, **build))
        assert_same_outputs(predict(model, x)[0], expected)


@pytest.fixture
def offline_fetch(monkeypatch):
    """keras.applications' download replaced by its model with random weights, at the small
    shape the tests build; the rest of weights="imagenet" runs. Keeps what it returned."""
    fetched = []

    def fetch(pretrained, include_top):
        variant = {entry["model"]: name for name, entry in kerasnets.weights.available().items()}[pretrained.model]
        fetched.append(randomize(application(variant, SHAPE, include_top, classes=1000)))
        return fetched[-1]

    monkeypatch.setattr(keras_applications, "fetch", fetch)
    return fetched


SHAPE = (75, 75, 3)


@pytest.mark.parametrize("variant, include_top", [("inception_v3", True), ("resnet50", False)])
def test_weights_imagenet_gives_the_sources_outputs_in_every_style(variant, include_top, offline_fetch):
    """Inception-v3 pairs its layers with keras.applications' by position; ResNet-50 by name,
    folding the biases; both reach each style through the builder."""
    x = images(SHAPE, seed=3) * 255.0
    for style in kerasnets.STYLES:
        model = kerasnets.build(variant, style, weights="imagenet", include_top=include_top, input_shape=SHAPE,
                                **({"classifier_activation": None} if include_top else {"pooling": "avg"}))
        source = offline_fetch[-1]
        expected = predict(source, x)[0] if include_top else np.mean(predict(source, x)[0], axis=(1, 2))
        assert_same_outputs(predict(model, x)[0], expected)
    assert len(offline_fetch) == 3


@pytest.mark.parametrize("kwargs, message", [
    (dict(name="lenet5"), r"lenet5 has no published ImageNet weights.*'densenet121'"),
    (dict(name="resnet50", classes=10), r"include_top=False and a new head.*classes=10"),
    (dict(name="resnet50", input_shape=(64, 64, 1)), r"3-channel.*input_shape=\(64, 64, 1\)"),
    (dict(name="vgg16", input_shape=(64, 64, 3)), r"fix the input at 224x224.*input_shape=\(64, 64, 3\)"),
    (dict(name="densenet121", growth_rate=48), r"trained with growth_rate=None.*growth_rate=48"),
    (dict(name="inception_v3", aux_classifiers=True), r"trained with aux_classifiers=False.*aux_classifiers=True"),
])
def test_weights_imagenet_refuses_what_the_weights_cannot_give(kwargs, message, offline_fetch):
    name = kwargs.pop("name")
    for style in ("functional", "subclassed"):
        with pytest.raises(ValueError, match=message):
            kerasnets.build(name, style, weights="imagenet", **kwargs)
    assert offline_fetch == []  # refused before anything was fetched


def test_offline_without_the_file_says_where_keras_keeps_it(monkeypatch, tmp_path):
    """No network (every connection refused) and an empty Keras cache: an OSError that names
    the cache, and no model."""
    def refuse(*args, **kwargs):
        raise OSError("the test turned the network off")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr("keras.src.backend.config._KERAS_DIR", str(tmp_path))  # Keras' cache, emptied
    with pytest.raises(OSError, match=r"VGG16 ImageNet weights.*keeps them in .*models"):
        kerasnets.functional.vgg16(weights="imagenet", include_top=False)


def test_load_keras_application_refuses_another_network_and_changes_nothing():
    model = kerasnets.functional.densenet121(input_shape=(32, 32, 3), classes=10)
    before = [np.copy(keras.ops.convert_to_numpy(w)) for w in model.weights]
    with pytest.raises(ValueError, match="not the same network"):
        load_keras_application(model, keras.applications.DenseNet169(weights=None, input_shape=(32, 32, 3), classes=10))
    with pytest.raises(ValueError, match="predictions/kernel"):  # another head: its shape
        load_keras_application(model, keras.applications.DenseNet121(weights=None, input_shape=(32, 32, 3), classes=7))
    assert all(np.array_equal(keras.ops.convert_to_numpy(w), b) for w, b in zip(model.weights, before))


@pytest.mark.parametrize("variant, module", [("vgg16", "vgg16"), ("resnet101", "resnet"),
                                             ("inception_v3", "inception_v3"), ("xception", "xception"),
                                             ("densenet121", "densenet")])
def test_preprocess_input_is_keras_applications(variant, module):
    x = np.random.default_rng(0).uniform(0, 255, (2, 8, 8, 3)).astype("float32")
    expected = getattr(keras.applications, module).preprocess_input(x.copy())
    got = kerasnets.preprocess_input(variant, x)
    assert isinstance(got, np.ndarray) and got.dtype == np.float32
    np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-5)
    tensor = kerasnets.preprocess_input(variant, keras.ops.convert_to_tensor(x))  # a tensor stays one
    np.testing.assert_allclose(keras.ops.convert_to_numpy(tensor), expected, rtol=1e-6, atol=1e-5)


def test_preprocess_input_refuses_bad_names_and_shapes():
    with pytest.raises(ValueError, match="Unknown model: name='resnet5'"):
        kerasnets.preprocess_input("resnet5", np.zeros((1, 8, 8, 3)))
    with pytest.raises(ValueError, match=r"lenet5 has no ImageNet weights.*name='lenet5'"):
        kerasnets.preprocess_input("lenet5", np.zeros((1, 8, 8, 3)))
    with pytest.raises(ValueError, match=r"images.shape=\(1, 8, 8, 1\)"):
        kerasnets.preprocess_input("resnet50", np.zeros((1, 8, 8, 1)))


def test_decode_predictions_names_imagenet_classes():
    classes = kerasnets.weights.imagenet_classes()
    assert len(classes) == 1000 and len({wnid for wnid, _ in classes}) == 1000
    assert [wnid for wnid, _ in classes] == sorted(wnid for wnid, _ in classes)  # the models' output order
    scores = np.full((2, 1000), 1e-4, dtype="float32")
    scores[0, [385, 101, 386]] = [0.5, 0.3, 0.1]  # keras.applications' README example: Indian elephant, tusker
    scores[1, 0] = 0.9
    decoded = kerasnets.decode_predictions(scores, top=3)
    assert decoded[0] == [("n02504013", "Indian_elephant", pytest.approx(0.5)),
                          ("n01871265", "tusker", pytest.approx(0.3)),
                          ("n02504458", "African_elephant", pytest.approx(0.1))]
    assert decoded[1][0][:2] == ("n01440764", "tench") and len(decoded[1]) == 3
    with pytest.raises(ValueError, match=r"predictions.shape=\(2, 10\)"):
        kerasnets.decode_predictions(np.zeros((2, 10)))
    with pytest.raises(ValueError, match="top=0"):
        kerasnets.decode_predictions(scores, top=0)


def test_available_lists_every_weight_set_with_its_facts():
    table = kerasnets.weights.available()
    assert set(KERAS_SOURCES) == {"vgg16", "vgg19", "resnet50", "resnet101", "resnet152", "inception_v3",
                                  "inception_resnet_v2", "xception", "densenet121", "densenet169", "densenet201"}
    assert {name for name, source in SOURCES.items() if source == TIMM_HUB} == {
        "resnet18", "resnet34", "vgg11", "vgg13", "vgg11_bn", "vgg13_bn", "vgg16_bn", "vgg19_bn", "inception_v4",
        "resnext50_32x4d", "resnext101_32x8d", "resnext101_64x4d", "densenet161"}
    assert {name for name, source in SOURCES.items() if source == TIMM_GITHUB} == {
        "se_resnet50", "se_resnet101", "se_resnet152", "se_resnext50_32x4d", "se_resnext101_32x4d", "senet154"}
    for name, entry in table.items():
        assert set(entry) == {"source", "model", "licence", "top1", "size", "preprocessing"}, name
        assert 69 < entry["top1"] < 84 and entry["size"] in (224, 299), name
        assert entry["preprocessing"] in ("caffe", "tf", "torch"), name
        where = {KERAS: lambda model: hasattr(keras.applications, model),
                 TIMM_HUB: lambda model: model == f"timm/{name}.tv_in1k" or model == f"timm/{name}.tf_in1k",
                 TIMM_GITHUB: lambda model: model.startswith("https://github.com/") and model.endswith(".pth")}
        assert where[entry["source"]](entry["model"]), name


def features_of_the_fixture_model(variant, x):
    """The pooled features of `variant` with the weights of its timm fixture, whose logits
    tests/test_state_dict.py checks against timm's."""
    reference = fixture(variant)
    model = load_state_dict(kerasnets.build(variant, "functional", input_shape=x.shape[1:], classes=10,
                                            classifier_activation=None), state_dict(reference))
    return np.asarray(keras.Model(model.input, model.get_layer("predictions").input)(x))


@pytest.fixture
def offline_downloads(monkeypatch, tmp_path):
    """huggingface_hub's download and Keras' `get_file` replaced by files written here from
    the fixtures' weights (safetensors for the Hub, a PyTorch file for GitHub). Keeps what was asked."""
    from safetensors.numpy import save_file

    asked = []

    def hub_download(repo_id, filename, local_files_only=False):
        asked.append((repo_id, local_files_only))
        path = os.path.join(tmp_path, "model.safetensors")
        save_file(state_dict(fixture(repo_id.split("/")[1].split(".")[0])), path)
        return path

    def get_file(file_name, origin, cache_subdir):
        import torch

        asked.append(origin)
        variant = {entry.model: name for name, entry in PRETRAINED.items()}[origin]
        path = os.path.join(tmp_path, file_name)
        torch.save({name: torch.from_numpy(value) for name, value in state_dict(fixture(variant)).items()}, path)
        return path

    monkeypatch.setattr("huggingface_hub.hf_hub_download", hub_download)
    monkeypatch.setattr(keras.utils, "get_file", get_file)
    return asked


PRETRAINED = {name: pretrained_of(name) for name in SOURCES}


@pytest.mark.parametrize("variant", ["resnet18", "se_resnext50_32x4d"])
def test_weights_imagenet_from_timm_gives_the_fixture_models_features_in_every_style(variant, offline_downloads):
    """ResNet-18 from a safetensors file of the Hub, SE-ResNeXt-50 from a PyTorch file; without
    the top, so that the fixtures' 10-class heads are left unused, as ImageNet's would be."""
    x = reference_rule.images(fixture(variant)["input_size"])
    expected = features_of_the_fixture_model(variant, x)
    for style in kerasnets.STYLES:
        model = kerasnets.build(variant, style, weights="imagenet", include_top=False, pooling="avg",
                                input_shape=x.shape[1:])
        np.testing.assert_allclose(np.asarray(model(x, training=False)), expected, rtol=1e-5, atol=1e-5)
    source = pretrained_of(variant).model
    assert offline_downloads == [(source, True) if source.startswith("timm/") else source] * 3  # the cache first


@pytest.mark.parametrize("blocked, variant, message", [
    ("safetensors", "resnet18", r"timm/resnet18.tv_in1k from the Hugging Face Hub.*pip install 'kerasnets\[weights\]'"),
    ("huggingface_hub", "densenet161", r"pip install 'kerasnets\[weights\]'"),
    ("torch", "senet154", r"legacy_senet154-e9eb9fe6.pth, a PyTorch file.*pip install torch"),
])
def test_without_the_packages_that_read_timms_files_the_message_says_what_to_install(blocked, variant, message,
                                                                                   monkeypatch):
    for module in [name for name in sys.modules if name == blocked or name.startswith(f"{blocked}.")] + [blocked]:
        monkeypatch.setitem(sys.modules, module, None)  # its `import` now raises ImportError
    with pytest.raises(ImportError, match=message):
        kerasnets.build(variant, "subclassed", weights="imagenet", include_top=False, input_shape=(32, 32, 3))


@pytest.mark.parametrize("variant, message", [
    ("resnet34", r"timm/resnet34.tv_in1k/model.safetensors from the Hugging Face Hub.*keeps it in .*hub"),
    ("se_resnet50", r"se_resnet50-ce0d4300.pth.*keeps it in .*models"),
])
def test_timm_weights_offline_without_the_file_say_where_the_cache_is(variant, message, monkeypatch, tmp_path):
    def refuse(*args, **kwargs):
        raise OSError("the test turned the network off")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_CACHE", str(tmp_path / "hub"))  # the Hub's cache, empty
    monkeypatch.setattr("huggingface_hub.utils._http.time.sleep", lambda seconds: None)  # its 23 s of retries
    monkeypatch.setattr("keras.src.backend.config._KERAS_DIR", str(tmp_path))  # Keras' cache, empty
    with pytest.raises(OSError, match=message):
        kerasnets.build(variant, "functional", weights="imagenet", include_top=False, input_shape=(32, 32, 3))
