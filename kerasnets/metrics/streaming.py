"""The course's metrics as streaming `keras.metrics.Metric`s, for `fit` and `evaluate`.

Each accumulates counts in variables that Keras creates on-read with SUM aggregation, so
under a tf.distribute strategy every replica counts its share and reading the result adds
them up. Labels may be integers or one-hot; predictions probabilities or logits
(`from_logits=True` matters for AP only: the other metrics use the arg-max).

Everything but AP is exact and equals `classification_report` (same conventions). AP is
computed from `num_thresholds` equal score bins per class: it is exact when no bin holds
two different scores, and otherwise treats the scores within one bin as ties (with 1000
bins it was within 5e-3 of the exact value in the tests); `classification_report`
computes it exactly from all scores.
"""

import keras
from keras import ops


def sparse_labels(y_true, num_classes):
    if len(y_true.shape) >= 2 and y_true.shape[-1] == num_classes and num_classes > 1:
        return ops.argmax(y_true, axis=-1)
    return ops.cast(ops.reshape(y_true, (-1,)), "int32")


def _weights(sample_weight, count):
    if sample_weight is None:
        return ops.ones((count,), "float32")
    return ops.cast(ops.reshape(sample_weight, (-1,)), "float32")


def _safe_divide(numerator, denominator):
    return ops.where(denominator > 0, numerator / ops.maximum(denominator, 1e-12), 0.0)


class ConfusionMatrix(keras.metrics.Metric):
    """Counts (true class, predicted class) pairs: rows true, columns predicted."""

    def __init__(self, num_classes, name="confusion_matrix", dtype=None):
        super().__init__(name=name, dtype=dtype)
        if isinstance(num_classes, bool) or not isinstance(num_classes, int) or num_classes < 1:
            raise ValueError(f"`num_classes` must be an integer >= 1. Received: num_classes={num_classes!r}")
        self.num_classes = num_classes
        self.matrix = self.add_variable((num_classes, num_classes), "zeros", dtype="float32", name="matrix")

    def update_state(self, y_true, y_pred, sample_weight=None):
        n = self.num_classes
        labels = ops.cast(sparse_labels(y_true, n), "int32")
        predicted = ops.cast(ops.argmax(y_pred, axis=-1), "int32")
        weights = _weights(sample_weight, ops.shape(labels)[0])
        # segment_sum with a static count works on every backend (JAX's bincount needs one inside jit)
        cells = ops.segment_sum(ops.cast(weights, "float32"), labels * n + predicted, num_segments=n * n)
        self.matrix.assign_add(ops.reshape(cells, (n, n)))

    def reset_state(self):
        self.matrix.assign(ops.zeros(self.matrix.shape, self.matrix.dtype))

    def counts(self):
        matrix = ops.convert_to_tensor(self.matrix)
        true_positives = ops.diagonal(matrix)
        return true_positives, ops.sum(matrix, axis=1), ops.sum(matrix, axis=0)

    def result(self):
        return ops.convert_to_tensor(self.matrix)

    def get_config(self):
        return {**super().get_config(), "num_classes": self.num_classes}


def _masked_mean(values, mask):
    mask = ops.cast(mask, "float32")
    return _safe_divide(ops.sum(values * mask), ops.sum(mask))


class PerClassAccuracy(ConfusionMatrix):
    """The share of each class's images classified right (its recall); 0 for an absent class."""

    def __init__(self, num_classes, name="per_class_accuracy", dtype=None):
        super().__init__(num_classes, name=name, dtype=dtype)

    def result(self):
        tp, support, _ = self.counts()
        return _safe_divide(tp, support)


class AveragePerClassAccuracy(ConfusionMatrix):
    """The mean per-class accuracy over the classes present (scikit-learn's balanced accuracy)."""

    def __init__(self, num_classes, name="average_per_class_accuracy", dtype=None):
        super().__init__(num_classes, name=name, dtype=dtype)

    def result(self):
        tp, support, _ = self.counts()
        return _masked_mean(_safe_divide(tp, support), support > 0)


class _Averaged(ConfusionMatrix):
    """A per-class quantity, returned per class (average=None) or as its macro mean over the
    classes seen in labels or predictions (average="macro")."""

    def __init__(self, num_classes, average=None, name=None, dtype=None):
        super().__init__(num_classes, name=name, dtype=dtype)
        if average not in (None, "macro"):
            raise ValueError(f"`average` must be None or 'macro'. Received: average={average!r}")
        self.average = average

    def per_class(self, tp, support, predicted):
        raise NotImplementedError

    def result(self):
        tp, support, predicted = self.counts()
        values = self.per_class(tp, support, predicted)
        return values if self.average is None else _masked_mean(values, (support + predicted) > 0)

    def get_config(self):
        return {**super().get_config(), "average": self.average}


class Precision(_Averaged):
    def __init__(self, num_classes, average=None, name="precision", dtype=None):
        super().__init__(num_classes, average, name=name, dtype=dtype)

    def per_class(self, tp, support, predicted):
        return _safe_divide(tp, predicted)


class Recall(_Averaged):
    def __init__(self, num_classes, average=None, name="recall", dtype=None):
        super().__init__(num_classes, average, name=name, dtype=dtype)

    def per_class(self, tp, support, predicted):
        return _safe_divide(tp, support)


