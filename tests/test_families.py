"""Each family's shape against its paper: the feature-map sizes its table prints and the
options it offers. (Every variant's forward pass at its minimum input, in every style, is
tests/test_style_invariants.py's.)"""

import keras
import numpy as np
import pytest
from conftest import images, predict

import kerasnets
from kerasnets.zoo.senet import functional as senet_functional
from kerasnets.zoo.senet import sequential as senet_sequential


def spatial_sizes(model, names):
    return [model.get_layer(name).output.shape[1] for name in names]


def test_alexnet_maps_follow_the_paper():
    model = kerasnets.functional.alexnet()
    assert spatial_sizes(model, ["conv1", "pool1", "conv2", "pool2", "conv5", "pool5"]) == [55, 27, 27, 13, 13, 6]


def test_alexnet_grouped_splits_conv2_conv4_conv5_in_two():
    model = kerasnets.functional.alexnet(grouped=True)
    groups = {layer.name: layer.groups for layer in model.layers if isinstance(layer, keras.layers.Conv2D)}
    assert groups == {"conv1": 1, "conv2": 2, "conv3": 1, "conv4": 2, "conv5": 2}


def test_zfnet_maps_follow_figure_3():
    model = kerasnets.functional.zfnet()
    assert model.get_layer("conv1").kernel_size == (7, 7) and model.get_layer("conv1").strides == (2, 2)
    assert spatial_sizes(model, ["conv1", "pool1", "conv2", "pool2", "conv5", "pool5"]) == [110, 55, 26, 13, 13, 6]


def test_googlenet_maps_follow_table_1():
    model = kerasnets.functional.googlenet()
    names = ["conv1_7x7", "pool1", "pool2", "inception_3b", "pool3", "inception_4e", "pool4", "inception_5b"]
    assert spatial_sizes(model, names) == [112, 56, 28, 28, 14, 14, 7, 7]
    widths = [model.get_layer(f"inception_{stage}").output.shape[-1] for stage in ("3a", "4e", "5b")]
    assert widths == [256, 832, 1024]


def test_bn_inception_maps_follow_figure_5():
    model = kerasnets.functional.bn_inception()
    names = ["pool2_3x3_s2", "inception_3b", "inception_3c", "inception_4d", "inception_4e", "inception_5b"]
    assert spatial_sizes(model, names) == [28, 28, 14, 14, 7, 7]
    assert [model.get_layer(n).output.shape[-1] for n in names[1:]] == [320, 576, 608, 1056, 1024]
    assert model.get_layer("inception_3a_double_3x3_2_conv").kernel_size == (3, 3)  # no 5x5 left
    assert not [layer for layer in model.layers if isinstance(layer, keras.layers.Dropout)]


def test_inception_v4_grids_follow_figure_9():
    model = kerasnets.functional.inception_v4()
    names = ["conv2d_2b_3x3_relu", "mixed_3a", "mixed_4a", "mixed_5a", "mixed_5e", "mixed_6a", "mixed_6h", "mixed_7a",
             "mixed_7d"]
    assert spatial_sizes(model, names) == [147, 73, 71, 35, 35, 17, 17, 8, 8]
    assert [model.get_layer(n).output.shape[-1] for n in names] == [64, 160, 192, 384, 384, 1024, 1024, 1536, 1536]


@pytest.mark.parametrize("variant, widths", [("inception_resnet_v1", [256, 896, 1792]),
                                             ("inception_resnet_v2", [320, 1088, 2080])])
def test_inception_resnet_grids_are_35_17_8(variant, widths):
    """The paper's 35x35x256, 17x17x896, 8x8x1792 for v1; TF-slim's widths for v2."""
    model = kerasnets.functional.__dict__[variant]()
    names = ["block35_1_relu", "block17_1_relu", "block8_1_relu"]
    assert spatial_sizes(model, names) == [35, 17, 8]
    assert [model.get_layer(n).output.shape[-1] for n in names] == widths


