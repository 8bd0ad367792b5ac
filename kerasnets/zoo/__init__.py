"""The networks, one folder per family, each written out by hand in the three styles.

    zoo/<family>/spec.py         the paper's tables as data, options, sizes, references
    zoo/<family>/sequential.py   the network as a keras.Sequential stack
    zoo/<family>/functional.py   the network in the functional API, a function per block
    zoo/<family>/subclassed.py   the network as keras.Model / keras.layers.Layer subclasses

What the families share sits beside the folders and makes no decision about a network:
`primitives` (factories of primitive layers), `heads` (the classifier and `pooling`),
`inputs` (the functional model's input) and `subclassing` (the subclassed models' base).
A new family is a new folder with these four files, registered in `kerasnets.registry`.
"""
