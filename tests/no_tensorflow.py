"""Imported first, makes `import tensorflow` fail in this process as it does where TensorFlow
is not installed: for the checks on other backends (backend_check.py) and the GPU benchmark's
CPU run, which must work on a machine that has JAX or PyTorch alone."""

import importlib.abc
import importlib.machinery
import sys


class NoTensorFlow(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """The spec it finds has no origin, so torch._dynamo (which asks find_spec at import)
    skips it; its loader raises ModuleNotFoundError, so nothing named tensorflow is left in
    sys.modules, where Keras looks for it."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "tensorflow":
            return importlib.machinery.ModuleSpec(name, self, origin=None)
        return None

    def create_module(self, spec):
        raise ModuleNotFoundError(f"No module named {spec.name!r} (blocked by tests/no_tensorflow.py)",
                                  name=spec.name)

    def exec_module(self, module):
        raise AssertionError("unreachable: create_module raises")


def imported():
    """Whether any part of TensorFlow got into this process after all."""
    return any(name.split(".")[0] == "tensorflow" for name in sys.modules)


sys.meta_path.insert(0, NoTensorFlow())
