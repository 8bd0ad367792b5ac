"""`kerasnets.compare`: one network in the three styles, measured side by side.

Every figure is measured here, in this process: parameters, layers, source lines, build,
forward and training-step times (median of several after a warm-up), the peak GPU memory of
the build (on a GPU only), and the largest output difference against the functional model
once its weights were transferred.
"""

import dataclasses
import html
import importlib
import inspect
import statistics
import time

import keras
import numpy as np

from kerasnets import registry
from kerasnets.arguments import check_input_shape
from kerasnets.transfer import transfer_weights

COLUMNS = [  # (key, heading)
    ("style", "style"), ("model_type", "Python type"), ("trainable_params", "trainable"),
    ("non_trainable_params", "non-trainable"), ("top_level_layers", "layers"),
    ("all_layers", "nested layers"), ("source_lines", "source lines"), ("build_s", "build s"),
    ("forward_s", "forward s"), ("train_step_s", "train step s"), ("build_memory_mb", "build MB"),
    ("plot_model", "plot_model"), ("multiple_outputs", "several outputs"),
    ("max_abs_diff_vs_functional", "max |diff| vs functional"),
]


def source_lines(module):
    """Lines of code: neither blank nor comments nor docstrings."""
    source = inspect.getsource(module)
    count, in_docstring = 0, False
    for line in source.splitlines():
        stripped = line.strip()
        quotes = stripped.count('"""')
        if in_docstring:
            in_docstring = quotes % 2 == 0
            continue
        if stripped.startswith('"""'):
            in_docstring = quotes == 1
            continue
        if stripped and not stripped.startswith("#"):
            count += 1
    return count


def _build_peak_mb(build):
    """Builds, and returns (model, peak device memory in MB) where TensorFlow can tell: on a
    GPU. On a CPU TensorFlow keeps no such count (process RSS moves with its allocator's
    caches, which says little), so the figure is None there."""
    if keras.backend.backend() != "tensorflow":
        return build(), None
    import tensorflow as tf

    if not tf.config.list_physical_devices("GPU"):
        return build(), None
    tf.config.experimental.reset_memory_stats("GPU:0")
    model = build()
    return model, tf.config.experimental.get_memory_info("GPU:0")["peak"] / 2**20


def _median_seconds(function, repeats):
    function()  # warm-up: traces and builds what the first call needs
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _count_layers(model):
    def walk(layer):
        children = getattr(layer, "_layers", [])
        return sum(1 + walk(child) for child in children)

    return walk(model)


def _max_diff(reference, other):
    numpy = keras.ops.convert_to_numpy  # np.asarray refuses a torch tensor that requires grad
    return max(float(np.max(np.abs(numpy(a) - numpy(b))))
               for a, b in zip(keras.tree.flatten(reference), keras.tree.flatten(other)))


@dataclasses.dataclass
class Comparison:
    """One row per style; prints as a table, renders as HTML in Jupyter, `.rows` as dicts."""

    name: str
    input_shape: tuple
    rows: list

    def table(self):
        keys = [key for key, _ in COLUMNS]
        cells = [[heading for _, heading in COLUMNS]] + [[_format(row[key]) for key in keys] for row in self.rows]
        widths = [max(len(row[i]) for row in cells) for i in range(len(keys))]
        lines = ["  ".join(cell.rjust(width) if i > 1 else cell.ljust(width)
                           for i, (cell, width) in enumerate(zip(row, widths))) for row in cells]
        lines.insert(1, "  ".join("-" * width for width in widths))
        return f"{self.name} {self.input_shape}\n" + "\n".join(lines)

    def __str__(self):
        return self.table()

    def _repr_html_(self):
        head = "".join(f"<th>{html.escape(heading)}</th>" for _, heading in COLUMNS)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(_format(row[key]))}</td>" for key, _ in COLUMNS)
                       + "</tr>" for row in self.rows)
        return (f"<p><b>{html.escape(self.name)}</b> {html.escape(str(self.input_shape))}</p>"
                f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _format(value):
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2e}" if value and abs(value) < 1e-3 else f"{value:.3f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def plot_model_support(style):
    """Whether keras.utils.plot_model can draw this style here, and how."""
    missing = [package for package in ("pydot",) if importlib.util.find_spec(package) is None]
    if missing:
        return f"needs {', '.join(missing)} and Graphviz"
    return "via functional_view()" if style == "subclassed" else True


def compare(name, input_shape=None, classes=1000, batch_size=8, measure_speed=True, repeats=3):
    """Builds `name` in every style and measures them; see `Comparison`."""
    spec = registry.spec_of(name)
    family = spec.FAMILY
    if input_shape is None:
        input_shape = (family.default_size, family.default_size, family.channels)
    input_shape = check_input_shape(family, input_shape, True, family.min_size)
    if None in input_shape:
        raise ValueError(f"compare needs a fixed input shape. Received: input_shape={input_shape!r}")
    x = np.random.default_rng(0).random((batch_size, *input_shape), dtype=np.float32)
    y = np.zeros((batch_size,), dtype=np.int64)
    models, rows = {}, []
    registry.build(name, "functional", input_shape=input_shape, classes=classes)  # one-time costs, not timed
    for style in ("functional", "sequential", "subclassed"):
        start = time.perf_counter()
        model, peak_mb = _build_peak_mb(lambda: registry.build(name, style, input_shape=input_shape, classes=classes))
        build_s = time.perf_counter() - start
        models[style] = model
        trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
        row = {
            "style": style, "model_type": f"{type(model).__module__.split('.')[0]}.{type(model).__name__}",
            "trainable_params": trainable, "non_trainable_params": model.count_params() - trainable,
            "top_level_layers": len(model.layers), "all_layers": _count_layers(model),
            "source_lines": source_lines(registry.style_module(name, style)), "build_s": build_s,
            "forward_s": None, "train_step_s": None,
            "build_memory_mb": peak_mb,
            "plot_model": plot_model_support(style), "multiple_outputs": style != "sequential",
            "max_abs_diff_vs_functional": None,
        }
        if measure_speed:
            row["forward_s"] = _median_seconds(lambda: model(x, training=False), repeats)
            model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
            row["train_step_s"] = _median_seconds(lambda: model.train_on_batch(x, y), repeats)
        rows.append(row)
    reference = models["functional"](x, training=False)
    for row in rows:
        if row["style"] != "functional":
            transfer_weights(models["functional"], models[row["style"]])
        row["max_abs_diff_vs_functional"] = _max_diff(reference, models[row["style"]](x, training=False))
    order = {style: index for index, style in enumerate(registry.STYLES)}
    return Comparison(name, tuple(input_shape), sorted(rows, key=lambda row: order[row["style"]]))


@dataclasses.dataclass
class Source:
    """A module's source: `print` shows it, Jupyter highlights it (with pygments, if installed)."""

    name: str
    path: str
    text: str

    def __str__(self):
        return self.text

    def _repr_html_(self):
        try:
            from pygments import highlight
            from pygments.formatters import HtmlFormatter
            from pygments.lexers import PythonLexer
        except ImportError:
            return f"<p><code>{html.escape(self.path)}</code></p><pre>{html.escape(self.text)}</pre>"
        return (f"<p><code>{html.escape(self.path)}</code></p>"
                + highlight(self.text, PythonLexer(), HtmlFormatter(noclasses=True)))


def show_source(name, style):
    """The file that writes `name`'s family in `style` (kerasnets/zoo/<family>/<style>.py), to
    read next to the other two: the network spelled out in that style, block by block."""
    module = registry.style_module(name, style)
    return Source(module.__name__, module.__name__.replace(".", "/") + ".py", inspect.getsource(module))
