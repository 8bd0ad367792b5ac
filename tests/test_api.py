"""The public surface: names, styles, types, builders and the `weights` argument."""

import inspect

import keras
import numpy as np
import pytest
from conftest import images, min_shape, predict

import kerasnets

EXPECTED = sorted([
    "lenet5", "alexnet", "zfnet",
    "vgg11", "vgg13", "vgg16", "vgg19", "vgg11_bn", "vgg13_bn", "vgg16_bn", "vgg19_bn",
    "nin", "googlenet", "bn_inception", "inception_v3", "inception_v4",
    "inception_resnet_v1", "inception_resnet_v2", "xception",
    "densenet121", "densenet161", "densenet169", "densenet201", "densenet264",
    "resnext50_32x4d", "resnext101_32x8d", "resnext101_64x4d",
    "se_resnet50", "se_resnet101", "se_resnet152", "se_resnext50_32x4d", "se_resnext101_32x4d", "senet154",
    "resnet18", "resnet34", "resnet50", "resnet101", "resnet152",
])


def test_list_models_is_the_sorted_issue_list():
    assert kerasnets.list_models() == EXPECTED


def test_styles():
    assert kerasnets.STYLES == ("sequential", "functional", "subclassed")


@pytest.mark.parametrize("style", kerasnets.STYLES)
def test_each_namespace_holds_exactly_the_registered_builders(style):
    namespace = getattr(kerasnets, style)
    functions = {name for name, value in vars(namespace).items()
                 if inspect.isfunction(value) and not name.startswith("_")}
    assert functions == set(kerasnets.list_models())
    assert set(kerasnets.list_models()) <= set(namespace.__all__)


@pytest.mark.parametrize("style", kerasnets.STYLES)
def test_every_builder_is_a_real_function_written_in_its_family_file(style):
    namespace = getattr(kerasnets, style)
    for name in EXPECTED:
        builder = getattr(namespace, name)
        assert inspect.isfunction(builder) and builder.__name__ == name
        assert builder is kerasnets.registry.builder(name, style)
        family = kerasnets.registry.family_of(name)
        assert builder.__module__ == f"kerasnets.zoo.{family}.{style}"
        assert inspect.getsource(builder).startswith(f"def {name}(*, include_top=True")
        assert builder.__doc__ and len(builder.__doc__.strip()) > 20
        params = inspect.signature(builder).parameters
        assert all(param.kind == inspect.Parameter.KEYWORD_ONLY for param in params.values()), name
        for argument in ("include_top", "weights", "input_shape", "pooling", "classes",
                         "classifier_activation", "name", *kerasnets.registry.spec_of(name).OPTIONS):
            assert argument in params
        assert ("input_tensor" in params) == (style == "functional")


def test_each_style_returns_its_kind_of_model():
    shape = min_shape("resnet18")
    sequential = kerasnets.sequential.resnet18(input_shape=shape, classes=3)
    functional = kerasnets.functional.resnet18(input_shape=shape, classes=3)
    subclassed = kerasnets.subclassed.resnet18(input_shape=shape, classes=3)
    assert type(sequential) is keras.Sequential
    assert type(functional) is keras.Model or type(functional).__name__ == "Functional"
    assert not isinstance(functional, keras.Sequential)
    assert isinstance(subclassed, keras.Model)
    assert type(subclassed).__name__ == "ResNet"
    # A subclass is not a functional graph in disguise.
    assert "Functional" not in [cls.__name__ for cls in type(subclassed).__mro__]


def test_build_dispatches_by_name_and_style():
    model = kerasnets.build("lenet5", style="sequential", classes=4)
    assert isinstance(model, keras.Sequential)
    assert model.output_shape == (None, 4)
    assert kerasnets.build("lenet5", "subclassed", name="mine").name == "mine"  # the model's own name


def test_default_names_are_unique_and_deterministic():
    first = kerasnets.functional.lenet5()
    second = kerasnets.functional.lenet5()
    assert (first.name, second.name) == ("lenet5", "lenet5_1")
    keras.backend.clear_session()
    assert kerasnets.functional.lenet5().name == "lenet5"
    assert kerasnets.functional.lenet5(name="mine").name == "mine"


