"""timm's weight files, as a state dict of NumPy arrays for `load_state_dict`.

Most are safetensors files on the Hugging Face Hub: huggingface_hub fetches and caches them,
safetensors.numpy reads them, both from the optional extra `kerasnets[weights]` and imported
only here. The SENet port's weights are PyTorch files in timm's GitHub releases: Keras'
`get_file` fetches and caches them, and PyTorch reads them (`weights_only`: no code runs).
"""

import importlib

import keras

from kerasnets.arguments import TIMM_HUB
from kerasnets.weights.keras_applications import keras_cache

HUB_FILE = "model.safetensors"


def readers(pretrained):
    """The modules that fetch and read `pretrained`'s file, imported; an ImportError that says
    what to install, before any model is built, when one is missing."""
    try:
        if pretrained.source == TIMM_HUB:
            return importlib.import_module("huggingface_hub"), importlib.import_module("safetensors.numpy")
        return (importlib.import_module("torch"),)
    except ImportError as error:
        if pretrained.source == TIMM_HUB:
            raise ImportError(
                f"weights='imagenet' reads timm's {pretrained.model} from the Hugging Face Hub, with the optional "
                f"packages huggingface_hub and safetensors: pip install 'kerasnets[weights]' ({error})."
            ) from error
        raise ImportError(
            f"weights='imagenet' reads {pretrained.model}, a PyTorch file (the SENets' weights are not on the "
            f"Hugging Face Hub as safetensors), and needs PyTorch to read it: pip install torch ({error})."
        ) from error


def hub_state_dict(pretrained):
    """The state dict of the Hub repository `pretrained.model`, downloaded once."""
    huggingface_hub, safetensors_numpy = readers(pretrained)
    try:  # the cached file, without asking the Hub whether it changed (a tagged weight set does not)
        return safetensors_numpy.load_file(huggingface_hub.hf_hub_download(pretrained.model, HUB_FILE,
                                                                           local_files_only=True))
    except huggingface_hub.errors.LocalEntryNotFoundError:
        pass
    try:
        path = huggingface_hub.hf_hub_download(pretrained.model, HUB_FILE)
    except (OSError, ValueError, huggingface_hub.errors.HfHubHTTPError) as error:
        raise OSError(
            f"Could not get {pretrained.model}/{HUB_FILE} from the Hugging Face Hub: {error}. huggingface_hub "
            f"downloads it once and keeps it in {huggingface_hub.constants.HF_HUB_CACHE}; go online once, "
            "or copy that cache from a machine that has it."
        ) from error
    return safetensors_numpy.load_file(path)


def github_state_dict(pretrained):
    """The state dict of the PyTorch file at the URL `pretrained.model`, downloaded once."""
    (torch,) = readers(pretrained)
    file_name = pretrained.model.rsplit("/", 1)[-1]
    try:
        path = keras.utils.get_file(file_name, pretrained.model, cache_subdir="models")
    except Exception as error:  # Keras' get_file raises a bare Exception when the fetch fails
        raise OSError(
            f"Could not get {pretrained.model}: {error}. Keras downloads it once and keeps it in {keras_cache()}; "
            "go online once, or copy the file there."
        ) from error
    state = torch.load(path, map_location="cpu", weights_only=True)
    return {name: tensor.numpy() for name, tensor in state.items()}


def state_dict(pretrained):
    """The weights of a timm source, wherever they are kept."""
    return hub_state_dict(pretrained) if pretrained.source == TIMM_HUB else github_state_dict(pretrained)
