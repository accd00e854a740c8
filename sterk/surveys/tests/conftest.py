from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_interface() -> Iterator[None]:
    """These tests read the interface texts in English (the msgids): their URLs are
    reversed under /en/, where the pages speak English. Content keeps its Dutch fallback."""
    with translation.override("en"):
        yield
