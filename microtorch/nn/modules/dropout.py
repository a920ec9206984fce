"""nn.Dropout: zero a random fraction p of the inputs while training."""
from .. import functional as F
from .module import Module


class Dropout(Module):
    """In train() mode each element is zeroed with probability p and the rest are scaled by
    1 / (1 - p), so the expected output equals the input; in eval() mode it is the identity."""

    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        F._check_dropout_p(p)
        self.p, self.inplace = p, inplace

    def forward(self, input):
        return F.dropout(input, self.p, self.training, self.inplace)

    def extra_repr(self):
        return f"p={self.p}, inplace={self.inplace}"
