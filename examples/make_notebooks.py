"""Writes the example notebooks from the cells below (so that they stay reviewable as code).

    python examples/make_notebooks.py
"""

import os

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = os.path.dirname(os.path.abspath(__file__))

NOTEBOOKS = {
    "01_three_styles.ipynb": [
        ("md", "# One network, three Keras styles\n\nkerasnets writes every architecture out by hand "
               "three times: as a `keras.Sequential`, a functional `keras.Model` and a `keras.Model` "
               "subclass, each in its own file of `kerasnets/zoo/<family>/`, with the paper's tables in "
               "the family's `spec.py`. Small inputs keep this notebook quick on a CPU."),
        ("code", "import kerasnets\n\nkerasnets.list_models()"),
        ("code", "shape = (75, 75, 3)  # Inception-v3's smallest input\n"
                 "models = {style: kerasnets.build('inception_v3', style, input_shape=shape, classes=10)\n"
                 "          for style in kerasnets.STYLES}\n"
                 "{style: (type(model).__name__, model.count_params()) for style, model in models.items()}"),
        ("md", "The subclassed model's `build()` runs its `call` once on a symbolic input, which builds "
               "every child on its real input shape: its summary shows real shapes."),
        ("code", "models['subclassed'].summary()"),
        ("md", "`compare` measures the three side by side: parameters, layers, source lines, build, "
               "forward and training-step times, and the output difference after `transfer_weights`."),
        ("code", "kerasnets.compare('inception_v3', input_shape=shape, classes=10, batch_size=2)"),
        ("code", "kerasnets.compare('resnet50', input_shape=(64, 64, 3), classes=10, batch_size=2)"),
        ("md", "## One block, three styles\n\nInception-v3's 35x35 module (the paper's Figure 5): a "
               "`Parallel` layer of `keras.Sequential` branches, a function adding layers to a graph, and "
               "a `keras.layers.Layer` subclass with one attribute per unit."),
        ("code", "import inspect\nfrom kerasnets.zoo.inception_v3 import functional, sequential, subclassed\n\n"
                 "for block in (sequential.inception_a, functional.inception_a, subclassed.InceptionA):\n"
                 "    print(inspect.getsource(block))"),
        ("md", "## The three sources of ResNet, side by side\n\nEach is the whole family in that style: "
               "the blocks of Figure 5, the stages of Table 1, and one builder per depth."),
        ("code", "kerasnets.show_source('resnet50', 'sequential')"),
        ("code", "kerasnets.show_source('resnet50', 'functional')"),
        ("code", "kerasnets.show_source('resnet50', 'subclassed')"),
        ("md", "`??` shows a builder's own source too:"),
        ("code", "print(inspect.getsource(kerasnets.functional.inception_v3))"),
    ],
    "02_train.ipynb": [
        ("md", "# Training with `kerasnets.train`\n\nLeNet-5 on scikit-learn's bundled digits: no download."),
        ("md", "## Devices and strategy\n\nOn a machine with GPUs, `strategy='auto'` takes them all "
               "(MirroredStrategy), or one (OneDeviceStrategy); here, on a CPU, it is the default strategy."),
        ("code", "import tensorflow as tf\nfrom kerasnets.training import strategies\n\n"
                 "print('GPUs:', tf.config.list_physical_devices('GPU'))\n"
                 "strategy = strategies.resolve_strategy('auto')\nprint(strategies.describe(strategy))"),
        ("code", "import kerasnets\n\n"
                 "result = kerasnets.train('lenet5', 'digits', epochs=10, strategy=strategy, out='runs', "
                 "report_every=5, verbose=2)\nresult.evaluation"),
        ("code", "import os\nsorted(os.listdir(result.run_dir))"),
        ("md", "## The report and its figures"),
        ("code", "from IPython.display import Image, display\n\n"
                 "for figure in ('training_curves.png', 'confusion_matrix.png', 'pr_curves.png'):\n"
                 "    display(Image(os.path.join(result.run_dir, 'report', figure)))"),
    ],
    "03_metrics.ipynb": [
        ("md", "# The course's metrics\n\nConfusion matrix, per-class accuracy, precision, recall, IoU, "
               "AP and mAP, top-5 error: exact over whole arrays, or streaming inside `fit`."),
        ("code", "import numpy as np\nimport kerasnets\nfrom kerasnets.metrics import classification_report, "
                 "format_report\nfrom kerasnets.training import data\n\n"
                 "result = kerasnets.train('lenet5', 'digits', epochs=5, out='runs', report_every=5, verbose=0)\n"
                 "splits = data.load_digits_splits()\n"
                 "test = data.make_pipeline(splits.test, size=32, channels=1, batch_size=64, training=False, "
                 "num_classes=10)\n"
                 "y_true = np.concatenate([y for _, y in test.as_numpy_iterator()])\n"
                 "y_score = result.model.predict(test, verbose=0)"),
        ("code", "report = classification_report(y_true, y_score)\nprint(format_report(report))"),
        ("code", "np.array(report['confusion_matrix'])"),
        ("md", "The same quantities as streaming Keras metrics, accumulated batch by batch:"),
        ("code", "from kerasnets.metrics import ConfusionMatrix, MeanAveragePrecision, MeanIoU, TopKError\n\n"
                 "metrics = [ConfusionMatrix(10), MeanIoU(10), TopKError(5), MeanAveragePrecision(10)]\n"
                 "for images, labels in test:\n"
                 "    scores = result.model(images, training=False)\n"
                 "    for metric in metrics:\n"
                 "        metric.update_state(labels, scores)\n"
                 "{metric.name: np.asarray(metric.result()).round(4).tolist() for metric in metrics[1:]}"),
        ("code", "from kerasnets.metrics.plots import plot_confusion_matrix\nfrom IPython.display import Image\n\n"
                 "plot_confusion_matrix(report['confusion_matrix'], report['class_names'], 'confusion.png')\n"
                 "Image('confusion.png')"),
    ],
    "04_model_fit.ipynb": [
        ("md", "# Your own `model.fit`: no `kerasnets.train`\n\nThe Keras loop written by hand: a strategy, "
               "a model built and compiled in its scope, a `tf.data` pipeline with a public augmentation "
               "preset, `fit` with kerasnets callbacks and metrics. GoogLeNet with its auxiliary "
               "classifiers, on scikit-learn's bundled digits (no download)."),
        ("code", "import keras\nimport numpy as np\nimport tensorflow as tf\n\nimport kerasnets\n\n"
                 "# Every GPU through MirroredStrategy when there are GPUs, else the default strategy.\n"
                 "gpus = tf.config.list_physical_devices('GPU')\n"
                 "strategy = tf.distribute.MirroredStrategy() if gpus else tf.distribute.get_strategy()\n"
                 "print(type(strategy).__name__, 'replicas:', strategy.num_replicas_in_sync)"),
        ("md", "## Data: `tf.data` and `kerasnets.augment`\n\nThe `flip_crop` preset is a `keras.Sequential` of "
               "augmentation layers (AlexNet's crops, one place per image, and flips), mapped over the training "
               "batches. 65x65 is GoogLeNet's smallest input with its auxiliary classifiers."),
        ("code", "from sklearn.datasets import load_digits\nfrom sklearn.model_selection import train_test_split\n\n"
                 "digits = load_digits()\n"
                 "images = np.repeat(digits.images[..., None] / 16, 3, axis=-1).astype('float32')  # RGB in [0, 1]\n"
                 "# 400 training and 200 validation images: enough to show the loop in a minute on a CPU\n"
                 "x_train, x_val, y_train, y_val = train_test_split(images, digits.target, train_size=400, test_size=200,\n"
                 "                                                  stratify=digits.target, random_state=0)\n"
                 "size, batch_size = 65, 32 * strategy.num_replicas_in_sync  # the global batch\n"
                 "augment = kerasnets.augment.pipeline('flip_crop', size, seed=0)\n\n\n"
                 "def resize(x, y):\n    return tf.image.resize(x, (size, size)), y\n\n\n"
                 "train_ds = (tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(len(x_train), seed=0)\n"
                 "            .batch(batch_size).map(resize).map(lambda x, y: (augment(x, training=True), y))\n"
                 "            .prefetch(tf.data.AUTOTUNE))\n"
                 "val_ds = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(batch_size).map(resize)\n"
                 "[layer.name for layer in augment.layers]"),
        ("md", "## Build and compile in the strategy's scope\n\n`kerasnets.recipes.compile_args` gives a "
               "recipe's optimizer (with its schedule), its loss, and one weighted loss per auxiliary "
               "classifier: here the paper's recipe (SGD with momentum 0.9, the auxiliary losses weighted "
               "0.3). The metrics are kerasnets' streaming metrics beside Keras' accuracy."),
        ("code", "EPOCHS = 2\n\n\n"
                 "def course_metrics():\n"
                 "    return [keras.metrics.SparseCategoricalAccuracy(name='accuracy'), kerasnets.metrics.TopKError(5),\n"
                 "            kerasnets.metrics.Precision(10, average='macro', name='macro_precision'),\n"
                 "            kerasnets.metrics.Recall(10, average='macro', name='macro_recall')]\n\n\n"
                 "with strategy.scope():\n"
                 "    model = kerasnets.functional.googlenet(aux_classifiers=True, input_shape=(size, size, 3), classes=10)\n"
                 "    args = kerasnets.recipes.compile_args('googlenet', model, steps_per_epoch=len(train_ds), epochs=EPOCHS,\n"
                 "                                          metrics=course_metrics())\n"
                 "    model.compile(**args)\n"
                 "args['optimizer'], args['loss_weights']"),
        ("md", "## Fit\n\nA model with auxiliary classifiers has one output per classifier, so each batch "
               "carries its labels once per output. `EvaluationReport` writes the course's report and "
               "figures at the end of training. Expect little from two epochs on a CPU: GoogLeNet has no "
               "BatchNorm, and a 22-layer network without it leaves chance level slowly (the paper trained it "
               "for days on many GPUs). What this notebook shows is the loop."),
        ("code", "def for_outputs(dataset, model):\n"
                 "    \"\"\"The dataset with its labels repeated for each output of a multi-output model.\"\"\"\n"
                 "    outputs = kerasnets.recipes.model_outputs(model)\n"
                 "    if not isinstance(outputs, dict):\n        return dataset\n"
                 "    return dataset.map(lambda x, y: (x, {name: y for name in outputs}))\n\n\n"
                 "report = kerasnets.callbacks.EvaluationReport(val_ds, every=EPOCHS, out_dir='fit_report/functional')\n"
                 "history = model.fit(for_outputs(train_ds, model), validation_data=for_outputs(val_ds, model),\n"
                 "                    epochs=EPOCHS, callbacks=[report], verbose=2)"),
        ("code", "from IPython.display import Image, display\n\n"
                 "for figure in ('training_curves.png', 'confusion_matrix.png'):\n"
                 "    display(Image(f'fit_report/functional/{figure}'))"),
        ("md", "## The same loop for the other two styles\n\nOnly the builder changes (one epoch each, to "
               "keep the notebook short). The Sequential GoogLeNet has no auxiliary classifiers, since a "
               "stack has one output."),
        ("code", "results = {}\nfor style in ('subclassed', 'sequential'):\n"
                 "    with strategy.scope():\n"
                 "        model = kerasnets.build('googlenet', style, input_shape=(size, size, 3), classes=10,\n"
                 "                                aux_classifiers=style != 'sequential')\n"
                 "        model.compile(**kerasnets.recipes.compile_args('googlenet', model, steps_per_epoch=len(train_ds),\n"
                 "                                                       epochs=1, metrics=course_metrics()))\n"
                 "    model.fit(for_outputs(train_ds, model), epochs=1, verbose=0)\n"
                 "    results[style] = model.evaluate(for_outputs(val_ds, model), return_dict=True, verbose=0)\n"
                 "{style: {key: round(float(value), 3) for key, value in logs.items() if not key.startswith('aux')}\n"
                 " for style, logs in results.items()}"),
    ],
}


def main():
    for filename, cells in NOTEBOOKS.items():
        notebook = new_notebook(cells=[new_markdown_cell(text) if kind == "md" else new_code_cell(text)
                                       for kind, text in cells])
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(notebook, os.path.join(HERE, filename))
        print("written:", filename)


if __name__ == "__main__":
    main()
