"""Every kerasnets variant as a subclassed model: `kerasnets.subclassed.resnet50(...)`."""

from kerasnets.registry import list_models, variant_builder

for _name in list_models():
    globals()[_name] = variant_builder(_name, "subclassed")

__all__ = list_models()
del _name
