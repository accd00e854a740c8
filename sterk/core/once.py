"""Double submits: a create form carries a hidden one-time token (`{% once_token %}`); the
view is wrapped in `once_per_token`, which records the token with the answer (the redirect
after success) in the same transaction as the write. A second POST with the same token does
not run the view again: it gets the same redirect. Two clicks on "send" make one contact
request, one story, one proposal, one message to all registrants."""

from __future__ import annotations

import datetime
import functools
import re
import secrets
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone

from .models import FormSubmission

FIELD = "_once"
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
KEEP = datetime.timedelta(days=7)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def once_per_token(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        token = request.POST.get(FIELD, "") if request.method == "POST" else ""
        if not TOKEN.match(token):
            return view(request, *args, **kwargs)
        with transaction.atomic():
            try:
                with transaction.atomic():
                    claim = FormSubmission.objects.create(token=token, path=request.path[:255])
            except IntegrityError:
                # Posted before (a concurrent first POST has committed by now: PostgreSQL
                # makes this INSERT wait for it). Answer what the first one answered.
                done = FormSubmission.objects.filter(token=token).first()
                if done is not None and done.location:
                    return HttpResponseRedirect(done.location)
                return view(request, *args, **kwargs)
            response = view(request, *args, **kwargs)
            if isinstance(response, HttpResponseRedirect) and response.status_code in (302, 303):
                claim.location = response["Location"][:1000]
                claim.save(update_fields=["location"])
            else:
                # Not done (the form had errors): the same token may be posted again.
                claim.delete()
        FormSubmission.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
        return response

    return wrapper