class MeanIoU(_Averaged):
    """Intersection over union of each class's true and predicted sets, TP / (TP + FP + FN)."""

    def __init__(self, num_classes, average="macro", name="mean_iou", dtype=None):
        super().__init__(num_classes, average, name=name, dtype=dtype)

    def per_class(self, tp, support, predicted):
        return _safe_divide(tp, support + predicted - tp)


class TopKError(keras.metrics.Metric):
    """The share of images whose true class is not among the k best scores (ILSVRC top-5 error).
    Ties go to the higher class index, as in scikit-learn's top_k_accuracy_score."""

    def __init__(self, k=5, name=None, dtype=None):
        super().__init__(name=name or f"top{k}_error", dtype=dtype)
        if isinstance(k, bool) or not isinstance(k, int) or k < 1:
            raise ValueError(f"`k` must be an integer >= 1. Received: k={k!r}")
        self.k = k
        self.misses = self.add_variable((), "zeros", dtype="float32", name="misses")
        self.count = self.add_variable((), "zeros", dtype="float32", name="count")

    def update_state(self, y_true, y_pred, sample_weight=None):
        classes = y_pred.shape[-1]
        labels = ops.cast(sparse_labels(y_true, classes), "int32")
        y_pred = ops.cast(y_pred, "float32")
        true_score = ops.take_along_axis(y_pred, labels[:, None], axis=1)
        index = ops.arange(classes)[None, :]
        above = ops.logical_or(y_pred > true_score,
                               ops.logical_and(y_pred == true_score, index > labels[:, None]))
        hit = ops.cast(ops.sum(ops.cast(above, "int32"), axis=1) < self.k, "float32")
        weights = _weights(sample_weight, ops.shape(labels)[0])
        self.misses.assign_add(ops.sum((1.0 - hit) * weights))
        self.count.assign_add(ops.sum(weights))

    def reset_state(self):
        self.misses.assign(0.0)
        self.count.assign(0.0)

    def result(self):
        return _safe_divide(ops.convert_to_tensor(self.misses), ops.convert_to_tensor(self.count))

    def get_config(self):
        return {**super().get_config(), "k": self.k}


class AveragePrecision(keras.metrics.Metric):
    """One-vs-rest AP per class from `num_thresholds` score bins (see the module docstring)."""

    def __init__(self, num_classes, num_thresholds=200, from_logits=False, name="average_precision", dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.num_classes, self.num_thresholds, self.from_logits = num_classes, num_thresholds, from_logits
        shape = (num_classes, num_thresholds)
        self.positives = self.add_variable(shape, "zeros", dtype="float32", name="positives")
        self.negatives = self.add_variable(shape, "zeros", dtype="float32", name="negatives")

    def update_state(self, y_true, y_pred, sample_weight=None):
        n, bins = self.num_classes, self.num_thresholds
        scores = ops.softmax(y_pred, axis=-1) if self.from_logits else y_pred
        scores = ops.clip(ops.cast(scores, "float32"), 0.0, 1.0)
        labels = ops.cast(sparse_labels(y_true, n), "int32")
        bin_index = ops.minimum(ops.cast(ops.floor(scores * bins), "int32"), bins - 1)  # (batch, n)
        cell = ops.arange(n)[None, :] * bins + bin_index
        is_positive = ops.cast(ops.one_hot(labels, n), "float32")
        weights = _weights(sample_weight, ops.shape(labels)[0])[:, None]
        flat = ops.reshape(cell, (-1,))
        positive = ops.segment_sum(ops.reshape(is_positive * weights, (-1,)), flat, num_segments=n * bins)
        negative = ops.segment_sum(ops.reshape((1.0 - is_positive) * weights, (-1,)), flat, num_segments=n * bins)
        self.positives.assign_add(ops.reshape(ops.cast(positive, "float32"), (n, bins)))
        self.negatives.assign_add(ops.reshape(ops.cast(negative, "float32"), (n, bins)))

    def reset_state(self):
        self.positives.assign(ops.zeros(self.positives.shape, self.positives.dtype))
        self.negatives.assign(ops.zeros(self.negatives.shape, self.negatives.dtype))

    def per_class(self):
        """AP per class (0 for a class with no positive), and the mask of classes with one."""
        positives = ops.flip(ops.convert_to_tensor(self.positives), axis=1)  # highest scores first
        negatives = ops.flip(ops.convert_to_tensor(self.negatives), axis=1)
        true_positives = ops.cumsum(positives, axis=1)
        predicted = true_positives + ops.cumsum(negatives, axis=1)
        total = true_positives[:, -1:]
        precision = _safe_divide(true_positives, predicted)
        recall = _safe_divide(true_positives, total)
        recall_step = ops.concatenate([recall[:, :1], recall[:, 1:] - recall[:, :-1]], axis=1)
        return ops.sum(recall_step * precision, axis=1), total[:, 0] > 0

    def result(self):
        return self.per_class()[0]

    def get_config(self):
        return {**super().get_config(), "num_classes": self.num_classes,
                "num_thresholds": self.num_thresholds, "from_logits": self.from_logits}


class MeanAveragePrecision(AveragePrecision):
    """mAP: the mean AP over the classes with at least one positive."""

    def __init__(self, num_classes, num_thresholds=200, from_logits=False, name="map", dtype=None):
        super().__init__(num_classes, num_thresholds, from_logits, name=name, dtype=dtype)

    def result(self):
        ap, has_positive = self.per_class()
        return _masked_mean(ap, has_positive)