def test_functional_input_tensor_is_used_as_the_input():
    inputs = keras.Input(shape=(40, 40, 3))
    model = kerasnets.functional.resnet18(input_tensor=inputs, classes=5)
    assert model.inputs[0] is inputs
    assert model.output_shape == (None, 5)


@pytest.mark.parametrize("style", kerasnets.STYLES)
def test_weights_path_loads_the_saved_weights(tmp_path, style):
    shape = min_shape("vgg11_bn")
    source = kerasnets.build("vgg11_bn", style, input_shape=shape, classes=3)
    path = tmp_path / "vgg.weights.h5"
    source.save_weights(path)
    fresh = kerasnets.build("vgg11_bn", style, input_shape=shape, classes=3)
    loaded = kerasnets.build("vgg11_bn", style, input_shape=shape, classes=3, weights=str(path))
    x = images(shape)
    assert not np.allclose(predict(fresh, x)[0], predict(source, x)[0])
    np.testing.assert_allclose(predict(loaded, x)[0], predict(source, x)[0], rtol=1e-6)


@pytest.mark.parametrize("style", kerasnets.STYLES)
def test_include_top_false_with_pooling_gives_feature_vectors(style):
    shape = min_shape("resnet18")
    for pooling, rank in ((None, 4), ("avg", 2), ("max", 2)):
        model = kerasnets.build("resnet18", style, input_shape=shape, include_top=False, pooling=pooling)
        out = predict(model, images(shape))[0]
        assert out.ndim == rank and out.shape[-1] == 512
        assert tuple(model.compute_output_shape((None, *shape))) == (None, *out.shape[1:])


@pytest.mark.parametrize("style", kerasnets.STYLES)
def test_classifier_activation_and_float32_output(style):
    shape = min_shape("lenet5")
    probs = predict(kerasnets.build("lenet5", style, classes=7), images(shape))[0]
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    logits = predict(kerasnets.build("lenet5", style, classes=7, classifier_activation=None), images(shape))[0]
    assert not np.allclose(logits.sum(axis=1), 1.0)


def test_mixed_precision_keeps_float32_predictions():
    keras.mixed_precision.set_global_policy("mixed_float16")
    try:
        model = kerasnets.functional.resnet18(input_shape=min_shape("resnet18"), classes=3)
        assert model.get_layer("conv1_conv").compute_dtype == "float16"
        assert model.output.dtype == "float32"
    finally:
        keras.mixed_precision.set_global_policy("float32")


def test_training_mode_reaches_every_nested_layer_in_every_style():
    """BatchNormalization deep inside the blocks must use the batch's statistics when the
    model is called with training=True, in the subclassed and Sequential styles as in the
    functional graph (Keras passes `training` down through the call context)."""
    shape = min_shape("resnet18")
    models = {style: kerasnets.build("resnet18", style, input_shape=shape, classes=3) for style in kerasnets.STYLES}
    for style in ("sequential", "subclassed"):
        kerasnets.transfer_weights(models["functional"], models[style])
    x = images(shape, batch=4)
    inference = np.asarray(models["functional"](x, training=False))
    training = np.asarray(models["functional"](x, training=True))
    assert not np.allclose(inference, training, atol=1e-4)
    for style in ("sequential", "subclassed"):
        np.testing.assert_allclose(np.asarray(models[style](x, training=True)), training, rtol=1e-4, atol=1e-5)


def test_every_layer_class_of_the_zoo_is_registered_under_its_own_name():
    """Two classes of one name in `kerasnets` would load as one another from a .keras file."""
    for style_module in {kerasnets.registry.style_module(name, "subclassed") for name in EXPECTED}:
        classes = [value for value in vars(style_module).values()
                   if inspect.isclass(value) and issubclass(value, keras.layers.Layer)
                   and value.__module__ == style_module.__name__]
        for cls in classes:
            registered = keras.saving.get_registered_name(cls)
            if registered != cls.__name__:  # registered (an abstract base like ResidualBlock is not)
                family = style_module.__name__.split(".")[-2]
                assert registered in (f"kerasnets>{cls.__name__}", f"kerasnets>{family}.{cls.__name__}")
                assert keras.saving.get_registered_object(registered) is cls, cls
