"""The `kerasnets` command: `kerasnets train MODEL ...` over `kerasnets.train`."""

import argparse
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def _parser():
    from kerasnets.registry import STYLES, list_models
    from kerasnets import augment, recipes
    from kerasnets.training import strategies

    parser = argparse.ArgumentParser(prog="kerasnets", description="The classic CNNs in three Keras styles.")
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser(
        "train", help="train a model with model.fit on a tf.distribute strategy",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(f"models: {', '.join(list_models())}\n"
                f"augmentation presets: {', '.join(augment.PRESETS)}, keras_cv:LAYER (with the cv extra)\n"
                f"recipes: {', '.join(sorted(recipes.RECIPES))}\n"
                "datasets: digits (bundled), mnist, fashion_mnist, cifar10, cifar100 (downloaded), "
                "tfds:NAME, or an image folder\n"
                "Running the same command again resumes an unfinished run from its last checkpoint."))
    train.add_argument("model", help="a variant name (see the list below)")
    train.add_argument("--style", default="functional", choices=STYLES)
    train.add_argument("--dataset", default="digits")
    train.add_argument("--epochs", type=int, default=20)
    train.add_argument("--batch-size", type=int, default=64, help="the global batch (default 64)")
    train.add_argument("--input-size", type=int, help="height and width (default: the family's)")
    train.add_argument("--classes", type=int, help="class count (default: from the labels)")
    train.add_argument("--strategy", default="auto", choices=strategies.NAMES)
    train.add_argument("--mixed-precision", default="auto",
                       choices=["auto", "float32", "mixed_float16", "mixed_bfloat16"])
    train.add_argument("--jit-compile", default="auto", choices=["auto", "on", "off"])
    train.add_argument("--recipe", default="modern", choices=sorted(recipes.RECIPES))
    train.add_argument("--augment", help="override the recipe's augmentation preset")
    train.add_argument("--learning-rate", type=float)
    train.add_argument("--weight-decay", type=float)
    train.add_argument("--label-smoothing", type=float)
    train.add_argument("--aux-loss-weight", type=float)
    train.add_argument("--aux-classifiers", action="store_true", help="googlenet, inception_v3: train the auxiliary heads")
    train.add_argument("--checkpoint-every", type=int, help="also checkpoint every N steps")
    train.add_argument("--out", default="runs", help="parent folder of the run directory (default runs/)")
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--report-every", type=int, default=5,
                       help="write the evaluation report and figures every N epochs (default 5)")

    evaluate = commands.add_parser("evaluate", help="report and figures for a trained model on a data set")
    evaluate.add_argument("target", metavar="RUN_DIR_OR_MODEL", help="a run directory or a .keras file")
    evaluate.add_argument("--dataset", default="digits")
    evaluate.add_argument("--split", default="test", choices=["test", "validation", "train"])
    evaluate.add_argument("--batch-size", type=int, default=64)
    evaluate.add_argument("--out", help="where to write (default: RUN_DIR/evaluate-DATASET)")

    report = commands.add_parser("report", help="draw a run's figures again from its logs")
    report.add_argument("run_dir", metavar="RUN_DIR")

    commands.add_parser("list", help="the variants: family, year, paper, input size, parameters")
    compare = commands.add_parser("compare", help="one network in the three styles, measured side by side")
    compare.add_argument("model")
    compare.add_argument("--input-size", type=int)
    compare.add_argument("--classes", type=int, default=1000)
    compare.add_argument("--no-speed", action="store_true", help="skip the timings")
    compare.add_argument("--json", action="store_true", help="print the rows as JSON")
    summary = commands.add_parser("summary", help="model.summary() of one style")
    summary.add_argument("model")
    summary.add_argument("--style", default="functional", choices=STYLES)
    plot = commands.add_parser("plot", help="draw the architecture with keras.utils.plot_model")
    plot.add_argument("model")
    plot.add_argument("--style", default="functional", choices=STYLES)
    plot.add_argument("--out", required=True, help="the image file, e.g. resnet50.png")
    return parser


def main(argv=None):
    args = _parser().parse_args(argv)
    try:
        if args.command == "evaluate":
            from kerasnets.reporting import evaluate, format_report

            report, out = evaluate(args.target, args.dataset, out=args.out, batch_size=args.batch_size,
                                   split=args.split)
            print(format_report(report))
            print(f"\nwritten: {out}")
            return 0
        if args.command == "report":
            from kerasnets.reporting import redraw

            print(f"written: {redraw(args.run_dir)}")
            return 0
        if args.command in ("list", "compare", "summary", "plot"):
            return _inspect(args)
    except ValueError as error:
        print(f"kerasnets: error: {error}", file=sys.stderr)
        return 2
    return _train(args)


def _input_shape(name, size):
    from kerasnets.registry import spec_of

    family = spec_of(name).FAMILY
    return None if size is None else (size, size, family.channels)


def _inspect(args):
    import kerasnets
    from kerasnets.registry import spec_of

    if args.command == "list":
        import keras

        print(f"{'name':<14} {'family':<13} {'year':>4} {'input':>11} {'parameters':>13}  paper")
        for name in kerasnets.list_models():
            family = spec_of(name).FAMILY
            with keras.StatelessScope():  # the weights' shapes, without drawing their values
                count = kerasnets.build(name).count_params()
            size = f"{family.default_size}x{family.default_size}x{family.channels}"
            print(f"{name:<14} {family.title:<13} {family.year:>4} {size:>11} {count:>13,}  {family.paper}")
        return 0
    if args.command == "compare":
        result = kerasnets.compare(args.model, input_shape=_input_shape(args.model, args.input_size),
                                   classes=args.classes, measure_speed=not args.no_speed)
        print(json.dumps(result.rows, indent=2) if args.json else result)
        return 0
    model = kerasnets.build(args.model, args.style)
    if args.command == "summary":
        model.summary()
        return 0
    import keras

    graph = model.functional_view() if args.style == "subclassed" else model
    try:
        keras.utils.plot_model(graph, to_file=args.out, show_shapes=True, show_layer_names=True)
    except ImportError as error:
        print(f"kerasnets: error: plot needs pydot and Graphviz: pip install pydot, and install Graphviz "
              f"(apt-get install graphviz, brew install graphviz). ({error})", file=sys.stderr)
        return 2
    if not os.path.exists(args.out):
        print("kerasnets: error: plot needs pydot and Graphviz: pip install pydot, and install Graphviz "
              "(apt-get install graphviz, brew install graphviz).", file=sys.stderr)
        return 2
    print(f"written: {args.out}")
    return 0


def _train(args):
    from kerasnets.training import TrainingDiverged, train

    jit = {"auto": "auto", "on": True, "off": False}[args.jit_compile]
    try:
        train(args.model, args.dataset, style=args.style, epochs=args.epochs, batch_size=args.batch_size,
              input_size=args.input_size, classes=args.classes, strategy=args.strategy,
              mixed_precision=args.mixed_precision, jit_compile=jit, recipe=args.recipe,
              augment=args.augment, learning_rate=args.learning_rate, weight_decay=args.weight_decay,
              label_smoothing=args.label_smoothing, aux_loss_weight=args.aux_loss_weight,
              out=args.out, seed=args.seed, checkpoint_every=args.checkpoint_every,
              report_every=args.report_every,
              model_options={"aux_classifiers": True} if args.aux_classifiers else None)
    except (ValueError, TypeError) as error:
        print(f"kerasnets: error: {error}", file=sys.stderr)
        return 2
    except TrainingDiverged as error:
        print(f"kerasnets: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
