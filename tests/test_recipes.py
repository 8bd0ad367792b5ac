"""kerasnets.recipes.compile_args: a paper's recipe as the arguments of your own `compile`."""

import keras
import numpy as np
import pytest

import kerasnets
from kerasnets.recipes import SmoothedSparseCrossentropy, compile_args


@pytest.mark.parametrize("style", ["functional", "subclassed"])
def test_googlenet_recipe_weights_the_auxiliary_losses_and_trains(style):
    model = kerasnets.build("googlenet", style, input_shape=(65, 65, 3), classes=10, aux_classifiers=True)
    args = compile_args("googlenet", model, steps_per_epoch=4, epochs=2)
    assert sorted(args["loss"]) == ["aux1", "aux2", "predictions"]
    assert args["loss_weights"] == {"aux1": 0.3, "aux2": 0.3, "predictions": 1.0}
    assert [m.name for m in args["metrics"]["predictions"]] == ["accuracy", "top5_accuracy"]
    optimizer = args["optimizer"]
    assert isinstance(optimizer, keras.optimizers.SGD) and optimizer.momentum == 0.9
    model.compile(**args)
    x = np.random.default_rng(0).random((4, 65, 65, 3), dtype=np.float32)
    y = np.arange(4) % 10
    logs = model.fit(x, {"aux1": y, "aux2": y, "predictions": y}, epochs=1, verbose=0).history
    assert np.isfinite(logs["loss"][0])


def test_label_smoothing_and_label_mixing_choose_the_loss():
    model = kerasnets.functional.resnet18(input_shape=(32, 32, 3), classes=10)
    sparse = compile_args("inception_v3", model, steps_per_epoch=10, epochs=2)["loss"]
    assert isinstance(sparse, SmoothedSparseCrossentropy) and sparse.label_smoothing == 0.1
    one_hot = compile_args("inception_v3", model, steps_per_epoch=10, epochs=2, one_hot=True)["loss"]
    assert isinstance(one_hot, keras.losses.CategoricalCrossentropy)
    mixed = compile_args("resnet", model, steps_per_epoch=10, epochs=2, augment="mixup")
    assert isinstance(mixed["loss"], keras.losses.CategoricalCrossentropy)
    assert mixed["metrics"][0].__class__ is keras.metrics.CategoricalAccuracy
    assert isinstance(compile_args("modern", model, 10, 2)["loss"], keras.losses.SparseCategoricalCrossentropy)


def test_overrides_and_your_own_metrics():
    model = kerasnets.sequential.lenet5(classes=10)
    precision = kerasnets.metrics.Precision(10, average="macro")
    args = compile_args("resnet", model, steps_per_epoch=10, epochs=4, learning_rate=0.5, metrics=[precision])
    assert args["metrics"] == [precision]
    assert float(np.asarray(args["optimizer"].learning_rate)) == pytest.approx(0.5)  # the schedule at step 0


def test_bad_recipe_and_settings_are_named():
    model = kerasnets.sequential.lenet5(classes=10)
    with pytest.raises(ValueError, match=r"recipe='adam'"):
        compile_args("adam", model, 10, 2)
    with pytest.raises(ValueError, match=r"learning_rate=-1"):
        compile_args("resnet", model, 10, 2, learning_rate=-1)
