"""The API's resources, one module per area: each has a `router` and a `TAG` (its name in
the OpenAPI document and its description). A new module is added to MODULES."""

from . import identity, network

MODULES = [network, identity]
ROUTERS = [module.router for module in MODULES]
TAGS = [module.TAG for module in MODULES]
