"""The course's evaluation metrics: streaming Keras metrics and an exact one-shot report."""

import keras

from kerasnets.metrics.report import classification_report, format_report
from kerasnets.metrics.streaming import (AveragePerClassAccuracy, AveragePrecision, ConfusionMatrix,
                                         MeanAveragePrecision, MeanIoU, PerClassAccuracy, Precision,
                                         Recall, TopKError)

for _metric in (AveragePerClassAccuracy, AveragePrecision, ConfusionMatrix, MeanAveragePrecision,
                MeanIoU, PerClassAccuracy, Precision, Recall, TopKError):
    keras.saving.register_keras_serializable(package="kerasnets")(_metric)
del _metric

__all__ = ["AveragePerClassAccuracy", "AveragePrecision", "ConfusionMatrix", "MeanAveragePrecision",
           "MeanIoU", "PerClassAccuracy", "Precision", "Recall", "TopKError", "classification_report", "format_report"]
