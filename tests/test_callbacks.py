"""kerasnets.callbacks in a plain `model.fit`: resumable checkpoints and the NaN stop."""

import os

import keras
import numpy as np

from kerasnets.callbacks import NaNGuard, RunBackup


def small_model(seed=0):
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(3)])
    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return model


def data():
    rng = np.random.default_rng(0)
    return rng.normal(size=(64, 4)).astype("float32"), rng.integers(0, 3, 64)


def test_run_backup_resumes_a_fit_where_it_stopped(tmp_path):
    x, y = data()
    first = small_model()
    first.fit(x, y, epochs=2, batch_size=16, verbose=0, callbacks=[RunBackup(str(tmp_path))])
    assert os.path.exists(tmp_path / "latest.weights.h5")  # kept after fit ended
    again = small_model(seed=1)  # a fresh process would build the model anew
    history = again.fit(x, y, epochs=4, batch_size=16, verbose=0, callbacks=[RunBackup(str(tmp_path))])
    assert history.epoch == [2, 3]  # epochs 1 and 2 were done: only 3 and 4 run


class PoisonAtEpoch(keras.callbacks.Callback):
    """Makes the loss NaN from the start of `epoch` (counted from 0)."""

    def __init__(self, epoch):
        super().__init__()
        self.epoch = epoch

    def on_epoch_begin(self, epoch, logs=None):
        if epoch == self.epoch:
            kernel = self.model.layers[-1].kernel
            kernel.assign(np.full(kernel.shape, np.nan, "float32"))


def test_nan_guard_stops_and_the_backup_keeps_the_last_good_epoch(tmp_path):
    x, y = data()
    model = small_model()
    guard = NaNGuard()
    backup = RunBackup(str(tmp_path), guard=guard)
    snapshot = {}
    keep = keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: snapshot.update(
        {epoch: [np.array(w) for w in model.get_weights()]}))
    history = model.fit(x, y, epochs=5, batch_size=16, verbose=0, callbacks=[guard, keep, backup, PoisonAtEpoch(2)])
    assert guard.where == (3, 1)  # epoch 3, its first batch
    assert len(history.epoch) == 3
    restored = small_model(seed=1)
    restored.load_weights(str(tmp_path / "latest.weights.h5"))
    for got, want in zip(restored.get_weights(), snapshot[1]):  # the end of epoch 2 (counted from 1)
        np.testing.assert_array_equal(got, want)
