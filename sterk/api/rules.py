"""Who may do what with the open data. Deny by default. The data are public (the API and
the downloads read the pages' selectors); only asking for a rebuild of the downloads is a
management action, and it is the coordinator's."""

from __future__ import annotations

import rules

from sterk.core.rules import is_coordinator

rules.add_perm("api.rebuild_open_data", is_coordinator)
