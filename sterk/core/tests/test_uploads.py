"""Upload limits (bytes and pixels) and how uploaded media are served."""

from __future__ import annotations

import io
import warnings

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from sterk.core import validators
from sterk.core.forms import UploadImageField


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def test_a_small_file_with_144_megapixels_is_refused():
    data = png(12000, 12000)
    assert len(data) < 1_000_000  # tiny on disk, 144 MP in memory
    # As in production, where Pillow's DecompressionBombWarning is only a warning.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ValidationError):
            UploadImageField().clean(SimpleUploadedFile("bom.png", data, content_type="image/png"))


def test_an_image_above_the_pixel_limit_but_below_pillows_guard_is_refused(settings):
    settings.STERK_MAX_IMAGE_PIXELS = 1_000_000
    upload = SimpleUploadedFile("big.png", png(1200, 1000), content_type="image/png")
    with pytest.raises(ValidationError) as caught:
        validators.validate_image_pixels(upload)
    assert caught.value.code == "image_too_large"


def test_a_file_above_the_byte_limit_is_refused(settings):
    settings.STERK_MAX_UPLOAD_BYTES = 1000
    data = png(400, 400) + b"\0" * 2000
    with pytest.raises(ValidationError) as caught:
        UploadImageField().clean(SimpleUploadedFile("x.png", data, content_type="image/png"))
    assert "file_too_large" in [e.code for e in caught.value.error_list]


def test_an_ordinary_photo_passes():
    upload = SimpleUploadedFile("ok.png", png(800, 600), content_type="image/png")
    assert UploadImageField().clean(upload) is upload


def test_pillows_bomb_guard_follows_the_setting():
    assert validators.max_image_pixels() == Image.MAX_IMAGE_PIXELS


def test_every_image_and_file_field_of_every_form_has_the_limits():
    from django import forms

    from .test_input_rules import sterk_form_classes

    checked = 0
    for form_class in sterk_form_classes():
        for name, field in form_class.base_fields.items():
            if isinstance(field, forms.ImageField):
                assert validators.validate_image_pixels in field.validators, (form_class, name)
            if isinstance(field, forms.FileField):
                checked += 1
                if form_class.__name__ == "MemberImportForm":
                    continue  # sterk.network.imports.read_upload checks its own 5 MB
                assert validators.validate_upload_size in field.validators, (form_class, name)
    assert checked


@pytest.mark.django_db
def test_the_practice_image_model_checks_new_uploads(settings):
    from sterk.practices.models import PracticeImage

    settings.STERK_MAX_IMAGE_PIXELS = 100
    image = PracticeImage(alt_text="x")
    image.image = SimpleUploadedFile("x.png", png(20, 20), content_type="image/png")
    with pytest.raises(ValidationError) as caught:
        image.full_clean(exclude=["practice"])
    assert "image" in caught.value.error_dict


# --- serving /media/ ---------------------------------------------------------------------


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "practices").mkdir()
    (tmp_path / "practices" / "foto.png").write_bytes(png(4, 4))
    (tmp_path / "practices" / "evil.svg").write_text("<svg onload='alert(1)'/>")
    (tmp_path / "practices" / "notes.txt").write_text("<script>alert(1)</script>")
    return tmp_path


@pytest.mark.django_db
def test_media_are_404_in_production_without_the_setting(client, settings, media_root):
    settings.DEBUG = False
    settings.STERK_SERVE_MEDIA = False
    assert client.get("/media/practices/foto.png").status_code == 404


@pytest.mark.django_db
def test_media_are_served_safely_with_the_setting(client, settings, media_root):
    settings.STERK_SERVE_MEDIA = True
    response = client.get("/media/practices/foto.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    response.close()
    assert client.get("/media/practices/evil.svg").status_code == 404
    text = client.get("/media/practices/notes.txt")
    text.close()
    assert text.status_code == 200 and text["Content-Disposition"] == "attachment"
    assert text["Content-Type"] == "application/octet-stream"
    assert client.get("/media/../settings.py").status_code == 404
    assert client.get("/media/practices/missing.png").status_code == 404


@pytest.mark.django_db
def test_an_error_page_reads_nothing_from_the_database(client, settings, django_assert_num_queries):
    """A 404 (as a visitor) renders without a query: the footer's sign-up form, which lists
    regions and krachtlijnen, is left out of error pages, which must render even when the
    database is the trouble (here, after a closed connection, it failed on PostgreSQL).
    The page cache is off: its clock lookups come before the view and are not the page's."""
    settings.STERK_PAGE_CACHE = False
    with django_assert_num_queries(0):
        response = client.get("/nl/deze-pagina-bestaat-niet/")
    assert response.status_code == 404
    assert b"newsletter" not in response.content.lower().split(b"<footer")[-1]