@pytest.mark.parametrize("style", kerasnets.STYLES)
def test_inception_resnet_block_scales_scale_the_residuals(style):
    shape = (75, 75, 3)
    small = kerasnets.build("inception_resnet_v1", style, input_shape=shape, classes=3, classifier_activation=None)
    large = kerasnets.build("inception_resnet_v1", style, input_shape=shape, classes=3, classifier_activation=None,
                            block_scales=(0.3, 0.3, 0.3))
    kerasnets.transfer_weights(small, large)
    x = images(shape)
    assert not np.allclose(predict(small, x)[0], predict(large, x)[0])
    with pytest.raises(ValueError, match=r"block_scales=\(0.1, 2\)"):
        kerasnets.build("inception_resnet_v1", style, block_scales=(0.1, 2))


def test_xception_flows_follow_figure_5():
    model = kerasnets.functional.xception()
    names = ["block1_conv2_act", "block2_add", "block3_add", "block4_add", "block12_add", "block13_add",
             "block14_sepconv2_act"]
    assert spatial_sizes(model, names) == [147, 74, 37, 19, 19, 10, 10]
    assert [model.get_layer(n).output.shape[-1] for n in names] == [64, 128, 256, 728, 728, 1024, 2048]
    separable = [layer for layer in model.layers if isinstance(layer, keras.layers.SeparableConv2D)]
    assert len(separable) == 2 * 4 + 3 * 8 + 2  # entry, middle, exit


def test_densenet121_blocks_grow_by_the_growth_rate_and_transitions_halve():
    model = kerasnets.functional.densenet121()
    assert model.get_layer("conv2_block1_concat").output.shape[-1] == 64 + 32
    names = ["conv2_block6_concat", "pool2_pool", "conv3_block12_concat", "pool3_pool", "conv4_block24_concat",
             "pool4_pool", "conv5_block16_concat"]
    assert spatial_sizes(model, names) == [56, 28, 28, 14, 14, 7, 7]
    assert [model.get_layer(n).output.shape[-1] for n in names] == [256, 128, 512, 256, 1024, 512, 1024]
    wide = kerasnets.functional.densenet121(growth_rate=12, compression=1.0, include_top=False)
    assert wide.get_layer("conv2_block6_concat").output.shape[-1] == 64 + 6 * 12
    assert wide.get_layer("pool2_conv").output.shape[-1] == 64 + 6 * 12


def test_resnext_groups_its_strided_3x3_and_pads_it_as_pytorch():
    model = kerasnets.functional.resnext50_32x4d(input_shape=(32, 32, 3), classes=3)
    conv = model.get_layer("conv3_block1_2_conv")
    assert (conv.groups, conv.strides, conv.padding, conv.filters) == (32, (2, 2), "valid", 256)
    assert model.get_layer("conv2_block1_2_conv").filters == 128  # 32 groups x 4 channels
    x = images((32, 32, 3))
    got = layer_output(model, "conv3_block1_2_conv", x)
    inputs = layer_output(model, "conv3_block1_1_relu", x)
    kernel = np.asarray(conv.kernel)  # (3, 3, 256 / 32, 256): group g sees inputs 8g..8g+7
    want = np.concatenate([reference_convolution(inputs[..., 8 * g:8 * g + 8], kernel[..., 8 * g:8 * g + 8], None, 2, 1)
                           for g in range(32)], axis=-1)
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)


def test_inception_v3_grids_are_35_17_8():
    model = kerasnets.functional.inception_v3()
    names = ["mixed_5d", "mixed_6e", "mixed_7c"]
    assert spatial_sizes(model, names) == [35, 17, 8]
    assert [model.get_layer(n).output.shape[-1] for n in names] == [288, 768, 2048]
    assert model.get_layer("mixed_6b_branch3_3_conv").kernel_size == (1, 7)


@pytest.mark.parametrize("name, stage_widths", [("resnet18", (64, 128, 256, 512)), ("resnet50", (256, 512, 1024, 2048))])
def test_resnet_stages_halve_the_grid_and_widen(name, stage_widths):
    model = kerasnets.functional.__dict__[name]()
    last = {"resnet18": (2, 2, 2, 2), "resnet50": (3, 4, 6, 3)}[name]
    outs = [model.get_layer(f"conv{stage}_block{depth}_out").output.shape
            for stage, depth in zip(range(2, 6), last)]
    assert [shape[1] for shape in outs] == [56, 28, 14, 7]
    assert tuple(shape[-1] for shape in outs) == stage_widths


