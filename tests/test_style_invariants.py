"""DESIGN.md section 1, over every registered variant and every pair of styles.

One test per variant builds it once in each style at its smallest input (10 classes) and
checks every invariant on those three models; the `.keras` files are then loaded in a
fresh Python process that imports only kerasnets (one such process per test worker, fed
the files of every variant in turn, so that Python and TensorFlow start once).
"""

import contextlib
import io
import json
import os
import subprocess
import sys
import textwrap

import keras
import numpy as np
import pytest
from conftest import FIRST_OF_EACH_FAMILY, images, min_shape, predict

import kerasnets
from kerasnets.transfer import keyed_weights

VARIANTS = kerasnets.list_models()
AUX = [("googlenet", "functional"), ("googlenet", "subclassed"),
       ("inception_v3", "functional"), ("inception_v3", "subclassed")]


def counts(model):
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    return trainable, model.count_params() - trainable


def build_all(name, **options):
    shape = min_shape(name, **options)
    models = {style: kerasnets.build(name, style, input_shape=shape, classes=10, **options)
              for style in kerasnets.STYLES if not (options and style == "sequential")}
    return shape, models


def assert_relative_close(actual, expected):
    scale = max(float(np.max(np.abs(expected))), 1e-12)
    assert float(np.max(np.abs(actual - expected))) / scale <= 1e-5


def check_transfer_between_all_pairs(models, x, outputs):
    """Around the circle of styles (functional -> sequential -> subclassed -> functional): every
    style gives and receives once, and every pair of styles is crossed. The styles hold the same
    weight keys (checked before), and `transfer_weights` moves by key, so the other direction of
    a pair would repeat the same assignments. `outputs`: each model's current outputs on `x`,
    kept current as weights move."""
    rng = np.random.default_rng(1)
    styles = list(models)
    for src, dst in zip(styles, styles[1:] + styles[:1]):  # with two styles: both directions
        # Fresh random weights first: the transfer must be what makes the outputs agree.
        for variable in models[dst].trainable_weights:
            noise = rng.standard_normal(variable.shape, dtype=np.float32)  # float32 draws: 4x faster
            noise *= 0.05
            variable.assign(noise)
        before = predict(models[dst], x)
        assert any(not np.allclose(b, e) for b, e in zip(before, outputs[src])), (src, dst)
        kerasnets.transfer_weights(models[src], models[dst])
        outputs[dst] = predict(models[dst], x)
        for got, want in zip(outputs[dst], outputs[src]):
            assert_relative_close(got, want)


def check_subclassed_summary_has_real_shapes(model):
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        model.summary(line_length=160)
    text = buffer.getvalue()
    assert "?" not in text, text
    assert "Total params: " + f"{model.count_params():,}" in text


