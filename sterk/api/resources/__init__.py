"""The API's resources, one module per area: each has a `router`, a `TAG` (its name in
the OpenAPI document and its description) and `DATASETS` (its downloads, sterk.api.datasets). A new module is added to MODULES."""

from . import (
    actionplan,
    events,
    governance,
    identity,
    network,
    news,
    newsletter,
    practices,
    surveys,
)

# The order of the documentation page, the index and the downloads.
MODULES = [network, identity, actionplan, events, practices, news, newsletter, surveys, governance]
ROUTERS = [module.router for module in MODULES]
TAGS = [module.TAG for module in MODULES]
DATASETS = [dataset for module in MODULES for dataset in module.DATASETS]
