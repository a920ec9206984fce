"""torch.viz names a graph's leaves after the caller's variables; `names=` overrides them."""
import microtorch as torch
from microtorch import nn, viz


def labels(graph):
    return {node["label"]: node["kind"] for node in graph["nodes"]}


def test_leaves_take_the_names_of_a_cells_variables():
    # A code cell runs with one namespace as its globals and locals, as exec does here.
    cell = {"torch": torch, "viz": viz}
    exec("a = torch.tensor(2.0, requires_grad=True)\n"
         "b = torch.tensor(-3.0, requires_grad=True)\n"
         "result = a * b + torch.tensor(1.0, requires_grad=True)\n"
         "drawn = viz.graph(result)", cell)
    # The op results keep their ops' names, `result` included; an unheld leaf stays "leaf".
    assert labels(cell["drawn"]) == {"Add": "op", "Mul": "op", "a": "leaf", "b": "leaf", "leaf": "leaf"}


def test_a_cells_first_name_for_a_tensor_wins():
    cell = {"torch": torch, "viz": viz}
    exec("w = torch.tensor(1.0, requires_grad=True)\nalso_w = w\ndrawn = viz.graph(w * 2)", cell)
    assert labels(cell["drawn"]) == {"Mul": "op", "w": "leaf"}


def test_a_functions_locals_come_before_the_globals():
    cell = {"torch": torch, "viz": viz}
    exec("held = torch.tensor(1.0, requires_grad=True)\n"
         "def draw(mine):\n"
         "    return viz.graph(mine * 2)\n"
         "drawn = draw(held)", cell)
    assert labels(cell["drawn"]) == {"Mul": "op", "mine": "leaf"}


def test_parameters_of_a_module_are_named_by_their_path():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
    loss = model(torch.ones(1, 2)).sum()
    names = {node["label"] for node in viz.graph(loss)["nodes"] if node["kind"] == "leaf"}
    assert names == {"model.0.weight", "model.0.bias", "model.2.weight", "model.2.bias"}


def test_names_given_override_the_variables():
    w = torch.tensor(2.0, requires_grad=True)
    z = w * w
    assert labels(viz.graph(z, names={"weight": w, "square": z})) == {"square": "op", "weight": "leaf"}


def test_show_and_to_dot_name_the_callers_variables_too():
    w = torch.tensor(2.0, requires_grad=True)
    drawn = []
    viz.set_display(drawn.append)
    try:
        viz.show(w * 3)
    finally:
        viz.set_display(None)
    assert 'label="w\\nshape ()' in drawn[0] == viz.to_dot(w * 3)
