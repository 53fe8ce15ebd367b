"""The project's URLs plus two that fail, for the error-page tests: one in its view, one after it."""

from django.http import HttpResponse
from django.urls import path

from catalogue import urls


def fails(request):
    raise RuntimeError("a bug in a view")


def saves_the_session(request):
    # Nothing is queried here; SessionMiddleware saves the new session once the view has answered.
    request.session["seen"] = True
    return HttpResponse("ok")


urlpatterns = [
    path("fails/", fails),
    path("fails-after-the-view/", saves_the_session),
    *urls.urlpatterns,
]
handler404 = urls.handler404
handler500 = urls.handler500
