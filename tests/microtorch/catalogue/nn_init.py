# torch.nn.init: gains, fans and their errors exactly; the random fills only by their bounds and
# spread (checked statistically on many values), never by the values themselves.

# %% calculate-gain
import torch.nn as nn
for name in ["linear", "conv2d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]:
    print(name, nn.init.calculate_gain(name))
print(nn.init.calculate_gain("leaky_relu", 0.2), nn.init.calculate_gain("leaky_relu", 1))

# %% calculate-gain-unknown
import torch.nn as nn
nn.init.calculate_gain("gelu")

# %% calculate-gain-bad-slope
import torch.nn as nn
nn.init.calculate_gain("leaky_relu", True)

# %% constant-zeros-ones
import torch
import torch.nn as nn
w = torch.empty(2, 3)
print(nn.init.zeros_(w) is w, w)
print(nn.init.ones_(w))
print(nn.init.constant_(w, 0.25))
print(nn.init.constant_(torch.empty(2, dtype=torch.int64), 3))

# %% init-fills-a-parameter-without-a-graph
import torch
import torch.nn as nn
lin = nn.Linear(3, 2)
w = nn.init.constant_(lin.weight, 1.5)
print(w is lin.weight, w.requires_grad, w.is_leaf, w.grad_fn)
print(lin.weight)

# %% uniform-bounds
import torch
import torch.nn as nn
torch.manual_seed(0)
w = nn.init.uniform_(torch.empty(100, 100), a=-0.5, b=2.0)
print(w.min().item() >= -0.5, w.max().item() < 2.0)
print(abs(w.mean().item() - 0.75) < 0.05, w.shape, w.dtype)

# %% uniform-bad-range
import torch
import torch.nn as nn
nn.init.uniform_(torch.empty(2), 3.5, 1.0)

# %% uniform-integer-tensor
import torch
import torch.nn as nn
nn.init.uniform_(torch.empty(2, dtype=torch.int64))

# %% normal-spread
import torch
import torch.nn as nn
torch.manual_seed(0)
w = nn.init.normal_(torch.empty(200, 100), mean=1.0, std=0.1)
print(abs(w.mean().item() - 1.0) < 0.01, abs((w - w.mean()).pow(2).mean().sqrt().item() - 0.1) < 0.005)

# %% normal-negative-std
import torch
import torch.nn as nn
nn.init.normal_(torch.empty(2), 0.0, -1.5)

# %% xavier-uniform-bound
import math
import torch
import torch.nn as nn
torch.manual_seed(0)
w = nn.init.xavier_uniform_(torch.empty(300, 200), gain=nn.init.calculate_gain("tanh"))
bound = 5 / 3 * math.sqrt(6 / (300 + 200))
print(w.abs().max().item() <= bound, w.abs().max().item() > 0.99 * bound)

# %% xavier-normal-std
import math
import torch
import torch.nn as nn
torch.manual_seed(0)
w = nn.init.xavier_normal_(torch.empty(400, 100))
std = (w ** 2).mean().sqrt().item()
print(abs(std / math.sqrt(2 / 500) - 1) < 0.02)

# %% kaiming-uniform-bound
import math
import torch
import torch.nn as nn
torch.manual_seed(0)
w = nn.init.kaiming_uniform_(torch.empty(256, 128), nonlinearity="relu")
bound = math.sqrt(2) * math.sqrt(3 / 128)
print(w.abs().max().item() <= bound, w.abs().max().item() > 0.99 * bound)
w = nn.init.kaiming_uniform_(torch.empty(256, 128), a=math.sqrt(5), mode="fan_out")
print(w.abs().max().item() <= 1 / math.sqrt(256), w.abs().max().item() > 0.99 / math.sqrt(256))

# %% kaiming-normal-std
import math
import torch
import torch.nn as nn
torch.manual_seed(0)
w = nn.init.kaiming_normal_(torch.empty(500, 80), mode="fan_in", nonlinearity="relu")
std = (w ** 2).mean().sqrt().item()
print(abs(std / math.sqrt(2 / 80) - 1) < 0.02)

# %% kaiming-receptive-field
import math
import torch
import torch.nn as nn
torch.manual_seed(0)
w = nn.init.kaiming_uniform_(torch.empty(16, 4, 3, 3), nonlinearity="linear")
print(w.shape, w.abs().max().item() <= math.sqrt(3 / 36))

# %% kaiming-bad-mode
import torch
import torch.nn as nn
nn.init.kaiming_uniform_(torch.empty(3, 5), mode="fan_avg")

# %% kaiming-bad-nonlinearity
import torch
import torch.nn as nn
nn.init.kaiming_normal_(torch.empty(3, 5), nonlinearity="swish")

# %% fans-need-two-dimensions
import torch
import torch.nn as nn
nn.init.xavier_uniform_(torch.empty(3))

# %% kaiming-zero-element-warns
import torch
import torch.nn as nn
print(nn.init.kaiming_uniform_(torch.empty(0, 3)))
print(nn.init.kaiming_normal_(torch.empty(0)))

# %% init-same-seed-same-values
import torch
import torch.nn as nn
torch.manual_seed(7)
a = nn.init.xavier_uniform_(torch.empty(3, 4))
torch.manual_seed(7)
b = nn.init.xavier_uniform_(torch.empty(3, 4))
print(torch.equal(a, b))

# %% reinitialise-a-model
import torch
import torch.nn as nn
model = nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 1))
for m in model.modules():
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight, gain=nn.init.calculate_gain("tanh"))
        nn.init.zeros_(m.bias)
print(model[0].bias.abs().sum(), model[2].bias)
print(all(p.requires_grad for p in model.parameters()))
