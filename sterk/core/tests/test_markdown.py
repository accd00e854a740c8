from sterk.core.markdown import render_markdown


def test_markdown_renders_basic_formatting():
    html = render_markdown("**Nabijheid** en [meer](https://example.org)")
    assert "<strong>Nabijheid</strong>" in html
    assert 'href="https://example.org"' in html
    assert 'rel="noopener noreferrer"' in html


def test_markdown_strips_scripts_and_javascript_links():
    html = render_markdown(
        "<script>alert(1)</script>[x](javascript:alert(1)) <img src=x onerror=alert(1)>"
    )
    assert "<script" not in html
    assert "javascript:" not in html
    assert "onerror" not in html


def test_a_text_is_converted_once_per_process_and_an_edited_text_afresh() -> None:
    from sterk.core import markdown as module

    text = "Een **tekst** die elke bezoeker van de regiopagina ziet."
    module.render_markdown(text)
    before = module._remembered_html.cache_info()
    assert (
        module.render_markdown(text)
        == "<p>Een <strong>tekst</strong> die elke bezoeker van de regiopagina ziet.</p>"
    )
    after = module._remembered_html.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)
    assert "<em>" in module.render_markdown(text.replace("**", "*"))
    assert module._remembered_html.cache_info().misses == before.misses + 1


def test_a_long_text_is_not_kept_in_memory() -> None:
    from sterk.core import markdown as module

    text = "Woord " * (module.REMEMBERED_LENGTH // 5)
    before = module._remembered_html.cache_info()
    assert module.render_markdown(text).startswith("<p>Woord")
    assert module._remembered_html.cache_info() == before
