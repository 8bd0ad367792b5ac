"""The callbacks of a kerasnets run, for `kerasnets.train` and for your own `model.fit`.

- `EvaluationReport`: the course's metrics and figures (kerasnets.reporting), written while
  the model trains.
- `RunBackup`, `NaNGuard`, `SaveOnInterrupt`: what makes a run safe to kill: checkpoints
  that resume, a NaN guard that stops the run without overwriting the last good
  checkpoint, and Ctrl-C that saves at a batch boundary before it stops.

In your own `fit` (run it again after a crash, and it resumes):

    guard = kerasnets.callbacks.NaNGuard()
    backup = kerasnets.callbacks.RunBackup("run/checkpoints", guard=guard)
    model.fit(train_ds, validation_data=val_ds, epochs=10, callbacks=[
        guard, backup, kerasnets.callbacks.SaveOnInterrupt(backup),
        kerasnets.callbacks.EvaluationReport(val_ds, out_dir="run/report")])
"""

import concurrent.futures
import contextlib
import math
import os
import shutil
import signal
import tempfile
import threading

import keras
import numpy as np

from kerasnets.metrics import classification_report
from kerasnets.reporting import FIGURES, labels_and_scores, read_history, write_report

_BACKGROUND = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="kerasnets-report")


class EvaluationReport(keras.callbacks.Callback):
    """At the end of every `every`-th epoch and of training: report.json and the figures.

    validation_data: a tf.data.Dataset of (images, labels) batches, or arrays (x, y).
    tensorboard_dir: also log the scalars and the confusion matrix as an image there.

    Only the prediction pass (the price of one validation pass) and the metrics hold up
    training; the files and figures are written by a background thread, one report at a
    time, and all are on disk when `fit` returns.
    is_chief: in a multi-worker run every worker predicts, only the chief writes.
    history_csv: draw the training curves from this CSVLogger file (whole runs, resumed
        ones included) rather than from the epochs this callback saw.
    """

    def __init__(self, validation_data, every=1, out_dir="report", class_names=None,
                 tensorboard_dir=None, is_chief=True, history_csv=None):
        super().__init__()
        if isinstance(every, bool) or not isinstance(every, int) or every < 1:
            raise ValueError(f"`every` must be an integer >= 1. Received: every={every!r}")
        self.validation_data, self.every, self.out_dir = validation_data, every, out_dir
        self.class_names, self.tensorboard_dir, self.is_chief = class_names, tensorboard_dir, is_chief
        self.history_csv, self.history, self.last_written = history_csv, {}, None
        self._writer = None

    def on_epoch_end(self, epoch, logs=None):
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(float(np.asarray(value).reshape(-1)[0]))
        if (epoch + 1) % self.every == 0:
            self.write(epoch)

    def on_train_end(self, logs=None):
        epochs = len(next(iter(self.history.values()), []))
        if epochs and self.last_written != epochs - 1:
            self.write(epochs - 1)
        self.wait()

    def wait(self):
        """Blocks until the report being written in the background is on disk."""
        if self._writer is not None:
            self._writer.result()
            self._writer = None

    def write(self, epoch):
        y_true, y_score = labels_and_scores(self.model, self.validation_data)
        if not np.all(np.isfinite(y_score)):  # a diverged model: nothing worth a report
            print("kerasnets: the model predicts NaN or infinity; no evaluation report written.")
            return None
        report = classification_report(y_true, y_score, class_names=self.class_names)
        report["epoch"] = epoch + 1
        self.last_written = epoch
        if not self.is_chief:
            return report
        history = read_history(self.history_csv) if self.history_csv else {}
        history = history or {key: list(values) for key, values in self.history.items()}
        self.wait()  # one report at a time, in epoch order
        self._writer = _BACKGROUND.submit(self._write_files, report, history, epoch)
        return report

    def _write_files(self, report, history, epoch):
        write_report(report, self.out_dir, history)
        if self.tensorboard_dir:
            self._log_to_tensorboard(report, epoch)

    def _log_to_tensorboard(self, report, epoch):
        import tensorflow as tf  # TensorBoard's writer; only when tensorboard_dir is given
        writer = tf.summary.create_file_writer(os.path.join(self.tensorboard_dir, "report"))
        image = tf.io.decode_png(tf.io.read_file(os.path.join(self.out_dir, FIGURES[0])), channels=4)
        with writer.as_default(step=epoch + 1):
            for key in ("accuracy", "average_per_class_accuracy", "macro_precision", "macro_recall",
                        "mean_iou", "map", "top1_error", "top5_error"):
                if report[key] == report[key]:  # not NaN
                    tf.summary.scalar(f"report/{key}", report[key])
            tf.summary.image("report/confusion_matrix", image[None])
        writer.close()


class NaNGuard(keras.callbacks.Callback):
    """Stops training at the first non-finite loss and remembers where it happened.

    After `fit`, `guard.where` is None, or the (epoch, batch) of the first NaN (both from 1).
    Give it to `RunBackup(..., guard=guard)` so that the bad state is never saved.
    """

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
    """Resumable checkpoints: Keras' BackupAndRestore, saving at every epoch end (and every
    `save_freq` steps when that is a number), keeping its checkpoint when `fit` ends, and
    never saving after a NaN. Run the same `fit` again after a crash and it resumes from the
    last saved epoch (or step); the previous checkpoint is kept beside the latest.

    backup_dir: where the checkpoint lives (`latest.weights.h5`, `training_metadata.json`).
    guard: the `NaNGuard` of the same `fit`, or None for no NaN check.
    save_freq: "epoch", or also every that many steps.
    is_chief: see below; True on one machine.

    In a multi-worker run every worker restores from the chief's files, and every worker
    saves (reading distributed variables takes all of them), but only the chief into the
    run directory: the others write into a scratch folder that is deleted at once.
    """

    def __init__(self, backup_dir, guard=None, save_freq="epoch", is_chief=True):
        super().__init__(backup_dir, save_freq=save_freq, double_checkpoint=True, delete_checkpoint=False)
        self.guard, self.is_chief = guard, is_chief

    def on_epoch_end(self, epoch, logs=None):
        super().on_epoch_end(epoch, logs)
        if self.save_freq != "epoch":  # Keras saves only every N steps then; we save epochs too
            self._save_model()

    def _save_model(self):
        if self.guard is not None and self.guard.where is not None:
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
    """Ctrl-C during `fit`: finish the current step, save the state of `backup` (a
    `RunBackup`), then stop.

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
