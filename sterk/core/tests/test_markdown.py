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
