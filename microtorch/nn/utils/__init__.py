"""torch.nn.utils: helpers around a model's parameters and gradients."""
from ..._errors import module_getattr
from .clip_grad import clip_grad_norm_, clip_grad_value_
from .convert_parameters import parameters_to_vector, vector_to_parameters

__getattr__ = module_getattr("torch.nn.utils")
