"""Training on tf.distribute: `kerasnets.train` and the pieces it is made of."""

from kerasnets.training.runner import TrainingDiverged, TrainResult, train

__all__ = ["TrainResult", "TrainingDiverged", "train"]
