"""The callbacks that make a run safe to kill: checkpoints that resume, and a NaN guard
that stops the run without overwriting the last good checkpoint."""

import math

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


class RunBackup(keras.callbacks.BackupAndRestore):
    """BackupAndRestore that keeps its checkpoint, never saves after a NaN, and lets only
    the chief of a multi-worker run write (every worker restores from the chief's files)."""

    def __init__(self, backup_dir, guard, save_freq="epoch", is_chief=True):
        super().__init__(backup_dir, save_freq=save_freq, double_checkpoint=True, delete_checkpoint=False)
        self.guard, self.is_chief = guard, is_chief

    def _save_model(self):
        if self.is_chief and self.guard.where is None:
            super()._save_model()

    def save_now(self):
        """Saves the current state (Ctrl-C): the epoch counter stays at the last whole epoch."""
        self._save_model()
