"""The callbacks that make a run safe to kill: checkpoints that resume, and a NaN guard
that stops the run without overwriting the last good checkpoint."""

import contextlib
import math
import shutil
import signal
import tempfile
import threading

import keras


class NaNGuard(keras.callbacks.Callback):
    """Stops training at the first non-finite loss and remembers where it happened."""

    def __init__(self):
        super().__init__()
        self.epoch, self.where = 0, None

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        loss = (logs or {}).get("loss")
        if loss is not None and not math.isfinite(float(loss)):
            self.where = (self.epoch + 1, batch + 1)
            self.model.stop_training = True


@contextlib.contextmanager
def scratch_dir():
    """A folder deleted on exit: where a non-chief worker writes what it must write."""
    path = tempfile.mkdtemp(prefix="kerasnets-worker-")
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


class RunBackup(keras.callbacks.BackupAndRestore):
    """BackupAndRestore that saves at every epoch end (and every `save_freq` steps when that
    is a number), keeps its checkpoint, and never saves after a NaN.

    In a multi-worker run every worker restores from the chief's files, and every worker
    saves (reading distributed variables takes all of them), but only the chief into the
    run directory: the others write into a scratch folder that is deleted at once.
    """

    def __init__(self, backup_dir, guard, save_freq="epoch", is_chief=True):
        super().__init__(backup_dir, save_freq=save_freq, double_checkpoint=True, delete_checkpoint=False)
        self.guard, self.is_chief = guard, is_chief

    def on_epoch_end(self, epoch, logs=None):
        super().on_epoch_end(epoch, logs)
        if self.save_freq != "epoch":  # Keras saves only every N steps then; we save epochs too
            self._save_model()

    def _save_model(self):
        if self.guard.where is not None:
            return
        if self.is_chief:
            super()._save_model()
            return
        shared = (self.backup_dir, self._weights_path, self._training_metadata_path,
                  self._prev_weights_path, self._prev_training_metadata_path)
        with scratch_dir() as scratch:
            self.backup_dir = scratch
            self._weights_path = f"{scratch}/latest.weights.h5"
            self._training_metadata_path = f"{scratch}/training_metadata.json"
            self._prev_weights_path = f"{self._weights_path}.bkp"
            self._prev_training_metadata_path = f"{self._training_metadata_path}.bkp"
            try:
                super()._save_model()
            finally:
                (self.backup_dir, self._weights_path, self._training_metadata_path,
                 self._prev_weights_path, self._prev_training_metadata_path) = shared

    def save_now(self):
        """Saves the current state (Ctrl-C): the epoch counter stays at the last whole epoch."""
        self._save_model()


class SaveOnInterrupt(keras.callbacks.Callback):
    """Ctrl-C during `fit`: finish the current step, save the state, then stop.

    The first SIGINT only raises a flag; at the next batch end the backup is saved (a safe
    point: no file is open) and KeyboardInterrupt leaves `fit` before the epoch is logged
    as complete. A second Ctrl-C interrupts at once, as Python would.
    """

    def __init__(self, backup):
        super().__init__()
        self.backup, self.requested, self.previous = backup, False, None

    def on_train_begin(self, logs=None):
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._request)

    def _request(self, signum, frame):
        self.requested = True
        signal.signal(signal.SIGINT, self.previous or signal.default_int_handler)

    def on_train_batch_end(self, batch, logs=None):
        if self.requested:
            self.backup.save_now()
            raise KeyboardInterrupt("kerasnets: saved and stopped on Ctrl-C")

    def on_train_end(self, logs=None):
        self.restore_handler()

    def restore_handler(self):
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
            self.previous = None