def test_resnet_projects_only_where_the_block_changes_shape():
    resnet18 = kerasnets.functional.resnet18()
    names = {layer.name for layer in resnet18.layers}
    assert "conv2_block1_0_conv" not in names and "conv3_block1_0_conv" in names
    assert "conv2_block1_0_conv" in {layer.name for layer in kerasnets.functional.resnet50().layers}


def test_lenet5_classic_and_modern_forms():
    classic = kerasnets.functional.lenet5(classes=10)
    modern = kerasnets.functional.lenet5(classes=10, modern=True)
    assert isinstance(classic.get_layer("s2"), keras.layers.AveragePooling2D)
    assert classic.get_layer("c1").activation.__name__ == "tanh"
    assert isinstance(modern.get_layer("s2"), keras.layers.MaxPooling2D)
    assert modern.get_layer("c1").activation.__name__ == "relu"
    assert spatial_sizes(classic, ["c1", "s2", "c3", "s4", "c5"]) == [28, 14, 10, 5, 1]


def test_nin_has_no_dense_layer_and_one_map_per_class():
    model = kerasnets.functional.nin(classes=17)
    assert not [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    assert model.get_layer("block4_mlp2").output.shape[-1] == 17


def reference_convolution(x, kernel, bias, stride, pad):
    """A strided 2D convolution with `pad` zeros on every side, in NumPy: PyTorch's and
    Caffe's definition of padding, the oracle for the padding of the renderings."""
    x = np.pad(x, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    k = kernel.shape[0]
    rows = (x.shape[1] - k) // stride + 1
    cols = (x.shape[2] - k) // stride + 1
    out = np.zeros((x.shape[0], rows, cols, kernel.shape[-1]), dtype=np.float64)
    for i in range(rows):
        for j in range(cols):
            window = x[:, i * stride:i * stride + k, j * stride:j * stride + k, :]
            out[:, i, j, :] = np.tensordot(window, kernel, axes=([1, 2, 3], [0, 1, 2]))
    return out + (0 if bias is None else bias)


def layer_output(model, layer_name, x):
    probe = keras.Model(model.input, model.get_layer(layer_name).output)
    return np.asarray(probe(x, training=False))


def test_resnet18_strided_3x3_pads_one_pixel_on_every_side_as_pytorch():
    """On an even map, Keras' "same" would pad only the bottom and right, shifting a strided
    3x3's outputs by half a pixel against the published network. (The other two styles give
    the functional model's outputs: test_style_invariants.)"""
    model = kerasnets.functional.resnet18(input_shape=(32, 32, 3), classes=3)
    x = images((32, 32, 3))
    conv = model.get_layer("conv3_block1_1_conv")
    got = layer_output(model, "conv3_block1_1_conv", x)
    want = reference_convolution(layer_output(model, "conv2_block2_out", x), np.asarray(conv.kernel), None, 2, 1)
    assert got.shape == want.shape == (2, 4, 4, 128)
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)


def test_googlenet_stem_pads_three_pixels_on_every_side_as_caffe():
    model = kerasnets.functional.googlenet(classes=3)
    x = images((224, 224, 3), batch=1)
    conv = model.get_layer("conv1_7x7")
    got = layer_output(model, "conv1_7x7", x)
    want = np.maximum(reference_convolution(x, np.asarray(conv.kernel), np.asarray(conv.bias), 2, 3), 0)
    assert got.shape == want.shape == (1, 112, 112, 64)
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("name", ["se_resnet50", "senet154"])
def test_senet_grids_follow_table_1(name):
    model = kerasnets.functional.__dict__[name]()
    last = {"se_resnet50": (3, 4, 6, 3), "senet154": (3, 8, 36, 3)}[name]
    outs = [model.get_layer(f"conv{stage}_block{depth}_out").output.shape for stage, depth in zip(range(2, 6), last)]
    assert [shape[1] for shape in outs] == [56, 28, 14, 7]
    assert [shape[-1] for shape in outs] == [256, 512, 1024, 2048]
    assert model.get_layer("pool1_pool").output.shape[1] == 56  # ceil mode keeps the last window: 112 -> 56
    assert [model.get_layer(f"conv{stage}_block1_se_reduce").filters for stage in range(2, 6)] == [16, 32, 64, 128]


def test_senet154_has_a_deep_stem_3x3_shortcuts_64_groups_and_dropout():
    model = kerasnets.functional.senet154()
    assert [model.get_layer(f"conv1_{i}_conv").filters for i in (1, 2, 3)] == [64, 64, 128]
    assert model.get_layer("conv2_block1_0_conv").kernel_size == (1, 1)  # 128 -> 256, not strided
    shortcut = model.get_layer("conv3_block1_0_conv")
    assert (shortcut.kernel_size, shortcut.strides, shortcut.padding) == ((3, 3), (2, 2), "valid")
    grouped = model.get_layer("conv3_block1_2_conv")
    assert (grouped.groups, grouped.strides, grouped.filters) == (64, (2, 2), 512)
    assert model.get_layer("dropout").rate == 0.2
    assert not [layer for layer in kerasnets.functional.se_resnet50().layers if isinstance(layer, keras.layers.Dropout)]


def test_se_resnet_strides_its_first_1x1_and_se_resnext_its_grouped_3x3():
    se_resnet = kerasnets.functional.se_resnet50(input_shape=(32, 32, 3))
    se_resnext = kerasnets.functional.se_resnext50_32x4d(input_shape=(32, 32, 3))
    assert se_resnet.get_layer("conv3_block1_1_conv").strides == (2, 2)
    assert se_resnet.get_layer("conv3_block1_2_conv").strides == (1, 1)
    assert se_resnext.get_layer("conv3_block1_1_conv").strides == (1, 1)
    assert se_resnext.get_layer("conv3_block1_2_conv").groups == 32
    assert se_resnext.get_layer("conv2_block1_2_conv").filters == 128  # floor(64 x 4 / 64) x 32


def test_senet_ceil_mode_pooling_keeps_the_last_window_on_odd_and_even_maps():
    """Caffe's ceil mode: 49 -> 24 (where "same" gives 25) and 112 -> 56 (where "valid" gives 55)."""
    for size, stem, pooled in ((97, 49, 24), (224, 112, 56)):
        model = kerasnets.functional.se_resnet50(input_shape=(size, size, 3), include_top=False)
        assert spatial_sizes(model, ["conv1_relu", "pool1_pool"]) == [stem, pooled]


def squeeze_excite_in(style, channels, ratio):
    """The squeeze-and-excitation block of one style on its own, as a model."""
    inputs = keras.Input((5, 5, channels))
    if style == "functional":
        outputs = senet_functional.squeeze_excite(inputs, ratio, name="se")
    elif style == "sequential":
        outputs = senet_sequential.squeeze_excite(channels, ratio, name="se")(inputs)
    else:
        outputs = kerasnets.subclassed.SqueezeExcite(channels, ratio, name="se")(inputs)
    return keras.Model(inputs, outputs)


@pytest.mark.parametrize("style", kerasnets.STYLES)
def test_squeeze_excite_scales_each_channel_by_its_gate(style):
    """Against NumPy: x * sigmoid(W2 relu(W1 mean(x) + b1) + b2), channel by channel."""
    block = squeeze_excite_in(style, channels=32, ratio=8)
    rng = np.random.default_rng(1)
    for variable in block.weights:
        variable.assign(rng.standard_normal(variable.shape).astype("float32"))
    w1, b1, w2, b2 = (np.asarray(variable) for variable in block.weights)
    assert w1.shape == (1, 1, 32, 4) and w2.shape == (1, 1, 4, 32)
    x = rng.standard_normal((2, 5, 5, 32)).astype("float32")
    squeezed = x.mean(axis=(1, 2))
    gate = 1 / (1 + np.exp(-(np.maximum(squeezed @ w1[0, 0] + b1, 0) @ w2[0, 0] + b2)))
    np.testing.assert_allclose(np.asarray(block(x)), x * gate[:, None, None, :], rtol=1e-5, atol=1e-5)


def test_senet_ratio_sets_the_squeeze_width_and_is_checked():
    model = kerasnets.functional.se_resnet50(input_shape=(32, 32, 3), ratio=8)
    assert model.get_layer("conv2_block1_se_reduce").filters == 256 // 8
    for style in kerasnets.STYLES:
        with pytest.raises(ValueError, match="ratio=0"):
            kerasnets.build("se_resnet50", style, ratio=0)
