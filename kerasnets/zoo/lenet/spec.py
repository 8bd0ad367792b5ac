"""LeNet-5 (LeCun et al., 1998): the layers of the paper's Figure 2, and its reference count.

C1 (6 maps, 5x5) - S2 (2x2 subsampling) - C3 (16 maps, 5x5) - S4 - C5 (120 maps, 5x5) - F6
(84 units) - output. On the paper's 32x32 input C5 sees a 5x5 map and outputs 1x1.

Reference count, 10 classes at 32x32x1: 61,706 parameters, the common reading of Figure 2
(C3 fully connected to S2, plain average pooling, a dense output layer instead of the RBF
units; d2l's LeNet has the same count). The paper's own 60,850 comes from C3's partial
connection table, trainable subsampling and RBF outputs, none of which a modern framework keeps.
"""

from kerasnets.arguments import Family, Reference, check_bool

FAMILY = Family(
    name="lenet",
    title="LeNet-5",
    paper="LeCun et al., Gradient-Based Learning Applied to Document Recognition",
    year=1998,
    variants=("lenet5",),
    default_size=32,
    min_size=32,
    channels=1,
    fixed_head=True,
)
OPTIONS = {"modern": False}  # ReLU and max pooling instead of tanh and average subsampling
REFERENCES = (Reference("lenet5", 61_706, "paper Fig. 2 with a full C3, as d2l", classes=10),)


def check_options(modern):
    return {"modern": check_bool(modern, "modern")}
