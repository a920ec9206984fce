"""torch.utils.data: datasets, splitting them, and the DataLoader that batches and shuffles them."""
from ..._errors import module_getattr
from ._collate import default_collate
from .dataloader import DataLoader
from .dataset import ConcatDataset, Dataset, Subset, TensorDataset, random_split

__getattr__ = module_getattr("torch.utils.data")