def check_two_copies_fit_in_one_graph(name, models, shape, **options):
    """Each style's model and a second build of it, side by side in one functional graph; the
    second build names every weight as the first did."""
    x = images(shape)
    for style, first in models.items():
        second = kerasnets.build(name, style, input_shape=shape, classes=10, **options)
        assert first.name != second.name
        assert list(keyed_weights(second)) == list(keyed_weights(first))  # deterministic names
        inputs = keras.Input(shape=shape)
        both = keras.Model(inputs, [first(inputs), second(inputs)])
        outputs = [np.asarray(y) for y in keras.tree.flatten(both(x, training=False))]
        assert all(output.shape == (2, 10) for output in outputs)
        assert not np.allclose(outputs[0], outputs[len(outputs) // 2])  # two networks, not one twice


LOADER = textwrap.dedent("""
    import json, sys, traceback
    import keras, numpy as np
    import kerasnets  # the only import a user needs: no custom_objects
    for line in sys.stdin:  # one request per variant: its .keras files, an input, where to answer
        request = json.loads(line)
        try:
            x = np.load(request["x"])
            results = {}
            for style, path in request["paths"].items():
                model = keras.models.load_model(path)
                outputs = keras.tree.flatten(model(x, training=False))
                results[style] = {"type": type(model).__name__, "outputs": [np.asarray(y).tolist() for y in outputs]}
            json.dump(results, open(request["out"], "w"))
            print("done", flush=True)
        except Exception:
            print(json.dumps(traceback.format_exc()), flush=True)
        keras.backend.clear_session()
""")


@pytest.fixture(scope="module")
def fresh_process(tmp_path_factory):
    """A Python process that has imported kerasnets and nothing the tests built: it loads the
    `.keras` files of every variant this test worker checks (one process start, many files)."""
    log = tmp_path_factory.mktemp("loader") / "stderr.txt"
    with open(log, "w") as stderr:
        process = subprocess.Popen([sys.executable, "-c", LOADER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=stderr, text=True)
    process.log = log
    yield process
    process.stdin.close()
    process.wait(timeout=120)


def check_keras_round_trip_in_a_fresh_process(models, x, expected, tmp_path, process):
    """`expected`: each model's current outputs on `x`."""
    paths = {}
    for style, model in models.items():
        paths[style] = str(tmp_path / f"{style}.keras")
        model.save(paths[style])
    np.save(tmp_path / "x.npy", x)
    out = tmp_path / "out.json"
    process.stdin.write(json.dumps({"paths": paths, "x": str(tmp_path / "x.npy"), "out": str(out)}) + "\n")
    process.stdin.flush()
    answer = process.stdout.readline().strip()
    assert answer == "done", (json.loads(answer) if answer else process.log.read_text())[-3000:]
    loaded = json.loads(out.read_text())
    for path in paths.values():
        os.remove(path)  # the files of every variant would fill gigabytes of disk by the end of the run
    for style, model in models.items():
        assert loaded[style]["type"] == type(model).__name__
        for got, want in zip(loaded[style]["outputs"], expected[style]):
            np.testing.assert_allclose(np.array(got, dtype=np.float32), want, rtol=1e-5, atol=1e-7)


def check_invariants(name, tmp_path, process, **options):
    shape, models = build_all(name, **options)
    x = images(shape)

    assert len({counts(model) for model in models.values()}) == 1, {s: counts(m) for s, m in models.items()}
    outputs = {style: predict(model, x) for style, model in models.items()}
    shapes = {style: tuple(y.shape for y in outputs[style]) for style in models}
    assert len(set(shapes.values())) == 1, shapes
    assert all(y.shape == (2, 10) and np.all(np.isfinite(y)) for y in outputs["functional"])  # at the smallest input
    declared = models["subclassed"].compute_output_shape((2, *shape))  # without running the model
    declared = [declared[key] for key in sorted(declared)] if isinstance(declared, dict) else [declared]
    assert tuple(tuple(s) for s in declared) == shapes["subclassed"]

    keys = {style: list(keyed_weights(model)) for style, model in models.items()}  # unique per model
    assert len({frozenset(k) for k in keys.values()}) == 1

    check_transfer_between_all_pairs(models, x, outputs)
    check_subclassed_summary_has_real_shapes(models["subclassed"])
    if name in FIRST_OF_EACH_FAMILY or options:
        # Every style's `.keras` file and a second build of every style: once per family, as
        # what they test (configs, names drawn from the blocks, no state shared between builds)
        # is the family's code, not its spec's rows. The other variants reload one style each,
        # in turn, which keeps each variant's own config in the round trip at a third of the cost.
        check_keras_round_trip_in_a_fresh_process(models, x, outputs, tmp_path, process)
        check_two_copies_fit_in_one_graph(name, models, shape, **options)  # last: it calls the models in a new graph
    else:
        style = kerasnets.STYLES[VARIANTS.index(name) % len(kerasnets.STYLES)]
        check_keras_round_trip_in_a_fresh_process({style: models[style]}, x, outputs, tmp_path, process)


@pytest.mark.slow
@pytest.mark.parametrize("name", VARIANTS)
def test_style_invariants(name, tmp_path, fresh_process):
    check_invariants(name, tmp_path, fresh_process)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["googlenet", "inception_v3"])
def test_style_invariants_with_aux_classifiers(name, tmp_path, fresh_process):
    check_invariants(name, tmp_path, fresh_process, aux_classifiers=True)


@pytest.mark.parametrize("name, style", AUX)
def test_aux_outputs_have_the_same_structure_in_training_and_inference(name, style):
    shape = min_shape(name, aux_classifiers=True)
    model = kerasnets.build(name, style, input_shape=shape, classes=4, aux_classifiers=True)
    x = images(shape)
    train, infer = model(x, training=True), model(x, training=False)
    expected = {"googlenet": ["aux1", "aux2", "predictions"], "inception_v3": ["aux", "predictions"]}[name]
    assert sorted(train) == sorted(infer) == expected
    for key in expected:
        assert train[key].shape == infer[key].shape == (2, 4)
