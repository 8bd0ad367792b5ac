"""Each bad argument is a ValueError that names the argument and echoes the value."""

import keras
import pytest

import kerasnets

STYLES = kerasnets.STYLES


def build(style, name="resnet18", **kwargs):
    return kerasnets.build(name, style, **kwargs)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("classes", [0, -3, 2.5, True])
def test_classes_below_one_or_not_an_int(style, classes):
    with pytest.raises(ValueError, match=rf"classes={classes!r}"):
        build(style, classes=classes)


@pytest.mark.parametrize("style", STYLES)
def test_unknown_classifier_activation(style):
    with pytest.raises(ValueError, match=r"classifier_activation='softmaxx'"):
        build(style, classifier_activation="softmaxx")


@pytest.mark.parametrize("style", STYLES)
def test_unknown_pooling(style):
    with pytest.raises(ValueError, match=r"pooling='mean'"):
        build(style, include_top=False, pooling="mean")


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("shape", [(224, 224), (1, 224, 224, 3), "224", (224, 224, 0)])
def test_input_shape_of_wrong_rank_or_value(style, shape):
    with pytest.raises(ValueError, match=r"input_shape="):
        build(style, input_shape=shape)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(
    "name, shape, minimum",
    [("resnet18", (31, 64, 3), 32), ("vgg16", (64, 16, 3), 32), ("inception_v3", (74, 74, 3), 75),
     ("alexnet", (66, 66, 3), 67), ("lenet5", (28, 28, 1), 32)],
)
def test_input_below_the_family_minimum(style, name, shape, minimum):
    with pytest.raises(ValueError, match=rf"at least {minimum}x{minimum}.*input_shape="):
        build(style, name=name, input_shape=shape)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", ["vgg16", "alexnet", "zfnet", "lenet5"])
def test_fixed_size_head_with_unknown_spatial_dims(style, name):
    channels = 1 if name == "lenet5" else 3
    with pytest.raises(ValueError, match=r"height and width must be known.*input_shape="):
        build(style, name=name, input_shape=(None, None, channels))


@pytest.mark.parametrize("style", STYLES)
def test_unknown_spatial_dims_are_fine_without_a_fixed_head(style):
    model = build(style, input_shape=(None, None, 3), classes=3)
    assert model(keras.ops.ones((1, 40, 48, 3))).shape == (1, 3)


@pytest.mark.parametrize("style", STYLES)
def test_weights_path_that_does_not_exist(style, tmp_path):
    missing = tmp_path / "nothing.weights.h5"
    with pytest.raises(ValueError, match=r"`weights` file does not exist.*nothing\.weights\.h5"):
        build(style, weights=str(missing))


def test_unknown_name_or_style_in_build():
    with pytest.raises(ValueError, match=r"name='resnet51'"):
        kerasnets.build("resnet51")
    with pytest.raises(ValueError, match=r"style='keras'"):
        kerasnets.build("resnet18", style="keras")


@pytest.mark.parametrize("name", ["googlenet", "inception_v3"])
def test_aux_classifiers_in_the_sequential_style(name):
    with pytest.raises(ValueError, match=r"aux_classifiers=True.*one output.*functional.*subclassed"):
        kerasnets.build(name, "sequential", aux_classifiers=True)


@pytest.mark.parametrize("style", ["functional", "subclassed"])
def test_aux_classifiers_need_the_top_and_a_large_enough_input(style):
    with pytest.raises(ValueError, match=r"aux_classifiers=True needs include_top=True"):
        kerasnets.build("googlenet", style, aux_classifiers=True, include_top=False)
    with pytest.raises(ValueError, match=r"at least 299x299"):
        kerasnets.build("inception_v3", style, aux_classifiers=True, input_shape=(139, 139, 3))


@pytest.mark.parametrize("style", STYLES)
def test_family_options_are_checked(style):
    with pytest.raises(ValueError, match=r"dropout=1.5"):
        build(style, name="vgg11", dropout=1.5)
    with pytest.raises(ValueError, match=r"conv_bias='yes'"):
        build(style, conv_bias="yes")
    with pytest.raises(TypeError, match=r"unexpected keyword.*'depth'"):
        build(style, depth=50)


def test_subclassed_build_checks_the_shape_it_is_given():
    from kerasnets.zoo.resnet.subclassed import ResNet

    model = ResNet("resnet18", classes=3)
    with pytest.raises(ValueError, match=r"at least 32x32"):
        model.build((None, 16, 16, 3))


def test_transfer_refuses_another_variant_or_head():
    shape = (32, 32, 3)
    resnet18 = kerasnets.functional.resnet18(input_shape=shape, classes=3)
    with pytest.raises(ValueError, match=r"missing \['conv2_block3_1_bn/beta'.*one architecture and variant"):
        kerasnets.transfer_weights(resnet18, kerasnets.sequential.resnet34(input_shape=shape, classes=3))
    with pytest.raises(ValueError, match=r"left over \['conv1_bn/beta'.*one architecture and variant"):
        kerasnets.transfer_weights(resnet18, kerasnets.subclassed.vgg11(input_shape=shape, classes=3))
    with pytest.raises(ValueError, match=r"wrong shape \['predictions/kernel: \(512, 3\) for \(512, 4\)'"):
        kerasnets.transfer_weights(resnet18, kerasnets.subclassed.resnet18(input_shape=shape, classes=4))
