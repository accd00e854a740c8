from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database reachability, for the load balancer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return JsonResponse({"status": "ok"})
    except Exception:  # pragma: no cover - only when the database is down
        return JsonResponse({"status": "database unavailable"}, status=503)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


# Served inline: only what ImageField accepts and browsers show as a picture. Anything else
# is a download; what a browser would run as a document (SVG, HTML, XML) is never served.
MEDIA_INLINE = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
MEDIA_REFUSED = {".svg", ".svgz", ".html", ".htm", ".xhtml", ".xml", ".js", ".mjs"}


def media(request: HttpRequest, path: str) -> HttpResponseBase:
    """Uploaded files, when Django itself serves them: under DEBUG (`make run`) or with
    STERK_SERVE_MEDIA=1 (one small instance without a proxy location; see
    docs/deployment.md). Otherwise 404: the proxy or the object storage serves /media/."""
    import posixpath

    from django.conf import settings
    from django.core.exceptions import SuspiciousFileOperation
    from django.http import Http404
    from django.views.static import serve

    if not (settings.DEBUG or getattr(settings, "STERK_SERVE_MEDIA", False)):
        raise Http404
    extension = posixpath.splitext(path.lower())[1]
    if extension in MEDIA_REFUSED:
        raise Http404
    try:
        response = serve(request, path, document_root=str(settings.MEDIA_ROOT))
    except SuspiciousFileOperation as exc:  # "../" out of MEDIA_ROOT
        raise Http404 from exc
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if extension not in MEDIA_INLINE:
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    return response
