"""Every kerasnets variant as a functional model: `kerasnets.functional.resnet50(...)`."""

from kerasnets.registry import list_models, variant_builder

for _name in list_models():
    globals()[_name] = variant_builder(_name, "functional")

__all__ = list_models()
del _name
